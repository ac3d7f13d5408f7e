// One rule for every adapter entry: it re-exports exactly these public values and types of @x/session-core, the ones a
// user of React, Vue or Svelte needs next to the framework's own components. Adding a core export = one line here,
// then the same line in each adapter's index (`pnpm check:exports` names what is missing where).

/** Runtime values: `import { SessionError } from "@x/session-vue"` must work for `instanceof`. */
export const sharedValues = ["createChatbox", "createInbox", "createPopup", "createTalkSession", "SessionError"];

/** Types only. */
export const sharedTypes = [
  "ChatboxOptions",
  "CommonSessionOptions",
  "DebugEntry",
  "InboxOptions",
  "PopupOptions",
  "RetryOptions",
  "SessionController",
  "SessionErrorCode",
  "SessionEventHandlers",
  "SessionEventName",
  "SessionEventProps",
  "SessionOptions",
  "SessionState",
  "SessionStatus",
  "SyncUserSessionOptions",
  "TalkEventHandlers",
  "TalkEventName",
  "TalkModule",
  "TokenFetcher",
  "UIBoxConversationOptions",
  "UIBoxController",
  "UIBoxEventHandlers",
  "UIBoxEventName",
  "UIBoxKind",
  "UIBoxOf",
  "UIBoxOptionsOf",
  "UIBoxState",
  "UIBoxStatus",
  "UserIdSessionOptions",
];

/** Core exports for adapter authors (props-to-options helpers, the box components' shared props, the CDN URL): adapters do not re-export them. */
export const coreOnly = [
  "bindEventProps",
  "connectOwned",
  "EventPropsBinding",
  "eventNameOfProp",
  "pickSessionOptions",
  "sessionOptionNames",
  "talkScriptUrl",
  "UIBoxComponentProps",
  "UIBoxConversationProps",
  "validateSessionOptions",
];

/** The published entry points of the adapters, by their declaration file in the built package. */
export const adapterEntries = {
  "@x/session-react": "packages/react/dist/index.d.ts",
  "@x/session-vue": "packages/vue/dist/index.d.ts",
  "@x/session-svelte": "packages/svelte/dist/index.d.ts",
  // Svelte 4 imports this component-free entry, so it carries the same core exports.
  "@x/session-svelte/store": "packages/svelte/dist/store.d.ts",
};

export const coreEntry = "packages/core/dist/index.d.ts";
