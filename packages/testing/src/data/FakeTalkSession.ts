import type {
  AudioFileMetadata,
  ConversationFilter,
  ConversationListSubscription,
  ConversationRef,
  ConversationSearch,
  ConversationSnapshot,
  FileToken,
  GenericFileMetadata,
  ImageFileMetadata,
  MessageSearch,
  Subscription,
  TalkSession,
  TalkSessionOptions,
  UserRef,
  VideoFileMetadata,
  VoiceRecordingFileMetadata,
} from "@talkjs/core";
import { checkToken, verifiesTokens } from "../shared/checkToken.js";
import { startTimer, stopTimer, type TimerHandle } from "../shared/timers.js";
import type { FakeCoreRuntime } from "./FakeCoreRuntime.js";
import { FakeConversationRef } from "./FakeConversationRef.js";
import { callUser, PagedSubscription, type AnyFakeSubscription } from "./FakeSubscription.js";
import { FakeUserRef } from "./FakeUserRef.js";
import { lastActivityAt, matchesConversationFilter } from "./matchesConversationFilter.js";
import { PAGE_LIMITS } from "./pageLimits.js";
import { assertId, notImplemented, type SessionInternals } from "./SessionInternals.js";
import { SnapshotBuilder } from "./SnapshotBuilder.js";

/**
 * Where a fake session's connection is: `idle` until the first request, `auth` while it waits for a token or its
 * check, `connecting` for the latency (or a network that is down), `open`, `offline` after `disconnect()`, `ended`.
 */
export type FakeTalkSessionPhase = "idle" | "auth" | "connecting" | "open" | "offline" | "ended";

/**
 * `getTalkSession`'s options as TalkJS's runtime reads them: `forceCreateNew` (missing from its types) gives a new
 * session instead of the registered one.
 * @example
 * const options: FakeTalkSessionOptions = { appId: "test-app", userId: "pete", forceCreateNew: true };
 */
export interface FakeTalkSessionOptions extends TalkSessionOptions {
  forceCreateNew?: boolean;
}

interface QueuedRequest {
  run(): void;
  fail(error: Error): void;
}

/**
 * The fake's `TalkSession`, with TalkJS's lazy authentication through `onNeedToken`, its windows and its
 * `terminate()`, plus read-only inspection (`phase`, `tokens`, `needTokenCalls`, `subscriptionCount()`).
 * Get one from `fake.getTalkSession(...)`, never with `new`.
 * @example
 * const session = fake.getTalkSession({ appId: "test-app", userId: "pete" });
 * session.onNeedToken = () => session.setToken(token);
 */
export class FakeTalkSession implements TalkSession {
  readonly appId: string;
  /** The session's own user, as `user(options.userId)`. */
  readonly currentUser: UserRef;
  onNeedToken?: () => void;
  /** The options it was created with (later `getTalkSession` calls for the same user do not change them). */
  readonly options: Readonly<FakeTalkSessionOptions>;
  /** Every token handed to `setToken`, in order (the legacy `token` option is not listed). */
  readonly tokens: string[] = [];
  readonly #runtime: FakeCoreRuntime;
  readonly #snapshots: SnapshotBuilder;
  readonly #internals: SessionInternals;
  #phase: FakeTalkSessionPhase = "idle";
  #everOpened = false;
  /** The websocket dropped since the connection was last open: reopening resubscribes from the first page. */
  #dropped = false;
  #token: string | undefined;
  #authAttempt = 0;
  #needTokenCalls = 0;
  #subscriptions = new Set<AnyFakeSubscription>();
  #queue: QueuedRequest[] = [];
  #errorHandlers = new Set<(error: Error) => void>();
  #endError: Error | undefined;
  #refreshTimer: TimerHandle | undefined;
  #expiryTimer: TimerHandle | undefined;
  #users = new Map<string, FakeUserRef>();
  #conversations = new Map<string, FakeConversationRef>();

