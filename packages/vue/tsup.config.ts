import { developmentAndProductionBuilds } from "../../tsup.shared";

export default developmentAndProductionBuilds(
  { external: ["vue", "talkjs", "@talkjs/core", "@x/session-core", "@x/session-core/data"] },
  { index: "src/index.ts", data: "src/data/index.ts" },
);
