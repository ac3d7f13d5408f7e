// Entry of dist/core.browser.js: a classic script that puts the @talkjs/core fake on `globalThis.TalkCoreFake`, so an
// offline demo can hand `TalkCoreFake.createFakeCore(...)` to its data session as `core`.
import { signTestToken } from "../shared/signTestToken.js";
import { createFakeCore } from "./createFakeCore.js";

/** What dist/core.browser.js puts on `globalThis`. */
export interface TalkCoreFakeGlobal {
  createFakeCore: typeof createFakeCore;
  signTestToken: typeof signTestToken;
}

(globalThis as typeof globalThis & { TalkCoreFake?: TalkCoreFakeGlobal }).TalkCoreFake = {
  createFakeCore,
  signTestToken,
};
