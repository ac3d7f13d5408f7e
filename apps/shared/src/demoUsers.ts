/**
 * One of the three people of the demo; `photoUrl` is an inline SVG so the demo needs no network.
 * @example
 * const alice: DemoUser = demoUsers[0];
 */
export interface DemoUser {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly color: string;
  readonly photoUrl: string;
}

function avatar(initial: string, color: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="32" fill="${color}"/><text x="32" y="42" font-family="system-ui,sans-serif" font-size="30" font-weight="600" fill="#fff" text-anchor="middle">${initial}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

function demoUser(id: string, name: string, role: string, color: string): DemoUser {
  return { id, name, role, color, photoUrl: avatar(name.charAt(0), color) };
}

/**
 * The demo users, in the order the login screen shows them. The server signs tokens only for these ids.
 * @example
 * for (const user of demoUsers) console.log(user.id, user.name);
 */
export const demoUsers: readonly DemoUser[] = [
  demoUser("alice", "Alice Andersen", "Product designer", "#6b4fbb"),
  demoUser("bob", "Bob Okafor", "Support lead", "#0f7b6c"),
  demoUser("carol", "Carol Díaz", "Engineer", "#c2410c"),
];

/**
 * Whom a user's support Popup talks to: Bob, the support lead; Bob himself gets the first other user.
 * @example
 * supportContactFor(findDemoUser("alice")!).name; // "Bob Okafor"
 */
export function supportContactFor(user: DemoUser): DemoUser {
  const lead = demoUsers.find((candidate) => candidate.role === "Support lead");
  if (lead !== undefined && lead.id !== user.id) return lead;
  return demoUsers.find((candidate) => candidate.id !== user.id) ?? user;
}

/**
 * The demo user with this id, or `undefined` (any input is accepted, so request bodies can be passed as they are).
 * @example
 * findDemoUser("bob")?.name; // "Bob Okafor"
 */
export function findDemoUser(id: unknown): DemoUser | undefined {
  return demoUsers.find((user) => user.id === id);
}

/**
 * The id of the one-to-one conversation between two users: both ids, sorted, joined by "-".
 * @example
 * conversationIdBetween("bob", "alice"); // "alice-bob"
 */
export function conversationIdBetween(userId: string, otherUserId: string): string {
  return [userId, otherUserId].sort().join("-");
}

/**
 * The other person of a one-to-one demo conversation (its id joins both users' ids), or `undefined`.
 * @example
 * chatPartnerIn("alice-bob", "alice")?.name; // "Bob Okafor"
 */
export function chatPartnerIn(conversationId: string, userId: string): DemoUser | undefined {
  return findDemoUser(conversationId.split("-").find((id) => id !== userId));
}

/**
 * A message of the simulated backend, as the server streams it (`GET /api/fake/events`, event `message`).
 * @example
 * const message: SimulatedMessage = { id: "m1", conversationId: "alice-bob", senderId: "bob", body: "Hi", timestamp: Date.now() };
 */
export interface SimulatedMessage {
  readonly id: string;
  readonly conversationId: string;
  readonly senderId: string;
  readonly body: string;
  readonly timestamp: number;
}

/**
 * One conversation of the custom-UI views' simulated data (`GET /api/fake/world`): its two participants, messages
 * (oldest first) and unread counts per user.
 * @example
 * const count = conversation.unread.alice ?? 0;
 */
export interface DataWorldConversation {
  readonly id: string;
  readonly participants: readonly string[];
  readonly messages: readonly SimulatedMessage[];
  readonly unread: Readonly<Record<string, number>>;
}

/**
 * What the demo server's simulated data holds now (`GET /api/fake/world`): a page seeds its `@talkjs/core` fake with it.
 * @example
 * const { conversations, online } = await callDemoServer<DataWorldSnapshot>("/api/fake/world");
 */
export interface DataWorldSnapshot {
  readonly conversations: readonly DataWorldConversation[];
  /** The demo users who are online. */
  readonly online: readonly string[];
}

/**
 * A change in the simulated data, streamed to every tab (`GET /api/fake/events`, event `data`).
 * @example
 * if (event.type === "typing") core.setTyping(event.conversationId, event.userId, event.typing);
 */
export type DataWorldEvent =
  | { readonly type: "message"; readonly message: SimulatedMessage }
  | { readonly type: "typing"; readonly conversationId: string; readonly userId: string; readonly typing: boolean }
  | { readonly type: "presence"; readonly userId: string; readonly online: boolean };
