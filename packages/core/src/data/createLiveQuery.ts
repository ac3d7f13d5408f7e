import type { TalkSession } from "@talkjs/core";
import { dev } from "../machine/dev";
import { createEventHub } from "../machine/eventHub";
import { SessionError } from "../machine/SessionError";
import { delay, freeze, later } from "../machine/timers";
import type { DataSessionState, LiveQueryState } from "./types";

/** What a TalkJS subscription offers a query: every kind has these (paged ones also `loadMore`). */
export interface TalkSubscription {
  readonly state: { readonly type: string };
  readonly connected: Promise<unknown>;
  loadMore?: (count?: number) => Promise<void>;
  unsubscribe: () => void;
}

/** How one kind of query reads TalkJS: `open` starts its subscription on a session. */
export interface QuerySource<Data> {
  open: (session: TalkSession, onSnapshot: (data: Data, loadedAll?: boolean) => void) => TalkSubscription;
  /** Paged queries: the first window and TalkJS's most per `loadMore` call. */
  page?: [size: number, limit: number];
  /** Fields a kind adds to the state (messages: `pending`), recomputed with every change. */
  extra?: (data: Data | undefined) => object;
}

/** What the data controller gives its queries: one object for all of them. */
export interface QueryHost {
  getState: () => DataSessionState;
  /** The session being built while the controller loads (its token handed over): queries start on it at once. */
  building: () => TalkSession | undefined;
  subscribe: (listener: (state: DataSessionState) => void) => () => void;
  connect: () => () => void;
  /** A snapshot arrived: TalkJS accepted the token it has. */
  accepted: () => void;
  report: (error: SessionError) => void;
  keepAliveMs: () => number | undefined;
  /**
   * The live queries by key: a query is in it while it lives, and leaves when it is let go (the next call with its
   * arguments makes a new one); watched again after that, it is the one for its key again, unless another is.
   */
  queries: Map<string, InternalLiveQuery<unknown>>;
}

/** A live query with its internals for the controller: `refresh` recomputes `extra` fields (pending sends). */
export interface InternalLiveQuery<Data> {
  getState: () => LiveQueryState<Data>;
  subscribe: (listener: (state: LiveQueryState<Data>, previous: LiveQueryState<Data>) => void) => () => void;
  loadMore: (count?: number) => Promise<void>;
  refresh: () => void;
  /** The controller has a session to build on: a watched query subscribes now, not only once it is ready. */
  wake: () => void;
}

const lengthOf = (data: unknown) => (Array.isArray(data) ? data.length : 0);

/**
 * One live query: one TalkJS subscription shared by its subscribers, on whichever session is current, started by the
 * first subscriber and let go after the keep-alive grace once the last leaves. A subscription that is no longer the
 * current one (another session, a re-subscription) can change nothing, as an ended attempt can do nothing. Internal.
 */
