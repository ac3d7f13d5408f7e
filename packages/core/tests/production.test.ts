/* eslint-disable @typescript-eslint/no-deprecated -- the deprecated "signature" option stays supported; its warning is what one test pins. */
import { createFakeTalk } from "@x/session-testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as Core from "../src/index";
import type { SessionOptions } from "../src/classic/types";

// The production build's code paths, from the source: `dev` is read once per module load, so the modules are loaded
// afresh with NODE_ENV=production (what the build's define does).
let core: typeof Core;
beforeAll(async () => {
  vi.stubEnv("NODE_ENV", "production");
  vi.resetModules();
  core = await import("../src/index");
});
afterAll(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const create = (options: unknown) => () => core.createTalkSession(options as SessionOptions);

describe("the production build", () => {
  it("still refuses what no app can run without, naming the option", () => {
    expect(create({ userId: "pete" })).toThrow(new TypeError(`createTalkSession() "appId"`));
    expect(create({ appId: " ", userId: "pete" })).toThrow(`"appId"`);
    expect(create({ appId: "app" })).toThrow(new TypeError(`createTalkSession() "userId"`));
    expect(create({ appId: "app", userId: "pete", syncUser: () => ({}) })).toThrow(`"userId"`);
    expect(() => core.validateSessionOptions({ appId: "app" } as SessionOptions, "<Session>")).toThrow(
      `<Session> "userId"`,
    );
  });

  it("leaves the type checks to development, as React leaves propTypes", () => {
    expect(create({ appId: "app", userId: "pete", debug: "verbose", retry: { tries: 2 } })).not.toThrow();
  });

  it("runs a session and keeps each error's code as its message, with no development warning", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const fake = createFakeTalk();
    const talk = core.createTalkSession({ appId: "app", userId: "pete", talk: fake, signature: "legacy" });
    talk.connect();
    const session = await talk.whenReady();
    expect(session.isAlive).toBe(true);
    expect(talk.getState().status).toBe("ready");
    talk.destroy();
    expect(talk.connect()).toBeTypeOf("function");
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();

    const failing = core.createTalkSession({
      appId: "app",
      userId: "pete",
      talk: () => Promise.reject(new Error("x")),
    });
    const errors: Core.SessionError[] = [];
    failing.on("error", (error) => errors.push(error));
    failing.connect();
    await vi.waitFor(() => expect(failing.getState().status).toBe("error"));
    const error = failing.getState().error;
    expect(error).toBeInstanceOf(core.SessionError);
    expect(error?.code).toBe("sdk-load-failed");
    expect(error?.message).toBe("sdk-load-failed");
    expect(error?.name).toBe("SessionError");
    expect(errors).toEqual([error]);
    failing.destroy();
  });
});
