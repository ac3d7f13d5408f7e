import fc from "fast-check";
import { createFakeTalk, type FakeSession, type FakeTalk } from "@x/session-testing";
import { describe, expect, it } from "vitest";
import { createTalkSession } from "../src/classic/createTalkSession";
import type { DebugEntry, SessionController, SessionOptions, TalkModule } from "../src/classic/types";
import { passTime, runUntilIdle, usePropertyTestEnvironment } from "./propertiesClock";
import {
  knownApps,
  optionChangeArbitraries,
  TOKEN_MARK,
  userArbitrary,
  type OptionChange,
  type UserModel,
} from "./support/optionModels";

// "same": a caching endpoint that answers one token forever; "stale": a JWT already past its exp by this clock.
type FetcherMode = "none" | "sync" | "slow" | "fail" | "empty" | "same" | "stale";
type Status = "idle" | "loading" | "ready" | "error";
// What a subscriber or handler does from inside its callback: re-entrancy is normal use.
type ReentrantAction = "setUser" | "setToken" | "destroy" | "retry" | "connect" | "release";
interface OptionsModel {
  appId: string;
  user: UserModel;
  token: string | undefined;
  fetcher: FetcherMode;
}

type Command =
  | { kind: "connect" }
  | { kind: "release"; index: number }
  | OptionChange<FetcherMode>
  | { kind: "rerenderSameOptions" }
  | { kind: "failNextSession" }
  | { kind: "addHandler" }
  | { kind: "removeHandler" }
  | { kind: "emit" }
  | { kind: "refreshToken" }
  | { kind: "retry" }
  | { kind: "destroy" }
  | { kind: "passTime"; ms: number }
  | { kind: "settle" }
  | { kind: "whenReady" }
  | { kind: "subscriberDoes"; when: Status; action: ReentrantAction; user: UserModel }
  | { kind: "handlerDoes"; action: ReentrantAction; user: UserModel };

const fetcherArbitrary = fc.constantFrom<FetcherMode>(
  "none",
  "none",
  "sync",
  "sync",
  "slow",
  "slow",
  "fail",
  "empty",
  "same",
  "stale",
);
const reentrantActionArbitrary = fc.constantFrom<ReentrantAction>(
  "setUser",
  "setToken",
  "destroy",
  "retry",
  "connect",
  "release",
);

const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: "connect" as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("release" as const), index: fc.nat(5) }) },
  ...optionChangeArbitraries(fetcherArbitrary),
  { weight: 2, arbitrary: fc.constant({ kind: "rerenderSameOptions" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "failNextSession" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "addHandler" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "removeHandler" as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: "emit" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "refreshToken" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "retry" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "destroy" as const }) },
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant("passTime" as const), ms: fc.constantFrom(0, 1, 10, 60, 400) }),
  },
  { weight: 4, arbitrary: fc.constant({ kind: "settle" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "whenReady" as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("subscriberDoes" as const),
      when: fc.constantFrom<Status>("idle", "loading", "ready", "error"),
      action: reentrantActionArbitrary,
      user: userArbitrary,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("handlerDoes" as const),
      action: reentrantActionArbitrary,
      user: userArbitrary,
    }),
  },
);

const scenarioArbitrary = fc.record({
  sdk: fc.record({
    ready: fc.constantFrom<"resolve" | "reject" | "never">(
      "resolve",
      "resolve",
      "resolve",
      "resolve",
      "resolve",
      "resolve",
      "reject",
      "never",
    ),
    readyDelayMs: fc.constantFrom(0, 5, 50, 300),
  }),
  // 30 days is longer than a timer can hold: it must wait (clamped), not fire at once.
  keepAliveMs: fc.constantFrom<number | undefined>(undefined, 0, 50, 30 * 24 * 60 * 60 * 1000),
  initial: fc.record({
    appId: fc.constantFrom("app-a", "app-b"),
    user: userArbitrary,
    token: fc.option(fc.nat(3), { nil: undefined }),
    fetcher: fetcherArbitrary,
  }),
  // Most runs start with a connect: a controller nobody connects exercises little.
  commands: fc
    .tuple(fc.boolean(), fc.array(commandArbitrary, { minLength: 3, maxLength: 20, size: "large" }))
    .map(([startConnected, rest]): Command[] => (startConnected ? [{ kind: "connect" }, ...rest] : rest)),
});
type Scenario = typeof scenarioArbitrary extends fc.Arbitrary<infer Value> ? Value : never;

