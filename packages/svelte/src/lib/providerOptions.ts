import { pickSessionOptions } from "@x/session-core";

/**
 * Internal: the options a provider component (`<TalkSession>`, `<TalkDataSession>`) applies, read from its props:
 * none when it was given a `controller` and no option prop; objects and arrays (`$state` ones among them) as
 * `snapshot`s, read deeply so an in-place change is followed, except `module` (the SDK the app passes, which the SDK's
 * loader may fill in later); validated, naming `owner`.
 */
export function providerOptions<Options>(
  props: object,
  shared: boolean,
  module: string,
  snapshot: (value: unknown) => unknown,
  validate: (options: Options, owner: string) => unknown,
  owner: string,
): Options | undefined {
  const options = pickSessionOptions(props) as unknown as Record<string, unknown>;
  if (shared && Object.keys(options).length === 0) return undefined;
  for (const [name, value] of Object.entries(options)) {
    const type = (value as { constructor?: unknown } | null)?.constructor;
    if (name !== module && (type === Object || type === Array)) options[name] = snapshot(value);
  }
  validate(options as Options, owner);
  return options as Options;
}
