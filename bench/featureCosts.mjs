// What each remaining byte of `createTalkSession` buys (issue 13): every feature below is cut out of the core's source
// alone, the production bundle is measured again, and the difference is what that feature costs. A last build cuts
// them all at once, to show what is left without any of them. The cuts are plain text edits of the source; when the
// source changes, a cut that no longer matches stops the bench with its name, so the list is kept true.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const source = fileURLToPath(new URL("../packages/core/src/", import.meta.url));

/**
 * [feature, [file, text, replacement][]]: each text must occur exactly once in its file, which createTalkSession
 * bundles. A text may also be [from, to]: the span from the one `from` through the first `to` after it.
 */
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
        `    const { debug } = read();
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
        `          const result = entry.handler(...payload) as PromiseLike<unknown> | undefined;
          if (typeof result?.then == "function")
            pending.push(Promise.resolve(result).catch((cause: unknown) => failed(name, cause)));`,
        "          entry.handler(...payload);",
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
        "        releaseTimer = later(letGo, read().keepAliveMs ?? 0);",
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
        "        if (ownedControllers.has(controller)) lingering.set(controller, [appAndUser(), letGo]);",
        "",
      ],
    ],
  ],
];

/** What each byte of `createDataSession` buys (issue 20): the data controller's features, cut the same way. */
export const dataFeatures = [
  [
    "refused tokens paced by the backoff and ended in `invalid-token`",
    [
      [
        "createDataSession.ts",
        ["          if (refusal) {", "            check();\n          }\n"],
        "          void refusal;\n",
      ],
    ],
  ],
  [
    "windows restored after a reconnect or a new session (a snapshot below the window loads again)",
    [
      ["createLiveQuery.ts", "      wanted = Math.max(wanted, lengthOf(data));\n", ""],
      ["createLiveQuery.ts", "      // Short of the window (fill checks): load the rest.\n      void fill();\n", ""],
      ["createLiveQuery.ts", "    if (filling) return void (again = true);", "    if (filling) return;"],
      ["createLiveQuery.ts", "progress || again;", "progress;"],
    ],
  ],
  [
    "pending sends: shown at once, removed when TalkJS shows them, failed ones kept for resend/discard",
    [
      [
        "createDataSession.ts",
        ["  const setPending = (next: typeof pending) => {", "  const paged = <Data>("],
        `  const deliver = (conversationId: string, message: SendParams) => {
    const release = machine.connect();
    return machine.whenReady().then((session) => session.conversation(conversationId).send(message)).catch(noop).finally(release);
  };
  const paged = <Data>(`,
      ],
      [
        "createDataSession.ts",
        ["        (data: MessageSnapshot[] | null | undefined) => {", "!shown(entry)) };\n        },\n"],
        "",
      ],
      [
        "createDataSession.ts",
        ["    send(conversationId: string, message: SendParams) {", "  }) as unknown as DataSessionController;"],
        `    send: (conversationId: string, message: SendParams) => (needsId("send(conversationId)", conversationId), deliver(conversationId, message)),
    resend: () => Promise.resolve(undefined),
    discard: noop,
  }) as unknown as DataSessionController;`,
      ],
    ],
  ],
  [
    "`loadMore` split above TalkJS's per-call limit",
    [["createLiveQuery.ts", "mine.loadMore(Math.min(limit, wanted - before))", "mine.loadMore(wanted - before)"]],
  ],
  [
    "`syncUser` applied with `currentUser.set()` on each new session and when its content changes",
    [
      ["createDataSession.ts", "      if (options.syncUser) await session.currentUser.set(options.syncUser);\n", ""],
      ["createDataSession.ts", "\n    appliedUser = contentKey(options.syncUser);\n", "\n"],
      [
        "createDataSession.ts",
        [
          "\n        else if (live && options.syncUser && contentKey(options.syncUser) != appliedUser) {",
          "\n        }\n",
        ],
        "\n",
      ],
    ],
  ],
  [
    "TalkJS ending the session is `error` (`session-terminated`)",
    [["createDataSession.ts", ["session.onError((cause) => {", "\n    });"], "({ unsubscribe: noop });"]],
  ],
  [
    "queries in `error` (never `ready`) while the session is dead",
    [["createLiveQuery.ts", 'status == "loading" || status == "error" ? status : "idle"', '"loading"']],
  ],
  [
    "a query TalkJS refuses is `error` (`query-failed`), tried again when subscribed anew",
    [
      ["createLiveQuery.ts", ["    mine.connected.catch((cause: unknown) => {", "\n    });\n"], "\n"],
      ["createLiveQuery.ts", '        if (state.error?.code == "query-failed") session = undefined;\n', ""],
    ],
  ],
  [
    "TalkJS subscriptions nobody watches let go after the grace",
    // The grace after the last subscriber leaves (not the one for a query nobody ever subscribed to).
    [["createLiveQuery.ts", "        release = undefined;\n        collectLater();", "        release = undefined;"]],
  ],
  [
    "no WebSocket (Node before 22) is a clear `error`",
    [["createDataSession.ts", ['    if (!options.core && typeof WebSocket == "undefined")', "      );\n"], ""]],
  ],
];

/** What the bench measures with the cuts applied: the entry's code and what stays external. */
const targets = {
  createTalkSession: [`export { createTalkSession } from "./index";`, ["talkjs"]],
  createDataSession: [`export { createDataSession } from "./data/index";`, ["talkjs", "@talkjs/core"]],
};

/** min+gzip bytes of `target`'s production bundle built from the source with `cuts` applied. */
async function bytesWith(cuts, target = "createTalkSession") {
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
          const [from, to] = Array.isArray(text) ? text : [text];
          const start = contents.indexOf(from);
          const end = to === undefined ? start + from.length : contents.indexOf(to, start + from.length) + to.length;
          if (contents.split(from).length !== 2 || end < start + from.length)
            throw new Error(`bench/featureCosts.mjs: a cut no longer matches ${file} once; update it:\n${text}`);
          contents = contents.slice(0, start) + replacement + contents.slice(end);
        }
        return { contents, loader: "ts" };
      });
    },
  };
  const [entry, external] = targets[target];
  const bytes = await coreSourceBytes(entry, external, [cut]);
  // A cut in a file the target no longer bundles (moved or renamed) would cut nothing: stop on it too.
  for (const [file, [[text]]] of edits)
    if (!loaded.has(file))
      throw new Error(`bench/featureCosts.mjs: ${target} no longer bundles ${file}; update the cut:\n${text}`);
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

/**
 * Each feature's cost, largest first, and the bundle built from the source with none of them: `createTalkSession`'s
 * features, or with `"createDataSession"` the data controller's.
 */
export async function featureCosts(target = "createTalkSession") {
  const list = target == "createDataSession" ? dataFeatures : features;
  const whole = await bytesWith([], target);
  const costs = [];
  for (const [feature, cuts] of list) costs.push({ feature, bytes: whole - (await bytesWith(cuts, target)) });
  costs.sort((a, b) => b.bytes - a.bytes);
  return {
    whole,
    costs,
    withoutAll: await bytesWith(
      list.flatMap(([, cuts]) => cuts),
      target,
    ),
  };
}
