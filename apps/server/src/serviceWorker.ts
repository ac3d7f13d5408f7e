/**
 * The service worker `/sw.js` of the offline demo: it answers the TalkJS CDN script with the fake's browser build,
 * so the real `talkjs` loader runs unchanged. In TalkJS mode it removes itself and lets every request through.
 * @example
 * sendText(response, 200, "text/javascript", serviceWorkerSource("offline"));
 */
export function serviceWorkerSource(mode: "offline" | "talkjs"): string {
  if (mode === "talkjs") {
    return `// TalkJS mode: a worker left over from an offline run must not keep faking the SDK.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.registration.unregister()));
`;
  }
  return `// Offline demo: https://cdn.talkjs.com/talk.js is answered with the TalkJS fake (/fake/talk.js).
self.addEventListener("install", () => self.skipWaiting());
// Claim open pages at once, so the page that registered this worker can load the SDK through it.
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
// A hard reload bypasses an active worker; the page asks it to claim again.
self.addEventListener("message", (event) => {
  if (event.data === "claim") event.waitUntil(self.clients.claim());
});
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (url.origin === "https://cdn.talkjs.com" && url.pathname === "/talk.js") {
    event.respondWith(fetch("/fake/talk.js", { cache: "no-store" }));
  }
});
`;
}
