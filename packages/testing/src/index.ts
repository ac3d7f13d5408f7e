export { createFakeTalk } from "./createFakeTalk.js";
export type { FakeTalk, FakeTalkBoxCall } from "./FakeTalk.js";
export type { FakeTalkOptions, FakeTokenClaims } from "./FakeTalkOptions.js";
export type { FakeSession, FakeDesktopNotificationInit } from "./FakeSession.js";
export type { FakeUser } from "./FakeUser.js";
export type { FakeUIBox, FakeUIBoxCall, FakeUIBoxOptionsOf } from "./FakeUIBox.js";
export type { FakeChatbox } from "./FakeChatbox.js";
export type { FakeInbox } from "./FakeInbox.js";
export type { FakePopup } from "./FakePopup.js";
export type { AnyFakeUIBox } from "./AnyFakeUIBox.js";
export type {
  FakeUIBoxEventInit,
  FakeUIBoxEventName,
  FakeUIBoxEventPayload,
  FakeUIBoxKind,
  TalkUIBoxOf,
} from "./FakeUIBoxEventName.js";
export type { FakeConversationBuilder } from "./fakeConversationBuilder.js";
export { FAKE_UI_LABEL } from "./FAKE_UI_LABEL.js";
export type { FakeTalkError, FakeTalkErrorCode } from "./talkError.js";
export { signTestToken, type SignTestTokenOptions } from "./signTestToken.js";
export { verifyTestToken, type VerifyTestTokenOptions, type VerifyTestTokenResult } from "./verifyTestToken.js";
export { fakeMessage, type FakeMessageInit } from "./fakeMessage.js";
export { fakeUnreadConversation, type FakeUnreadConversationInit } from "./fakeUnreadConversation.js";
export { installFakeTalk, type FakeTalkWindow } from "./installFakeTalk.js";
