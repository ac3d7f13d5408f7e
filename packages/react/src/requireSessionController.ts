import type { SessionController } from "@x/session-core";

/** Internal: the context's controller, or the error every hook (`useSession`) and box (`<Chatbox>`) throws outside a `<Session>`. */
export function requireSessionController(controller: SessionController | undefined, user: string): SessionController {
  if (controller) return controller;
  throw new Error(
    process.env.NODE_ENV !== "production"
      ? `${user.startsWith("<") ? user : `${user}()`} must be used inside <Session>. Wrap this component (or a parent) in <Session appId="..." userId="...">.`
      : `${user} outside <Session>`,
  );
}
