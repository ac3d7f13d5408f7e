import type Talk from "talkjs";
import { FakeUIBox } from "./FakeUIBox.js";

/**
 * The fake `Talk.Popup` returned by `session.createPopup()`: a launcher and a panel over the page (`document.body`).
 * `mount({ show })` opens it when `show` is true; `show()`/`hide()` do nothing before a mount resolved, as in TalkJS.
 * @example
 * const popup = session.createPopup();
 * await popup.mount({ show: false });
 * popup.show();
 */
export class FakePopup extends FakeUIBox<"popup"> implements Talk.Popup {
  #shown = false;

  /** Test-only: whether the popup panel is open. */
  get shown(): boolean {
    return this.#shown;
  }

  mount(options?: { show?: boolean }): Promise<void> {
    return this.startMount(
      [options],
      () => (typeof document === "undefined" ? undefined : document.body),
      () => (this.#shown = options?.show === true),
    );
  }

  show(): void {
    this.callMethod("show", []);
    this.#setShown(true);
  }

  hide(): void {
    this.callMethod("hide", []);
    this.#setShown(false);
  }

  onOpen(handler: () => void): Talk.Subscription {
    return this.subscribe("onOpen", "open", handler);
  }

  onClose(handler: () => void): Talk.Subscription {
    return this.subscribe("onClose", "close", handler);
  }

  protected override isShown(): boolean {
    return this.#shown;
  }

  /** The launcher: only a user's click emits `open`/`close`, never `show()`/`hide()`. */
  protected override userToggled(): void {
    if (!this.isAlive) return;
    this.#setShown(!this.#shown);
    this.emitFromSdk(this.#shown ? "open" : "close");
  }

  #setShown(shown: boolean): void {
    if (!this.mounted) return;
    this.#shown = shown;
    this.redraw();
  }
}
