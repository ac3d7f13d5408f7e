import type {
  CreateUserParams,
  SetUserParams,
  UserOnlineSnapshot,
  UserOnlineSubscription,
  UserRef,
  UserSnapshot,
  UserSubscription,
} from "@talkjs/core";
import { SingleSubscription } from "./FakeSubscription.js";
import { orDefault, patchCustom, type SessionInternals } from "./SessionInternals.js";

/** The fake `UserRef`: reads and writes the fake server's user, subscribes to it and to its presence. */
export class FakeUserRef implements UserRef {
  readonly id: string;
  readonly #session: SessionInternals;

  constructor(session: SessionInternals, id: string) {
    this.#session = session;
    this.id = id;
  }

  get(): Promise<UserSnapshot | null> {
    return this.#session.request(() => this.#session.snapshots.user(this.id));
  }

  set(params: SetUserParams): Promise<void> {
    return this.#session.request(() => {
      const { backend } = this.#session;
      const existing = backend.users.get(this.id);
      if (existing === undefined && params.name === undefined) {
        throw new Error(`[TalkJS] UserRef.set: user ${JSON.stringify(this.id)} does not exist, so "name" is required.`);
      }
      const record = existing ?? backend.upsertUser({ id: this.id, name: params.name ?? this.id });
      if (params.name !== undefined) record.name = params.name;
      record.custom = patchCustom(record.custom, params.custom);
      record.locale = orDefault(params.locale, null, record.locale);
      record.photoUrl = orDefault(params.photoUrl, null, record.photoUrl);
      record.role = orDefault(params.role, "default", record.role);
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- TalkJS still stores the deprecated field
      record.welcomeMessage = orDefault(params.welcomeMessage, null, record.welcomeMessage);
      backend.changed();
    });
  }

  createIfNotExists(params: CreateUserParams): Promise<void> {
    return this.#session.request(() => {
      const { backend } = this.#session;
      if (backend.users.has(this.id)) return;
      // The types require a name; untyped callers still get TalkJS's refusal.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- runtime guard for untyped callers
      if (typeof params?.name !== "string") {
        throw new Error(`[TalkJS] UserRef.createIfNotExists needs a "name" to create user ${JSON.stringify(this.id)}.`);
      }
      backend.upsertUser({
        id: this.id,
        name: params.name,
        custom: params.custom,
        locale: params.locale,
        photoUrl: params.photoUrl,
        role: params.role,
      });
      backend.changed();
    });
  }

  subscribe(onSnapshot?: (event: UserSnapshot | null) => void): UserSubscription {
    const session = this.#session;
    return session.subscribe(
      new SingleSubscription(session, `user:${this.id}`, () => session.snapshots.user(this.id), onSnapshot),
    );
  }

  subscribeOnline(onSnapshot?: (event: UserOnlineSnapshot | null) => void): UserOnlineSubscription {
    const session = this.#session;
    return session.subscribe(
      new SingleSubscription(session, `online:${this.id}`, () => session.snapshots.online(this.id), onSnapshot),
    );
  }
}
