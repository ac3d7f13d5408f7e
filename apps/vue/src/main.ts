import "@x/example-shared/demo.css";
import { getConfig, me, prepareTalk } from "@x/example-shared";
import { createApp } from "vue";
import App from "./App.vue";

const config = await getConfig();
await prepareTalk(config); // Before anything loads talkjs: offline, the fake must replace the CDN script.
const initialUser = await me();

createApp(App, { config, initialUser }).mount("#app");
