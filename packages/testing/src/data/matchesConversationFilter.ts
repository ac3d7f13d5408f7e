import type {
  ConversationFilter,
  ConversationSnapshot,
  NumberFilter,
  SimpleConversationFilter,
  StringFilter,
} from "@talkjs/core";

function matchesString<T>(filter: StringFilter<T>, value: T): boolean {
  const [operator, operand] = filter;
  switch (operator) {
    case "==":
      return value === operand;
    case "!=":
      return value !== operand;
    case "oneOf":
      return operand.includes(value);
    case "!oneOf":
      return !operand.includes(value);
  }
}

function matchesNumber(filter: NumberFilter, value: number): boolean {
  switch (filter[0]) {
    case ">":
      return value > filter[1];
    case "<":
      return value < filter[1];
    case ">=":
      return value >= filter[1];
    case "<=":
      return value <= filter[1];
    // The lower bound is inclusive, the upper bound exclusive, as TalkJS documents.
    case "between":
      return value >= filter[1][0] && value < filter[1][1];
    case "!between":
      return !(value >= filter[1][0] && value < filter[1][1]);
  }
}

/** The last activity TalkJS sorts and filters by: the last message's time, or when you joined, whichever is later. */
export function lastActivityAt(conversation: ConversationSnapshot): number {
  return Math.max(conversation.joinedAt, conversation.lastMessage?.createdAt ?? 0);
}

function matchesSimple(filter: SimpleConversationFilter, conversation: ConversationSnapshot): boolean {
  if (filter.access !== undefined && !matchesString(filter.access, conversation.access)) return false;
  if (filter.subject !== undefined && !matchesString(filter.subject, conversation.subject)) return false;
  if (filter.isUnread !== undefined && filter.isUnread !== conversation.isUnread) return false;
  if (filter.hasMessages !== undefined && filter.hasMessages !== (conversation.lastMessage !== null)) return false;
  if (filter.createdAt !== undefined && !matchesNumber(filter.createdAt, conversation.createdAt)) return false;
  if (filter.joinedAt !== undefined && !matchesNumber(filter.joinedAt, conversation.joinedAt)) return false;
  if (filter.lastActivityAt !== undefined && !matchesNumber(filter.lastActivityAt, lastActivityAt(conversation))) {
    return false;
  }
  for (const [key, condition] of Object.entries(filter.custom ?? {})) {
    const value = conversation.custom[key];
    if (condition === "exists" ? value === undefined : condition === "!exists" ? value !== undefined : false) {
      return false;
    }
    if (typeof condition !== "string" && (value === undefined || !matchesString(condition, value))) return false;
  }
  return true;
}

/** Whether a conversation is in a `subscribeConversations({ filter })` list, per TalkJS's documented filter rules. */
export function matchesConversationFilter(
  filter: ConversationFilter | undefined,
  conversation: ConversationSnapshot,
): boolean {
  if (filter === undefined) return true;
  if (Array.isArray(filter)) return filter[1].some((simple) => matchesSimple(simple, conversation));
  return matchesSimple(filter, conversation);
}
