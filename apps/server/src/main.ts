import type { AddressInfo } from "node:net";
import { readServerConfig } from "./config.js";
import { createDemoServer } from "./createDemoServer.js";
import { stopOnSignals } from "./stopOnSignals.js";

let config: ReturnType<typeof readServerConfig>;
try {
  config = readServerConfig(process.env);
} catch (error) {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const server = createDemoServer(config);
server.on("error", (error: NodeJS.ErrnoException) => {
  const hint = error.code === "EADDRINUSE" ? ` Port ${config.port} is taken: stop the other server or set PORT.` : "";
  console.error(`[demo] The server could not start: ${error.message}.${hint}`);
  process.exit(1);
});
server.listen(config.port, config.host, () => {
  // The port actually bound: PORT=0 picks a free one.
  const { port } = server.address() as AddressInfo;
  const mode =
    config.mode === "offline"
      ? "offline, TalkJS simulated; set TALKJS_APP_ID and TALKJS_SECRET_KEY for real TalkJS"
      : `TalkJS app ${config.appId}`;
  console.log(`\n  TalkJS session demo (${mode})\n\n  ➜  http://${config.host}:${port}/\n`);
});

stopOnSignals(server, process);
