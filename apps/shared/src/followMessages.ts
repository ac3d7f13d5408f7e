/** How close to the top a scroll must come to ask for older messages, and to the bottom to follow new ones. */
const NEAR_TOP_PX = 48;
const NEAR_BOTTOM_PX = 24;

/**
 * The scroll behaviour of a chat's message list, for every framework: `update()` after each render keeps the
 * bottom in view while the user is there (new messages scroll in) and otherwise keeps what they read in place
 * (older messages added above do not move it).
 * @example
 * const scroll = followMessages(list, () => void messages.loadMore());
 * render(); scroll.update();
 */
export interface MessageScroll {
  /** Call after the list's content changed. */
  update(): void;
  /** Call when the list shows another conversation: starts again at the bottom. */
  reset(): void;
  destroy(): void;
}

/**
 * Follows `list` (the scrolling element): `onNearTop` runs whenever the user scrolls (near) to the top, to load
 * older messages; see `MessageScroll` for the rest.
 * @example
 * const scroll = followMessages(list, () => { if (!state.loadedAll) void query.loadMore(); });
 */
export function followMessages(list: HTMLElement, onNearTop: () => void): MessageScroll {
  let fromBottom = 0; // where the user is, measured from the bottom, as of their last scroll
  const measure = () => list.scrollHeight - list.scrollTop - list.clientHeight;
  const onScroll = () => {
    fromBottom = measure();
    if (list.scrollTop <= NEAR_TOP_PX && list.scrollHeight > list.clientHeight) onNearTop();
  };
  list.addEventListener("scroll", onScroll, { passive: true });
  return {
    update() {
      const target = fromBottom <= NEAR_BOTTOM_PX ? 0 : fromBottom;
      list.scrollTop = list.scrollHeight - list.clientHeight - target;
      fromBottom = measure();
    },
    reset() {
      fromBottom = 0;
      this.update();
    },
    destroy() {
      list.removeEventListener("scroll", onScroll);
    },
  };
}
