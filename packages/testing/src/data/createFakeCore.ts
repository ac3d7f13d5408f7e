import type { registerPolyfills } from "@talkjs/core";
import {
  FakeBackend,
  type FakeSeed,
  type FakeSeedConversation,
  type FakeSeedMessage,
  type FakeSeedUser,
} from "../shared/FakeBackend.js";
import type { FakeCore } from "./FakeCore.js";
import type { FakeCoreOptions } from "./FakeCoreOptions.js";
import type { FakeCoreRuntime, FakeSessionControl } from "./FakeCoreRuntime.js";
import { FakeTalkSession, type FakeTalkSessionOptions } from "./FakeTalkSession.js";

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new TypeError(`createFakeCore: "${name}" must be a number; got ${JSON.stringify(value)}.`);
  }
  return Math.max(0, value);
}

const KNOWN_OPTIONS = new Set([
  "latencyMs",
  "secret",
  "verifyToken",
  "appIds",
  "refreshBeforeExpiryMs",
  "seed",
  "replaceErroredSessions",
]);

class FakeCoreModule implements FakeCore {
  readonly #backend = new FakeBackend();
  readonly #options: FakeCoreOptions;
  readonly #runtime: FakeCoreRuntime;
  #latencyMs: number;
  #networkUp = true;
  #sessions: FakeTalkSession[] = [];
  #controls = new Map<FakeTalkSession, FakeSessionControl>();
  #registry = new Map<string, FakeTalkSession>();
  #peakLiveSessions = 0;
  #tokenRefusals: string[] = [];
  #sendFailures: Error[] = [];
  #subscriptionFailures: Error[] = [];
  #polyfills: Parameters<typeof registerPolyfills>[0][] = [];
  #refreshing = false;
  #refreshRequests = 0;
  #presenceQueued = false;

