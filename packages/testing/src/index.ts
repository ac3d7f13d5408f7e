export { createFakeTalk } from "./classic/createFakeTalk.js";
export type { FakeTalk, FakeTalkBoxCall } from "./classic/FakeTalk.js";
export type { FakeTalkOptions, FakeTokenClaims } from "./classic/FakeTalkOptions.js";
export type { FakeSession, FakeDesktopNotificationInit } from "./classic/FakeSession.js";
export type { FakeUser } from "./classic/FakeUser.js";
export type { FakeUIBox, FakeUIBoxCall, FakeUIBoxOptionsOf } from "./classic/FakeUIBox.js";
export type { FakeChatbox } from "./classic/FakeChatbox.js";
export type { FakeInbox } from "./classic/FakeInbox.js";
export type { FakePopup } from "./classic/FakePopup.js";
export type { AnyFakeUIBox } from "./classic/AnyFakeUIBox.js";
export type {
  FakeUIBoxEventInit,
  FakeUIBoxEventName,
  FakeUIBoxEventPayload,
  FakeUIBoxKind,
  TalkUIBoxOf,
} from "./classic/FakeUIBoxEventName.js";
export type { FakeConversationBuilder } from "./classic/fakeConversationBuilder.js";
export { FAKE_UI_LABEL } from "./classic/FAKE_UI_LABEL.js";
export type { FakeTalkError, FakeTalkErrorCode } from "./classic/talkError.js";
export { signTestToken, type SignTestTokenOptions } from "./shared/signTestToken.js";
export { verifyTestToken, type VerifyTestTokenOptions, type VerifyTestTokenResult } from "./shared/verifyTestToken.js";
export { fakeMessage, type FakeMessageInit } from "./classic/fakeMessage.js";
export { fakeUnreadConversation, type FakeUnreadConversationInit } from "./classic/fakeUnreadConversation.js";
export { installFakeTalk, type FakeTalkWindow } from "./classic/installFakeTalk.js";
export { createFakeCore } from "./data/createFakeCore.js";
export type { FakeCore } from "./data/FakeCore.js";
export type { FakeCoreOptions } from "./data/FakeCoreOptions.js";
export type { FakeTalkSession, FakeTalkSessionOptions, FakeTalkSessionPhase } from "./data/FakeTalkSession.js";
export type { FakeSeed, FakeSeedConversation, FakeSeedMessage, FakeSeedUser } from "./shared/FakeBackend.js";
