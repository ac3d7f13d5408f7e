import { defineConfig } from "vitest/config";

export default defineConfig({
  // The full build compiles the template strings of test harnesses.
  resolve: { alias: [{ find: /^vue$/, replacement: "vue/dist/vue.esm-bundler.js" }] },
  test: {
    // Behaviour tests, not timed ones: on a loaded 2-core CI machine a 100-render test can take several seconds.
    testTimeout: 30_000,
    environment: "happy-dom",
    include: ["tests/**/*.test.ts"],
    typecheck: { include: ["tests/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
