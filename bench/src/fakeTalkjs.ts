import { createFakeTalk, type FakeTalk } from "@x/session-testing";

// Both React libraries `import "talkjs"`; the bench bundle aliases it here, to the fake of the current scenario.
let current: FakeTalk = createFakeTalk();

/** Starts a scenario on a fresh fake whose SDK is already loaded. */
export async function useFreshFake(): Promise<FakeTalk> {
  current = createFakeTalk();
  await current.ready;
  return current;
}

const talk = {
  get ready() {
    return current.ready;
  },
  get Session() {
    return current.Session;
  },
  get User() {
    return current.User;
  },
};
export default talk;
