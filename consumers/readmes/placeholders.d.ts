// The names README code blocks use without defining them, because the text around the block says what each one
// "stands for". checkReadmes.mjs fails if a name declared here is not introduced that way in some README.
import type { JSX } from "react";
import type Talk from "talkjs";
import type { Ref } from "vue";

declare global {
  /** A call to your backend that returns a TalkJS token for the logged-in user (root, core, React, Vue, Svelte). */
  function fetchTalkToken(): Promise<string>;
  /** The logged-in user of your app (React and Vue recipes). */
  const user: { id: string };
  /** Your app's root component (React recipes, Vue testing; a plain function also passes as a Vue component). */
  function App(): JSX.Element;
  /** Your login screen (React logout recipe). */
  function Login(): JSX.Element;
  /** Your authentication library's server-side read of the logged-in user (React Next.js recipe). */
  function currentUser(): Promise<{ id: string } | undefined>;
  /** Your app's way to show a message (Vue recipes). */
  function showBanner(message: string): void;
  /** Your auth composable (Vue Nuxt recipe). */
  function useUser(): Ref<{ id: string } | undefined>;
  /** Nuxt's auto-imported fetch helper (Vue Nuxt recipe). */
  function $fetch<T>(url: string): Promise<T>;
  /** Your analytics (React and Svelte UI box examples). */
  function track(...values: unknown[]): void;
  /** Your error reporting (React and Svelte UI box examples). */
  function report(error: Error): void;
  /** The code under test that creates, selects and mounts a Chatbox (testing README, UI boxes). */
  function runMyChatboxCode(session: Talk.Session): void;
}

// Vite's `import.meta.env` (its `vite/client` types, which a Vite app has): the root README's example that keeps the
// fake SDK out of production builds reads `import.meta.env.DEV`. The consumer matrix checks it with Vite's own types.
declare global {
  interface ImportMetaEnv {
    readonly DEV: boolean;
  }
  interface ImportMeta {
    readonly env: ImportMetaEnv;
  }
}

// Vue templates see component properties, not globals: the placeholders a template uses are declared there too.
declare module "vue" {
  interface ComponentCustomProperties {
    fetchTalkToken: typeof fetchTalkToken;
    user: typeof user;
    showBanner: typeof showBanner;
  }
}

export {};
