import { describe, expect, it } from "vitest";
import { startDemoServer } from "./demoServer.js";

describe("login", () => {
  it("sets an httpOnly, SameSite=Lax session cookie with a random id", async () => {
    const demo = await startDemoServer();
    const first = (await demo.login("alice")).headers.get("set-cookie") ?? "";
    const second = (await demo.login("alice")).headers.get("set-cookie") ?? "";
    expect(first).toMatch(/^demo_session=[\w-]{20,}; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(second.split(";")[0]).not.toBe(first.split(";")[0]);
  });

  it("tells who is logged in, and nobody after logout", async () => {
    const demo = await startDemoServer();
    expect(await (await demo.request("/api/me")).json()).toEqual({ user: null });
    await demo.login("bob");
    expect(await (await demo.request("/api/me")).json()).toMatchObject({ user: { id: "bob", name: "Bob Okafor" } });
    const logout = await demo.request("/api/logout", { method: "POST" });
    expect(logout.headers.get("set-cookie")).toContain("Max-Age=0");
    expect(await (await demo.request("/api/me")).json()).toEqual({ user: null });
  });

  it("refuses unknown users and bodies that are not JSON", async () => {
    const demo = await startDemoServer();
    expect((await demo.login("mallory")).status).toBe(400);
    const response = await fetch(`${demo.baseUrl}/api/login`, { method: "POST", body: "{nope" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "The request body must be a JSON object." });
  });
});
