import type { Server } from "node:http";

/** The part of `process` that stopping needs, so tests can pass their own. */
export interface SignalTarget {
  on(signal: "SIGINT" | "SIGTERM", listener: () => void): unknown;
  exit(code: number): void;
}

/**
 * Makes Ctrl-C (SIGINT) and SIGTERM a clean stop with exit code 0: open connections (event streams) are closed, then
 * the process exits. The listeners stay registered, because the signal may come twice (the terminal's, then the one
 * pnpm forwards to its script), and a second SIGINT with no listener would kill the process mid-close.
 * @example
 * stopOnSignals(createDemoServer(config).listen(5173), process);
 */
export function stopOnSignals(server: Server, target: SignalTarget): void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.closeAllConnections();
    server.close(() => target.exit(0));
  };
  target.on("SIGINT", stop);
  target.on("SIGTERM", stop);
}
