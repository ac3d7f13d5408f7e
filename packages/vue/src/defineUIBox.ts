import {
  eventNameOfProp,
  type SessionController,
  type UIBoxController,
  type UIBoxKind,
  type UIBoxOptionsOf,
} from "@x/session-core";
import {
  camelize,
  defineComponent,
  h,
  inject,
  onBeforeUnmount,
  onMounted,
  shallowRef,
  toRef,
  watch,
  type EmitsOptions,
  type SlotsType,
  type VNode,
} from "vue";
import { bindListeners } from "./bindListeners";
import { sessionContextKey } from "./sessionContext";
import { toPlain } from "./toPlain";

type Create<Kind extends UIBoxKind> = (talk: SessionController, options: UIBoxOptionsOf<Kind>) => UIBoxController<Kind>;

// On the box's element, never TalkJS options: `class`, `style` (also on the loading element), `data-*` and `aria-*`.
const elementAttribute = /^(class|style)$|^(data|aria)-/;

/**
 * Internal: a box component on the core's controller. It reads its props from `attrs` (all but the element's, see
 * above): `on*` listeners become box events through `bindEventProps`, the rest options, camelized, a bare attribute
 * `true`. Attributes, not declared props, so options and events TalkJS adds later reach the core, and a listener
 * added after mount is followed: Vue updates `attrs` when one changes.
 */
export function defineUIBox<
  Props extends Record<string, unknown>,
  Emits extends EmitsOptions,
  Slots extends SlotsType,
  Kind extends UIBoxKind,
>(name: string, create: Create<Kind>) {
  return defineComponent<Props, Emits, string, Slots>(
    (_, { attrs, slots, expose }) => {
      const talk = inject(sessionContextKey, null)?.controller;
      if (!talk) {
        throw new Error(
          process.env.NODE_ENV !== "production"
            ? `<${name}> must be used inside <TalkSession>; wrap it (or a parent) in one.`
            : `<${name}> outside <TalkSession>`,
        );
      }
      const read = () => {
        const options: Record<string, unknown> = {};
        // Box events and @error (the controller's `error` event). Reading `onError` tracks `attrs` even when it is
        // empty, so an attribute added later re-runs the watcher.
        const listeners: Record<string, unknown> = { onError: attrs.onError };
        for (const key in attrs) {
          const value = attrs[key];
          if (eventNameOfProp(key)) listeners[key] = value;
          else if (value !== undefined && !elementAttribute.test(key))
            options[camelize(key)] = value === "" ? true : toPlain(value);
        }
        return { options: options as UIBoxOptionsOf<Kind>, listeners };
      };
      const initial = read();
      const controller = create(talk, initial.options);
      const events = bindListeners(controller);
      events.update(initial.listeners);
      watch(read, ({ options, listeners }) => {
        events.update(listeners);
        controller.setOptions(options);
      });

      const state = shallowRef(controller.getState());
      const element = shallowRef<HTMLElement>();
      expose({ box: toRef(() => state.value.box) });
      // Subscribed and mounted in the browser only, so server rendering leaves nothing behind.
      onMounted(() => {
        controller.subscribe((next) => (state.value = next));
        controller.mount(element.value);
      });
      // Destroys the box, releases the session and drops every handler.
      onBeforeUnmount(controller.destroy);

      return () => {
        // TalkJS places a Popup itself.
        if (name === "TalkPopup") return null;
        const { status } = state.value;
        const mounted = status === "mounted";
        const own: Record<string, unknown> = {};
        for (const key in attrs) if (elementAttribute.test(key)) own[key] = attrs[key];
        const { class: className, style } = own;
        // TalkJS owns the element's children, so the loading content is a sibling, as in `@talkjs/react`; it shows
        // only while the box is on its way (never once mounted, nor in `error`, from which nothing comes by itself).
        const loading = !mounted && status !== "error";
        return [
          loading ? h("div", { class: className, style }, (slots as { loading?: () => VNode[] }).loading?.()) : null,
          h("div", { ...own, ref: element, style: mounted ? style : [style, { display: "none" }] }),
        ];
      };
    },
    { name, inheritAttrs: false },
  );
}
