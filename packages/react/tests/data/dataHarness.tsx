import { act } from "@testing-library/react";
import { createFakeCore } from "@x/session-testing";
import { useDataSessionState } from "../../src/data";

/** Renders the nearest data session's state as text: `ready:pete`, `loading`, `error:session-terminated`. */
export function DataStateProbe() {
  const { status, session, error } = useDataSessionState();
  const detail = status === "ready" ? `:${session?.currentUser.id}` : status === "error" ? `:${error?.code}` : "";
  return <p data-testid="data-state">{`${status}${detail}`}</p>;
}

/** A fake `@talkjs/core` with Pete and Sam in conversation "c1" (two messages from Sam) and "c2". */
export function seededCore() {
  return createFakeCore({
    seed: {
      users: [
        { id: "pete", name: "Pete" },
        { id: "sam", name: "Sam" },
        { id: "maria", name: "Maria" },
      ],
      conversations: [
        {
          id: "c1",
          participants: ["pete", "sam", "maria"],
          subject: "Order 1",
          messages: [
            { senderId: "sam", text: "Hello" },
            { senderId: "sam", text: "Your order shipped" },
          ],
        },
        { id: "c2", participants: ["pete", "sam"], subject: "Order 2" },
      ],
    },
  });
}

/** Lets the fake's answers (timers and microtasks) and React's updates settle. */
export const tick = (ms = 5) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));