/** One property run: a controller on a fresh fake, driven by the commands, checked after every step. */
class Run {
  readonly fake: FakeTalk;
  readonly controller: SessionController;
  readonly trace: DebugEntry[] = [];
  readonly releases: Array<{ release: () => void; released: boolean }> = [];
  readonly handlers: Array<{ off: () => void; calls: number }> = [];
  readonly #peak: () => number;
  readonly talk: TalkModule;
  model: OptionsModel;
  destroyed = false;
  tokenCounter = 0;
  /** tokenFetcher calls made for an attempt that was no longer current (its signal already aborted). */
  staleFetches = 0;
  /** "message" handlers that act once, then remove themselves. */
  oneShotHandlers = 0;
  /** Sessions subscribers were told about in a `ready` state. */
  readonly sessionsSeenReady = new Set<unknown>();
  /** Whether each whenReady() resolution handed out a live session. */
  readonly readyResolutions: boolean[] = [];
  readonly readyPromises: Array<{ settled: boolean }> = [];

  constructor(readonly scenario: Scenario) {
    this.fake = createFakeTalk({ ...scenario.sdk, appIds: knownApps });
    this.#peak = () => this.fake.peakLiveSessions();
    this.talk = this.fake;
    const { token, ...initial } = scenario.initial;
    this.model = { ...initial, token: token === undefined ? undefined : `${TOKEN_MARK}given-${token}` };
    this.controller = createTalkSession(this.options());
    this.controller.subscribe((state) => state.session && this.sessionsSeenReady.add(state.session));
  }

  get connections(): number {
    return this.releases.filter((entry) => !entry.released).length;
  }

  /** The options an app would pass now: always fresh function identities, as inline props are. */
  options(): SessionOptions {
    const { appId, user, token, fetcher } = this.model;
    return {
      appId,
      talk: this.talk,
      ...(user.kind === "id"
        ? { userId: user.id }
        : { syncUser: () => new this.fake.User({ id: user.id, name: user.name }) }),
      ...(token !== undefined ? { token } : {}),
      ...(fetcher !== "none" ? { tokenFetcher: this.fetcher(fetcher) } : {}),
      retry: { attempts: 2, minDelayMs: 10, maxDelayMs: 40 },
      loadTimeoutMs: 1000,
      keepAliveMs: this.scenario.keepAliveMs,
      debug: (entry: DebugEntry) => void this.trace.push(entry),
    };
  }

  fetcher(mode: Exclude<FetcherMode, "none">): (context: { signal: AbortSignal }) => string | Promise<string> {
    return ({ signal }) => {
      if (signal.aborted) this.staleFetches++;
      const token = `${TOKEN_MARK}fetched-${++this.tokenCounter}`;
      if (mode === "same") return `${TOKEN_MARK}cached`;
      if (mode === "stale") return staleJwt(token);
      if (mode === "sync") return token;
      if (mode === "empty") return "";
      if (mode === "fail") return Promise.reject(new Error("token endpoint down"));
      return new Promise((resolve) => setTimeout(() => resolve(token), 30));
    };
  }

