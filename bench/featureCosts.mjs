// What each remaining byte of `createTalkSession` buys (issue 13): every feature below is cut out of the core's source
// alone, the production bundle is measured again, and the difference is what that feature costs. A last build cuts
// them all at once, to show what is left without any of them. The cuts are plain text edits of the source; when the
// source changes, a cut that no longer matches stops the bench with its name, so the list is kept true.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const source = fileURLToPath(new URL("../packages/core/src/", import.meta.url));

/** [feature, [file, text, replacement][]]: each text must occur exactly once in its file, which createTalkSession bundles. */
export const features = [
  [
    "a fresh CDN script on retry, and failing at once when the script errors",
    [
      [
        "loadTalk.ts",
        `    if (typeof document == "object" && !("Session" in sdk))
      script =
        document.querySelector(\`script[src="\${talkScriptUrl}"]\`) ??
        document.head.appendChild(Object.assign(document.createElement("script"), { async: true, src: talkScriptUrl }));`,
        "",
      ],
    ],
  ],
  [
    "the `debug` trace",
    [
      [
        "createSessionMachine.ts",
        `    const { debug } = kind.read();
    if (typeof debug == "function")
      debug({ type: previous ? "transition" : "step", status, previous: previous?.status, message, error });
    else if (debug) console.debug(\`[talk-session] \${status}: \${message}\`);`,
        "    void [message, status, error, previous];",
      ],
    ],
  ],
  [
    "waiting for a new `token` when TalkJS asks for one and there is no `tokenFetcher`",
    [["tokenSource.ts", "          : refreshing\n            ?", "          : refreshing && 0\n            ?"]],
  ],
  [
    "handlers' promises passed back to the SDK (`browserPermissionNeeded`)",
    [
      [
        "eventHub.ts",
        `          const result = entry.handler(payload) as PromiseLike<unknown> | undefined;
          if (typeof result?.then == "function")
            pending.push(Promise.resolve(result).catch((cause: unknown) => failed(name, cause)));`,
        "          entry.handler(payload);",
      ],
      [
        "eventHub.ts",
        "      return pending.length ? Promise.all(pending).then(noop) : undefined;",
        "      return void pending;",
      ],
    ],
  ],
  [
    "`desktopNotificationsEnabled` applied to the live session",
    [["createTalkSession.ts", "    if (session && enabled !== undefined)", "    if (0)"]],
  ],
  [
    "credentials TalkJS refuses become the `error` state (`hasValidCredentials`)",
    [
      [
        "createTalkSession.ts",
        "    (session as { hasValidCredentials?: () => Promise<boolean> }).hasValidCredentials?.()",
        "    if (0) (session as { hasValidCredentials?: () => Promise<boolean> }).hasValidCredentials?.()",
      ],
    ],
  ],
  [
    "a token whose JWT `sub` is another user after a switch while loading",
    [
      ["createTalkSession.ts", "    const subject = first && jwtClaims(first).sub;", "    const subject = 0;"],
      [
        "createTalkSession.ts",
        "    if (userMoved && subject !== undefined && subject !== (me?.id ?? options.userId)) restart();",
        "    void subject;",
      ],
    ],
  ],
  [
    "`whenReady()` waiters",
    [
      [
        "createSessionMachine.ts",
        `    if (session || destroyed())
      for (const [resolve, reject] of waiters.splice(0)) {
        if (session) resolve(session);
        else reject(destroyedError());
      }`,
        "    void session;",
      ],
    ],
  ],
  [
    "pacing a `tokenFetcher` that answers the token TalkJS asked to replace",
    [
      [
        "tokenSource.ts",
        `    repeats = token == handedOut ? repeats + 1 : 0;
    if (repeats) {
      await delay(backoffDelay(retry, repeats), signal);
      signal.throwIfAborted();
    }`,
        "",
      ],
    ],
  ],
  [
    "the mailbox: changes made by listeners reach every listener in order",
    [
      ["createSessionMachine.ts", "    if (notifying) return;\n    notifying = true;\n    try {", "    {"],
      ["createSessionMachine.ts", "    } finally {\n      notifying = false;\n    }", "    }"],
    ],
  ],
  [
    "`tokenFetcher` retries with backoff",
    [["tokenSource.ts", "      if (call > 1) await delay(backoffDelay(retry, call - 1), signal);", ""]],
  ],
  [
    "`keepAliveMs`: a grace period of one's choosing after the last release",
    [
      [
        "createSessionMachine.ts",
        "        releaseTimer = later(letGo, kind.read().keepAliveMs ?? 0);",
        "        releaseTimer = setTimeout(letGo);",
      ],
    ],
  ],
  [
    "owned controllers: never two alive (one starting a session ends another's grace for the same app and user)",
    [
      [
        "createSessionMachine.ts",
        "    for (const [other, [otherUser, letGo]] of lingering) if (other != controller && otherUser == appAndUser) letGo();",
        "    void lingering;",
      ],
      [
        "createSessionMachine.ts",
        "        if (ownedControllers.has(controller)) lingering.set(controller, [kind.appAndUser(), letGo]);",
        "",
      ],
    ],
  ],
];

