import { createFakeTalk, type FakeSession, type FakeTalk, type FakeTalkOptions } from "../../src/index.js";

/** A fake whose `ready` has resolved, so sessions can be constructed. */
export async function loadedTalk(options: FakeTalkOptions = {}): Promise<FakeTalk> {
  const talk = createFakeTalk(options);
  await talk.ready;
  return talk;
}

/** The fake class is typed as Talk.Session; tests reach the extras through the recorded instances. */
export function lastSession(talk: FakeTalk): FakeSession {
  const session = talk.sessions[talk.sessions.length - 1];
  if (session === undefined) throw new Error("no session was created");
  return session;
}