  constructor(options: FakeCoreOptions) {
    for (const key of Object.keys(options)) {
      if (!KNOWN_OPTIONS.has(key)) {
        throw new TypeError(`createFakeCore: unknown option "${key}". Known: ${[...KNOWN_OPTIONS].join(", ")}.`);
      }
    }
    if (options.secret !== undefined && (typeof options.secret !== "string" || options.secret === "")) {
      throw new TypeError(`createFakeCore: "secret" must be a non-empty string when given.`);
    }
    if (options.verifyToken !== undefined && typeof options.verifyToken !== "function") {
      throw new TypeError(`createFakeCore: "verifyToken" must be a function when given.`);
    }
    this.#options = options;
    this.#latencyMs = nonNegative("latencyMs", options.latencyMs, 0);
    const refreshBeforeExpiryMs = nonNegative("refreshBeforeExpiryMs", options.refreshBeforeExpiryMs, 10_000);
    this.#runtime = {
      backend: this.#backend,
      tokens: {
        secret: options.secret,
        verifyToken: options.verifyToken,
        appIds: options.appIds === undefined ? undefined : [...options.appIds],
      },
      refreshBeforeExpiryMs,
      latencyMs: () => this.#latencyMs,
      networkUp: () => this.#networkUp,
      takeTokenRefusal: () => this.#tokenRefusals.shift(),
      takeSendFailure: () => this.#sendFailures.shift(),
      takeSubscriptionFailure: () => this.#subscriptionFailures.shift(),
      isConnected: (userId) =>
        this.#sessions.some(
          (session) => session.userId === userId && session.phase === "open" && session.subscriptionCount() > 0,
        ),
      register: (session, control) => {
        this.#sessions.push(session);
        this.#controls.set(session, control);
        this.#peakLiveSessions = Math.max(this.#peakLiveSessions, this.liveSessions().length);
      },
      presenceChanged: () => {
        if (this.#presenceQueued) return;
        this.#presenceQueued = true;
        queueMicrotask(() => {
          this.#presenceQueued = false;
          this.#refreshAll();
        });
      },
      sessionEnded: () => this.#runtime.presenceChanged(),
    };
    this.#backend.onChange(() => this.#refreshAll());
    if (options.seed !== undefined) this.#backend.seed(options.seed);
  }

  get latencyMs(): number {
    return this.#latencyMs;
  }

  set latencyMs(value: number) {
    this.#latencyMs = nonNegative("latencyMs", value, 0);
  }

  get networkUp(): boolean {
    return this.#networkUp;
  }

  get sessions(): readonly FakeTalkSession[] {
    return [...this.#sessions];
  }

  get polyfills(): readonly Parameters<typeof registerPolyfills>[0][] {
    return [...this.#polyfills];
  }

  getTalkSession(options: FakeTalkSessionOptions): FakeTalkSession {
    // The types rule these out, but JavaScript callers can pass anything: fail the way TalkJS validates ids.
    const given = options as Partial<FakeTalkSessionOptions> | undefined;
    for (const name of ["appId", "userId"] as const) {
      const value = given?.[name];
      if (typeof value !== "string" || value === "") {
        throw new Error(`[TalkJS] getTalkSession needs a non-empty string "${name}"; got ${JSON.stringify(value)}.`);
      }
    }
    const key = `${options.appId}:${options.userId}`;
    const registered = this.#registry.get(key);
    const replace =
      registered === undefined ||
      options.forceCreateNew === true ||
      (this.#options.replaceErroredSessions === true && registered.endError !== undefined);
    if (!replace) return registered;
    const session = new FakeTalkSession(options, this.#runtime);
    this.#registry.set(key, session);
    return session;
  }

  registerPolyfills(polyfills: Parameters<typeof registerPolyfills>[0]): void {
    this.#polyfills.push(polyfills);
  }

  seed(seed: FakeSeed): void {
    this.#backend.seed(seed);
  }

  addUser(user: FakeSeedUser): void {
    this.#backend.seed({ users: [user] });
  }

  addConversation(conversation: FakeSeedConversation): void {
    this.#backend.seed({ conversations: [conversation] });
  }

  publishMessage(conversationId: string, message: FakeSeedMessage): string {
    const record = this.#backend.appendMessage(conversationId, message);
    this.#backend.changed();
    return record.id;
  }

  setTyping(conversationId: string, userId: string, typing: boolean): void {
    this.#backend.setTyping(conversationId, userId, typing);
    this.#backend.changed();
  }

  setOnline(userId: string, online: boolean): void {
    this.#backend.setOnline(userId, online);
    this.#backend.changed();
  }

  disconnect(): void {
    this.#networkUp = false;
    for (const session of this.liveSessions()) this.#controls.get(session)?.disconnect();
    this.#runtime.presenceChanged();
  }

  reconnect(): void {
    this.#networkUp = true;
    for (const session of this.liveSessions()) this.#controls.get(session)?.reconnect();
  }

  expireToken(session?: FakeTalkSession): void {
    this.#control("expireToken", session).expireToken();
  }

  refuseNextToken(reason = "refused by refuseNextToken() of the @talkjs/core fake"): void {
    this.#tokenRefusals.push(reason);
  }

  terminate(session?: FakeTalkSession, error?: Error): void {
    this.#control("terminate", session).end(
      error ?? new Error("[TalkJS] The session was terminated by the server (terminate() of the @talkjs/core fake)."),
    );
  }

  failNextSend(error?: Error): void {
    this.#sendFailures.push(error ?? new Error("[TalkJS] The message could not be sent (failNextSend() of the fake)."));
  }

  failNextSubscription(error?: Error): void {
    this.#subscriptionFailures.push(
      error ?? new Error("[TalkJS] The subscription was refused (failNextSubscription() of the fake)."),
    );
  }

  liveSessions(): FakeTalkSession[] {
    return this.#sessions.filter((session) => session.isAlive);
  }

  peakLiveSessions(): number {
    return this.#peakLiveSessions;
  }

  subscriptionCount(): number {
    return this.#sessions.reduce((total, session) => total + session.subscriptionCount(), 0);
  }

  setTokenCalls(): number {
    return this.#sessions.reduce((total, session) => total + session.tokens.length, 0);
  }

  needTokenCalls(): number {
    return this.#sessions.reduce((total, session) => total + session.needTokenCalls, 0);
  }

  #control(name: string, session: FakeTalkSession | undefined): FakeSessionControl {
    const target = session ?? this.liveSessions().at(-1);
    const control = target === undefined ? undefined : this.#controls.get(target);
    if (control === undefined) {
      throw new Error(`[TalkJS fake] ${name}(): no live session. Create one with core.getTalkSession(...) first.`);
    }
    return control;
  }

  /** Every live session recomputes its subscriptions; a change made by a callback meanwhile runs one more round. */
  #refreshAll(): void {
    this.#refreshRequests += 1;
    if (this.#refreshing) return;
    this.#refreshing = true;
    try {
      let handled = -1;
      while (handled !== this.#refreshRequests) {
        handled = this.#refreshRequests;
        for (const session of this.liveSessions()) this.#controls.get(session)?.refresh();
      }
    } finally {
      this.#refreshing = false;
    }
  }
}

/**
 * Creates a fake of `@talkjs/core` for tests and offline demos: `getTalkSession` with TalkJS's registry, lazy
 * `onNeedToken` authentication, windows and page sizes, plus controls that play the server.
 * @throws TypeError for an unknown option, an empty `secret` or a non-numeric delay.
 * @example
 * const core = createFakeCore({ secret: "s3cret", seed: { conversations: [{ id: "c1", participants: ["pete", "sam"] }] } });
 * const session = core.getTalkSession({ appId: "test-app", userId: "pete" });
 * session.onNeedToken = async () => session.setToken(await signTestToken({ secret: "s3cret", appId: "test-app", userId: "pete" }));
 */
export function createFakeCore(options: FakeCoreOptions = {}): FakeCore {
  return new FakeCoreModule(options);
}
