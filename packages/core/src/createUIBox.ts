import type Talk from "talkjs";
import { dev } from "./dev";
import { errorReporters } from "./errorReporters";
import { SessionError } from "./SessionError";
import type { SessionController } from "./types";
import type { UIBoxController, UIBoxKind, UIBoxOptionsOf, UIBoxState, UIBoxStatus } from "./uiBoxTypes";

type Options = Record<string, unknown>;
type Method = (...args: unknown[]) => unknown;
type Handler = (...args: unknown[]) => void;
// The SDK box seen by name, so one code path serves Chatbox, Inbox and Popup, and events TalkJS adds later.
interface Box {
  select: Method;
  mount: Method;
  destroy: Method;
  [method: string]: Method | undefined;
}

/** One mount() call: its element, and its end (the unmount), which releases the session use it holds. */
interface Use {
  readonly element: HTMLElement | undefined;
  readonly end: () => void;
}

/** Which conversation a box shows and how, with the call that selects it. */
interface Selection {
  readonly id: unknown;
  readonly asGuest: boolean;
  readonly run: (box: Box) => unknown;
}

/**
 * One box on one session for one mount(), from its creation to its teardown: what is not `current` any more
 * (its promises, its events) changes nothing. A failure is recorded as a new attempt without a box.
 */
interface Attempt {
  readonly session: Talk.Session;
  box?: Box;
  /** What the box shows, key by key, as far as it was applied. */
  readonly applied: Options;
  /** What it should show: the latest options resolved against its session (see `want`). */
  wanted: Options;
  /** The options object `wanted` came from, once applied: the same object again needs no work. */
  options?: object;
  /** Why it failed; then it keeps no box until the options, the element or the session change. */
  error?: SessionError;
}

const idle: UIBoxState = Object.freeze({ status: "idle", box: undefined, error: undefined });
const capitalize = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * Equality of option values by content, as JSON sees it: functions and undefined values count as absent (a new
 * inline callback is the same option); a value JSON cannot represent (a cycle) compares by identity.
 */
const same = (a: unknown, b: unknown): boolean => {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return a === b;
  }
};

/**
 * The lifecycle shared by `createChatbox`, `createInbox` and `createPopup`: wait for the session, create,
 * select, mount, follow options in place or re-create, follow the session, destroy. Internal.
 */
