import { developmentAndProductionBuilds } from "../../tsup.shared";

// Next.js App Router: the components and hooks must run on the client. The build script puts the "use client"
// directive back after tsup (scripts/use-client.mjs): tsup's tree-shaking pass drops module-level directives.
// Two entries: the classic session and boxes, and the Data API bindings (`@x/session-react/data`), which alone use
// `@talkjs/core` (through `@x/session-core/data`).
export default developmentAndProductionBuilds(
  { external: ["react", "talkjs", "@talkjs/core", "@x/session-core", "@x/session-core/data"] },
  { index: "src/index.ts", data: "src/data/index.ts" },
);
