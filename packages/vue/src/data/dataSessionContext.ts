import type { DataSessionController, DataSessionState } from "@x/session-core/data";
import { hasInjectionContext, inject, type InjectionKey, type ShallowRef } from "vue";

/** What `<TalkDataSession>` provides to its descendants: its controller and the controller's state. */
export interface DataSessionContext {
  readonly controller: DataSessionController;
  readonly state: Readonly<ShallowRef<DataSessionState>>;
}

/** The injection key of `<TalkDataSession>`'s context. */
export const dataSessionContextKey: InjectionKey<DataSessionContext> = Symbol("TalkDataSession");

/**
 * Internal: the context of the nearest `<TalkDataSession>`, for a composable called in `setup()`.
 *
 * @example
 * const { controller } = injectDataSession("useMessages");
 * @throws Error outside a `<TalkDataSession>`, naming it and the composable.
 */
export function injectDataSession(composable: string): DataSessionContext {
  // Outside setup() inject() returns undefined; the check only spares development builds Vue's warning about it.
  const context =
    process.env.NODE_ENV !== "production" && !hasInjectionContext() ? null : inject(dataSessionContextKey, null);
  if (!context) {
    throw new Error(
      process.env.NODE_ENV !== "production"
        ? `${composable}() must be called inside <TalkDataSession>, in setup(). Wrap this component in <TalkDataSession app-id="..." user-id="...">.`
        : `${composable}() outside <TalkDataSession>`,
    );
  }
  return context;
}
