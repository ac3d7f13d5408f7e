import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Behaviour tests, not timed ones: on a loaded 2-core CI machine a 100-render test can take several seconds.
    testTimeout: 30_000,
    environment: "node",
    include: ["tests/**/*.test.ts"],
    typecheck: { include: ["tests/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
