import type { FakeChatbox } from "./FakeChatbox.js";
import type { FakeInbox } from "./FakeInbox.js";
import type { FakePopup } from "./FakePopup.js";

/**
 * Any fake box; narrow it by `kind` to reach a kind's members (`feedFilter`, `shown`, ...).
 * @example
 * const popup = talk.boxes.find((box): box is FakePopup => box.kind === "popup");
 */
export type AnyFakeUIBox = FakeChatbox | FakeInbox | FakePopup;
