// Built by vite.test.config.mjs into a browser bundle that runtime-client.mjs mounts in happy-dom.
import { mount, unmount } from "svelte";
import type { TalkModule } from "@x/session-svelte";
import App from "./App.svelte";

export function mountApp(target: HTMLElement, talk: TalkModule, onBody: (body: string) => void): () => void {
  const app = mount(App, { target, props: { talk, onBody } });
  return () => void unmount(app);
}
