// The READMEs' install commands and quick starts as consumer projects (see readmes/quickStarts.mjs): one fresh folder
// per distinct `npm install ./packs/…` command, with packs/ copied in. The command runs as written; then every
// quick-start block of every README that uses that command is type-checked against what it installed (tsc, vue-tsc or
// svelte-check; no placeholder is declared), the offline TypeScript blocks (those that import @x/session-testing) run
// in Node over happy-dom, and a block that reads `import.meta.env.DEV` is built with Vite twice: the production bundle
// must not contain the fake, the development one must.
import { quickStarts } from "../readmes/quickStarts.mjs";

const extensions = { ts: "ts", tsx: "tsx", vue: "vue", svelte: "svelte" };

// Runs one compiled block in Node with a DOM: it must not throw, reject unhandled or log an error within a second, and
// a session status it logs must not be "error".
const runBlock = `import { pathToFileURL } from "node:url";
import { GlobalRegistrator } from "@happy-dom/global-registrator";

GlobalRegistrator.register({ url: "http://localhost/" });
const problems = [];
const logged = [];
process.on("unhandledRejection", (error) => problems.push(\`unhandled rejection: \${error?.stack ?? error}\`));
process.on("uncaughtException", (error) => problems.push(\`uncaught: \${error?.stack ?? error}\`));
const { log, error } = console;
console.log = (...values) => (logged.push(values.join(" ")), log(...values));
console.error = (...values) => (problems.push(\`console.error: \${values.join(" ")}\`), error(...values));
await import(pathToFileURL(process.argv[2]).href);
await new Promise((resolve) => setTimeout(resolve, 1000));
if (logged.includes("error")) problems.push("the session's status became error");
if (problems.length > 0) {
  process.stderr.write(\`\${process.argv[2]}:\\n\${problems.join("\\n")}\\n\`);
  process.exit(1);
}
log(\`\${process.argv[2]} ran: \${JSON.stringify(logged)}\`);
process.exit(0);
`;

// Builds each entry with Vite in production and development modes and compares what the fake leaves in each bundle.
const buildCheck = `import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { build } from "vite";

// A string the fake's own build carries, to look for in the bundles (minifiers keep string literals).
const fake = readFileSync("node_modules/@x/session-testing/dist/index.js", "utf8");
const marker = [...fake.matchAll(/"([^"\\\\\\n]{12,80})"/g)].map((match) => match[1]).find((text) => /fake/i.test(text));
if (!marker) throw new Error("found no string with 'fake' in @x/session-testing's dist/index.js to look for");
const bundled = (dir) => readdirSync(dir, { recursive: true }).some((file) => file.endsWith(".js") && readFileSync(join(dir, file), "utf8").includes(marker));
for (const entry of process.argv.slice(2)) {
  for (const mode of ["production", "development"]) {
    const outDir = \`dist-\${mode}\`;
    // What \`import.meta.env.DEV\` follows in a build (\`--mode\` alone keeps NODE_ENV at production).
    process.env.NODE_ENV = mode;
    await build({ mode, logLevel: "error", build: { outDir, emptyOutDir: true, rollupOptions: { input: entry } } });
    if (bundled(outDir) !== (mode === "development")) {
      throw new Error(\`\${entry}: the \${mode} build \${mode === "development" ? "lacks" : "contains"} the fake (\${JSON.stringify(marker)})\`);
    }
  }
  console.log(\`\${entry}: the fake (\${JSON.stringify(marker)}) is in the development build only\`);
}
`;

/** One consumer project per distinct install command of the READMEs' quick starts. */
export function quickStartProjects() {
  const { groups } = quickStarts();
  const byCommand = new Map();
  for (const group of groups) {
    const same = byCommand.get(group.command);
    if (same) same.push(group);
    else byCommand.set(group.command, [group]);
  }
  const names = new Set();
  return [...byCommand].map(([command, sameGroups]) => {
    const blocks = sameGroups.flatMap((group) =>
      group.blocks.map((block) => ({
        ...block,
        file: `src/${group.readme.replace(/\.md$/, "").replaceAll("/", "_")}-L${block.line}.${extensions[block.language]}`,
        from: `${group.readme}:${block.line}`,
      })),
    );
    const has = (language) => blocks.some((block) => block.language === language);
    const runnable = blocks.filter(
      (block) =>
        block.language === "ts" && block.code.includes("@x/session-testing") && !block.code.includes("import.meta.env"),
    );
    const built = blocks.filter((block) => /import\.meta\.env\.DEV/.test(block.code));
    const devDependencies = {
      typescript: "~5.9.3",
      ...(has("tsx") && { "@types/react": "^19.2.0" }),
      ...(has("vue") && { "vue-tsc": "^3.3.14" }),
      ...(has("svelte") && { "svelte-check": "^4.3.0" }),
      ...(runnable.length > 0 && { "happy-dom": "^21.0.3", "@happy-dom/global-registrator": "^21.0.3" }),
      ...(built.length > 0 && { vite: "~8.3.8" }),
    };
    const compilerOptions = {
      strict: true,
      target: "ES2022",
      module: "ESNext",
      moduleResolution: "Bundler",
      lib: ["ES2022", "DOM", "DOM.Iterable"],
      jsx: "react-jsx",
      // As in Vite's templates; the rest of the matrix checks the declarations with skipLibCheck: false.
      skipLibCheck: true,
      noEmit: true,
      types: built.length > 0 ? ["vite/client"] : [],
    };
    const files = {
      "package.json": JSON.stringify({ name: "quick-start", private: true, type: "module", devDependencies }, null, 2),
      "tsconfig.json": JSON.stringify({ compilerOptions, include: ["src"] }, null, 2),
      "tsconfig.run.json": JSON.stringify(
        {
          extends: "./tsconfig.json",
          compilerOptions: { noEmit: false, outDir: "run", rootDir: "src" },
          include: [],
          files: runnable.map((block) => block.file),
        },
        null,
        2,
      ),
      "run-block.mjs": runBlock,
      "build-check.mjs": buildCheck,
      ...Object.fromEntries(blocks.map((block) => [block.file, block.code])),
    };
    const typeCheck = has("svelte")
      ? ["types (svelte-check)", "svelte-check", "--tsconfig", "./tsconfig.json", "--fail-on-warnings"]
      : has("vue")
        ? ["types (vue-tsc)", "vue-tsc", "-p", "tsconfig.json"]
        : ["types (tsc)", "tsc", "-p", "tsconfig.json"];
    const steps = [typeCheck];
    if (runnable.length > 0) {
      steps.push(["compile the offline blocks", "tsc", "-p", "tsconfig.run.json"]);
      for (const block of runnable) {
        steps.push([
          `run ${block.from}`,
          "node",
          "run-block.mjs",
          block.file.replace(/^src\//, "run/").replace(/\.ts$/, ".js"),
        ]);
      }
    }
    if (built.length > 0)
      steps.push([
        "Vite builds: the fake in development only",
        "node",
        "build-check.mjs",
        ...built.map((block) => block.file),
      ]);
    const tarballs = command.match(/x-session-[\w-]+(?=\.tgz)/g) ?? [];
    let name = `quick-start-${tarballs[0]?.replace("x-session-", "") ?? "other"}${/\s-D\b/.test(command) ? "-dev" : ""}`;
    while (names.has(name)) name += "+";
    names.add(name);
    return {
      name,
      covers: `README install and quick start, from ./packs/ in a fresh folder: ${blocks.map((block) => block.from).join(", ")}`,
      files,
      install: command,
      steps,
      blocks,
    };
  });
}
