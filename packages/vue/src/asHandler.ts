/** Internal: Vue merges two listeners of one event into an array; they are called together, their results combined. */
export const asHandler = (listener: unknown): unknown =>
  Array.isArray(listener)
    ? (payload: unknown) => Promise.all(listener.map((each: (value: unknown) => unknown) => each(payload)))
    : listener;
