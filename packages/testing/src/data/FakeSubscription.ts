import type { ErrorState, PendingState, UnsubscribedState } from "@talkjs/core";
import type { SnapshotBuilder } from "./SnapshotBuilder.js";

const PENDING: PendingState = Object.freeze({ type: "pending" });
const UNSUBSCRIBED: UnsubscribedState = Object.freeze({ type: "unsubscribed" });

/** TalkJS rejects `connected` with a plain string, not an `Error`; the fake does the same. */
export const NOT_CONNECTED_UNSUBSCRIBED = "Subscription was unsubscribed before it connected";
export const NOT_CONNECTED_SESSION_ENDED = "Session was terminated before the subscription connected";

/** What a subscription needs from the session that created it. */
export interface SubscriptionOwner {
  readonly snapshots: SnapshotBuilder;
  /** Runs `work` after the fake's latency if the connection is still open then; otherwise drops it. */
  afterLatency(work: () => void): void;
  remove(subscription: AnyFakeSubscription): void;
}

/** Calls user code; a throw surfaces as an uncaught error (as from TalkJS's own callbacks) without breaking the fake. */
export function callUser(callback: () => void): void {
  try {
    callback();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}

let nextSubscriptionId = 0;

/**
 * One TalkJS subscription: `state`, `connected`, `terminated`, `unsubscribe()`. The session activates it (its first
 * snapshot), refreshes it after every change (the callback runs only when the snapshot changed) and tells it about
 * reconnects and the session's end. After the session ended it stays as it was, as TalkJS leaves it.
 */
export abstract class FakeSubscription<Active extends { readonly type: "active" }> {
  state: PendingState | Active | UnsubscribedState | ErrorState = PENDING;
  readonly connected: Promise<Active>;
  readonly terminated: Promise<UnsubscribedState | ErrorState>;
  /** Subscriptions with the same key share TalkJS's cache: a second one is active at once. */
  readonly cacheKey: string;
  protected readonly id = ++nextSubscriptionId;
  protected readonly owner: SubscriptionOwner;
  #settleConnected!: { resolve: (state: Active) => void; reject: (reason: string | Error) => void };
  #resolveTerminated!: (state: UnsubscribedState | ErrorState) => void;

  constructor(owner: SubscriptionOwner, cacheKey: string) {
    this.owner = owner;
    this.cacheKey = cacheKey;
    this.connected = new Promise<Active>((resolve, reject) => (this.#settleConnected = { resolve, reject }));
    // TalkJS does not report an unawaited `connected` rejection as unhandled (1.8.2), so neither does the fake.
    this.connected.catch(() => undefined);
    this.terminated = new Promise((resolve) => (this.#resolveTerminated = resolve));
  }

  /** The current active state computed from the server. */
  protected abstract compute(): Active;
  /** Calls the subscriber's callback with the state's snapshot. */
  protected abstract notify(state: Active): void;
  protected abstract sameState(previous: Active, next: Active): boolean;

  get isOpen(): boolean {
    return this.state.type === "pending" || this.state.type === "active";
  }

  /** The first snapshot. */
  activate(): void {
    if (this.state.type !== "pending") return;
    const state = this.compute();
    this.state = state;
    this.#settleConnected.resolve(state);
    this.notify(state);
  }

  /** Recomputes; the callback runs only if the snapshot changed. */
  refresh(): void {
    if (this.state.type !== "active") return;
    const next = this.compute();
    if (this.sameState(this.state, next)) return;
    this.state = next;
    this.notify(next);
  }

  /** The websocket came back: TalkJS resubscribes from scratch. */
  reconnected(): void {
    this.refresh();
  }

  /** The session ended: nothing changes any more; a pending subscription's `connected` rejects with a string. */
  sessionEnded(): void {
    if (this.state.type === "pending") this.#settleConnected.reject(NOT_CONNECTED_SESSION_ENDED);
  }

  /** TalkJS refused the subscription. */
  fail(error: Error): void {
    if (!this.isOpen) return;
    const wasPending = this.state.type === "pending";
    const state: ErrorState = Object.freeze({ type: "error", error });
    this.state = state;
    if (wasPending) this.#settleConnected.reject(error);
    this.#resolveTerminated(state);
    this.owner.remove(this);
  }

  unsubscribe(): void {
    if (!this.isOpen) return;
    if (this.state.type === "pending") this.#settleConnected.reject(NOT_CONNECTED_UNSUBSCRIBED);
    this.state = UNSUBSCRIBED;
    this.#resolveTerminated(UNSUBSCRIBED);
    this.owner.remove(this);
    this.stopped();
  }

  /** Hook for paged subscriptions to settle their loads. */
  protected stopped(): void {
    // Nothing to settle by default.
  }
}

/** Any kind of fake subscription, as the session holds them. */
export interface AnyFakeSubscription {
  readonly cacheKey: string;
  readonly state: { readonly type: "pending" | "active" | "unsubscribed" | "error" };
  activate(): void;
  refresh(): void;
  reconnected(): void;
  sessionEnded(): void;
  fail(error: Error): void;
}

/** A subscription to one snapshot (a conversation, a user, typing, presence, a participant). */
export class SingleSubscription<Snapshot> extends FakeSubscription<{
  readonly type: "active";
  readonly latestSnapshot: Snapshot | null;
}> {
  readonly #read: () => Snapshot | null;
  readonly #onSnapshot: ((snapshot: Snapshot | null) => void) | undefined;

  constructor(
    owner: SubscriptionOwner,
    cacheKey: string,
    read: () => Snapshot | null,
    onSnapshot: ((snapshot: Snapshot | null) => void) | undefined,
  ) {
    super(owner, cacheKey);
    this.#read = read;
    this.#onSnapshot = onSnapshot;
  }

  protected compute(): { readonly type: "active"; readonly latestSnapshot: Snapshot | null } {
    return Object.freeze({ type: "active", latestSnapshot: this.#read() });
  }

  protected notify(state: { readonly latestSnapshot: Snapshot | null }): void {
    const onSnapshot = this.#onSnapshot;
    if (onSnapshot !== undefined) callUser(() => onSnapshot(state.latestSnapshot));
  }

  protected sameState(
    previous: { latestSnapshot: Snapshot | null },
    next: { latestSnapshot: Snapshot | null },
  ): boolean {
    return previous.latestSnapshot === next.latestSnapshot;
  }
}

/** An item of a paged list with what moves it into the window (a new item, or more recent activity). */
export interface PagedItem<Snapshot> {
  readonly id: string;
  readonly activity: number;
  readonly snapshot: Snapshot;
}

/** TalkJS's page size and per-call `loadMore` limit of one kind of list. */
export interface PageLimits {
  readonly kind: string;
  readonly pageSize: number;
  readonly maxPerCall: number;
}

type PagedActive<Snapshot> = {
  readonly type: "active";
  readonly latestSnapshot: Snapshot[] | null;
  readonly loadedAll: boolean;
};

/**
 * A windowed list (messages, participants, conversations): the first page, plus every item that is new or becomes
 * active after subscribing, plus what `loadMore` added. A reconnect shrinks the window back to the first page.
 */
export class PagedSubscription<Snapshot> extends FakeSubscription<PagedActive<Snapshot>> {
  readonly #limits: PageLimits;
  readonly #read: () => PagedItem<Snapshot>[] | null;
  readonly #onSnapshot: ((snapshot: Snapshot[] | null, loadedAll: boolean) => void) | undefined;
  #window: Set<string> | undefined;
  #known = new Map<string, number>();
  #load: { target: number; promise: Promise<void>; resolve: () => void } | undefined;

  constructor(
    owner: SubscriptionOwner,
    cacheKey: string,
    limits: PageLimits,
    read: () => PagedItem<Snapshot>[] | null,
    onSnapshot: ((snapshot: Snapshot[] | null, loadedAll: boolean) => void) | undefined,
  ) {
    super(owner, cacheKey);
    this.#limits = limits;
    this.#read = read;
    this.#onSnapshot = onSnapshot;
  }

  /** How many items the subscriber sees now. */
  get windowSize(): number {
    return this.state.type === "active" ? (this.state.latestSnapshot?.length ?? 0) : 0;
  }

  loadMore(count: number = this.#limits.pageSize): Promise<void> {
    const { kind, maxPerCall } = this.#limits;
    if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > maxPerCall) {
      return Promise.reject(
        new RangeError(
          `[TalkJS] ${kind} loadMore(count): count must be between 1 and ${maxPerCall}; got ${String(count)}.`,
        ),
      );
    }
    // Before the subscription is active TalkJS has no window to grow, and silently drops the call.
    if (this.state.type !== "active") return Promise.resolve();
    const target = this.windowSize + count;
    if (this.#load !== undefined) {
      // A second call while one loads asks for a bigger page (relative to what is loaded), never the sum.
      this.#load.target = Math.max(this.#load.target, target);
      return this.#load.promise;
    }
    let resolve!: () => void;
    const promise = new Promise<void>((settle) => (resolve = settle));
    const load = { target, promise, resolve };
    this.#load = load;
    this.owner.afterLatency(() => {
      if (this.#load !== load || this.state.type !== "active") return;
      this.#grow(load.target);
      this.#load = undefined;
      this.refresh();
      load.resolve();
    });
    return promise;
  }

  override reconnected(): void {
    // TalkJS resubscribes with its first page: what loadMore added is gone, and a load in flight is lost.
    this.#window = undefined;
    const load = this.#load;
    this.#load = undefined;
    this.refresh();
    load?.resolve();
  }

  protected override stopped(): void {
    const load = this.#load;
    this.#load = undefined;
    load?.resolve();
  }

  protected compute(): PagedActive<Snapshot> {
    const items = this.#read();
    if (items === null) return Object.freeze({ type: "active", latestSnapshot: null, loadedAll: true });
    if (this.#window === undefined) {
      this.#window = new Set(items.slice(0, this.#limits.pageSize).map((item) => item.id));
      this.#known = new Map(items.map((item) => [item.id, item.activity]));
    } else {
      for (const item of items) {
        const seen = this.#known.get(item.id);
        if (seen === undefined || item.activity > seen) this.#window.add(item.id);
        this.#known.set(item.id, item.activity);
      }
    }
    const window = this.#window;
    const visible = items.filter((item) => window.has(item.id));
    return Object.freeze({
      type: "active",
      latestSnapshot: this.owner.snapshots.list(
        `list:${this.id}`,
        visible.map((item) => item.snapshot),
      ),
      loadedAll: visible.length === items.length,
    });
  }

  protected notify(state: PagedActive<Snapshot>): void {
    const onSnapshot = this.#onSnapshot;
    if (onSnapshot !== undefined) callUser(() => onSnapshot(state.latestSnapshot, state.loadedAll));
  }

  protected sameState(previous: PagedActive<Snapshot>, next: PagedActive<Snapshot>): boolean {
    return previous.latestSnapshot === next.latestSnapshot && previous.loadedAll === next.loadedAll;
  }

  #grow(target: number): void {
    const items = this.#read();
    const window = this.#window;
    if (items === null || window === undefined) return;
    let size = items.filter((item) => window.has(item.id)).length;
    for (const item of items) {
      if (size >= target) break;
      if (window.has(item.id)) continue;
      window.add(item.id);
      size += 1;
    }
  }
}
