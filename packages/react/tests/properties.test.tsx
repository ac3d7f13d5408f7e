import { StrictMode } from "react";
import { act, render, type RenderResult } from "@testing-library/react";
import fc from "fast-check";
import type Talk from "talkjs";
import { createFakeTalk, type FakeSession, type FakeTalk } from "@x/session-testing";
import type { TalkModule } from "@x/session-core";
import { Session, useSessionState } from "../src";
import {
  knownApps,
  optionChangeArbitraries,
  TOKEN_MARK,
  userArbitrary,
  type OptionChange,
  type UserModel as User,
} from "../../core/tests/support/optionModels";

type FetcherMode = "none" | "sync" | "fail";
interface PropsModel {
  appId: string;
  user: User;
  token: number | undefined;
  fetcher: FetcherMode;
}

type Command =
  | { kind: "rerender" }
  | OptionChange<FetcherMode>
  | { kind: "toggleMount" }
  | { kind: "remount" }
  | { kind: "failNextSession" }
  | { kind: "emit" }
  | { kind: "passTime"; ms: number }
  | { kind: "settle" };

const fetcherArbitrary = fc.constantFrom<FetcherMode>("none", "none", "sync", "sync", "fail");
const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: "rerender" as const }) },
  ...optionChangeArbitraries(fetcherArbitrary),
  { weight: 2, arbitrary: fc.constant({ kind: "toggleMount" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "remount" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "failNextSession" as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: "emit" as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("passTime" as const), ms: fc.constantFrom(0, 1, 10, 60) }) },
  { weight: 2, arbitrary: fc.constant({ kind: "settle" as const }) },
);
const scenarioArbitrary = fc.record({
  strictMode: fc.boolean(),
  readyDelayMs: fc.constantFrom(0, 5, 50),
  initial: fc.record({
    appId: fc.constantFrom("app-a", "app-b"),
    user: userArbitrary,
    token: fc.option(fc.nat(3), { nil: undefined }),
    fetcher: fetcherArbitrary,
  }),
  commands: fc.array(commandArbitrary, { minLength: 2, maxLength: 12, size: "medium" }),
});
type Scenario = typeof scenarioArbitrary extends fc.Arbitrary<infer Value> ? Value : never;

// setImmediate stays real under these fake timers, so one real turn drains every pending promise job.
const drainPromiseJobs = () => new Promise<void>((resolve) => setImmediate(resolve));

async function passTime(ms: number): Promise<void> {
  await act(async () => {
    await drainPromiseJobs();
    // An object, not a `let`: the timer callback sets it, which control-flow narrowing cannot see.
    const marker = { reached: false };
    setTimeout(() => (marker.reached = true), ms);
    while (!marker.reached) {
      vi.advanceTimersToNextTimer();
      await drainPromiseJobs();
    }
  });
}

async function runUntilIdle(): Promise<void> {
  await act(async () => {
    await drainPromiseJobs();
    for (let fired = 0; fired < 200 && vi.getTimerCount() > 0; fired++) {
      vi.advanceTimersToNextTimer();
      await drainPromiseJobs();
    }
  });
}

/** One `talk` per mounted <Session>, so "never two live sessions" is checked per controller. */
function trackedTalk(fake: FakeTalk): { talk: TalkModule; created: FakeSession[]; peak: () => number } {
  const created: FakeSession[] = [];
  let peak = 0;
  const Session = class extends fake.Session {
    constructor(options: Talk.SessionOptions) {
      super(options);
      created.push(this as unknown as FakeSession);
      peak = Math.max(peak, created.filter((session) => session.isAlive).length);
    }
  };
  return {
    talk: {
      get ready() {
        return fake.ready;
      },
      Session,
      User: fake.User,
    },
    created,
    peak: () => peak,
  };
}

function StateText() {
  const { status, session, error } = useSessionState();
  const detail =
    status === "ready"
      ? `:${session?.appId}:${session?.me.id}:${session?.me.name ?? ""}`
      : status === "error"
        ? `:${error?.code}:${error?.message}`
        : "";
  return <p data-testid="state">{`${status}${detail}`}</p>;
}

class Run {
  readonly fake: FakeTalk;
  readonly mounts: Array<ReturnType<typeof trackedTalk>> = [];
  readonly errors: string[] = [];
  readonly view: RenderResult;
  model: PropsModel;
  mounted = true;
  messages = 0;
  tokens = 0;

  constructor(readonly scenario: Scenario) {
    this.fake = createFakeTalk({ readyDelayMs: scenario.readyDelayMs, appIds: knownApps });
    this.model = scenario.initial;
    this.mounts.push(trackedTalk(this.fake));
    this.view = render(this.element());
  }

  get current() {
    return this.mounts[this.mounts.length - 1]!;
  }

