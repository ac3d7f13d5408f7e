import type { SessionController } from "@x/session-core";
import { hasInjectionContext, inject, type InjectionKey } from "vue";
import { createSessionRefs, type SessionRefs } from "./sessionRefs";

/** What `<TalkSession>` provides to its descendants. */
export interface SessionContext extends SessionRefs {
  readonly controller: SessionController;
}

/** The injection key of `<TalkSession>`'s context. */
export const sessionContextKey: InjectionKey<SessionContext> = Symbol("TalkSession");

/**
 * The refs of `controller` when one is given, else those of the nearest `<TalkSession>`.
 *
 * @example
 * const { session } = resolveSessionRefs(undefined, "useSession");
 * @throws Error outside a `<TalkSession>` when no controller is given.
 */
export function resolveSessionRefs(controller: SessionController | undefined, composable: string): SessionRefs {
  if (controller) return createSessionRefs(controller);
  // Outside setup() inject() returns undefined; the check only spares development builds Vue's warning about it.
  const context =
    process.env.NODE_ENV !== "production" && !hasInjectionContext() ? null : inject(sessionContextKey, null);
  if (!context) {
    throw new Error(
      process.env.NODE_ENV !== "production"
        ? `${composable}() must be called inside <TalkSession>, in setup(); or pass a controller: ${composable}(controller).`
        : `${composable}() outside <TalkSession>`,
    );
  }
  return context;
}