export function createUIBox<Kind extends UIBoxKind>(
  kind: Kind,
  talk: SessionController,
  initialOptions: UIBoxOptionsOf<Kind> = {},
): UIBoxController<Kind> {
  // Handlers by event name; "" holds the state listeners.
  const handlers = new Map<string, Set<Handler>>();
  let options = initialOptions as Options;
  let state = idle;
  let use: Use | undefined;
  let current: Attempt | undefined;
  // Bumped by every sync and apply: a call out that ran a newer one leaves the older one nothing to do.
  let runs = 0;
  let destroyed = false;

  const report = (error: SessionError) => errorReporters.get(talk)?.(error);

  const emit = (name: string, stale: () => boolean, ...args: unknown[]) => {
    const registered = handlers.get(name);
    for (const handler of [...(registered ?? [])]) {
      // Destroyed, re-created, or changed again by a handler: stop; a removed handler is skipped.
      if (stale()) return;
      try {
        if (registered?.has(handler)) handler(...args);
      } catch (cause) {
        report(
          new SessionError("handler-failed", dev && `A ${kind} "${name || "state"}" listener threw (see cause).`, {
            cause,
          }),
        );
      }
    }
  };

  const setState = (status: UIBoxStatus, box?: Box, error?: SessionError) => {
    if (state.status === status && state.box === box && state.error === error) return;
    const previous = state;
    const next = (state = Object.freeze({ status, box, error }) as UIBoxState);
    emit("", () => state !== next, next, previous);
  };

  // Destroying a box also drops its SDK event subscriptions.
  const teardown = () => {
    const box = current?.box;
    current = undefined;
    try {
      box?.destroy();
    } catch {
      // The session destroyed its boxes already; nothing is left to release.
    }
  };

  const fail = (attempt: Attempt, cause: unknown) => {
    if (current !== attempt) return;
    teardown();
    const error = new SessionError("ui-failed", dev && `The TalkJS ${kind} failed to mount or select (see cause).`, {
      cause,
    });
    current = { ...attempt, box: undefined, error };
    setState("error", undefined, error);
    report(error);
  };

  const watch = (attempt: Attempt, result: unknown, then?: () => void) => {
    Promise.resolve(result).then(
      () => current === attempt && then?.(),
      (cause: unknown) => fail(attempt, cause),
    );
  };

  const listen = (attempt: Attempt, name: string) => {
    const box = attempt.box as Box;
    const method = `on${capitalize(name)}`;
    // The one-argument form, also for onCustomMessageAction and onCustomConversationAction.
    if (box[method]) box[method]((payload: unknown) => emit(name, () => current !== attempt, payload));
    else if (dev) console.warn(`[talk-session] on("${name}"): this TalkJS ${kind} has no "${method}" event.`);
  };

  const add = (name: string, handler: Handler) => {
    if (destroyed) return () => {};
    // A wrapper per call, so the same function added twice is two handlers.
    const entry: Handler = (...args) => handler(...args);
    let registered = handlers.get(name);
    // A name is subscribed once per box, when it is first added or when the box is created, and stays until the box is destroyed.
    if (!registered) {
      handlers.set(name, (registered = new Set()));
      if (name && current?.box) listen(current, name);
    }
    registered.add(entry);
    return () => void registered.delete(entry);
  };

  /** The options resolved against `session`, keyed in the order they apply: setters, conversation, show, mount. */
  const want = (session: Talk.Session): Options => {
    // prettier-ignore
    const { conversationId, syncConversation, asGuest, show, messageFilter, presence, highlightedWords, feedFilter, ...create } = options;
    // Options with a setter are applied with it (setFeedFilter exists on the Inbox only), the rest at creation.
    const wanted: Options = { create, messageFilter, presence, highlightedWords, feedFilter };
    const given = syncConversation ?? conversationId;
    let target = given;
    let fault: [unknown] | undefined;
    try {
      if (typeof given == "function") target = (given as (session: Talk.Session) => unknown)(session);
    } catch (cause) {
      fault = [cause];
    }
    // Compared by conversation id and asGuest (`run` is a function, so it compares equal): a new builder for the
    // same conversation selects nothing.
    if (given !== undefined)
      wanted.select = {
        id: fault ?? (target as { id?: unknown } | null)?.id ?? target,
        asGuest: !!asGuest,
        run: (box: Box) => {
          if (fault) throw fault[0];
          // No conversation after one was shown selects none (TalkJS's null).
          return box.select(target ?? null, { asGuest: !!asGuest });
        },
      };
    if (kind === "popup") wanted.show = show ?? true;
    wanted.mount = true;
    return wanted;
  };

  /** Brings the attempt's box to `wanted`, one changed key at a time; stops when a call out ran a newer one. */
  const apply = (attempt: Attempt, run: number) => {
    const { applied, wanted } = attempt;
    const box = attempt.box as Box;
    for (const key in wanted) {
      const value = wanted[key];
      // Popup.show()/hide() do nothing before the popup is mounted: applied once mount() resolves.
      if (same(applied[key], value) || (key === "show" && state.status !== "mounted")) continue;
      applied[key] = value;
      try {
        if (key === "select") watch(attempt, (value as Selection).run(box));
        else if (key === "show") box[value ? "show" : "hide"]?.();
        else if (key === "mount")
          watch(attempt, box.mount(kind === "popup" ? { show: (applied.show = wanted.show) } : use?.element), () => {
            setState("mounted", box);
            if (current === attempt) apply(attempt, ++runs);
          });
        else box[`set${capitalize(key)}`]?.(value ?? (key === "highlightedWords" ? [] : {}));
      } catch (cause) {
        fail(attempt, cause);
        return;
      }
      if (run !== runs) return;
    }
    attempt.options = options;
  };

  // Brings the box in line with the mount, the session and the options: the one place that changes them.
  const sync = (): void => {
    const run = ++runs;
    const session = use && talk.getState().session;
    // Every unmount tears the box down (use is gone), so a box never outlives the mount() it was built for.
    if (current?.session !== session) teardown();
    if (!session) {
      setState(use ? "waiting" : "idle");
      return;
    }
    if (current?.options === options) return;
    const wanted = want(session);
    if (run !== runs) return;
    let attempt = current;
    if (attempt?.error && same(attempt.wanted, wanted)) {
      attempt.options = options;
      return;
    }
    if (attempt && (attempt.error || !same(attempt.applied.create, wanted.create))) teardown();
    if ((attempt = current)) attempt.wanted = wanted;
    else {
      attempt = current = { session, applied: { create: wanted.create }, wanted };
      try {
        // The three create methods take their options alike; one name stands for them in the types.
        const create = `create${capitalize(kind)}` as "createInbox";
        attempt.box = session[create](wanted.create as Talk.InboxOptions) as unknown as Box;
        for (const name of handlers.keys()) if (name) listen(attempt, name);
      } catch (cause) {
        fail(attempt, cause);
        return;
      }
      setState("mounting", attempt.box);
      if (run !== runs) return;
    }
    apply(attempt, run);
  };

  return {
    mount(element) {
      if (dev && kind !== "popup" && !element?.nodeType)
        throw new TypeError(`${kind}.mount(element) needs the HTMLElement to render into; got ${typeof element}.`);
      if (destroyed) return () => {};
      const release = talk.connect();
      // A second mount() replaces the first: its unmount does nothing any more.
      while (use) use.end();
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a listener that end() ran may have destroyed it
      if (destroyed) {
        release();
        return () => {};
      }
      const unsubscribe = talk.subscribe(sync);
      const mine: Use = {
        element,
        end() {
          if (use !== mine) return;
          use = undefined;
          unsubscribe();
          sync();
          release();
        },
      };
      use = mine;
      sync();
      return mine.end;
    },
    setOptions(next) {
      if (destroyed) return;
      options = (next as Options | undefined) ?? {};
      sync();
    },
    getState: () => state as UIBoxState<Kind>,
    subscribe: (listener) => add("", listener as Handler),
    on: (name, handler) => add(name, handler as Handler),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      use?.end();
      handlers.clear();
    },
  };
}
