import {
  bindEventProps,
  eventNameOfProp,
  type SessionController,
  type SessionError,
  type UIBoxController,
  type UIBoxKind,
  type UIBoxOf,
  type UIBoxOptionsOf,
} from "@x/session-core";
import { getContext, untrack } from "svelte";
import type { SessionStore } from "./createSessionStore.js";
import { sessionContextKey } from "./sessionContextKey.js";

// Prop values as far as this module looks at them: their constructor, and onError's signature.
type Props = Readonly<
  Record<string, { constructor?: unknown } | null | undefined> & { onError?: (error: SessionError) => void }
>;

// What Svelte takes for itself; every other prop that is not an event is a TalkJS option.
const svelteProps = ["class", "style", "loading"];

// Arrays and plain objects may be `$state` proxies, which TalkJS cannot post to its iframe: they go as snapshots.
const plain: unknown[] = [Object, Array];

/**
 * Internal: one box for the life of a component. The controller is made once, from the `<TalkSession>` in context;
 * every prop change hands it the latest options (the core applies only what changed) and callbacks; it is mounted
 * into `element()` while the component is, and destroyed with it; `setBox` gets the live box (`bind:box`). Effects
 * never run on a server: nothing loads there. Returns whether the box is mounted, reactively.
 */
export function useUIBox<Kind extends UIBoxKind>(
  component: string,
  create: (talk: SessionController, options: UIBoxOptionsOf<Kind>) => UIBoxController<Kind>,
  props: () => object,
  element: () => HTMLElement | undefined,
  setBox: (box: UIBoxOf<Kind> | undefined) => void,
): () => boolean {
  const store = getContext<SessionStore | undefined>(sessionContextKey);
  if (!store) {
    throw new Error(
      `${component} must be used inside <TalkSession>. Wrap it (or a parent) in <TalkSession appId=... userId=...>.`,
    );
  }
  const latest = props() as Props;
  const options = () => {
    const picked: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(latest)) {
      if (value === undefined || eventNameOfProp(name) || svelteProps.includes(name)) continue;
      picked[name] = plain.includes(value?.constructor) ? $state.snapshot(value) : value;
    }
    return picked as UIBoxOptionsOf<Kind>;
  };
  const controller = create(store.controller, untrack(options));
  const events = bindEventProps(controller);
  let status = $state.raw(controller.getState().status);

  // onError is the component's own: box events only go to the box.
  $effect.pre(() => events.update({ ...latest, onError: undefined }));
  $effect(() => {
    const next = options();
    untrack(() => controller.setOptions(next));
  });
  $effect(() =>
    untrack(() => {
      controller.subscribe((state, previous) => {
        status = state.status;
        setBox(state.box);
        if (state.error && state.error !== previous.error) latest.onError?.(state.error);
      });
      controller.mount(element());
      // Final: destroys the box, releases the session and drops every handler and listener.
      return controller.destroy;
    }),
  );

  // Whether the box is mounted, as a getter a template can track.
  return () => status === "mounted";
}