  /** Does `action` as user code would from inside a callback. */
  act(action: ReentrantAction, user: UserModel): void {
    const { controller } = this;
    switch (action) {
      case "setUser":
        this.model = { ...this.model, user };
        controller.setOptions(this.options());
        break;
      case "setToken":
        this.model = { ...this.model, token: `${TOKEN_MARK}given-reentrant-${++this.tokenCounter}` };
        controller.setOptions(this.options());
        break;
      case "destroy":
        controller.destroy();
        this.destroyed = true;
        this.handlers.length = 0;
        this.oneShotHandlers = 0;
        break;
      case "retry":
        controller.retry();
        break;
      case "connect":
        this.releases.push({ release: controller.connect(), released: this.destroyed });
        break;
      case "release": {
        const entry = this.releases.find((candidate) => !candidate.released);
        if (entry) {
          entry.released = true;
          entry.release();
        }
        break;
      }
    }
  }

  async apply(command: Command): Promise<void> {
    const { controller, fake } = this;
    switch (command.kind) {
      case "whenReady": {
        const tracked = { settled: false };
        this.readyPromises.push(tracked);
        controller.whenReady().then(
          (session) => {
            tracked.settled = true;
            // Alive, or destroyed by a later step before this callback ran; always a session subscribers saw ready.
            this.readyResolutions.push(session.isAlive || this.controller.getState().session !== session);
            this.readyResolutions.push(this.sessionsSeenReady.has(session));
          },
          () => (tracked.settled = true),
        );
        break;
      }
      case "subscriberDoes": {
        const off = controller.subscribe((state) => {
          if (state.status !== command.when) return;
          off();
          this.act(command.action, command.user);
        });
        break;
      }
      case "handlerDoes": {
        const off = controller.on("message", () => {
          off();
          this.oneShotHandlers--;
          this.act(command.action, command.user);
        });
        if (!this.destroyed) this.oneShotHandlers++;
        break;
      }
      case "connect":
        this.releases.push({ release: controller.connect(), released: this.destroyed });
        break;
      case "release": {
        const entry = this.releases[command.index % Math.max(1, this.releases.length)];
        if (entry) {
          entry.release();
          entry.released = true;
        }
        break;
      }
      case "setUser":
        this.model = { ...this.model, user: command.user };
        controller.setOptions(this.options());
        break;
      case "setApp":
        this.model = { ...this.model, appId: command.appId };
        controller.setOptions(this.options());
        break;
      case "setToken":
        this.model = {
          ...this.model,
          token: command.token === undefined ? undefined : `${TOKEN_MARK}given-${command.token}`,
        };
        controller.setOptions(this.options());
        break;
      case "setFetcher":
        this.model = { ...this.model, fetcher: command.mode };
        controller.setOptions(this.options());
        break;
      case "rerenderSameOptions":
        controller.setOptions(this.options());
        break;
      case "failNextSession":
        fake.failNextSession();
        break;
      case "addHandler": {
        const handler = { off: () => {}, calls: 0 };
        handler.off = controller.on("message", () => {
          handler.calls++;
        });
        this.handlers.push(handler);
        break;
      }
      case "removeHandler":
        this.handlers.shift()?.off();
        break;
      case "emit": {
        const live = fake.liveSessions();
        if (live.length === 0) break;
        const before = this.handlers.map((handler) => handler.calls);
        fake.emitMessage({ body: "hi" });
        // A handler that destroyed the controller stops the rest of the emit, as removeEventListener does.
        if (this.destroyed) break;
        // Each attached handler hears a live session's event exactly once; none after destroy (none is live then).
        expect(this.handlers.map((handler, index) => handler.calls - before[index]!)).toEqual(
          this.handlers.map(() => 1),
        );
        break;
      }
      case "refreshToken": {
        const session = fake.liveSessions()[0];
        if (session?.options.tokenFetcher) fake.refreshToken(session).catch(() => {});
        break;
      }
      case "retry":
        controller.retry();
        break;
      case "destroy":
        this.act("destroy", this.model.user);
        break;
      case "passTime":
        await passTime(command.ms);
        break;
      case "settle":
        await runUntilIdle();
        this.checkSettled();
        break;
    }
  }

