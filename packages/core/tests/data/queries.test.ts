import type { ConversationSnapshot, MessageSnapshot } from "@talkjs/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionError } from "../../src/machine/SessionError";
import type { LiveQueryState } from "../../src/data/types";
import { appId, settle, setupData } from "./helpers";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const lengthOf = (state: { data: unknown[] | null | undefined }) => state.data?.length ?? 0;

describe("live queries", () => {
  it("connect on the first subscriber, share one TalkJS subscription, and let go after the grace", async () => {
    const { core, talk } = setupData({ keepAliveMs: 5000 });
    const query = talk.conversation("c1");
    expect(talk.conversation("c1")).toBe(query);
    expect(query.getState().status).toBe("idle");
    const stops = Array.from({ length: 100 }, () => query.subscribe(() => {}));
    expect(talk.getState().status).toBe("loading");
    await settle();
    expect(query.getState().status).toBe("ready");
    expect((query.getState().data as ConversationSnapshot).id).toBe("c1");
    expect(core.subscriptionCount()).toBe(1);
    for (const stop of stops) stop();
    await settle(4000);
    expect(core.subscriptionCount()).toBe(1);
    await settle(1000);
    expect(core.subscriptionCount()).toBe(0);
    expect(talk.getState().status).toBe("idle");
    expect(talk.conversation("c1")).not.toBe(query);
  });

  it("shares queries whose arguments are equal by value", () => {
    const { talk } = setupData();
    expect(talk.messages("c1", { pageSize: 50 })).toBe(talk.messages("c1", { pageSize: 50 }));
    expect(talk.conversations({ filter: { access: ["==", "ReadWrite"] } })).toBe(
      talk.conversations({ filter: { access: ["==", "ReadWrite"] } }),
    );
    expect(talk.messages("c1")).not.toBe(talk.messages("c2"));
  });

  it("tells a listener only of real changes, with TalkJS's own snapshot as data", async () => {
    const { core, talk } = setupData({}, {}, 3);
    const query = talk.messages("c1");
    const heard: LiveQueryState<MessageSnapshot[] | null>[] = [];
    query.subscribe((state) => heard.push(state));
    await settle();
    const ready = heard.length;
    expect(query.getState().data).toHaveLength(3);
    core.publishMessage("c1", { senderId: "sam", text: "new" });
    await settle();
    expect(heard.length).toBe(ready + 1);
    expect(query.getState().data?.[0]?.plaintext).toBe("new");
  });

  it("loads more before the session is ready, in several calls above TalkJS's per-call limit, sharing concurrent calls", async () => {
    const { talk } = setupData({}, {}, 400);
    const query = talk.messages("c1");
    query.subscribe(() => {});
    const first = query.loadMore(150);
    const second = query.loadMore(50);
    await settle(100);
    await Promise.all([first, second]);
    expect(lengthOf(query.getState())).toBe(30 + 150 + 50);
    expect(query.getState().loadedAll).toBe(false);
    const all = query.loadMore(1000);
    await settle(200);
    await all;
    expect(lengthOf(query.getState())).toBe(400);
    expect(query.getState().loadedAll).toBe(true);
  });

  it("restores the window after a reconnect (TalkJS shrinks it to one page)", async () => {
    const { core, talk } = setupData({}, {}, 200);
    const query = talk.messages("c1");
    query.subscribe(() => {});
    await settle();
    const loaded = query.loadMore(90);
    await settle(100);
    await loaded;
    expect(lengthOf(query.getState())).toBe(120);
    core.disconnect();
    await settle(100);
    core.reconnect();
    await settle(200);
    expect(lengthOf(query.getState())).toBe(120);
  });

  it("finishes a loadMore that a dropped connection interrupted once the connection is back, losing nothing", async () => {
    const { core, talk } = setupData({}, { latencyMs: 50 }, 200);
    const query = talk.messages("c1");
    query.subscribe(() => {});
    await settle(200);
    const loaded = query.loadMore(60);
    let done = false;
    void loaded.then(() => (done = true));
    await settle(10);
    core.disconnect(); // in the middle of the loadMore
    await settle(500);
    expect(done).toBe(false);
    expect(query.getState().data?.length).toBe(30);
    core.reconnect();
    await settle(1000);
    expect(done).toBe(true);
    expect(query.getState().data?.length).toBe(90);
    expect(query.getState().status).toBe("ready");
  });

  it("keeps the window across a recreated session of the same user, and starts over for another user", async () => {
    const { core, talk } = setupData({}, {}, 200);
    const query = talk.messages("c1");
    query.subscribe(() => {});
    await settle();
    const loaded = query.loadMore(70);
    await settle(100);
    await loaded;
    core.terminate();
    await settle();
    expect(query.getState().status).toBe("error");
    expect(query.getState().error?.code).toBe("session-terminated");
    talk.retry();
    await settle(200);
    expect(query.getState().status).toBe("ready");
    expect(lengthOf(query.getState())).toBe(100);
    talk.setOptions({ appId, userId: "sam", core, tokenFetcher: () => "token" });
    await settle(200);
    expect(lengthOf(query.getState())).toBe(30);
  });

  it("a query TalkJS refuses is query-failed while the session stays ready, and tries again when subscribed anew", async () => {
    const { core, talk } = setupData();
    const errors: SessionError[] = [];
    talk.on("error", (error) => errors.push(error));
    talk.connect();
    await settle();
    core.failNextSubscription(new Error("no access"));
    const query = talk.conversation("c1");
    const stop = query.subscribe(() => {});
    await settle();
    expect(query.getState().status).toBe("error");
    expect(query.getState().error?.code).toBe("query-failed");
    expect(talk.getState().status).toBe("ready");
    expect(errors.map((error) => error.code)).toEqual(["query-failed"]);
    stop();
    query.subscribe(() => {});
    await settle();
    expect(query.getState().status).toBe("ready");
  });
});

