import fc from "fast-check";
import type { FakeCore } from "@x/session-testing";
import { describe, expect, it } from "vitest";
import { createDataSession } from "../../src/data/createDataSession";
import type { DataSessionController, MessagesQuery } from "../../src/data/types";
import { passTime, runUntilIdle, usePropertyTestEnvironment } from "../propertiesClock";
import { appId, seededCore } from "./helpers";

type Reentrant = "destroy" | "retry" | "release" | "switchUser" | "unsubscribe" | "loadMore" | "send";

type Command =
  | { kind: "connect" }
  | { kind: "release"; index: number }
  | { kind: "switchUser"; user: "pete" | "sam" }
  | { kind: "newToken" }
  | { kind: "subscribe"; conversation: "c1" | "c2" }
  | { kind: "unsubscribe"; index: number }
  | { kind: "loadMore"; conversation: "c1" | "c2"; count: number }
  | { kind: "send"; conversation: "c1" | "c2"; fail: boolean }
  | { kind: "disconnect" }
  | { kind: "reconnect" }
  | { kind: "terminate" }
  | { kind: "retry" }
  | { kind: "reentrant"; on: "controller" | "query"; action: Reentrant }
  | { kind: "destroy" }
  | { kind: "passTime"; ms: number }
  | { kind: "settle" };

const conversation = fc.constantFrom<"c1" | "c2">("c1", "c2");
const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: "connect" as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("release" as const), index: fc.nat(3) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("switchUser" as const),
      user: fc.constantFrom<"pete" | "sam">("pete", "sam"),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "newToken" as const }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("subscribe" as const), conversation }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("unsubscribe" as const), index: fc.nat(5) }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("loadMore" as const), conversation, count: fc.constantFrom(10, 60, 150) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("send" as const), conversation, fail: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: "disconnect" as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: "reconnect" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "terminate" as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: "retry" as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("reentrant" as const),
      on: fc.constantFrom<"controller" | "query">("controller", "query"),
      action: fc.constantFrom<Reentrant>(
        "destroy",
        "retry",
        "release",
        "switchUser",
        "unsubscribe",
        "loadMore",
        "send",
      ),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("passTime" as const), ms: fc.constantFrom(0, 5, 50, 700) }) },
  { weight: 3, arbitrary: fc.constant({ kind: "settle" as const }) },
);

const keepAliveMs = 100;
// How many windows were compared with what was loaded before: a run that compares none proves nothing.
const windowChecks = { count: 0 };

/** One run: a data controller on a fresh fake with two long conversations, driven by the commands. */
class Run {
  readonly core: FakeCore;
  readonly talk: DataSessionController;
  readonly releases: Array<() => void> = [];
  readonly stops: Array<() => void> = [];
  user: "pete" | "sam" = "pete";
  token = 0;
  destroyed = false;
  // The most messages each query showed on the current user's sessions: what a reconnect must restore.
  loadedOnce = new Map<MessagesQuery, number>();
  windowUser = new Map<MessagesQuery, string | undefined>();

  constructor() {
    this.core = seededCore({ latencyMs: 5 }, 0);
    const messages = (id: string) =>
      Array.from({ length: 250 }, (_, index) => ({ senderId: index % 2 ? "sam" : "pete", text: `${id} ${index}` }));
    this.core.seed({
      conversations: [
        { id: "c1", participants: ["pete", "sam"], messages: messages("c1") },
        { id: "c2", participants: ["pete", "sam"], messages: messages("c2") },
      ],
    });
    this.talk = createDataSession({
      appId,
      userId: this.user,
      core: this.core,
      tokenFetcher: this.fetcher(),
      keepAliveMs,
      retry: { minDelayMs: 10, maxDelayMs: 40 },
    });
    this.talk.on("error", () => {});
  }

  fetcher() {
    const token = `token-${this.token}`;
    return () => token;
  }

  options() {
    return {
      appId,
      userId: this.user,
      core: this.core,
      tokenFetcher: this.fetcher(),
      keepAliveMs,
      retry: { minDelayMs: 10, maxDelayMs: 40 },
    };
  }

  act(action: Reentrant): void {
    const { talk } = this;
    if (action === "destroy") this.destroy();
    else if (action === "retry") talk.retry();
    else if (action === "release") this.releases.pop()?.();
    else if (action === "switchUser") this.switchUser(this.user === "pete" ? "sam" : "pete");
    else if (action === "unsubscribe") this.stops.pop()?.();
    else if (action === "loadMore") void talk.messages("c1").loadMore(40);
    else void talk.send("c1", "from a listener");
  }

