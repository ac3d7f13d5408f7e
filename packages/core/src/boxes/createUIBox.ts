import type Talk from "talkjs";
import { dev } from "../machine/dev";
import { contentKey } from "../machine/contentKey";
import { errorReporters } from "../machine/errorReporters";
import { capitalize, createEventHub, createSdkEventHub } from "../machine/eventHub";
import { freeze, noop } from "../machine/timers";
import { ownedControllers } from "../machine/ownedControllers";
import { SessionError } from "../machine/SessionError";
import type { SessionController } from "../classic/types";
import type {
  UIBoxController,
  UIBoxEventHandlers,
  UIBoxKind,
  UIBoxOptionsOf,
  UIBoxState,
  UIBoxStatus,
} from "./uiBoxTypes";

type Options = Record<string, unknown>;
type Method = (...args: unknown[]) => unknown;
// The SDK box seen by name, so one code path serves Chatbox, Inbox and Popup, and events TalkJS adds later.
interface Box {
  select: Method;
  mount: Method;
  destroy: Method;
  [method: string]: Method | undefined;
}

/**
 * The lifecycle shared by `createChatbox`, `createInbox` and `createPopup`: wait for the session, create,
 * select, mount, follow options in place or re-create, follow the session, destroy. Internal.
 */
export function createUIBox<Kind extends UIBoxKind>(
  kind: Kind,
  talk: SessionController,
  initialOptions?: UIBoxOptionsOf<Kind>,
): UIBoxController<Kind> {
  let options = initialOptions as Options | undefined;
  // Set by the first setState (below), before anyone can listen.
  let state: UIBoxState;
  // The mount() in force: its element, and its end (the unmount), which releases the session use it holds.
  let element: HTMLElement | undefined;
  let end: (() => void) | undefined;
  // The current attempt: one box on one session from its creation to its teardown, or its failure. Every teardown
  // bumps `attempt`, so what an older one left behind (its promises) changes nothing.
  let attempt = 0;
  let session: Talk.Session | undefined;
  let box: Box | undefined;
  let error: SessionError | undefined;
  // What the box shows, key by key, as far as it was applied; what it should show (see `sync`). Both hold content
  // keys: snapshots, compared by content whatever the key order, so an option mutated in place and passed again is
  // a change, and an equal one in a new object is none.
  let applied: Record<string, string | undefined> = {};
  let wanted = "";
  // The latest call of each kind (select, mount) on the box: only its outcome decides, a superseded one does nothing.
  let calls: Record<string, object> = {};
  // syncConversation's answer, asked once per session and conversation: [given, session, conversation, fault]. A
  // function is asked once per session (a new identity, as an inline function each render, is the same option).
  let conversation: unknown[] = [];
  // Bumped by every sync: a call out that ran a newer one leaves the older one nothing to do.
  let runs = 0;
  let destroyed = false;

  const report = (error: SessionError) => errorReporters.get(talk)?.(error);
  // The box's events, subscribed on each box as the session's are on each session. The state listeners apart, never
  // attached to a box: each gets [state, previous] and is skipped once an earlier listener made a newer state.
  const events = createSdkEventHub<UIBoxEventHandlers<Kind> & { error: (error: SessionError) => void }>(report);
  const listeners = createEventHub<{ state: (next: UIBoxState<Kind>, previous: UIBoxState<Kind>) => void }>(report);

  // The state is the status with the current box and error; each call is a change (see `sync`).
  const setState = (status: UIBoxStatus) => {
    const previous = state;
    const next = (state = freeze({ status, box, error }) as UIBoxState);
    void listeners.emit("state", next, previous);
  };

  // Drops the box's SDK event subscriptions, then the box. A failure keeps its session (see `fail`).
  const teardown = (keep?: Talk.Session) => {
    const old = box;
    attempt++;
    session = keep;
    box = error = undefined;
    events.attach(undefined);
    try {
      old?.destroy();
    } catch {
      // The session destroyed its boxes already; nothing is left to release.
    }
  };

  // The failed attempt is over; a new one without a box keeps its session and options, to stay in error for them.
  const fail = (failed: number, cause: unknown) => {
    if (failed !== attempt) return;
    teardown(session);
    const failure = (error = new SessionError(
      "ui-failed",
      dev && `The TalkJS ${kind} failed to mount or select (see cause).`,
      { cause },
    ));
    setState("error");
    void events.emit("error", failure);
    report(failure);
  };

  // Follows a call's promise: only the latest call of its kind on the current box may decide, fulfilled or rejected.
  const watch = (kind: string, result: unknown, then?: () => void) => {
    const mine = attempt;
    const call = (calls[kind] = {});
    const current = () => calls[kind] === call;
    void Promise.resolve(result).then(
      () => current() && mine === attempt && then?.(),
      (cause: unknown) => current() && fail(mine, cause),
    );
  };

  // Brings the box in line with the mount, the session and the options: the one place that changes them.
  const sync = (): void => {
    const run = ++runs;
    const next = end && talk.getState().session;
    // Every unmount tears the box down (end is gone), so a box never outlives the mount() it was built for.
    if (session !== next) teardown();
    if (!next) {
      // Every change of the session's state comes here while there is none: only a new status is a change. A
      // destroyed session never comes back: a box mounted on it ends in error rather than waiting for ever.
      // An owned controller is replaced by the component that owns it (React's <Activity>): the box waits for it.
      const gone = end && talk.getState().status === "destroyed" && !ownedControllers.has(talk);
      const status = gone ? "error" : end ? "waiting" : "idle";
      if (state.status === status) return;
      error = gone
        ? new SessionError(
            "ui-failed",
            dev && `The session controller of this ${kind} was destroyed; mount the ${kind} under a live session.`,
          )
        : undefined;
      setState(status);
      if (error) void events.emit("error", error);
      return;
    }
    // The options resolved against the session, keyed in the order they apply: setters, conversation, show, mount.
    // prettier-ignore
    const { conversationId, syncConversation, asGuest, show, messageFilter, presence, highlightedWords, feedFilter, ...create } = options ?? {};
    // Options with a setter are applied with it (setFeedFilter exists on the Inbox only), the rest at creation.
    const latest: Options = { create, messageFilter, presence, highlightedWords, feedFilter };
    const given = syncConversation ?? conversationId;
    const asked = conversation[0];
    if ((typeof given == "function" ? typeof asked != "function" : given !== asked) || next !== conversation[1]) {
      let target = given;
      let fault: [unknown] | undefined;
      try {
        if (typeof given == "function") target = (given as (session: Talk.Session) => unknown)(next);
      } catch (cause) {
        fault = [cause];
      }
      conversation = [given, next, target, fault];
      // syncConversation may have set newer options.
      if (run !== runs) return;
    }
    const [, , target, fault] = conversation as [unknown, unknown, { id?: unknown } | null | undefined, [unknown]?];
    // Compared by conversation id and asGuest: a new builder for the same conversation selects nothing.
    if (given !== undefined) latest.select = [target?.id ?? target, !!asGuest];
    if (kind === "popup") latest.show = show ?? true;
    // A failed box is built again only for other options (or another element or session).
    const latestKey = contentKey(latest);
    if (error ? wanted !== latestKey : session && applied.create !== contentKey(create)) teardown();
    else if (error) return;
    wanted = latestKey;
    const mine = attempt;
    try {
      if (!session) {
        session = next;
        applied = { create: contentKey(create) };
        calls = {};
        // The three create methods take their options alike; one name stands for them in the types.
        box = next[`create${capitalize(kind)}` as "createInbox"](create) as unknown as Box;
        events.attach(box);
        setState("mounting");
        if (run !== runs) return;
      }
      // A throwing syncConversation fails the attempt as a failed select() would.
      if (fault) throw fault[0];
      // Then each changed key in order, until a call out runs a newer sync.
      for (const key in latest) {
        const value = latest[key];
        // Popup.show()/hide() do nothing before the popup is mounted: applied once mount() resolves.
        const valueKey = contentKey(value);
        if ((applied[key] ?? "") === valueKey || (key === "show" && state.status !== "mounted")) continue;
        applied[key] = valueKey;
        if (key === "select") {
          // The conversation resolved above; none after one was shown selects none (TalkJS's null).
          watch("select", (box as Box).select(target ?? null, { asGuest: !!asGuest }));
        } else if (key === "show") (box as Box)[value ? "show" : "hide"]?.();
        else (box as Box)[`set${capitalize(key)}`]?.(value ?? (key === "highlightedWords" ? [] : {}));
        if (run !== runs) return;
      }
      // Last, once per box: selected (and configured) before it is mounted.
      if (!applied.mount) {
        applied.mount = "1";
        applied.show = contentKey(latest.show);
        watch("mount", (box as Box).mount(kind === "popup" ? { show: latest.show } : element), () => {
          setState("mounted");
          sync();
        });
      }
    } catch (cause) {
      fail(mine, cause);
    }
  };

  setState("idle");
  return {
    mount(target) {
      if (dev && kind !== "popup" && !target?.nodeType)
        throw new TypeError(`${kind}.mount(element) needs the HTMLElement to render into; got ${typeof target}.`);
      // A second mount() replaces the first: its unmount does nothing any more. The session's release waits for a
      // timer, so it is still there for the connect() below.
      while (end) end();
      if (destroyed) return noop;
      const release = talk.connect();
      // connect() may have told the session's listeners of a new status, and one may have destroyed this box or
      // mounted it elsewhere: then this mount is no longer current and does nothing.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the listeners may have changed both
      if (destroyed || end) {
        release();
        return noop;
      }
      const unsubscribe = talk.subscribe(sync);
      const mine = () => {
        if (end !== mine) return;
        end = undefined;
        unsubscribe();
        sync();
        release();
      };
      element = target;
      end = mine;
      sync();
      return mine;
    },
    setOptions(next) {
      options = next as Options | undefined;
      sync();
    },
    getState: () => state as UIBoxState<Kind>,
    subscribe: (listener) => listeners.on("state", (next, previous) => next === state && listener(next, previous)),
    on: events.on,
    // Final: after it, mount() does nothing and no state change is left to tell anyone.
    destroy() {
      destroyed = true;
      end?.();
      events.clear();
      listeners.clear();
    },
  };
}