describe("send", () => {
  it("shows a pending entry at once, removed once TalkJS's snapshot holds the message", async () => {
    const { talk } = setupData();
    const query = talk.messages("c1");
    query.subscribe(() => {});
    await settle();
    const sent = talk.send("c1", "On my way");
    expect(query.getState().pending.map((entry) => [entry.text, entry.status])).toEqual([["On my way", "sending"]]);
    await settle();
    const ref = await sent;
    expect(ref?.id).toBeDefined();
    expect(query.getState().pending).toEqual([]);
    expect(query.getState().data?.[0]?.plaintext).toBe("On my way");
  });

  it("keeps a failed send as failed for resend or discard, and never rejects", async () => {
    const { core, talk } = setupData();
    const query = talk.messages("c1");
    query.subscribe(() => {});
    await settle();
    core.failNextSend(new Error("offline"));
    const sent = talk.send("c1", "first try");
    await settle();
    await expect(sent).resolves.toBeUndefined();
    const [failed] = query.getState().pending;
    expect(failed?.status).toBe("failed");
    expect(failed?.error?.cause).toEqual(new Error("offline"));
    const again = talk.resend(failed!.key);
    await settle();
    expect((await again)?.id).toBeDefined();
    expect(query.getState().pending).toEqual([]);
    core.failNextSend();
    void talk.send("c1", "dropped");
    await settle();
    talk.discard(query.getState().pending[0]!.key);
    expect(query.getState().pending).toEqual([]);
  });
  it("keeps a query's error when a send changes its pending entries", async () => {
    const { core, talk } = setupData();
    const query = talk.messages("c1");
    query.subscribe(() => {});
    await settle();
    core.terminate();
    await settle();
    expect(query.getState().error?.code).toBe("session-terminated");
    void talk.send("c1", "while it is down");
    expect(query.getState().pending.map((entry) => entry.text)).toEqual(["while it is down"]);
    expect(query.getState().status).toBe("error");
    expect(query.getState().error?.code).toBe("session-terminated");
  });
});

describe("queries nobody watches", () => {
  it("are let go after the grace (a render thrown away, server rendering), and one watched again is kept", async () => {
    const { core, talk } = setupData({ keepAliveMs: 1000 });
    const unwatched = talk.conversation("c1");
    await settle(2000);
    expect(talk.conversation("c1")).not.toBe(unwatched);
    const late = talk.messages("c1");
    await settle(2000);
    late.subscribe(() => {});
    // Subscribed after its grace: it is the one for its arguments again, with one TalkJS subscription.
    expect(talk.messages("c1")).toBe(late);
    talk.messages("c1").subscribe(() => {});
    await settle();
    expect(core.subscriptionCount()).toBe(1);
  });
});

describe("re-entrant listeners", () => {
  it("a listener that destroys the controller when its query starts loading leaves no TalkJS subscription behind", async () => {
    const { core, talk } = setupData({ keepAliveMs: 0 });
    const query = talk.conversation("c1");
    query.subscribe((state) => {
      if (state.status === "loading") talk.destroy();
    });
    await settle(100);
    expect(core.subscriptionCount()).toBe(0);
    expect(core.liveSessions()).toHaveLength(0);
    expect(query.getState().status).not.toBe("ready");
  });
});
