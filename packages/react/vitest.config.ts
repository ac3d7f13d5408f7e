import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Behaviour tests, not timed ones: on a loaded 2-core CI machine a 100-render test can take several seconds.
    testTimeout: 30_000,
    environment: "jsdom",
    // Globals let Testing Library clean up after each test by itself.
    globals: true,
    include: ["tests/**/*.test.{ts,tsx}"],
    env: { EXPECTED_REACT_MAJOR: "19" },
    typecheck: { include: ["tests/**/*.test-d.{ts,tsx}"], tsconfig: "./tsconfig.json" },
  },
});
