// Built with `vite build --ssr` for runtime-server.mjs.
import type { TalkModule } from "@x/session-svelte/store";
import App from "./App.svelte";

// Svelte 4 server components have a `render` static that the client type does not declare.
const server = App as unknown as { render(props: { talk: TalkModule }): { html: string } };
export const renderApp = (talk: TalkModule): string => server.render({ talk }).html;
