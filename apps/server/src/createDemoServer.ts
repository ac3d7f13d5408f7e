import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { join } from "node:path";
import { conversationIdBetween, findDemoUser } from "@x/example-shared/demoUsers";
import type { ServerConfig } from "./config.js";
import { BadRequest, readJsonBody, sendError, sendJson, sendText } from "./http.js";
import { LoginSessions } from "./LoginSessions.js";
import { EXAMPLE_APPS, landingPage, notBuiltPage } from "./pages.js";
import { serviceWorkerSource } from "./serviceWorker.js";
import { SimulatedBackend } from "./SimulatedBackend.js";
import { findStaticFile, isDirectory } from "./staticFiles.js";
import { isValidTalkToken, signTalkToken } from "./talkToken.js";

const HTML = "text/html; charset=utf-8";
const JAVASCRIPT = "text/javascript; charset=utf-8";

type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void> | void;

function fakeScriptPath(): string {
  return createRequire(import.meta.url).resolve("@x/session-testing/browser");
}

function fakeCoreScriptPath(): string {
  return createRequire(import.meta.url).resolve("@x/session-testing/core-browser");
}

async function sendFakeScript(response: ServerResponse, path: () => string): Promise<void> {
  try {
    sendText(response, 200, JAVASCRIPT, await readFile(path()), { "cache-control": "no-store" });
  } catch {
    sendText(
      response,
      503,
      JAVASCRIPT,
      'console.error("[demo] The TalkJS fake is not built: run pnpm --filter @x/session-testing build.");',
    );
  }
}

/**
 * Creates (does not start) the demo server: landing page, the built example apps, login, the token endpoint and,
 * in offline mode, the simulated TalkJS backend, the fake SDK script and its service worker.
 * @example
 * const server = createDemoServer(readServerConfig(process.env));
 * server.listen(5173, "127.0.0.1");
 */
