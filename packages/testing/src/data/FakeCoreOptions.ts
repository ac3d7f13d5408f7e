import type { FakeSeed } from "../shared/FakeBackend.js";

/**
 * How a fake `@talkjs/core` behaves; every option is optional: the defaults accept any token, answer on the next
 * macrotask and start with no data.
 * @example
 * const core = createFakeCore({ secret: "s3cret", latencyMs: 20, seed: { conversations: [{ id: "c1", participants: ["pete", "sam"] }] } });
 */
export interface FakeCoreOptions {
  /** How long the "server" takes to answer (connect, first snapshots, requests, `loadMore`), in ms. Default 0. */
  latencyMs?: number;
  /** When set, tokens must be HS256 JWTs signed with it (`tokenType: "user"`, `iss` = appId, `sub` = userId, future `exp`). */
  secret?: string;
  /** Checks a token instead of `secret`: resolve `true` to accept it. */
  verifyToken?: (token: string, claims: { appId: string; userId: string }) => boolean | Promise<boolean>;
  /** When set, only these app ids are valid; a session of another app ends with an `onError`. */
  appIds?: string[];
  /** How long before a token's `exp` the session calls `onNeedToken`. Default 10 000 ms. */
  refreshBeforeExpiryMs?: number;
  /** Users and conversations (with messages) the server starts with. */
  seed?: FakeSeed;
  /**
   * `getTalkSession` gives a new session in place of one the server ended with an error (its docs say so). Default
   * `false`: every ended session stays registered until `forceCreateNew`, which is what apps must cope with.
   */
  replaceErroredSessions?: boolean;
}
