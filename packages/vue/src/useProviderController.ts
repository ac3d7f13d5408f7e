import { connectOwned, pickSessionOptions } from "@x/session-core";
import { camelize, onMounted, onScopeDispose, watch } from "vue";
import { bindListeners } from "./bindListeners";
import { toPlain } from "./toPlain";

/** What a provider component drives: the classic session controller or the data one. */
interface ProvidedController<Options> {
  setOptions: (options: Options) => void;
  connect: () => () => void;
  on: (name: never, handler: never) => () => void;
}

/**
 * Internal: the setup of a provider component (`<TalkSession>`, `<TalkDataSession>`). It reads options and listeners
 * from `attrs` as plain copies (a bare attribute matching `castsBoolean` means `true`) and validates the options during
 * setup, naming `component`; creates and owns a controller or uses the shared `controller` attribute, and hands it to
 * `provideContext` (whose result it returns); once mounted it follows the attributes and connects: an owned controller
 * with `connectOwned` (destroyed after the grace), a shared one only released, when the scope is disposed.
 * `listenersOf` picks the listeners to bind from the attributes read (all of them unless given).
 */
export function useProviderController<Options, Controller extends ProvidedController<Options>, Context>(
  component: string,
  attrs: Record<string, unknown>,
  castsBoolean: RegExp,
  create: (options: Options) => Controller,
  validate: (options: Options, owner: string) => unknown,
  provideContext: (controller: Controller) => Context,
  listenersOf: (given: Record<string, unknown>) => object = (given) => given,
): Context {
  // Read once, like the options and listeners an attribute (see `read`).
  const sharedController = attrs.controller as Controller | undefined;
  const owned = !sharedController;
  // Options and listeners are attributes, camelized: Vue updates a child when an attribute changes, also a
  // listener, and any `on*` attribute is an event, so one the SDK adds later works too.
  const read = () => {
    // Reading one attribute tracks them all, even when there are none yet.
    const given: Record<string, unknown> = { onError: attrs.onError };
    for (const key in attrs) {
      const value = attrs[key];
      // A `v-on` object's `"unreads-change"` arrives as `onUnreads-change`.
      const name = camelize(key);
      given[name] = value === "" && castsBoolean.test(name) ? true : toPlain(value);
    }
    // A bare `retry` attribute means the default policy.
    if (given.retry === true) given.retry = undefined;
    return given;
  };
  // The options to apply: a shared controller keeps its own unless the props name some; then they replace all.
  const optionsOf = (given: Record<string, unknown>): Options | undefined => {
    const next = pickSessionOptions(given) as unknown as Options;
    if (owned || Object.keys(next as object).length > 0) {
      validate(
        next,
        process.env.NODE_ENV !== "production" && !owned
          ? `${component} (given "controller", the option props replace all of its options)`
          : component,
      );
      return next;
    }
  };
  // Validates during setup, so bad props throw here, naming the prop.
  const controller = sharedController ?? create(optionsOf(read()) as Options);
  const context = provideContext(controller);

  const listeners = bindListeners(controller);
  const apply = (given: Record<string, unknown>) => {
    listeners.update(listenersOf(given));
    const next = optionsOf(given);
    if (next) controller.setOptions(next);
  };
  let release: (() => void) | undefined;
  onMounted(() => {
    apply(read());
    // Made here, the watcher stops with the component; on a server nothing below runs.
    watch(read, apply);
    // An owned controller is destroyed once the keep-alive grace passes after unmount; a shared one is only released.
    release = owned ? connectOwned(controller) : controller.connect();
  });
  onScopeDispose(() => {
    listeners.dispose();
    release?.();
  });
  return context;
}