export function createDemoServer(config: ServerConfig): Server {
  const logins = new LoginSessions();
  const backend = new SimulatedBackend(config);
  const offline = config.mode === "offline";

  const requireLogin = (
    request: IncomingMessage,
    response: ServerResponse,
  ): { userId: string; loginId: string } | undefined => {
    const loginId = logins.sessionIdOf(request);
    const userId = logins.userOf(request);
    if (loginId === undefined || userId === undefined) {
      sendError(response, 401, "Not logged in: POST /api/login with a demo user first.");
      return undefined;
    }
    return { userId, loginId };
  };

  const routes: Record<string, Handler> = {
    "GET /api/config": (_request, response) => sendJson(response, 200, { appId: config.appId, mode: config.mode }),

    "GET /api/me": (request, response) =>
      sendJson(response, 200, { user: findDemoUser(logins.userOf(request)) ?? null }),

    "POST /api/login": async (request, response) => {
      const user = findDemoUser((await readJsonBody(request)).userId);
      if (user === undefined) {
        sendError(response, 400, "Unknown demo user: send { userId } with one of the demo user ids.");
        return;
      }
      const previous = logins.sessionIdOf(request);
      if (previous !== undefined) {
        logins.delete(previous);
        backend.endLogin(previous);
      }
      sendJson(response, 200, { user }, { "set-cookie": LoginSessions.cookie(logins.create(user.id)) });
    },

    "POST /api/logout": (request, response) => {
      const loginId = logins.sessionIdOf(request);
      if (loginId !== undefined) {
        logins.delete(loginId);
        backend.endLogin(loginId);
      }
      sendJson(response, 200, { user: null }, { "set-cookie": LoginSessions.clearedCookie() });
    },

    "POST /api/talk-token": async (request, response, url) => {
      const login = requireLogin(request, response);
      if (login === undefined) return;
      const body = await readJsonBody(request);
      const asked = [body.userId, url.searchParams.get("userId") ?? undefined].filter((id) => id !== undefined);
      // The cookie decides whose token this is; asking for anyone else is refused, never ignored.
      if (asked.some((id) => id !== login.userId)) {
        sendError(response, 403, `You are logged in as "${login.userId}" and can only get a token for that user.`);
        return;
      }
      const token = await signTalkToken(
        { appId: config.appId, userId: login.userId },
        config.secret,
        config.tokenTtlSeconds,
      );
      sendJson(response, 200, { token, expiresInSeconds: config.tokenTtlSeconds });
    },
  };

  const offlineRoutes: Record<string, Handler> = {
    "POST /api/fake/verify": async (request, response) => {
      const { token, appId, userId } = await readJsonBody(request);
      if (typeof token !== "string" || typeof appId !== "string" || typeof userId !== "string") {
        sendError(response, 400, "Send { token, appId, userId } as strings.");
        return;
      }
      sendJson(response, 200, { valid: await isValidTalkToken(token, { appId, userId }, config.secret) });
    },

    "GET /api/fake/events": (request, response, url) => {
      const login = requireLogin(request, response);
      if (login === undefined) return;
      // Like the token endpoint: a tab still showing another user gets refused instead of that user's messages.
      const asked = url.searchParams.get("userId");
      if (asked !== null && asked !== login.userId) {
        sendError(response, 403, `You are logged in as "${login.userId}", not "${asked}".`);
        return;
      }
      backend.open(response, login);
    },

    "POST /api/fake/poke": async (request, response) => {
      const login = requireLogin(request, response);
      if (login === undefined) return;
      const { from, body } = await readJsonBody(request);
      sendJson(response, 200, { delivered: backend.poke(login.loginId, { from, body }) });
    },

    "POST /api/fake/send": async (request, response) => {
      const login = requireLogin(request, response);
      if (login === undefined) return;
      const { conversationId } = await readJsonBody(request);
      if (typeof conversationId !== "string" || !backend.reply(login.loginId, login.userId, conversationId)) {
        sendError(response, 400, "Send { conversationId, body } for a conversation between you and another demo user.");
        return;
      }
      sendJson(response, 202, { accepted: true });
    },

    "GET /fake/talk.js": (_request, response) => sendFakeScript(response, fakeScriptPath),

    // The custom-UI views: the @talkjs/core fake's browser build, and the data it is seeded with.
    "GET /fake/core.js": (_request, response) => sendFakeScript(response, fakeCoreScriptPath),

    "GET /api/fake/world": (request, response) => {
      if (requireLogin(request, response) === undefined) return;
      sendJson(response, 200, backend.world.snapshot());
    },

    "POST /api/fake/world/message": async (request, response) => {
      const login = requireLogin(request, response);
      if (login === undefined) return;
      const { id, conversationId, body } = await readJsonBody(request);
      const valid =
        typeof id === "string" &&
        id !== "" &&
        typeof conversationId === "string" &&
        typeof body === "string" &&
        backend.world.publish({ id, conversationId, senderId: login.userId, body, timestamp: Date.now() });
      if (!valid) {
        sendError(
          response,
          400,
          "Send { id, conversationId, body } for a conversation between you and another demo user.",
        );
        return;
      }
      backend.reply(login.loginId, login.userId, conversationId); // the other participant answers, as in the Inbox
      sendJson(response, 202, { accepted: true });
    },

    "POST /api/fake/world/read": async (request, response) => {
      const login = requireLogin(request, response);
      if (login === undefined) return;
      const { conversationId } = await readJsonBody(request);
      if (typeof conversationId !== "string" || !backend.world.markRead(conversationId, login.userId)) {
        sendError(response, 400, "Send { conversationId } for a conversation you are in.");
        return;
      }
      sendJson(response, 200, { read: true });
    },

    "POST /api/fake/typing": async (request, response) => {
      const login = requireLogin(request, response);
      if (login === undefined) return;
      const { from, typing } = await readJsonBody(request);
      const sender = findDemoUser(from);
      if (sender === undefined || sender.id === login.userId || typeof typing !== "boolean") {
        sendError(response, 400, "Send { from, typing } with another demo user's id and a boolean.");
        return;
      }
      backend.world.setTyping(conversationIdBetween(sender.id, login.userId), sender.id, typing);
      sendJson(response, 200, { typing });
    },

    "POST /api/fake/presence": async (request, response) => {
      if (requireLogin(request, response) === undefined) return;
      const { userId, online } = await readJsonBody(request);
      const user = findDemoUser(userId);
      if (user === undefined || typeof online !== "boolean") {
        sendError(response, 400, "Send { userId, online } with a demo user's id and a boolean.");
        return;
      }
      backend.world.setOnline(user.id, online);
      sendJson(response, 200, { online: backend.world.isOnline(user.id) });
    },
  };

  const serveApp = async (response: ServerResponse, url: URL): Promise<boolean> => {
    const [, name = "", ...rest] = url.pathname.split("/");
    const app = EXAMPLE_APPS.find((candidate) => candidate.name === name);
    if (app === undefined) return false;
    if (rest.length === 0) {
      response.writeHead(301, { location: `/${app.name}/${url.search}` }).end();
      return true;
    }
    const dist = join(config.appsDir, app.name, "dist");
    if (!(await isDirectory(dist))) {
      sendText(response, 404, HTML, notBuiltPage(app));
      return true;
    }
    const file = await findStaticFile(dist, `/${rest.join("/")}`);
    if (file === undefined) sendText(response, 404, "text/plain; charset=utf-8", "Not found");
    else
      sendText(response, 200, file.contentType, file.body, {
        "cache-control": file.immutable ? "public, max-age=31536000, immutable" : "no-cache",
      });
    return true;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const route = `${request.method} ${url.pathname}`;
    const handler = routes[route] ?? (offline ? offlineRoutes[route] : undefined);
    if (handler !== undefined) return handler(request, response, url);
    if (url.pathname === "/" && request.method === "GET") {
      const built = await Promise.all(EXAMPLE_APPS.map((app) => isDirectory(join(config.appsDir, app.name, "dist"))));
      sendText(
        response,
        200,
        HTML,
        landingPage({
          mode: config.mode,
          appId: config.appId,
          isBuilt: (app) => built[EXAMPLE_APPS.indexOf(app)] === true,
        }),
      );
      return;
    }
    if (url.pathname === "/sw.js" && request.method === "GET") {
      sendText(response, 200, JAVASCRIPT, serviceWorkerSource(config.mode), {
        "cache-control": "no-cache",
        "service-worker-allowed": "/",
      });
      return;
    }
    if (url.pathname === "/favicon.ico") return void response.writeHead(204).end();
    if (url.pathname.startsWith("/api/")) {
      sendError(response, 404, `No ${route} here.`);
      return;
    }
    if (request.method === "GET" && (await serveApp(response, url))) return;
    sendText(response, 404, "text/plain; charset=utf-8", "Not found");
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.end();
      if (error instanceof BadRequest) {
        sendError(response, 400, error.message);
        return;
      }
      console.error("[demo server]", error);
      sendError(response, 500, "The demo server failed; see its console.");
    });
  });
  server.on("close", () => backend.closeAll());
  return server;
}
