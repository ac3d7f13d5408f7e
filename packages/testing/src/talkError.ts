/** The machine-readable codes TalkJS puts on errors the fake can produce. */
export type FakeTalkErrorCode = "NOTIFICATIONS_PERMISSION_DENIED" | "NOTIFICATIONS_NOT_SUPPORTED" | "ARGUMENT_INVALID";

/** An `Error` with a TalkJS-style `code`, like the SDK's `Talk.Error`. */
export type FakeTalkError = Error & { code: FakeTalkErrorCode };

export function talkError(code: FakeTalkErrorCode, message: string): FakeTalkError {
  return Object.assign(new Error(message), { code });
}
