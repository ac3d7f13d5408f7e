import { defineConfig } from "vitest/config";

export default defineConfig({
  // The full build compiles the template strings of test harnesses.
  resolve: { alias: [{ find: /^vue$/, replacement: "vue/dist/vue.esm-bundler.js" }] },
  test: {
    environment: "happy-dom",
    include: ["tests/**/*.test.ts"],
    typecheck: { include: ["tests/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
