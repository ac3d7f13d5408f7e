import { developmentAndProductionBuilds } from "../../tsup.shared";

// Two entries: the classic session and boxes, and the Data API layer (`@x/session-core/data`), which alone may
// load `@talkjs/core`.
export default developmentAndProductionBuilds(
  { external: ["talkjs", "@talkjs/core"] },
  { index: "src/index.ts", data: "src/data/index.ts" },
);
