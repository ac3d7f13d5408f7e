import type { DebugEntry, SessionStatus } from "../classic/types";
import { dev } from "./dev";
import { createEventHub, type EventHub } from "./eventHub";
import { lingering, ownedControllers } from "./ownedControllers";
import { SessionError } from "./SessionError";
import { later, noop } from "./timers";
import { createTokenSource, type TokenInputs, type TokenSource } from "./tokenSource";

/** What every kind of session state has: the status, the live session while `ready`, the error while `error`. */
export interface MachineState<Session> {
  readonly status: SessionStatus;
  readonly session: Session | undefined;
  readonly error: SessionError | undefined;
}

/** The options the machine reads, afresh each time: tokens, keep-alive, trace. */
export interface MachineOptions extends TokenInputs {
  keepAliveMs: number | undefined;
  debug: boolean | ((entry: DebugEntry) => void) | undefined;
}

/**
 * The steps of one attempt, written by each kind of session: it ends in `ready` through `setState`, or throws. It
 * gets the attempt's `signal` (check it after every wait: `signal.throwIfAborted()`, and the machine ignores what an
 * ended attempt throws), its token source, `connected()` (resolves once someone is connected: at once, or at the next
 * `connect()` after a release). What it builds, the kind's `release` ends.
 */
export type Build = (signal: AbortSignal, tokens: TokenSource, connected: () => Promise<void>) => Promise<void>;

/** The members every kind of controller shares, built by the machine. */
export interface MachineController<Session, State, Handlers> {
  getState: () => State;
  on: <Name extends keyof Handlers & string>(name: Name, handler: Handlers[Name]) => () => void;
  subscribe: (listener: (state: State, previous: State) => void) => () => void;
  connect: () => () => void;
  whenReady: () => Promise<Session>;
  retry: () => void;
  destroy: () => void;
}

/**
 * The machine's parts a kind drives: the controller members it built, the event hub, `setState` (every change goes
 * through it), `start(reason)` (a new attempt), `fail`, `report` (a non-fatal error), `step` (a trace line) and the
 * current attempt's token source. A tuple: its names are the caller's, and cost nothing in a bundle.
 */
export type SessionMachine<Session, State, Handlers, Hub = EventHub<Handlers>> = [
  controller: MachineController<Session, State, Handlers>,
  events: Hub,
  setState: (next: State, message?: string) => void,
  start: (reason: string) => void,
  fail: (error: SessionError) => void,
  report: (error: SessionError) => void,
  step: (message: string) => void,
  tokens: () => TokenSource | undefined,
];

const destroyedError = () =>
  new Error(dev ? "This TalkJS session controller was destroyed; create a new one." : "destroyed");

/**
 * The state machine every kind of session stands on (the classic `talkjs` session, the `@talkjs/core` data
 * session): statuses, the mailbox, attempts that do nothing once they are no longer current, ref-counted
 * `connect()` with a keep-alive grace, `whenReady` waiters, `retry` and `destroy`. The kind builds a session in
 * `build` and decides what recreates it. Internal.
 */
export function createSessionMachine<
  Session,
  State extends MachineState<Session>,
  Handlers extends { error: (error: SessionError) => void },
  Hub extends EventHub<Handlers> = EventHub<Handlers>,
