import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";

const appsDir = new URL("../../", import.meta.url).pathname;
// Names that would only be in a browser bundle if server code or a secret leaked into it.
const FORBIDDEN = ["TALKJS_SECRET_KEY", "DEMO_SECRET", "SignJWT", "jwtVerify", "secret:"];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

test("the built example apps contain no secret and no token-signing code", () => {
  const dists = ["vanilla", "react", "vue", "svelte"]
    .map((name) => join(appsDir, name, "dist"))
    .filter((dist) => existsSync(dist));
  expect(dists.length).toBeGreaterThan(0);
  for (const file of dists.flatMap(filesUnder).filter((path) => /\.(js|html|css)$/.test(path))) {
    const text = readFileSync(file, "utf8");
    for (const forbidden of FORBIDDEN) expect(text.includes(forbidden), `${forbidden} in ${file}`).toBe(false);
  }
});
