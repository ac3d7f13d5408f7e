import { describe, expect, it } from "vitest";
import { chatterDelayMs } from "../src/chatterDelayMs.js";
import { ShuffleBag } from "../src/ShuffleBag.js";

/** A random source that plays back the given numbers in a loop. */
const sequence = (...numbers: number[]) => {
  let index = 0;
  return () => numbers[index++ % numbers.length]!;
};

describe("ShuffleBag", () => {
  it("hands out every item once per round", () => {
    const bag = new ShuffleBag(["a", "b", "c", "d"], sequence(0.7, 0.1, 0.4));
    const rounds = [0, 1, 2].map(() => [bag.next(), bag.next(), bag.next(), bag.next()].sort());
    for (const round of rounds) expect(round).toEqual(["a", "b", "c", "d"]);
  });

  it("does not repeat the last item of a round at the start of the next", () => {
    // These numbers shuffle rounds 1 and 2 into "c b a" and "a b c" order: "a" would come twice in a row.
    const bag = new ShuffleBag(["a", "b", "c"], sequence(0.9, 0.9, 0.1, 0.9));
    const handed = Array.from({ length: 12 }, () => bag.next());
    for (let index = 1; index < handed.length; index += 1) expect(handed[index]).not.toBe(handed[index - 1]);
  });

  it("keeps handing out the only item, and refuses an empty list", () => {
    const bag = new ShuffleBag(["only"]);
    expect([bag.next(), bag.next()]).toEqual(["only", "only"]);
    expect(() => new ShuffleBag([])).toThrow(TypeError);
  });
});

describe("chatterDelayMs", () => {
  it("waits between half and one and a half times the average, depending on chance", () => {
    expect(chatterDelayMs(10_000, () => 0)).toBe(5_000);
    expect(chatterDelayMs(10_000, () => 0.5)).toBe(10_000);
    expect(chatterDelayMs(10_000, () => 0.999)).toBe(14_990);
  });
});
