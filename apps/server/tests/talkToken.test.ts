import { decodeJwt, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { startDemoServer, TEST_SECRET } from "./demoServer.js";

const key = new TextEncoder().encode(TEST_SECRET);

async function tokenOf(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

describe("POST /api/talk-token", () => {
  it("signs an HS256 user token for the logged-in user that verifies with the secret", async () => {
    const demo = await startDemoServer();
    await demo.login("alice");
    const token = await tokenOf(await demo.request("/api/talk-token", { method: "POST" }));
    const { payload, protectedHeader } = await jwtVerify(token, key, { algorithms: ["HS256"] });
    expect(protectedHeader.alg).toBe("HS256");
    expect(payload).toMatchObject({ tokenType: "user", iss: demo.config.appId, sub: "alice" });
  });

  it("answers 401 without a login", async () => {
    const demo = await startDemoServer();
    const response = await demo.request("/api/talk-token", { method: "POST" });
    expect(response.status).toBe(401);
  });

  it("answers 401 after logout", async () => {
    const demo = await startDemoServer();
    await demo.login("alice");
    await demo.request("/api/logout", { method: "POST" });
    expect((await demo.request("/api/talk-token", { method: "POST" })).status).toBe(401);
  });

  it("answers 403 when the body or the query asks for another user", async () => {
    const demo = await startDemoServer();
    await demo.login("alice");
    expect((await demo.request("/api/talk-token", { method: "POST", body: { userId: "bob" } })).status).toBe(403);
    expect((await demo.request("/api/talk-token?userId=bob", { method: "POST" })).status).toBe(403);
    expect(
      (await demo.request("/api/talk-token?userId=alice", { method: "POST", body: { userId: "bob" } })).status,
    ).toBe(403);
  });

  it("signs when the request names the logged-in user", async () => {
    const demo = await startDemoServer();
    await demo.login("bob");
    const token = await tokenOf(await demo.request("/api/talk-token", { method: "POST", body: { userId: "bob" } }));
    expect(decodeJwt(token).sub).toBe("bob");
  });

  it("honours the configured time to live", async () => {
    const demo = await startDemoServer({ tokenTtlSeconds: 15 });
    await demo.login("carol");
    const { iat, exp } = decodeJwt(await tokenOf(await demo.request("/api/talk-token", { method: "POST" })));
    expect(exp! - iat!).toBe(15);
    expect(exp! * 1000).toBeGreaterThan(Date.now() + 13_000);
  });

  it("does not verify with another secret", async () => {
    const demo = await startDemoServer();
    await demo.login("alice");
    const token = await tokenOf(await demo.request("/api/talk-token", { method: "POST" }));
    await expect(jwtVerify(token, new TextEncoder().encode("another-secret"))).rejects.toThrow();
  });

  it("never hands the secret to the browser in /api/config", async () => {
    const demo = await startDemoServer();
    const text = await (await demo.request("/api/config")).text();
    expect(JSON.parse(text)).toEqual({ appId: demo.config.appId, mode: "offline" });
    expect(text).not.toContain(TEST_SECRET);
  });
});
