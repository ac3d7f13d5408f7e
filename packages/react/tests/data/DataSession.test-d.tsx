import type {
  ConversationSnapshot,
  MessageRef,
  MessageSnapshot,
  ParticipantSnapshot,
  TalkSession,
  TypingSnapshot,
  UserOnlineSnapshot,
  UserSnapshot,
} from "@talkjs/core";
import {
  createDataSession,
  DataSession,
  useConversation,
  useConversations,
  useDataSession,
  useMessages,
  useOnline,
  useParticipants,
  useSend,
  useTyping,
  useUser,
  type DataSessionProps,
  type LiveQueryStatus,
  type PendingMessage,
  type SessionError,
} from "../../src/data";

type Controller = ReturnType<typeof createDataSession>;
declare const send: ReturnType<typeof useSend>;

describe("the public data types", () => {
  it("need appId and userId, or a controller alone, or a controller with a full set of options", () => {
    expectTypeOf<{ appId: "a"; userId: "pete" }>().toExtend<DataSessionProps>();
    expectTypeOf<{ appId: "a" }>().not.toExtend<DataSessionProps>();
    expectTypeOf<{ controller: Controller }>().toExtend<DataSessionProps>();
    expectTypeOf<{ controller: Controller; appId: "a"; userId: "maria" }>().toExtend<DataSessionProps>();
    expectTypeOf<{ controller: Controller; userId: "maria" }>().not.toExtend<DataSessionProps>();
    <DataSession appId="a" userId="pete" onError={(error) => expectTypeOf(error).toEqualTypeOf<SessionError>()} />;
    // @ts-expect-error userId is required
    <DataSession appId="a" />;
  });

  it("give each query hook @talkjs/core's snapshot types", () => {
    expectTypeOf(useDataSession).returns.toEqualTypeOf<TalkSession | undefined>();
    expectTypeOf<ReturnType<typeof useConversations>["data"]>().toEqualTypeOf<ConversationSnapshot[] | undefined>();
    expectTypeOf<ReturnType<typeof useConversation>["data"]>().toEqualTypeOf<ConversationSnapshot | null | undefined>();
    expectTypeOf<ReturnType<typeof useMessages>["data"]>().toEqualTypeOf<MessageSnapshot[] | null | undefined>();
    expectTypeOf<ReturnType<typeof useMessages>["pending"]>().toEqualTypeOf<readonly PendingMessage[]>();
    expectTypeOf<ReturnType<typeof useParticipants>["data"]>().toEqualTypeOf<
      ParticipantSnapshot[] | null | undefined
    >();
    expectTypeOf<ReturnType<typeof useTyping>["data"]>().toEqualTypeOf<TypingSnapshot | null | undefined>();
    expectTypeOf<ReturnType<typeof useUser>["data"]>().toEqualTypeOf<UserSnapshot | null | undefined>();
    expectTypeOf<ReturnType<typeof useOnline>["data"]>().toEqualTypeOf<UserOnlineSnapshot | null | undefined>();
    expectTypeOf<ReturnType<typeof useOnline>["status"]>().toEqualTypeOf<LiveQueryStatus>();
  });

  it("take an undefined id (idle) in every hook that follows an id", () => {
    for (const hook of [useConversation, useMessages, useParticipants, useTyping, useUser, useOnline])
      expectTypeOf(hook).parameter(0).toEqualTypeOf<string | undefined>();
  });

  it("put loadMore on paged queries only, and resend/discard on messages", () => {
    expectTypeOf<ReturnType<typeof useConversations>["loadMore"]>().toEqualTypeOf<(count?: number) => Promise<void>>();
    expectTypeOf<ReturnType<typeof useParticipants>["loadMore"]>().toEqualTypeOf<(count?: number) => Promise<void>>();
    expectTypeOf<ReturnType<typeof useMessages>["resend"]>().toEqualTypeOf<
      (key: string) => Promise<MessageRef | undefined>
    >();
    expectTypeOf<ReturnType<typeof useMessages>["discard"]>().toEqualTypeOf<(key: string) => void>();
    expectTypeOf<ReturnType<typeof useConversation>>().not.toHaveProperty("loadMore");
    expectTypeOf<ReturnType<typeof useTyping>>().not.toHaveProperty("loadMore");
  });

  it("type send as the controller's", () => {
    expectTypeOf(send("c1", "hi")).toEqualTypeOf<Promise<MessageRef | undefined>>();
    void send("c1", { text: "hi", custom: { kind: "note" } });
    // @ts-expect-error a message is text or TalkJS's params
    void send("c1", 42);
  });
});