/** min+gzip bytes of `createTalkSession`'s production bundle built from the source with `cuts` applied. */
async function bytesWith(cuts) {
  const edits = new Map();
  for (const [file, text, replacement] of cuts) edits.set(file, [...(edits.get(file) ?? []), [text, replacement]]);
  const loaded = new Set();
  const cut = {
    name: "cut",
    setup(builder) {
      // Cuts name a file by its name alone: file names are unique across the core's folders.
      builder.onLoad({ filter: /packages\/core\/src\/.+\.ts$/ }, (args) => {
        const file = args.path.split("/").pop();
        loaded.add(file);
        let contents = readFileSync(args.path, "utf8");
        for (const [text, replacement] of edits.get(file) ?? []) {
          if (contents.split(text).length !== 2)
            throw new Error(`bench/featureCosts.mjs: a cut no longer matches ${file} once; update it:\n${text}`);
          contents = contents.replace(text, replacement);
        }
        return { contents, loader: "ts" };
      });
    },
  };
  const bytes = await coreSourceBytes(`export { createTalkSession } from "./index";`, ["talkjs"], [cut]);
  // A cut in a file createTalkSession no longer bundles (moved or renamed) would cut nothing: stop on it too.
  for (const [file, [[text]]] of edits)
    if (!loaded.has(file))
      throw new Error(`bench/featureCosts.mjs: createTalkSession no longer bundles ${file}; update the cut:\n${text}`);
  return bytes;
}

/**
 * min+gzip bytes of a module of the core's source, built in two passes as a user gets it: our build (production
 * define, syntax folding), then the app's minifier, which drops what nothing uses.
 */
export async function coreSourceBytes(contents, external, plugins = []) {
  const ours = await build({
    stdin: { contents, resolveDir: source, loader: "ts" },
    bundle: true,
    minifySyntax: true,
    format: "esm",
    target: "es2020",
    write: false,
    define: { "process.env.NODE_ENV": '"production"' },
    external,
    plugins,
    logLevel: "error",
  });
  const shipped = await build({
    stdin: { contents: ours.outputFiles[0].text, loader: "js" },
    minify: true,
    treeShaking: true,
    format: "esm",
    write: false,
    logLevel: "error",
  });
  return gzipSync(shipped.outputFiles[0].contents, { level: 9 }).length;
}

/** Each feature's cost, largest first, and the bundle built from the source with none of them. */
export async function featureCosts() {
  const whole = await bytesWith([]);
  const costs = [];
  for (const [feature, cuts] of features) costs.push({ feature, bytes: whole - (await bytesWith(cuts)) });
  costs.sort((a, b) => b.bytes - a.bytes);
  return { whole, costs, withoutAll: await bytesWith(features.flatMap(([, cuts]) => cuts)) };
}
