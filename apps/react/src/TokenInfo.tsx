import { useEffect, useState } from "react";
import { formatTime, onTokenFetched, type TokenFetch } from "@x/example-shared";

/** The latest token the `tokenFetcher` got, so refreshes can be seen happening. */
export function TokenInfo() {
  const [latest, setLatest] = useState<TokenFetch>();
  useEffect(() => onTokenFetched(setLatest), []);
  return (
    <p className="demo-footer" data-testid="token-info">
      {latest === undefined
        ? "No token fetched yet."
        : `Token #${latest.count} fetched at ${formatTime(latest.fetchedAt)}, valid for ${latest.expiresInSeconds} s; TalkJS asks for a fresh one before it expires.`}
    </p>
  );
}
