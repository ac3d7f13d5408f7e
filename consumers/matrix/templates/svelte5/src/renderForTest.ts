// Built with `vite build --ssr` for runtime-server.mjs.
import { render } from "svelte/server";
import type { TalkModule } from "@x/session-svelte";
import App from "./App.svelte";

export const renderApp = (talk: TalkModule): string => render(App, { props: { talk } }).body;
