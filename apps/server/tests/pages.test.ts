import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startDemoServer } from "./demoServer.js";

describe("pages and scripts", () => {
  it("links the four apps from the landing page and says which are not built", async () => {
    const demo = await startDemoServer();
    mkdirSync(join(demo.config.appsDir, "vanilla", "dist"), { recursive: true });
    const html = await (await demo.request("/")).text();
    expect(html).toContain('href="/vanilla/"');
    expect(html.match(/Not built yet/g)).toHaveLength(3);
  });

  it("serves a built app under its base, with a fallback to index.html, and never outside dist", async () => {
    const demo = await startDemoServer();
    const dist = join(demo.config.appsDir, "vanilla", "dist");
    mkdirSync(join(dist, "assets"), { recursive: true });
    writeFileSync(join(dist, "index.html"), "<h1>vanilla</h1>");
    writeFileSync(join(dist, "assets", "app.js"), "console.log(1)");
    writeFileSync(join(demo.config.appsDir, "secret.txt"), "no");
    expect((await demo.request("/vanilla")).headers.get("location")).toBe("/vanilla/");
    expect(await (await demo.request("/vanilla/")).text()).toBe("<h1>vanilla</h1>");
    expect(await (await demo.request("/vanilla/some/route")).text()).toBe("<h1>vanilla</h1>");
    mkdirSync(join(dist, "dev"));
    writeFileSync(join(dist, "dev", "index.html"), "<h1>vanilla dev</h1>");
    expect(await (await demo.request("/vanilla/dev/")).text()).toBe("<h1>vanilla dev</h1>");
    const script = await demo.request("/vanilla/assets/app.js");
    expect(script.headers.get("content-type")).toContain("text/javascript");
    expect(script.headers.get("cache-control")).toContain("immutable");
    expect((await demo.request("/vanilla/..%2Fsecret.txt")).status).toBe(404);
    expect((await demo.request("/vanilla/assets/missing.js")).status).toBe(404);
  });

  it("shows a friendly page for an app that is not built", async () => {
    const demo = await startDemoServer();
    const response = await demo.request("/svelte/");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("pnpm --filter @x/example-svelte build");
  });

  it("serves the service worker for the whole origin and the fake SDK script", async () => {
    const demo = await startDemoServer();
    const worker = await demo.request("/sw.js");
    expect(worker.headers.get("service-worker-allowed")).toBe("/");
    expect(await worker.text()).toContain("https://cdn.talkjs.com");
    const fake = await demo.request("/fake/talk.js");
    expect(fake.headers.get("content-type")).toContain("text/javascript");
    expect(await fake.text()).toContain("TalkFake");
  });
});
