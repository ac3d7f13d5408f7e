import { fileURLToPath } from "node:url";
import { defineConfig, mergeConfig } from "vitest/config";
import baseConfig from "./vitest.config.ts";

const react18 = fileURLToPath(new URL("./node_modules/react-18", import.meta.url));
const reactDom18 = fileURLToPath(new URL("./node_modules/react-dom-18", import.meta.url));

// The same tests against React 18: every `react` and `react-dom` import (subpaths too) goes to the 18 aliases.
export default mergeConfig(
  baseConfig,
  defineConfig({
    resolve: {
      alias: [
        { find: /^react$/, replacement: react18 },
        { find: /^react\/(.*)$/, replacement: `${react18}/$1` },
        { find: /^react-dom$/, replacement: reactDom18 },
        { find: /^react-dom\/(.*)$/, replacement: `${reactDom18}/$1` },
      ],
    },
    test: {
      name: "react18",
      // Behaviour tests, not timed ones: on a loaded 2-core CI machine a 100-render test can take several seconds.
      testTimeout: 30_000,
      env: { EXPECTED_REACT_MAJOR: "18" },
      // Testing Library must import React through the aliases above, not from its own folder.
      server: { deps: { inline: ["@testing-library/react"] } },
      // react-dom-18 requires `react` from its own folder, where pnpm placed React 19.
      setupFiles: ["./tests/setup/requireReact18.cjs"],
    },
  }),
);
