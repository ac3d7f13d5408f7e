import "@x/example-shared/demo.css";
import { getConfig, me, prepareTalk } from "@x/example-shared";
import { mount } from "svelte";
import App from "./App.svelte";

const config = await getConfig();
await prepareTalk(config); // Before anything loads talkjs: offline, the fake must replace the CDN script.
const user = await me();

const target = document.getElementById("app");
if (target === null) throw new Error('index.html needs an element with id="app" to mount the demo into.');
target.replaceChildren(); // the "Loading the demo…" hint
mount(App, { target, props: { config, initialUser: user } });
