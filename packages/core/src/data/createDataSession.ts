import type { MessageRef, MessageSnapshot, TalkSession, TalkSessionOptions } from "@talkjs/core";
import { contentKey } from "../machine/contentKey";
import { createSessionMachine, endOthersGrace, type Build } from "../machine/createSessionMachine";
import { dev } from "../machine/dev";
import { SessionError } from "../machine/SessionError";
import { backoffDelay } from "../machine/tokenSource";
import { delay, freeze, noop } from "../machine/timers";
import {
  createLiveQuery,
  type InternalLiveQuery,
  type QueryHost,
  type QuerySource,
  type TalkSubscription,
} from "./createLiveQuery";
import type {
  CoreModule,
  DataSessionController,
  DataSessionOptions,
  DataSessionState,
  PendingMessage,
  SendParams,
} from "./types";
import { validateDataOptions, type ResolvedDataOptions } from "./validateDataOptions";

// The key prefix of a conversation's messages queries (any page size).
const messagesKey = (conversationId: string) => `messages[${JSON.stringify(conversationId)},`;

const stateOf = (status: DataSessionState["status"], session?: TalkSession, error?: SessionError): DataSessionState =>
  freeze({ status, session, error });

/** `terminate()` ends a TalkJS session and closes its websocket; TalkJS's runtime has it, its published types not. */
type Terminable = TalkSession & { terminate?: () => void };

/** Checks an id argument; returns it as it goes into a query's key. */
const needsId = (method: string, id: unknown) => {
  if (!(typeof id == "string" && id))
    throw new TypeError(
      dev ? `${method} needs a non-empty string id; got ${id === "" ? "an empty string" : typeof id}.` : method,
    );
  return JSON.stringify(id);
};

/**
 * Creates a controller for TalkJS's Data API (`@talkjs/core`) in status `idle`: the classic controller's lifecycle
 * (ref-counted `connect()`, keep-alive, retry with backoff, `whenReady`, `destroy`) plus live queries and `send`.
 * It touches neither `@talkjs/core` nor the network until the first `connect()` or query subscriber.
 *
 * @example
 * const talk = createDataSession({ appId: "APP_ID", userId: "pete", tokenFetcher });
 * const stop = talk.messages("order-1").subscribe((state) => draw(state.data, state.pending));
 * @throws TypeError when an option is missing, empty, unknown or of the wrong type, naming it.
 */
