import "@x/example-shared/demo.css";
import { getConfig, me, prepareTalk } from "@x/example-shared";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";

// Which React build the bundle uses (import.meta.env.DEV follows NODE_ENV); the StrictMode e2e test checks it.
document.documentElement.dataset.reactMode = import.meta.env.DEV ? "development" : "production";

const config = await getConfig();
await prepareTalk(config); // Before anything loads talkjs: offline, the fake must replace the CDN script.
const user = await me();

const container = document.getElementById("root");
if (container === null) throw new Error('index.html has no element with id="root".');
createRoot(container).render(
  <StrictMode>
    <App config={config} initialUser={user} />
  </StrictMode>,
);
