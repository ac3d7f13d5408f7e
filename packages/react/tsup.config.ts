import { developmentAndProductionBuilds } from "../../tsup.shared";

// Next.js App Router: the components and hooks must run on the client. The build script puts the "use client"
// directive back after tsup (scripts/use-client.mjs): tsup's tree-shaking pass drops module-level directives.
export default developmentAndProductionBuilds({ external: ["react", "talkjs", "@x/session-core"] });