export function createLiveQuery<Data>(
  host: QueryHost,
  key: string,
  source: QuerySource<Data>,
): InternalLiveQuery<Data> {
  const { queries } = host;
  const [pageSize = 0, limit = 0] = source.page ?? [];
  // A state of the query's kind: with `pending` for messages, recomputed with every change.
  const stateOf = (status: LiveQueryState<Data>["status"], data?: Data, loadedAll = false, error?: SessionError) =>
    ({ status, data, loadedAll, error, ...source.extra?.(data) }) as LiveQueryState<Data>;
  const initial = () => freeze(stateOf("idle"));
  let state = initial();
  let talk: TalkSubscription | undefined;
  let session: TalkSession | undefined;
  // The user the data belongs to: a new session of another user starts the window over.
  let user: string | undefined;
  let wanted = pageSize;
  let filling = false;
  let waiters: Array<[target: number, resolve: () => void]> = [];
  let subscribers = 0;
  let release: (() => void) | undefined;
  let unwatch: (() => void) | undefined;
  let gcTimer: ReturnType<typeof setTimeout> | undefined;
  const listeners = createEventHub<{ state: (next: LiveQueryState<Data>, previous: LiveQueryState<Data>) => void }>(
    host.report,
  );

  const setState = (
    status: LiveQueryState<Data>["status"],
    error?: SessionError,
    data = state.data,
    loadedAll = state.loadedAll,
  ) => {
    const next = stateOf(status, data, loadedAll, error);
    const previous = state;
    // A new object only when something changed, so a listener hears only real changes.
    if (Object.keys(next).some((key) => next[key as keyof typeof next] !== previous[key as keyof typeof previous])) {
      state = freeze(next);
      void listeners.emit("state", state, previous);
    }
  };

  const settleWaiters = (all?: boolean) => {
    const length = lengthOf(state.data);
    waiters = waiters.filter(([target, resolve]) => {
      const done = all || state.loadedAll || length >= target;
      if (done) resolve();
      return !done;
    });
  };

  // Grows the delivered window to `wanted`, a call at most `limit` at a time; one loop however many loadMore calls.
  // A snapshot during a call (a reconnect shrank the window) asks for one more round; a call TalkJS lost (the
  // connection dropped under it) is tried again after a pause, a few times, so a loadMore never waits for ever.
  let again = false;
  const fill = async () => {
    if (filling) return void (again = true);
    filling = true;
    let lost = 0;
    try {
      for (let progress = true; progress || again;) {
        again = false;
        const mine = talk;
        const before = lengthOf(state.data);
        if (!mine?.loadMore || mine.state.type != "active" || state.loadedAll || before >= wanted) break;
        await mine.loadMore(Math.min(limit, wanted - before));
        progress = talk === mine && lengthOf(state.data) > before;
        if (!progress && talk === mine && lost < 3) {
          await delay(500 * 2 ** lost++, watched.signal);
          again = true;
        }
      }
    } catch {
      // A loadMore TalkJS refused; the next snapshot tries again.
    } finally {
      filling = false;
      settleWaiters(lost >= 3);
    }
  };

  const close = () => {
    talk?.unsubscribe();
    talk = undefined;
  };

  const open = (live: TalkSession) => {
    close();
    const me = live.currentUser.id;
    if (user !== undefined && me !== user) {
      // Another user: every query starts over at one page.
      wanted = pageSize;
      state = initial();
    }
    user = me;
    session = live;
    setState("loading");
    // A listener may have let the query go, or moved it to another session: then this one opens nothing.
    if (session !== live || talk) return;
    const mine = (talk = source.open(live, (data, loadedAll = true) => {
      if (talk !== mine) return;
      host.accepted();
      // TalkJS shrinks a window back to one page after a reconnect: what was loaded once is loaded again.
      wanted = Math.max(wanted, lengthOf(data));
      setState("ready", undefined, data, loadedAll);
      settleWaiters();
      // Short of the window (fill checks): load the rest.
      void fill();
    }));
    mine.connected.catch((cause: unknown) => {
      // A refused subscription is in `error`; one that never connected because the session ended waits for the
      // session's own `error`, which every query shows.
      if (talk !== mine || mine.state.type != "error") return;
      const error = new SessionError(
        "query-failed",
        dev && "TalkJS refused a live query (see cause); it tries again when subscribed anew or on a new session.",
        { cause },
      );
      close();
      setState("error", error);
      settleWaiters(true);
      host.report(error);
    });
  };

  // Follows the controller: a new session re-subscribes, a dead one shows its error.
  const follow = ({ status, session: ready, error }: DataSessionState) => {
    // Subscribing while the session is built saves the round trips until it is ready; the first snapshot proves the
    // token works, and a session that fails to build takes the query to its error.
    const live = ready ?? (status == "loading" ? host.building() : undefined);
    // A query TalkJS refused stays in error on that session (`session` is still it).
    if (live) {
      if (live !== session) open(live);
    } else {
      close();
      session = undefined;
      // Loading: no session to subscribe on yet. Error: the query shows why. Destroyed or released: idle.
      setState(status == "loading" || status == "error" ? status : "idle", error);
      // A loadMore waits for a session being built, never for a dead one.
      if (status != "loading") settleWaiters(true);
    }
  };

  // Aborted (and replaced) when the query is let go: a pause before trying a lost loadMore again ends then, with its
  // timer.
  let watched = new AbortController();

  const letGo = () => {
    watched.abort();
    watched = new AbortController();
    clearTimeout(gcTimer);
    unwatch?.();
    close();
    unwatch = undefined;
    session = undefined;
    if (state.status != "error") setState("idle");
    settleWaiters(true);
    if (queries.get(key) == query) queries.delete(key);
  };

  // A query nobody subscribes to (made in a render that was thrown away, or on the server) is let go after the grace.
  const collectLater = () => (gcTimer = later(letGo, host.keepAliveMs() ?? 0));
  collectLater();
  const query: InternalLiveQuery<Data> = {
    getState: () => state,
    subscribe(listener) {
      const off = listeners.on("state", (next, previous) => next === state && listener(next, previous));
      clearTimeout(gcTimer);
      if (!subscribers++) {
        // A query TalkJS refused tries again when subscribed anew.
        if (state.error?.code == "query-failed") session = undefined;
        if (!queries.has(key)) queries.set(key, query);
        release = host.connect();
        unwatch ??= host.subscribe(follow);
        follow(host.getState());
      }
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        off();
        if (--subscribers) return;
        // The controller's grace and the query's run together: both are let go one grace after the last leaves.
        release?.();
        release = undefined;
        collectLater();
      };
    },
    loadMore(count = pageSize) {
      if (!source.page) return Promise.resolve();
      if (dev && !(Number.isInteger(count) && count > 0))
        throw new TypeError(`loadMore(count) needs a whole number of items, 1 or more; got ${String(count)}.`);
      wanted = Math.max(wanted, lengthOf(state.data)) + count;
      const target = wanted;
      const done = new Promise<void>((resolve) => waiters.push([target, resolve]));
      // Nobody watches it: nothing will load.
      if (!subscribers) settleWaiters(true);
      void fill();
      return done;
    },
    // The state as it is, with the fields `extra` adds recomputed (pending sends changed).
    refresh: () => setState(state.status, state.error),
    wake: () => subscribers && follow(host.getState()),
  };
  queries.set(key, query);
  return query;
}