export function createDataSession(initialOptions: DataSessionOptions): DataSessionController {
  let options: ResolvedDataOptions = validateDataOptions(initialOptions);
  let core: CoreModule | undefined;
  let coreFrom: ResolvedDataOptions["core"];
  // The current attempt's session, and whether TalkJS accepted the token handed over (it answered since).
  let live: Terminable | undefined;
  let onErrorSubscription: { unsubscribe: () => void } | undefined;
  let refused = 0;
  let awaitingAnswer = false;
  const queries = new Map<string, InternalLiveQuery<unknown>>();
  // Sends TalkJS has not shown yet, by conversation; an entry that TalkJS sent remembers the message id.
  let pending: Array<PendingMessage & { messageId?: string }> = [];
  let sends = 0;

  const build: Build = async (signal, tokens, connected) => {
    const check = () => signal.throwIfAborted();
    // The first token is fetched while `@talkjs/core` loads.
    const token = tokens.get();
    token?.catch(noop);
    check();
    // The latest `core` option wins, even one passed while the previous one was loading.
    while (!core || coreFrom !== options.core) {
      const from = options.core;
      try {
        const module = (typeof from == "function" ? await from() : (from ?? (await import("@talkjs/core")))) as
          (CoreModule & { default?: CoreModule }) | undefined;
        const loaded = module?.getTalkSession ? module : module?.default;
        if (!loaded?.getTalkSession) throw new TypeError("no getTalkSession");
        core = loaded;
      } catch (cause) {
        check();
        throw new SessionError(
          "sdk-load-failed",
          dev &&
            `@talkjs/core could not be loaded (see cause). Install it ("npm install @talkjs/core"), or pass "core".`,
          { cause },
        );
      }
      check();
      coreFrom = from;
      step("sdk ready");
    }
    // TalkJS needs a WebSocket: browsers and Node 22 have one; older Node needs a polyfill, or TalkJS throws later.
    if (!options.core && typeof WebSocket == "undefined")
      throw new SessionError(
        "session-create-failed",
        dev &&
          `No WebSocket here (Node before 22?). Set globalThis.WebSocket (e.g. from the "ws" package) or call @talkjs/core's registerPolyfills and pass "core".`,
      );
    // Released during the grace period: build nothing until someone connects again.
    await connected();
    check();
    // A component's own controller ends the grace of another one's session for this user: never two alive.
    endOthersGrace(controller, appAndUser());
    check();
    // Each attempt its own session: another controller's session for this user is never touched.
    const session: Terminable = (live = core.getTalkSession({
      appId: options.appId,
      userId: options.userId,
      forceCreateNew: true,
    } as TalkSessionOptions));
    refused = 0;
    awaitingAnswer = false;
    const handOver = (next: string) => {
      if (signal.aborted) return;
      awaitingAnswer = true;
      session.setToken(next);
      // A request answered after the token was handed over: TalkJS accepted it.
      session.currentUser.get().then(() => signal.aborted || accepted(), noop);
    };
    if (options.token || options.tokenFetcher)
      // TalkJS asks again at once for a token it refused: a request before it answered is a refusal, paced by the
      // backoff and ended in `invalid-token` after `retry.attempts`. Never a tight loop.
      session.onNeedToken = () => {
        const refusal = awaitingAnswer;
        void (async () => {
          if (refusal) {
            if (++refused >= options.retry.attempts)
              throw new SessionError(
                "invalid-token",
                dev && `TalkJS refused ${refused} token(s) in a row. Check your token endpoint, then call retry().`,
              );
            await delay(backoffDelay(options.retry, refused), signal);
            check();
          }
          const next = await tokens.get(true);
          if (next) handOver(next);
        })().catch((error: unknown) => signal.aborted || fail(error as SessionError));
      };
    onErrorSubscription = session.onError((cause) => {
      if (!signal.aborted)
        fail(
          new SessionError(
            "session-terminated",
            dev && "TalkJS ended the session (see cause); call retry() to start a new one.",
            { cause },
          ),
        );
    });
    const first = await token;
    check();
    if (first) handOver(first);
    // Watched queries subscribe now, alongside the answer for the user that makes the controller ready.
    for (const [, each] of queries) each.wake();
    check();
    try {
      if (options.syncUser) await session.currentUser.set(options.syncUser);
      check();
      // Ready once TalkJS has accepted the token and answered for the current user.
      await session.currentUser.get();
    } catch (cause) {
      check();
      throw new SessionError(
        "session-create-failed",
        dev &&
          `TalkJS did not answer for user "${options.userId}" (see cause). Check "appId" and the token, then call retry().`,
        { cause },
      );
    }
    check();
    accepted();
    appliedUser = contentKey(options.syncUser);
    setState(stateOf("ready", session), dev ? `session ready for user "${options.userId}"` : "ready");
  };

  const appAndUser = () => `${options.appId}\n${options.userId}`;
  const accepted = () => {
    awaitingAnswer = false;
    refused = 0;
  };
  let appliedUser = "";

  const [machine, , setState, start, fail, report, step, tokens] = createSessionMachine<
    TalkSession,
    DataSessionState,
    { error: (error: SessionError) => void }
  >(
    () => options,
    stateOf,
    build,
    () => {
      const [session, onError] = [live, onErrorSubscription];
      live = onErrorSubscription = undefined;
      onError?.unsubscribe();
      if (session) session.onNeedToken = undefined;
      session?.terminate?.();
    },
    appAndUser,
  );

  // What every query reads of the controller.
  const host: QueryHost = {
    ...machine,
    building: () => live,
    accepted,
    report,
    keepAliveMs: () => options.keepAliveMs,
    queries,
  };
  /** The query for `key`, made on first use and shared while it lives. */
  const query = <Data>(key: string, source: QuerySource<Data>) =>
    (queries.get(key) as InternalLiveQuery<Data> | undefined) ?? createLiveQuery<Data>(host, key, source);

  const setPending = (next: typeof pending) => {
    pending = next;
    for (const [key, each] of queries) if (key.startsWith("messages")) each.refresh();
  };
  const replace = (key: string, change?: Partial<PendingMessage> & { messageId?: string }) =>
    setPending(
      change
        ? pending.map((entry) => (entry.key == key ? freeze({ ...entry, ...change }) : entry))
        : pending.filter((entry) => entry.key != key),
    );

  // Sends the entry `key` (there is one: `send` and `resend` just set it, and only a failed one can be discarded).
  const deliver = async (key: string): Promise<MessageRef | undefined> => {
    const entry = pending.find((each) => each.key == key) as PendingMessage;
    const release = machine.connect();
    try {
      const session = await machine.whenReady();
      const ref = await session.conversation(entry.conversationId).send(entry.params);
      // Nobody watches the conversation: the entry is done. Else it stays until TalkJS's snapshot holds the message
      // (the messages queries' `pending`, recomputed now, drop it at once if it is there already).
      replace(
        key,
        [...queries.keys()].some((name) => name.startsWith(messagesKey(entry.conversationId)))
          ? { messageId: ref.id }
          : undefined,
      );
      return ref;
    } catch (cause) {
      replace(key, {
        status: "failed",
        error: new SessionError("query-failed", dev && "Sending the message failed (see cause).", { cause }),
      });
    } finally {
      release();
    }
  };
  const isFailed = (key: string) => pending.some((entry) => entry.key == key && entry.status == "failed");

  /** A paged query: `key` names the kind and its arguments; the page size completes it. */
  const paged = <Data>(
    key: string,
    pageOptions: { pageSize?: number } | undefined,
    [size, limit]: [number, number],
    open: QuerySource<Data>["open"],
    extra?: QuerySource<Data>["extra"],
  ) => {
    const pageSize = pageOptions?.pageSize ?? size;
    return query<Data>(`${key},${pageSize}]`, { open, page: [pageSize, limit], extra });
  };

  /** A query of one thing by id (a conversation, a user, ...): `open` subscribes to it on a session. */
  const single =
    <Data>(
      method: string,
      open: (session: TalkSession, id: string, onSnapshot: (data: Data) => void) => TalkSubscription,
    ) =>
    (id: string) =>
      query<Data>(method + needsId(method, id), { open: (session, onSnapshot) => open(session, id, onSnapshot) });

  const controller: DataSessionController = Object.assign(machine, {
    setOptions(next: DataSessionOptions) {
      const { status } = machine.getState();
      if (status == "destroyed") return;
      const previous = options;
      options = validateDataOptions(next);
      if (status != "idle") {
        if (previous.appId !== options.appId || previous.userId !== options.userId)
          start(dev ? "options changed: new session" : "options");
        else if (status == "error" && options.token !== previous.token)
          start(dev ? "new token after an error" : "token");
        else if (live && options.syncUser && contentKey(options.syncUser) != appliedUser) {
          // Only the latest set() may report: one a newer syncUser (other content) replaced decides nothing.
          const applying = (appliedUser = contentKey(options.syncUser));
          const session = live;
          session.currentUser
            .set(options.syncUser)
            .catch(
              (cause: unknown) =>
                live === session &&
                appliedUser == applying &&
                report(new SessionError("query-failed", dev && `Applying "syncUser" failed (see cause).`, { cause })),
            );
        }
      }
      // Last: handing a new token to a waiting refresh may write a trace, and a `debug` function may call back in.
      if (options.token !== previous.token) tokens()?.tokenChanged();
    },
    conversations: (listOptions?: { filter?: unknown; pageSize?: number }) =>
      paged(`conversations[${contentKey(listOptions?.filter)}`, listOptions, [20, 30], (session, onSnapshot) =>
        session.subscribeConversations(listOptions?.filter ? { filter: listOptions.filter } : {}, onSnapshot),
      ),
    conversation: single("conversation(id)", (session, id, onSnapshot) =>
      session.conversation(id).subscribe(onSnapshot),
    ),
    messages: (conversationId: string, pageOptions?: { pageSize?: number }) =>
      paged(
        `messages[${needsId("messages(conversationId)", conversationId)}`,
        pageOptions,
        [30, 100],
        (session, onSnapshot) => session.conversation(conversationId).subscribeMessages(onSnapshot),
        (data: MessageSnapshot[] | null | undefined) => {
          const ids = new Set(data?.map((message) => message.id));
          // An entry leaves once TalkJS's snapshot holds the message it sent.
          const shown = (entry: { messageId?: string }) => ids.has(entry.messageId as string);
          if (pending.some(shown)) queueMicrotask(() => setPending(pending.filter((entry) => !shown(entry))));
          return { pending: pending.filter((entry) => entry.conversationId == conversationId && !shown(entry)) };
        },
      ),
    participants: (conversationId: string, pageOptions?: { pageSize?: number }) =>
      paged(
        `participants[${needsId("participants(conversationId)", conversationId)}`,
        pageOptions,
        [10, 50],
        (session, onSnapshot) => session.conversation(conversationId).subscribeParticipants(onSnapshot),
      ),
    typing: single("typing(conversationId)", (session, id, onSnapshot) =>
      session.conversation(id).subscribeTyping(onSnapshot),
    ),
    user: single("user(id)", (session, id, onSnapshot) => session.user(id).subscribe(onSnapshot)),
    online: single("online(userId)", (session, id, onSnapshot) => session.user(id).subscribeOnline(onSnapshot)),
    send(conversationId: string, message: SendParams) {
      needsId("send(conversationId)", conversationId);
      const key = `send-${++sends}`;
      setPending([
        ...pending,
        freeze({
          key,
          conversationId,
          params: message,
          text: typeof message == "string" ? message : ((message as { text?: string }).text ?? ""),
          createdAt: Date.now(),
          status: "sending" as const,
        }),
      ]);
      return deliver(key);
    },
    async resend(key: string) {
      if (isFailed(key)) {
        replace(key, { status: "sending", error: undefined });
        return deliver(key);
      }
    },
    discard(key: string) {
      if (isFailed(key)) replace(key);
    },
  }) as unknown as DataSessionController;
  return controller;
}