  /** Invariants that hold after every step, settled or not. */
  checkAlways(): void {
    const { status, session } = this.controller.getState();
    const live = this.fake.liveSessions();
    expect(this.#peak()).toBeLessThanOrEqual(1);
    expect(live.length).toBeLessThanOrEqual(1);
    if (status === "ready") {
      expect(live).toEqual([session]);
      // One SDK subscription per event name with handlers, plus unreads: never one per handler.
      expect(this.fake.subscriptionCount()).toBe(1 + (this.handlers.length + this.oneShotHandlers > 0 ? 1 : 0));
    } else {
      expect(live).toHaveLength(0);
      expect(this.fake.subscriptionCount()).toBe(0);
    }
    if (this.destroyed) expect(status).toBe("destroyed");
    expect(this.staleFetches).toBe(0);
    expect(this.readyResolutions.every(Boolean)).toBe(true);
    if (status === "error")
      expect(this.controller.getState()).toMatchObject({ session: undefined, unreads: undefined });
    const visible = JSON.stringify(
      { state: { ...this.controller.getState(), session: undefined }, trace: this.trace },
      errorFields,
    );
    expect(visible).not.toContain(TOKEN_MARK);
  }

  /** Invariants once every timer and promise job has run. */
  checkSettled(): void {
    const { status, session } = this.controller.getState();
    if (this.destroyed) {
      expect(status).toBe("destroyed");
      return;
    }
    if (this.connections === 0) {
      expect(status).toBe("idle");
      expect(this.fake.liveSessions()).toHaveLength(0);
      expect(this.fake.subscriptionCount()).toBe(0);
      return;
    }
    expect(["ready", "error"]).toContain(status);
    if (status === "ready") {
      const live = session as unknown as FakeSession;
      const { appId, user } = this.model;
      expect(live.appId).toBe(appId);
      expect(live.me.id).toBe(user.id);
      if (user.kind === "sync") expect(live.me.name).toBe(user.name);
    }
  }

  async finish(): Promise<void> {
    // One more use, settled, so every run checks the live session against the latest options.
    await this.apply({ kind: "connect" });
    await runUntilIdle();
    this.checkSettled();
    this.checkAlways();
    for (const entry of this.releases) {
      entry.release();
      entry.released = true;
    }
    await runUntilIdle();
    this.checkSettled();
    this.checkAlways();
    const constructed = this.fake.sessions.length;
    this.act("destroy", this.model.user);
    await runUntilIdle();
    expect(this.controller.getState().status).toBe("destroyed");
    expect(this.fake.liveSessions()).toHaveLength(0);
    expect(this.fake.subscriptionCount()).toBe(0);
    expect(this.fake.sessions).toHaveLength(constructed);
    // Every promise handed out settles once the controller is destroyed.
    expect(this.readyPromises.every((promise) => promise.settled)).toBe(true);
  }
}

/** An unsigned JWT whose `exp` passed an hour ago; the fake (without a secret) takes any token, as a wrong clock would. */
function staleJwt(marker: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "none" })}.${encode({ exp: Math.floor(Date.now() / 1000) - 3600, jti: marker })}.${marker}`;
}

// Errors stringify to {} by default; their message and cause are where a token could hide.
function errorFields(_key: string, value: unknown): unknown {
  if (value instanceof Error)
    return { message: value.message, cause: value.cause, code: (value as { code?: string }).code };
  return value;
}

async function runScenario(scenario: Scenario): Promise<void> {
  const run = new Run(scenario);
  run.checkAlways();
  for (const command of scenario.commands) {
    await run.apply(command);
    run.checkAlways();
  }
  await run.finish();
}

usePropertyTestEnvironment();

// Seeded so that a failure reproduces; FC_SEED overrides it to explore further.
const seed = Number(process.env.FC_SEED ?? 20261125);

describe("the session controller under random use (property-based)", () => {
  it("keeps every invariant over 8,000 random sequences of connects, option changes, faults and time", async () => {
    await fc.assert(fc.asyncProperty(scenarioArbitrary, runScenario), {
      numRuns: Number(process.env.FC_RUNS ?? 8000),
      seed,
      ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}),
      endOnFailure: false,
    });
  }, 300_000);
});
