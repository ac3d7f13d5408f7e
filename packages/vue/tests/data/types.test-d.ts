import type { ConversationSnapshot, MessageRef, MessageSnapshot, TalkSession, TypingSnapshot } from "@talkjs/core";
import { describe, expectTypeOf, it } from "vitest";
import { h, ref, type Ref, type ShallowRef } from "vue";
import {
  createDataSession,
  TalkDataSession,
  useConversation,
  useConversations,
  useDataSession,
  useDataSessionState,
  useMessages,
  useSend,
  useTyping,
  type DataSessionState,
  type LiveQueryStatus,
  type PendingMessage,
  type SessionError,
} from "../../src/data";

const controller = createDataSession({ appId: "app", userId: "pete" });

describe("<TalkDataSession> types", () => {
  it("accepts the data session options, or a controller, and onError", () => {
    h(TalkDataSession, { appId: "app", userId: "pete" });
    h(TalkDataSession, { appId: "app", userId: "pete", syncUser: { name: "Pete" }, tokenFetcher: async () => "t" });
    h(TalkDataSession, { appId: "app", userId: "pete", retry: true, keepAliveMs: 0, debug: true });
    h(TalkDataSession, { controller, onError: (error: SessionError) => error.code });
    h(TalkDataSession, { controller, appId: "app", userId: "anna" });
    // @ts-expect-error userId is required without a controller
    h(TalkDataSession, { appId: "app" });
    // @ts-expect-error appId is required without a controller
    h(TalkDataSession, { userId: "pete" });
    // @ts-expect-error userId is a string
    h(TalkDataSession, { appId: "app", userId: 42 });
  });
});

describe("the live-data composables' types", () => {
  it("take ids as values, refs or getters, undefined included", () => {
    const id: Ref<string | undefined> = ref();
    useConversation("c1");
    useConversation(id);
    useConversation(() => id.value);
    useMessages(id, { pageSize: 50 });
    useMessages(id, () => ({ pageSize: 50 }));
    // @ts-expect-error an id is a string
    useConversation(42);
  });

  it("return refs that destructure, and the functions", () => {
    const { status, data, loadedAll, error, loadMore } = useConversations();
    expectTypeOf(status).toEqualTypeOf<Readonly<Ref<LiveQueryStatus>>>();
    expectTypeOf(data.value).toEqualTypeOf<ConversationSnapshot[] | undefined>();
    expectTypeOf(loadedAll.value).toEqualTypeOf<boolean>();
    expectTypeOf(error.value).toEqualTypeOf<SessionError | undefined>();
    expectTypeOf(loadMore).toEqualTypeOf<(count?: number) => Promise<void>>();

    const messages = useMessages("c1");
    expectTypeOf(messages.data.value).toEqualTypeOf<MessageSnapshot[] | null | undefined>();
    expectTypeOf(messages.pending.value).toEqualTypeOf<readonly PendingMessage[]>();
    expectTypeOf(messages.resend).returns.toEqualTypeOf<Promise<MessageRef | undefined>>();

    expectTypeOf(useTyping("c1").data.value).toEqualTypeOf<TypingSnapshot | null | undefined>();
    // Not a paged query: no loadMore.
    expectTypeOf(useConversation("c1")).not.toHaveProperty("loadMore");
    expectTypeOf(useSend()).returns.toEqualTypeOf<Promise<MessageRef | undefined>>();
    expectTypeOf(useDataSession()).toEqualTypeOf<Readonly<ShallowRef<TalkSession | undefined>>>();
    expectTypeOf(useDataSessionState().value).toEqualTypeOf<DataSessionState>();
  });
});