>(
  read: () => MachineOptions,
  stateOf: (status: SessionStatus, session?: Session, error?: SessionError) => State,
  build: Build,
  /** Ends what the current attempt built (its session, subscriptions); called once per attempt that ends. */
  release: () => void,
  /** The app and user of the session kept through a grace: another owned controller's match ends that grace. */
  appAndUser: () => string,
  /** Called as an attempt starts, before anyone hears of it: forget what the previous attempt resolved. */
  starting?: () => void,
  /** Makes the controller's event hub: the classic kind's subscribes each session to the events with handlers. */
  hubOf: (report: (error: SessionError) => void) => Hub = createEventHub as never,
): SessionMachine<Session, State, Handlers, Hub> {
  let state = stateOf("idle");
  // The current attempt. Everything asynchronous it starts checks its signal when it resumes; ending it aborts it,
  // which also stops its token fetches, retries and waits. So an attempt that is no longer current can do nothing.
  let attempt: AbortController | undefined;
  let tokens: TokenSource | undefined;
  let wake: (() => void) | undefined;
  let connections = 0;
  let releaseTimer: ReturnType<typeof setTimeout> | undefined;
  const queue: Array<[next: State, previous: State, message: string | undefined]> = [];
  let notifying = false;
  const waiters: Array<[resolve: (session: Session) => void, reject: (error: Error) => void]> = [];

  const destroyed = () => state.status == "destroyed";

  const trace = (message: string, { status, error }: State, previous?: State) => {
    const { debug } = read();
    if (typeof debug == "function")
      debug({ type: previous ? "transition" : "step", status, previous: previous?.status, message, error });
    else if (debug) console.debug(`[talk-session] ${status}: ${message}`);
  };
  const step = (message: string) => trace(message, state);

  const report = (error: SessionError) => {
    step(error.message);
    void events.emit("error", error);
  };
  const events = hubOf(report);
  // subscribe() listeners: a hub of their own, never attached to a session, so they share the fan-out's rules (a
  // listener removed during a notification is skipped, a throwing one is reported and the others still run).
  const changes = createEventHub<{ state: (next: State, previous: State) => void }>(report);

  // The mailbox: a change made from inside a listener (or the trace) is queued, so every listener hears every
  // change in order. Waiters settle once the queue is empty, from the state as it is then.
  const notify = () => {
    if (notifying) return;
    notifying = true;
    try {
      for (let news; (news = queue.shift());) {
        const [next, previous, message] = news;
        if (message) trace(message, next, previous);
        void changes.emit("state", next, previous);
      }
    } finally {
      notifying = false;
    }
    const { session } = state;
    if (destroyed()) changes.clear();
    if (session || destroyed())
      for (const [resolve, reject] of waiters.splice(0)) {
        if (session) resolve(session);
        else reject(destroyedError());
      }
  };

  /** Every state change goes through here; a `message` marks a status change, which the trace reports. */
  const setState = (next: State, message?: string) => {
    queue.push([next, state, message]);
    state = next;
    notify();
  };

  /** Ends the current attempt: aborts what it still waits for and releases what it built, newest first. */
  const end = () => {
    const [ended, woken] = [attempt, wake];
    attempt = wake = undefined;
    ended?.abort();
    woken?.();
    try {
      release();
    } catch {
      // Already torn down inside the SDK; nothing left to release.
    }
  };

  const fail = (error: SessionError) => {
    end();
    setState(stateOf("error", undefined, error), error.message);
    void events.emit("error", error);
  };

  const start = (reason: string) => {
    if (destroyed()) return;
    end();
    const started = (attempt = new AbortController());
    const { signal } = started;
    const source = (tokens = createTokenSource(read, signal, step));
    starting?.();
    setState(stateOf("loading"), reason);
    // A listener may have moved on already (destroy, release, another user): then this attempt never starts.
    if (!signal.aborted)
      build(
        signal,
        source,
        // Released during the grace period: build nothing until someone connects again.
        () => (connections ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve))),
      ).catch(
        (error: unknown) =>
          signal.aborted ||
          fail(
            error instanceof SessionError
              ? error
              : new SessionError("session-create-failed", dev && "Creating the TalkJS session failed (see cause).", {
                  cause: error,
                }),
          ),
      );
  };

  // Stops a grace in progress: its timer, and its place among the lingering owned controllers.
  const endGrace = () => {
    clearTimeout(releaseTimer);
    lingering.delete(controller);
  };

  const controller: MachineController<Session, State, Handlers> = {
    getState: () => state,
    on: (name, handler) => (destroyed() ? noop : events.on(name, handler)),
    subscribe: (listener) => (destroyed() ? noop : changes.on("state", listener)),
    connect() {
      if (destroyed()) {
        if (dev) console.warn("[talk-session] connect() on a destroyed controller does nothing; create a new one.");
        return noop;
      }
      connections++;
      endGrace();
      wake?.();
      if (state.status == "idle") start("connected");
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (--connections > 0 || destroyed()) return;
        // One grace period lets a StrictMode remount or a route flicker reuse the session.
        const letGo = () => {
          endGrace();
          if (connections) return;
          if (ownedControllers.has(controller)) controller.destroy();
          else {
            end();
            if (state.status != "idle") setState(stateOf("idle"), dev ? "released: no connection left" : "released");
          }
        };
        releaseTimer = later(letGo, read().keepAliveMs ?? 0);
        if (ownedControllers.has(controller)) lingering.set(controller, [appAndUser(), letGo]);
      };
    },
    // A waiter settles once no change is left to tell: at once when the session is ready (or destroyed) already.
    whenReady: () =>
      new Promise((resolve, reject) => {
        waiters.push([resolve, reject]);
        notify();
      }),
    retry() {
      if (state.status != "error") return;
      if (connections) start("retry");
      // Nobody can connect an owned controller again: it is done.
      else if (ownedControllers.has(controller)) controller.destroy();
      else setState(stateOf("idle"), dev ? "retry with no connection: idle until the next connect()" : "retry");
    },
    destroy() {
      if (destroyed()) return;
      endGrace();
      end();
      // Handlers still to run in an ongoing emit are skipped, as removeEventListener does.
      events.clear();
      setState(stateOf("destroyed"), "destroyed");
    },
  };

  return [controller, events, setState, start, fail, report, step, () => tokens];
}

/**
 * Before a component-owned controller creates its session: ends the grace of every other owned controller's session
 * for the same app and user, so two are never alive together (a page change). Internal.
 */
export function endOthersGrace(controller: object, appAndUser: string): void {
  if (ownedControllers.has(controller))
    for (const [other, [otherUser, letGo]] of lingering) if (other != controller && otherUser == appAndUser) letGo();
}
