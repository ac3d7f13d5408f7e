import type { DataSessionState } from "@x/session-core/data";
import { useDataSessionSelector } from "./useDataSessionSelector";

const wholeState = (state: DataSessionState) => state;

/**
 * The nearest `<DataSession>`'s state: `{ status, session, error }`, an immutable snapshot.
 *
 * @example
 * const { status, error } = useDataSessionState();
 * if (status === "error") return <p>Chat is unavailable: {error?.message}</p>;
 * @throws Error when used outside a `<DataSession>`.
 */
export function useDataSessionState(): DataSessionState {
  return useDataSessionSelector("useDataSessionState", wholeState);
}
