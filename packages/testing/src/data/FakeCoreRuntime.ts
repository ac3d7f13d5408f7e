import type { FakeBackend } from "../shared/FakeBackend.js";
import type { TokenCheckSettings } from "../shared/checkToken.js";
import type { FakeTalkSession } from "./FakeTalkSession.js";

/** How the fake core drives one of its sessions from outside (the server's side of the connection). */
export interface FakeSessionControl {
  /** The server ends the session: `onError` handlers run once with `error`. */
  end(error: Error): void;
  /** The server no longer accepts the current token: TalkJS asks `onNeedToken` (or ends the session without one). */
  expireToken(): void;
  disconnect(): void;
  reconnect(): void;
  /** Recomputes every active subscription (the server's data changed). */
  refresh(): void;
}

/** What a fake session needs from the fake core that created it. */
export interface FakeCoreRuntime {
  readonly backend: FakeBackend;
  readonly tokens: TokenCheckSettings;
  readonly refreshBeforeExpiryMs: number;
  latencyMs(): number;
  networkUp(): boolean;
  takeTokenRefusal(): string | undefined;
  takeSendFailure(): Error | undefined;
  takeSubscriptionFailure(): Error | undefined;
  /** Whether some live, connected session of this user has a subscription (TalkJS's presence rule). */
  isConnected(userId: string): boolean;
  register(session: FakeTalkSession, control: FakeSessionControl): void;
  /** Presence may have changed (a connection opened or closed, a subscription came or went). */
  presenceChanged(): void;
  sessionEnded(session: FakeTalkSession): void;
}
