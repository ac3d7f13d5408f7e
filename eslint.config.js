// One flat config for the whole workspace: type-aware TypeScript everywhere, plus each framework's plugin on its files.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import svelte from "eslint-plugin-svelte";
import vue from "eslint-plugin-vue";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      "**/.turbo/**",
      "**/.svelte-kit/**",
      "**/coverage/**",
      "**/test-results/**",
      "**/playwright-report/**",
      "docs/api/**",
      "bench/.out/**",
      // Written by consumers/readmes/checkReadmes.mjs, which lints them itself.
      "consumers/.readme-blocks/**",
      // Projects the consumer matrix installs from npm and type-checks in a temporary directory.
      "consumers/matrix/templates/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        projectService: true,
        extraFileExtensions: [".svelte", ".vue"],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // Numbers and booleans in template literals read fine in messages; objects still may not be interpolated.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true, allowBoolean: true }],
      // `() => release()` returning void is the idiom for cleanups and listeners; block bodies there add noise, not safety.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Plain JavaScript (config files, scripts, benches) is outside every tsconfig: lint it without type information.
    files: ["**/*.{js,mjs,cjs}"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // bench/ has no tsconfig (esbuild bundles it, nothing type-checks it), so it is linted without type information.
    files: ["bench/**/*.{ts,tsx}"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // CommonJS files (vitest setup files loaded with require) can only use require().
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/tests/**/*.{ts,tsx}", "**/*.test.{ts,tsx}", "**/*.test-d.{ts,tsx}"],
    rules: {
      // A test that hits a missing node or session should fail right there; `!` says so without a guard per line.
      "@typescript-eslint/no-non-null-assertion": "off",
      // Fakes of async SDK callbacks (tokenFetcher, event handlers) must be async to match the signature under test.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // Type-checked against Svelte 4's types by its own tsconfig, which the project service does not discover.
    files: ["packages/svelte/tests/svelte4/**/*.ts"],
    languageOptions: {
      parserOptions: { projectService: false, project: "packages/svelte/tsconfig.svelte4.json" },
    },
  },
  {
    files: ["packages/react/**/*.{ts,tsx}", "apps/react*/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
  },
  // Vue's rules also see `defineComponent` objects in .ts files, which is how packages/vue writes its component.
  ...vue.configs["flat/recommended"].map((config) =>
    config.files ? config : { ...config, files: ["**/*.vue", "packages/vue/src/**/*.ts", "apps/vue*/src/**/*.ts"] },
  ),
  {
    files: ["**/*.vue"],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    // Prettier owns the layout of templates; eslint-plugin-vue's own preset turns its layout rules off for that.
    rules: vue.configs["no-layout-rules"].rules,
  },
  ...svelte.configs["flat/recommended"].map((config) =>
    config.files ? config : { ...config, files: ["**/*.svelte", "**/*.svelte.{js,ts}"] },
  ),
  {
    files: ["**/*.svelte", "**/*.svelte.ts"],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
);
