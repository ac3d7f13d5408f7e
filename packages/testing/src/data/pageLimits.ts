import type { PageLimits } from "./FakeSubscription.js";

/** TalkJS's first page and per-call `loadMore` maximum of each windowed list, from `@talkjs/core`'s docs. */
export const PAGE_LIMITS = {
  messages: { kind: "MessageSubscription", pageSize: 30, maxPerCall: 100 },
  participants: { kind: "ParticipantSubscription", pageSize: 10, maxPerCall: 50 },
  conversations: { kind: "ConversationListSubscription", pageSize: 20, maxPerCall: 30 },
} as const satisfies Record<string, PageLimits>;
