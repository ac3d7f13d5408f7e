// Built by vite.test.config.mjs into a browser bundle that runtime-client.mjs mounts in happy-dom.
import type { TalkModule } from "@x/session-svelte/store";
import App from "./App.svelte";

export function mountApp(target: HTMLElement, talk: TalkModule, onBody: (body: string) => void): () => void {
  const app = new App({ target, props: { talk, onBody } });
  return () => app.$destroy();
}
