import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";

/**
 * Everything the demo server needs; `readServerConfig(process.env)` builds it from the environment.
 * @example
 * const server = createDemoServer({ ...readServerConfig({}), port: 0 });
 */
export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /** The TalkJS app id the apps use; a made-up one in offline mode. */
  readonly appId: string;
  /** "offline": the fake SDK and the simulated backend; "talkjs": real TalkJS. */
  readonly mode: "offline" | "talkjs";
  /** Signs the user tokens; never leaves the server. */
  readonly secret: string;
  readonly tokenTtlSeconds: number;
  /** How often, on average, the other demo users write to the logged-in user; 0 turns it off. */
  readonly chatterIntervalMs: number;
  /** How long the simulated user takes to answer a reply. */
  readonly replyDelayMs: number;
  /** The folder holding `vanilla/`, `react/`, `vue/`, `svelte/` with their built `dist/`. */
  readonly appsDir: string;
}

export const OFFLINE_APP_ID = "offline-demo";

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a non-negative number; got ${JSON.stringify(raw)}.`);
  return value;
}

/**
 * Reads the server settings from environment variables (PORT, HOST, TALKJS_APP_ID, TALKJS_SECRET_KEY,
 * DEMO_TOKEN_TTL_SECONDS, DEMO_MESSAGE_INTERVAL_MS, DEMO_REPLY_DELAY_MS, DEMO_SECRET).
 * @throws Error when TALKJS_APP_ID is set without TALKJS_SECRET_KEY, or a number is malformed.
 * @example
 * const config = readServerConfig(process.env);
 */
export function readServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const realAppId = env.TALKJS_APP_ID?.trim() || undefined;
  if (realAppId !== undefined && !env.TALKJS_SECRET_KEY) {
    throw new Error(
      "TALKJS_APP_ID is set but TALKJS_SECRET_KEY is not: the token endpoint needs your app's secret key (TalkJS dashboard, Settings).",
    );
  }
  const tokenTtlSeconds = positiveNumber(env, "DEMO_TOKEN_TTL_SECONDS", 60);
  if (tokenTtlSeconds < 1) throw new Error("DEMO_TOKEN_TTL_SECONDS must be at least 1.");
  return {
    host: env.HOST || "127.0.0.1",
    port: positiveNumber(env, "PORT", 5173),
    appId: realAppId ?? OFFLINE_APP_ID,
    mode: realAppId === undefined ? "offline" : "talkjs",
    // Offline, a fresh random secret per run: nothing to leak, nothing to configure.
    secret:
      realAppId === undefined
        ? env.DEMO_SECRET || randomBytes(32).toString("base64url")
        : (env.TALKJS_SECRET_KEY ?? ""),
    tokenTtlSeconds,
    chatterIntervalMs: positiveNumber(env, "DEMO_MESSAGE_INTERVAL_MS", 10_000),
    replyDelayMs: positiveNumber(env, "DEMO_REPLY_DELAY_MS", 1_500),
    appsDir: env.DEMO_APPS_DIR || fileURLToPath(new URL("../../", import.meta.url)),
  };
}
