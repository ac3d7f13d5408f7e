import { svelte } from "@sveltejs/vite-plugin-svelte";
import { svelteTesting } from "@testing-library/svelte/vite";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [svelte(), svelteTesting()],
        test: {
          name: "browser",
          environment: "jsdom",
          // Behaviour tests, not timed ones: on a loaded 2-core CI machine a 100-update test can take seconds.
          testTimeout: 30_000,
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/**/*.server.test.ts"],
          typecheck: { enabled: true, include: ["tests/*.test-d.ts"], tsconfig: "./tsconfig.vitest.json" },
        },
      },
      {
        // svelteTesting() would resolve "svelte" to its browser build; a server render needs the server one.
        plugins: [svelte()],
        test: { name: "server", environment: "node", include: ["tests/**/*.server.test.ts"] },
      },
      {
        // A separate program where "svelte/store" is Svelte 4's, to pin the store to both majors.
        test: {
          name: "svelte4-types",
          include: [],
          typecheck: { enabled: true, include: ["tests/svelte4/*.test-d.ts"], tsconfig: "./tsconfig.svelte4.json" },
        },
      },
    ],
  },
});
