import { defineConfig, type Options } from "tsup";

/**
 * Two builds of a package from one source: `index.development.*` keeps every explanatory message and warning (the
 * `development` export condition: Vite, webpack and Node with --conditions=development pick it), `index.*` is the
 * production build (short messages, no warnings). `process.env.NODE_ENV` is replaced in both, so neither reads
 * `process` at run time and both load as plain ESM in a browser. Type declarations are built once, shared by both.
 */
export function developmentAndProductionBuilds(
  options: Pick<Options, "external">,
  entries: Record<string, string> = { index: "src/index.ts" },
) {
  const build = (mode: "development" | "production"): Options => ({
    ...options,
    entry: Object.fromEntries(
      Object.entries(entries).map(([name, source]) => [mode === "production" ? name : `${name}.development`, source]),
    ),
    format: ["esm", "cjs"],
    dts: mode === "production",
    sourcemap: true,
    clean: false,
    target: "es2020",
    define: { "process.env.NODE_ENV": JSON.stringify(mode) },
    // Folds the development-only branches away without mangling names, so the output stays readable.
    minifySyntax: true,
    // A Rollup pass after esbuild: one import statement per external package instead of one per source module, and
    // nothing left of a module an entry does not use (about 50 B less in each adapter's production bundle).
    treeshake: true,
    // Entries share their modules in chunks in CommonJS too: one SessionError class for both entries (instanceof).
    splitting: true,
  });
  return defineConfig([build("production"), build("development")]);
}