  /** What an app would render now: new inline functions on every render, as real apps do. */
  element() {
    const { appId, user, token, fetcher } = this.model;
    const { fake } = this;
    const session = (
      <Session
        key={this.mounts.length}
        appId={appId}
        talk={this.current.talk}
        {...(user.kind === "id"
          ? { userId: user.id }
          : { syncUser: () => new fake.User({ id: user.id, name: user.name }) })}
        token={token === undefined ? undefined : `${TOKEN_MARK}given-${token}`}
        tokenFetcher={
          fetcher === "none"
            ? undefined
            : fetcher === "sync"
              ? () => `${TOKEN_MARK}fetched-${++this.tokens}`
              : () => Promise.reject(new Error("token endpoint down"))
        }
        retry={{ attempts: 1 }}
        onMessage={() => {
          this.messages++;
        }}
        onError={(error) => void this.errors.push(`${error.code}:${error.message}`)}
      >
        <StateText />
      </Session>
    );
    const tree = this.mounted ? session : <p>signed out</p>;
    return this.scenario.strictMode ? <StrictMode>{tree}</StrictMode> : tree;
  }

  rerender(): void {
    this.view.rerender(this.element());
  }

  async apply(command: Command): Promise<void> {
    switch (command.kind) {
      case "rerender":
        this.rerender();
        break;
      case "setUser":
        this.model = { ...this.model, user: command.user };
        this.rerender();
        break;
      case "setApp":
        this.model = { ...this.model, appId: command.appId };
        this.rerender();
        break;
      case "setToken":
        this.model = { ...this.model, token: command.token };
        this.rerender();
        break;
      case "setFetcher":
        this.model = { ...this.model, fetcher: command.mode };
        this.rerender();
        break;
      case "toggleMount":
        this.mounted = !this.mounted;
        if (this.mounted) this.mounts.push(trackedTalk(this.fake));
        this.rerender();
        break;
      case "remount":
        // A new key: React unmounts one <Session> and mounts another in the same commit.
        this.mounts.push(trackedTalk(this.fake));
        this.rerender();
        break;
      case "failNextSession":
        this.fake.failNextSession();
        break;
      case "emit": {
        const live = this.current.created.filter((session) => session.isAlive);
        if (!this.mounted || live.length === 0) return;
        const before = this.messages;
        this.fake.emitMessage({ body: "hi" }, live[0]);
        // The latest onMessage hears each event once, in StrictMode too.
        expect(this.messages - before).toBe(1);
        return;
      }
      case "passTime":
        return passTime(command.ms);
      case "settle":
        await runUntilIdle();
        this.checkSettled();
        break;
    }
  }

  checkAlways(): void {
    for (const mount of this.mounts) {
      expect(mount.peak()).toBeLessThanOrEqual(1);
      expect(mount.created.filter((session) => session.isAlive).length).toBeLessThanOrEqual(1);
    }
    expect(this.view.container.textContent).not.toContain(TOKEN_MARK);
    expect(this.errors.join("\n")).not.toContain(TOKEN_MARK);
  }

  checkSettled(): void {
    if (!this.mounted) {
      expect(this.fake.liveSessions()).toHaveLength(0);
      expect(this.fake.subscriptionCount()).toBe(0);
      return;
    }
    // Only the mounted <Session>'s controller may still hold a session.
    expect(this.fake.liveSessions().every((session) => this.current.created.includes(session))).toBe(true);
    const text = this.view.getByTestId("state").textContent;
    expect(text).toMatch(/^(ready|error)/);
    if (text.startsWith("ready")) {
      const { appId, user } = this.model;
      expect(text).toBe(`ready:${appId}:${user.id}:${user.kind === "sync" ? user.name : ""}`);
      expect(this.fake.liveSessions()).toHaveLength(1);
    } else {
      expect(this.fake.liveSessions()).toHaveLength(0);
    }
  }

  async finish(): Promise<void> {
    if (!this.mounted) await this.apply({ kind: "toggleMount" });
    await runUntilIdle();
    this.checkSettled();
    this.view.unmount();
    await runUntilIdle();
    expect(this.fake.liveSessions()).toHaveLength(0);
    expect(this.fake.subscriptionCount()).toBe(0);
  }
}

let constructed = 0;
afterAll(() => {
  if (process.env.FC_STATS) console.log(`Talk.Sessions constructed over all runs: ${constructed}`);
});

async function runScenario(scenario: Scenario): Promise<void> {
  const run = new Run(scenario);
  try {
    run.checkAlways();
    for (const command of scenario.commands) {
      // The promise jobs a command starts update React state: run them inside act, as one browser task would.
      if (command.kind === "passTime" || command.kind === "settle") await run.apply(command);
      else
        await act(async () => {
          await run.apply(command);
          await drainPromiseJobs();
        });
      run.checkAlways();
    }
    await run.finish();
    constructed += run.fake.sessions.length;
  } finally {
    act(() => run.view.unmount());
  }
}

const unhandledRejections: unknown[] = [];
const recordRejection = (reason: unknown) => void unhandledRejections.push(reason);
beforeAll(() => void process.on("unhandledRejection", recordRejection));
afterAll(() => void process.off("unhandledRejection", recordRejection));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  expect(unhandledRejections).toEqual([]);
});

// Seeded so that a failure reproduces; FC_SEED overrides it to explore further.
const seed = Number(process.env.FC_SEED ?? 20261125);

describe("<Session> under random props, mounts and faults (property-based)", () => {
  it("keeps every invariant over 2,500 random sequences", async () => {
    await fc.assert(fc.asyncProperty(scenarioArbitrary, runScenario), {
      numRuns: Number(process.env.FC_RUNS ?? 2500),
      seed,
    });
  }, 300_000);
});
