// Entry of dist/talk.browser.js: served in place of https://cdn.talkjs.com/talk.js, it installs the fake on load.
import { installFakeTalk, type FakeTalkWindow } from "./classic/installFakeTalk.js";

installFakeTalk(globalThis as FakeTalkWindow);
