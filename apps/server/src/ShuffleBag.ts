/**
 * Hands out items in random order without repeats: every item once per round, and never the same item twice in a
 * row across rounds (when there are at least two), unlike picking at random each time.
 * @example
 * const lines = new ShuffleBag(["Hi", "Coffee?", "Lunch?"]);
 * lines.next(); // "Coffee?"
 */
export class ShuffleBag<T> {
  readonly #items: readonly T[];
  readonly #random: () => number;
  #round: T[] = [];
  #last: T | undefined;

  /** @throws TypeError for an empty list: there would be nothing to hand out. */
  constructor(items: readonly T[], random: () => number = Math.random) {
    if (items.length === 0) throw new TypeError("ShuffleBag needs at least one item.");
    this.#items = items;
    this.#random = random;
  }

  next(): T {
    if (this.#round.length === 0) this.#round = this.#shuffled();
    const item = this.#round.pop() as T;
    this.#last = item;
    return item;
  }

  #shuffled(): T[] {
    const round = [...this.#items];
    for (let index = round.length - 1; index > 0; index -= 1) {
      const other = Math.floor(this.#random() * (index + 1));
      [round[index], round[other]] = [round[other] as T, round[index] as T];
    }
    // next() pops from the end: keep the previous round's last item from coming straight back.
    if (round.length > 1 && round[round.length - 1] === this.#last)
      [round[0], round[round.length - 1]] = [round[round.length - 1] as T, round[0] as T];
    return round;
  }
}