  /** @internal Created by the fake core's `getTalkSession`. */
  constructor(options: FakeTalkSessionOptions, runtime: FakeCoreRuntime) {
    this.options = Object.freeze({ ...options });
    this.appId = options.appId;
    this.#runtime = runtime;
    // The deprecated legacy option still works in TalkJS, so the fake honours it.
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- reading the deprecated option is the point
    this.#token = options.token;
    this.#snapshots = new SnapshotBuilder(runtime.backend, options.userId, (id) => runtime.isConnected(id));
    this.#internals = this.#createInternals();
    this.currentUser = this.user(options.userId);
    runtime.register(this, {
      end: (error) => this.#end(error),
      expireToken: () => this.#expireToken(),
      disconnect: () => {
        if (this.#everOpened && this.#phase !== "ended") this.#dropped = true;
        if (this.#phase === "open") this.#phase = "offline";
      },
      reconnect: () => {
        if (this.#phase === "offline" || this.#phase === "connecting") this.#openAfterLatency();
      },
      refresh: () => {
        for (const subscription of [...this.#subscriptions]) {
          if (this.#phase !== "open") return;
          subscription.refresh();
        }
      },
    });
  }

  /** The user this session connects as. */
  get userId(): string {
    return this.options.userId;
  }

  get phase(): FakeTalkSessionPhase {
    return this.#phase;
  }

  /** False once the app called `terminate()` or the fake ended the session. */
  get isAlive(): boolean {
    return this.#phase !== "ended";
  }

  /** The error the session ended with (what `onError` handlers got), if the server ended it. */
  get endError(): Error | undefined {
    return this.#endError;
  }

  /** How often the session called `onNeedToken` (or the legacy `tokenFetcher`). */
  get needTokenCalls(): number {
    return this.#needTokenCalls;
  }

  /** Subscriptions not unsubscribed (pending or active), counting those left `active` after the session ended. */
  subscriptionCount(): number {
    return this.#subscriptions.size;
  }

  setToken(token: string): void {
    this.tokens.push(token);
    if (this.#phase === "ended") return;
    this.#token = token;
    // Before the first request the token only waits; afterwards it re-authenticates the connection at once.
    if (this.#phase !== "idle") void this.#verify(token);
  }

  onError(handler: (error: Error) => void): Subscription {
    const entry = (error: Error): void => handler(error);
    this.#errorHandlers.add(entry);
    return { unsubscribe: () => this.#errorHandlers.delete(entry) };
  }

  /** Ends the session: the websocket closes, subscriptions stay as they are, and `onError` is not called. */
  terminate(): void {
    this.#end(undefined);
  }

  /** A reference to any user (the same object for the same id); throws for an empty id, as TalkJS does. */
  user(id: string): UserRef {
    assertId("Session.user(id)", id);
    let ref = this.#users.get(id);
    if (ref === undefined) {
      ref = new FakeUserRef(this.#internals, id);
      this.#users.set(id, ref);
    }
    return ref;
  }

  conversation(id: string): ConversationRef {
    assertId("Session.conversation(id)", id);
    let ref = this.#conversations.get(id);
    if (ref === undefined) {
      ref = new FakeConversationRef(this.#internals, id);
      this.#conversations.set(id, ref);
    }
    return ref;
  }

  subscribeConversations(
    onSnapshot?: (snapshot: ConversationSnapshot[], loadedAll: boolean) => void,
  ): ConversationListSubscription;
  subscribeConversations(
    options: { filter?: ConversationFilter },
    onSnapshot?: (snapshot: ConversationSnapshot[], loadedAll: boolean) => void,
  ): ConversationListSubscription;
  subscribeConversations(
    first?: { filter?: ConversationFilter } | ((snapshot: ConversationSnapshot[], loadedAll: boolean) => void),
    second?: (snapshot: ConversationSnapshot[], loadedAll: boolean) => void,
  ): ConversationListSubscription {
    const onSnapshot = typeof first === "function" ? first : second;
    const filter = typeof first === "function" ? undefined : first?.filter;
    const snapshots = this.#snapshots;
    const read = () =>
      [...this.#runtime.backend.conversations.keys()]
        .map((id) => snapshots.conversation(id))
        .filter((snapshot): snapshot is ConversationSnapshot => snapshot !== null)
        .filter((snapshot) => matchesConversationFilter(filter, snapshot))
        .map((snapshot) => ({ id: snapshot.id, activity: lastActivityAt(snapshot), snapshot }))
        .sort((a, b) => b.activity - a.activity);
    const subscription = new PagedSubscription<ConversationSnapshot>(
      this.#internals,
      `conversations:${JSON.stringify(filter ?? null)}`,
      PAGE_LIMITS.conversations,
      read,
      // The list is never null: without the user or any conversation it is empty.
      onSnapshot === undefined ? undefined : (list, loadedAll) => onSnapshot(list ?? [], loadedAll),
    );
    // A conversation list is never `null`; the shared paged type allows it for messages and participants.
    return this.#internals.subscribe(subscription) as unknown as ConversationListSubscription;
  }

  searchMessages(): MessageSearch {
    throw notImplemented("TalkSession.searchMessages");
  }

  searchConversations(): ConversationSearch {
    throw notImplemented("TalkSession.searchConversations");
  }

  uploadFile(_data: Blob, _metadata: GenericFileMetadata): Promise<FileToken> {
    return Promise.reject(notImplemented("TalkSession.uploadFile"));
  }

  uploadImage(_data: Blob, _metadata: ImageFileMetadata): Promise<FileToken> {
    return Promise.reject(notImplemented("TalkSession.uploadImage"));
  }

  uploadVideo(_data: Blob, _metadata: VideoFileMetadata): Promise<FileToken> {
    return Promise.reject(notImplemented("TalkSession.uploadVideo"));
  }

  uploadAudio(_data: Blob, _metadata: AudioFileMetadata): Promise<FileToken> {
    return Promise.reject(notImplemented("TalkSession.uploadAudio"));
  }

  uploadVoice(_data: Blob, _metadata: VoiceRecordingFileMetadata): Promise<FileToken> {
    return Promise.reject(notImplemented("TalkSession.uploadVoice"));
  }

  #createInternals(): SessionInternals {
    return {
      me: this.options.userId,
      backend: this.#runtime.backend,
      snapshots: this.#snapshots,
      request: (work) => this.#request(work),
      subscribe: (subscription) => this.#subscribe(subscription),
      takeSendFailure: () => this.#runtime.takeSendFailure(),
      afterLatency: (work) => {
        startTimer(() => {
          if (this.#phase === "open") work();
        }, this.#runtime.latencyMs());
      },
      remove: (subscription) => {
        if (this.#subscriptions.delete(subscription)) this.#runtime.presenceChanged();
      },
    };
  }

  /** The first request of any kind starts authentication (TalkJS asks for a token only when it needs one). */
  #use(): void {
    if (this.#phase !== "idle") return;
    this.#phase = "auth";
    if (this.#appIdRefused()) {
      // TalkJS reports an unknown app id through onError rather than asking for another token.
      queueMicrotask(() => this.#end(new Error(`[TalkJS] Unknown app id ${JSON.stringify(this.appId)}.`)));
    } else if (this.#token !== undefined) void this.#verify(this.#token);
    else this.#needToken(false);
  }

  #request<T>(work: () => T): Promise<T> {
    if (this.#phase === "ended") return Promise.reject(new Error("[TalkJS] The session was terminated."));
    this.#use();
    return new Promise<T>((resolve, reject) => {
      const entry: QueuedRequest = {
        run: () => {
          try {
            resolve(work());
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        },
        fail: reject,
      };
      if (this.#phase === "open") this.#runRequest(entry);
      else this.#queue.push(entry);
    });
  }

  #runRequest(entry: QueuedRequest): void {
    startTimer(() => {
      if (this.#phase === "open") entry.run();
      else if (this.#phase === "ended") entry.fail(new Error("[TalkJS] The session was terminated."));
      else this.#queue.push(entry);
    }, this.#runtime.latencyMs());
  }

  #subscribe<S extends AnyFakeSubscription>(subscription: S): S {
    if (this.#phase === "ended") {
      subscription.sessionEnded();
      return subscription;
    }
    this.#subscriptions.add(subscription);
    this.#use();
    if (this.#phase !== "open") return subscription;
    this.#runtime.presenceChanged();
    const cached = [...this.#subscriptions].some(
      (other) => other !== subscription && other.cacheKey === subscription.cacheKey && other.state.type === "active",
    );
    // Data TalkJS already holds for another subscription is delivered synchronously, before subscribe() returns.
    if (cached) this.#activate(subscription);
    else this.#internals.afterLatency(() => this.#activate(subscription));
    return subscription;
  }

  #activate(subscription: AnyFakeSubscription): void {
    if (this.#phase !== "open" || subscription.state.type !== "pending" || !this.#subscriptions.has(subscription))
      return;
    const failure = this.#runtime.takeSubscriptionFailure();
    if (failure === undefined) subscription.activate();
    else subscription.fail(failure);
  }

  #needToken(afterRefusal: boolean, reason?: string): void {
    const onNeedToken = this.onNeedToken;
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the legacy option still works in TalkJS
    const { tokenFetcher } = this.options;
    if (onNeedToken !== undefined) {
      // Asked on a later microtask, never inside the call that made the request; a refusal asks again at once.
      queueMicrotask(() => {
        if (this.#phase === "ended") return;
        this.#needTokenCalls += 1;
        callUser(onNeedToken);
      });
    } else if (tokenFetcher !== undefined) {
      this.#needTokenCalls += 1;
      void this.#fetchLegacyToken(tokenFetcher);
    } else if (!afterRefusal && !verifiesTokens(this.#runtime.tokens)) {
      // An app without authentication connects with no token at all.
      this.#connect();
    } else {
      const detail = reason ?? "no token: set session.onNeedToken or call session.setToken() before using the session";
      this.#end(new Error(`[TalkJS] Authentication failed: ${detail}.`));
    }
  }

  async #fetchLegacyToken(tokenFetcher: () => string | Promise<string>): Promise<void> {
    let token: unknown;
    try {
      token = await tokenFetcher();
    } catch (error) {
      // The legacy tokenFetcher ends the session on its first failure, as TalkJS's does.
      this.#end(new Error(`[TalkJS] tokenFetcher failed: ${error instanceof Error ? error.message : String(error)}`));
      return;
    }
    if (this.#phase === "ended") return;
    if (typeof token !== "string" || token === "") {
      this.#end(new Error("[TalkJS] tokenFetcher must return a non-empty string."));
      return;
    }
    this.#token = token;
    await this.#verify(token);
  }

  async #verify(token: string): Promise<void> {
    const attempt = ++this.#authAttempt;
    stopTimer(this.#refreshTimer);
    stopTimer(this.#expiryTimer);
    const refusal = this.#runtime.takeTokenRefusal();
    const check =
      refusal !== undefined
        ? ({ ok: false, reason: refusal } as const)
        : typeof token === "string" && token !== ""
          ? await checkToken(token, { appId: this.appId, userId: this.userId }, this.#runtime.tokens)
          : ({ ok: false, reason: "the token must be a non-empty string" } as const);
    if (attempt !== this.#authAttempt || this.#phase === "ended") return;
    if (!check.ok) {
      this.#refused(check.reason);
      return;
    }
    if (check.exp !== undefined) this.#scheduleExpiry(check.exp, attempt);
    if (this.#phase === "auth") this.#connect();
  }

  #refused(reason: string): void {
    // An unauthenticated connection delivers nothing until a token is accepted.
    if (this.#phase !== "idle") this.#phase = "auth";
    this.#needToken(true, reason);
  }

  #expireToken(): void {
    if (this.#phase === "ended" || this.#phase === "idle") return;
    this.#authAttempt += 1;
    stopTimer(this.#refreshTimer);
    stopTimer(this.#expiryTimer);
    this.#refused("the token expired");
  }

  #scheduleExpiry(expSeconds: number, attempt: number): void {
    const now = Date.now();
    this.#refreshTimer = startTimer(
      () => {
        const onNeedToken = this.onNeedToken;
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- the legacy option still works in TalkJS
        const { tokenFetcher } = this.options;
        if (attempt !== this.#authAttempt) return;
        this.#needTokenCalls += onNeedToken !== undefined || tokenFetcher !== undefined ? 1 : 0;
        if (onNeedToken !== undefined) callUser(onNeedToken);
        else if (tokenFetcher !== undefined) void this.#fetchLegacyToken(tokenFetcher);
      },
      expSeconds * 1000 - this.#runtime.refreshBeforeExpiryMs - now,
    );
    this.#expiryTimer = startTimer(
      () => {
        if (attempt === this.#authAttempt) this.#expireToken();
      },
      expSeconds * 1000 - now,
    );
  }

  #connect(): void {
    this.#phase = "connecting";
    this.#openAfterLatency();
  }

  #appIdRefused(): boolean {
    const { appIds } = this.#runtime.tokens;
    return appIds !== undefined && !appIds.includes(this.appId);
  }

  #openAfterLatency(): void {
    startTimer(() => {
      if (this.#phase === "ended" || this.#phase === "open" || this.#phase === "auth") return;
      if (!this.#runtime.networkUp()) {
        this.#phase = this.#everOpened ? "offline" : "connecting";
        return;
      }
      this.#open();
    }, this.#runtime.latencyMs());
  }

  #open(): void {
    const reconnected = this.#dropped;
    this.#dropped = false;
    this.#phase = "open";
    this.#everOpened = true;
    this.#runtime.presenceChanged();
    for (const subscription of [...this.#subscriptions]) {
      // A callback may have terminated the session or dropped the connection: then the rest waits (or never runs).
      if (this.phase !== "open") return;
      if (subscription.state.type === "pending") this.#activate(subscription);
      else if (reconnected) subscription.reconnected();
      else subscription.refresh();
    }
    const queue = this.#queue;
    this.#queue = [];
    for (const entry of queue) this.#runRequest(entry);
  }

  #end(error: Error | undefined): void {
    if (this.#phase === "ended") return;
    this.#phase = "ended";
    this.#authAttempt += 1;
    stopTimer(this.#refreshTimer);
    stopTimer(this.#expiryTimer);
    this.#endError = error;
    for (const subscription of this.#subscriptions) subscription.sessionEnded();
    const queue = this.#queue;
    this.#queue = [];
    for (const entry of queue) entry.fail(new Error("[TalkJS] The session was terminated."));
    this.#runtime.sessionEnded(this);
    if (error === undefined) return;
    const handlers = [...this.#errorHandlers];
    this.#errorHandlers.clear();
    for (const handler of handlers) callUser(() => handler(error));
  }
}
