import type { SessionController } from "@x/session-core";

/** Internal: the context's controller, or the error every hook throws outside a `<Session>`. */
export function requireSessionController(
  controller: SessionController | undefined,
  hookName: string,
): SessionController {
  if (controller) return controller;
  throw new Error(
    `${hookName}() must be used inside <Session>. Wrap this component (or a parent) in <Session appId="..." userId="...">.`,
  );
}
