import type Talk from "talkjs";
import type { FakeRuntime } from "./FakeRuntime.js";

function isUsableId(id: unknown): id is string | number {
  return (typeof id === "string" && id !== "") || (typeof id === "number" && Number.isFinite(id));
}

/**
 * The fake `Talk.User`: keeps the data it was given, validated like TalkJS does.
 * Create it through `fake.User` (which throws before `fake.ready` resolves), never directly.
 * @example
 * const me = new talk.User({ id: "pete", name: "Pete" });
 * new talk.Session({ appId: "test-app", me });
 */
export class FakeUser implements Talk.User {
  readonly id: string;
  readonly name: string;
  readonly email?: string | string[] | null;
  readonly phone?: string | string[] | null;
  readonly welcomeMessage?: string | null;
  readonly photoUrl?: string | null;
  readonly role?: string | null;
  readonly configuration?: string | null;
  readonly custom?: { [name: string]: string | null } | null;
  readonly availabilityText?: string | null;
  readonly locale?: string | null;

  /** @throws TypeError before the SDK is ready; Error for a missing id or name. */
  constructor(options: Talk.UserOptions | string | number, runtime?: FakeRuntime) {
    runtime?.assertLoaded("User");
    // The types rule out null, but JavaScript pages using the browser build can pass it: fail with TalkJS's message.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- runtime guard for untyped callers
    if (typeof options !== "object" || options === null) {
      if (!isUsableId(options)) {
        throw new Error(
          `[TalkJS] new Talk.User(id) needs a non-empty string or number id; got ${JSON.stringify(options)}.`,
        );
      }
      this.id = String(options);
      this.name = "";
      return;
    }
    if (!isUsableId(options.id)) {
      throw new Error(
        `[TalkJS] new Talk.User({ id, name }) needs a non-empty "id"; got ${JSON.stringify(options.id)}.`,
      );
    }
    if (typeof options.name !== "string") {
      throw new Error(
        `[TalkJS] new Talk.User({ id, name }) needs a string "name"; got ${JSON.stringify(options.name)}.`,
      );
    }
    this.id = String(options.id);
    this.name = options.name;
    this.email = options.email;
    this.phone = options.phone;
    this.welcomeMessage = options.welcomeMessage;
    this.photoUrl = options.photoUrl;
    this.role = options.role;
    // The real SDK still has these deprecated user fields, so the fake keeps them too.
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- mirroring the SDK's deprecated field
    this.configuration = options.configuration;
    this.custom = options.custom;
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- mirroring the SDK's deprecated field
    this.availabilityText = options.availabilityText;
    this.locale = options.locale;
  }
}
