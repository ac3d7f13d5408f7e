// Shared by the core's and the React adapter's property tests: both drive the same option changes.
import fc from "fast-check";

/** Every token in the property tests carries this marker, so a leak into state, trace or DOM is a substring search. */
export const TOKEN_MARK = "tok-SECRET-";

/** App ids the fake accepts; `app-unknown` is one TalkJS refuses. */
export const knownApps = ["app-a", "app-b"];

/** The user as options name it: by id, or synced with data (a name change must re-create the session). */
export type UserModel = { kind: "id"; id: string } | { kind: "sync"; id: string; name: string };

export const userArbitrary: fc.Arbitrary<UserModel> = fc.oneof(
  fc.record({ kind: fc.constant("id" as const), id: fc.constantFrom("pete", "sam") }),
  fc.record({
    kind: fc.constant("sync" as const),
    id: fc.constantFrom("pete", "sam"),
    name: fc.constantFrom("Pete", "Peter"),
  }),
);

/** A change of user, app, token or token fetcher, as an app makes them. */
export type OptionChange<FetcherMode> =
  | { kind: "setUser"; user: UserModel }
  | { kind: "setApp"; appId: string }
  | { kind: "setToken"; token: number | undefined }
  | { kind: "setFetcher"; mode: FetcherMode };

/** Weighted arbitraries for every `OptionChange`, to spread into `fc.oneof`. */
export function optionChangeArbitraries<FetcherMode>(fetcherArbitrary: fc.Arbitrary<FetcherMode>) {
  return [
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("setUser" as const), user: userArbitrary }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("setApp" as const),
        appId: fc.constantFrom(...knownApps, "app-unknown"),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant("setToken" as const), token: fc.option(fc.nat(3), { nil: undefined }) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("setFetcher" as const), mode: fetcherArbitrary }) },
  ];
}
