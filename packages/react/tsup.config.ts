import { developmentAndProductionBuilds } from "../../tsup.shared";

// Next.js App Router: the components and hooks must run on the client.
export default developmentAndProductionBuilds({
  external: ["react", "talkjs", "@x/session-core"],
  banner: { js: '"use client";' },
});