  apply(command: Command): Promise<void> | void {
    const { talk, core } = this;
    switch (command.kind) {
      case "connect":
        this.releases.push(talk.connect());
        break;
      case "release":
        this.releases.splice(command.index % Math.max(1, this.releases.length), 1)[0]?.();
        break;
      case "switchUser":
        this.switchUser(command.user);
        break;
      case "newToken":
        this.token++;
        talk.setOptions(this.options());
        break;
      case "subscribe":
        this.stops.push(talk.messages(command.conversation).subscribe(() => this.checkAlways()));
        break;
      case "unsubscribe":
        this.stops.splice(command.index % Math.max(1, this.stops.length), 1)[0]?.();
        break;
      case "loadMore":
        // Never rejects; resolves once delivered or nobody watches.
        void talk.messages(command.conversation).loadMore(command.count);
        break;
      case "send":
        if (command.fail) core.failNextSend(new Error("refused"));
        void talk.send(command.conversation, "hello").then((ref) => ref === undefined || expect(ref.id).toBeTruthy());
        break;
      case "disconnect":
        core.disconnect();
        break;
      case "reconnect":
        if (!core.networkUp) core.reconnect();
        break;
      case "terminate":
        if (core.liveSessions().length) core.terminate(undefined, new Error("ended by the server"));
        break;
      case "retry":
        talk.retry();
        break;
      case "reentrant": {
        let done = false;
        const target = command.on === "controller" ? talk : talk.messages("c1");
        const stop = (target.subscribe as (listener: () => void) => () => void)(() => {
          if (done) return;
          done = true;
          stop();
          this.act(command.action);
          this.checkAlways();
        });
        if (command.on === "query") this.stops.push(stop);
        break;
      }
      case "destroy":
        this.destroy();
        break;
      case "passTime":
        return passTime(command.ms);
      case "settle":
        return runUntilIdle().then(() => this.checkSettled());
    }
  }

  /** A user switch starts every window over at one page: what was loaded before no longer counts. */
  switchUser(user: "pete" | "sam"): void {
    if (user !== this.user) this.loadedOnce.clear();
    this.user = user;
    this.talk.setOptions(this.options());
  }

  destroy(): void {
    this.talk.destroy();
    this.destroyed = true;
  }

  /** At every step: at most one live TalkJS session, and no query ready on a dead one. */
  checkAlways(): void {
    const { core, talk } = this;
    const live = core.liveSessions();
    expect(live.length).toBeLessThanOrEqual(1);
    const { status, session } = talk.getState();
    if (session) expect(live).toContain(session);
    for (const id of ["c1", "c2"]) {
      const query = talk.messages(id);
      // A query may be ready on the session being built (its snapshot proves the token), never on a dead one.
      if (query.getState().status === "ready") {
        expect(["ready", "loading"]).toContain(status);
        expect(live).toHaveLength(1);
      }
    }
    if (this.destroyed) expect(live).toEqual([]);
  }

  /** Once every timer has run: no TalkJS subscription nobody watches, windows at least what was loaded once. */
  checkSettled(): void {
    const { core, talk } = this;
    this.checkAlways();
    if (this.stops.length === 0) expect(core.subscriptionCount()).toBe(0);
    const { status, session } = talk.getState();
    for (const id of ["c1", "c2"]) {
      const query = talk.messages(id);
      const state = query.getState();
      const length = state.data?.length ?? 0;
      if (status !== "ready" || state.status !== "ready" || !core.networkUp) continue;
      // A user switch starts every window over: compare only with what this user's sessions showed.
      const me = session?.currentUser.id;
      const sameUser = this.windowUser.get(query) === me;
      const previous = sameUser ? this.loadedOnce.get(query) : undefined;
      if (previous !== undefined && !state.loadedAll) {
        windowChecks.count++;
        expect(length).toBeGreaterThanOrEqual(previous);
      }
      this.windowUser.set(query, me);
      this.loadedOnce.set(query, Math.max(previous ?? 0, length));
    }
  }

  async finish(): Promise<void> {
    const { core, talk } = this;
    if (!core.networkUp) core.reconnect();
    await runUntilIdle();
    this.checkSettled();
    for (const stop of this.stops.splice(0)) stop();
    for (const release of this.releases.splice(0)) release();
    await passTime(keepAliveMs * 3);
    await runUntilIdle();
    expect(core.subscriptionCount()).toBe(0);
    expect(core.liveSessions()).toEqual([]);
    expect(["idle", "error", "destroyed"]).toContain(talk.getState().status);
    talk.destroy();
  }
}

usePropertyTestEnvironment();

const seed = Number(process.env.FC_SEED ?? 20261206);

describe("a data controller under random use (property-based)", () => {
  it("keeps one live TalkJS session, no subscription nobody watches, no query ready on a dead session, and every window", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArbitrary, { minLength: 3, maxLength: 30, size: "large" }), async (commands) => {
        const run = new Run();
        for (const command of [
          { kind: "connect" } as Command,
          { kind: "subscribe", conversation: "c1" } as Command,
          ...commands,
        ]) {
          await run.apply(command);
          run.checkAlways();
        }
        await run.finish();
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200), seed, endOnFailure: false },
    );
    console.log(`data properties: ${windowChecks.count} window comparisons`);
    expect(windowChecks.count).toBeGreaterThan(50);
  }, 300_000);
});
