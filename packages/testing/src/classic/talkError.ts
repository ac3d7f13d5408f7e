/**
 * The machine-readable codes TalkJS puts on the errors the fake can produce.
 * @example
 * const code: FakeTalkErrorCode = "NOTIFICATIONS_PERMISSION_DENIED";
 */
export type FakeTalkErrorCode = "NOTIFICATIONS_PERMISSION_DENIED" | "NOTIFICATIONS_NOT_SUPPORTED" | "ARGUMENT_INVALID";

/**
 * An `Error` with a TalkJS-style `code`, as `setDesktopNotificationEnabled` rejects with.
 * @example
 * const error = (await session.setDesktopNotificationEnabled(true).catch((e) => e)) as FakeTalkError;
 * expect(error.code).toBe("NOTIFICATIONS_PERMISSION_DENIED");
 */
export type FakeTalkError = Error & { code: FakeTalkErrorCode };

export function talkError(code: FakeTalkErrorCode, message: string): FakeTalkError {
  return Object.assign(new Error(message), { code });
}
