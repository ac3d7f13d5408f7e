// Every TypeScript, TSX, Vue and Svelte code block in every README must compile as written, so a reader can paste
// it. The blocks are written to files under consumers/.readme-blocks/ (one folder per README), then:
// - .ts, .tsx and .vue files are type-checked by vue-tsc (tsc plus Vue single-file components);
// - .svelte files, and .ts files that import one, by svelte-check (warnings fail too);
// - .ts and .tsx files are linted with the React hooks rules, and a "use client" / "use server" directive must be
//   the first statement of its block (Prettier turns a misplaced one into the expression `("use client");`).
// Names a README introduces with "`name` stands for ..." are declared once in placeholders.d.ts; nothing else is.
// A block whose first line is a file-name comment (`// app/layout.tsx`, `<!-- UnreadBadge.svelte -->`) is written
// under that name, so another block of the same README can import it.
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { promisify } from "node:util";
import { ESLint } from "eslint";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";
import ts from "typescript";
import { installArguments, listReadmes, publishedPackages, quickStarts, tarballPackage } from "./quickStarts.mjs";

const run = promisify(execFile);
const consumers = new URL("..", import.meta.url).pathname;
const root = join(consumers, "..");
const out = join(consumers, ".readme-blocks");
const placeholders = join(consumers, "readmes/placeholders.d.ts");
const languages = { ts: "ts", typescript: "ts", tsx: "tsx", vue: "vue", svelte: "svelte" };
const fileNameComment = /^(?:\/\/|<!--)\s*([\w./+[\]-]+\.(?:tsx?|vue|svelte))(?=[\s,:]|-->|$)/;

const readmes = listReadmes();

/** Every checked block: its README, the line of its opening fence, and the file it was written to. */
const blocks = [];
const problems = [];
rmSync(out, { recursive: true, force: true });
for (const readme of readmes) {
  const lines = readFileSync(join(root, readme), "utf8").split("\n");
  const folder = dirname(readme) === "." ? "root" : dirname(readme).replaceAll("/", "_");
  const names = new Set();
  for (let index = 0; index < lines.length; index += 1) {
    const fence = /^(\s*)(`{3,})(\S*)/.exec(lines[index]);
    if (!fence) continue;
    const end = lines.findIndex((line, at) => at > index && line.trimStart().startsWith(fence[2]));
    if (end === -1) throw new Error(`${readme}:${index + 1}: unclosed code block`);
    const language = languages[fence[3]];
    const code = lines.slice(index + 1, end).map((line) => line.slice(fence[1].length));
    if (language) {
      const named = fileNameComment.exec(code[0] ?? "")?.[1];
      const extension = language === "ts" && named?.endsWith(".tsx") ? "tsx" : language;
      const name = named && named.endsWith(`.${extension}`) ? named : `L${index + 1}.${extension}`;
      if (names.has(name)) problems.push(`${readme}:${index + 1}: a second block named ${name} in this README`);
      names.add(name);
      const text = `${code.join("\n")}\n`;
      const tree = extension === "svelte" || /from\s+["'][^"']+\.svelte["']/.test(text) ? "svelte" : "ts";
      const file = join(out, tree, folder, name);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      blocks.push({ readme, line: index + 1, file, tree, extension });
    }
    index = end;
  }
}

// Maps a line of a written block back to the README line it came from.
const where = (file, line) => {
  const block = blocks.find((candidate) => candidate.file === file);
  return block ? `${block.readme}:${block.line + Number(line)}` : `${relative(root, file)}:${line}`;
};

const compilerOptions = {
  strict: true,
  target: "ES2022",
  module: "ESNext",
  moduleResolution: "Bundler",
  moduleDetection: "force",
  lib: ["ES2022", "DOM", "DOM.Iterable"],
  jsx: "react-jsx",
  types: ["node"],
  skipLibCheck: true,
  noEmit: true,
};
for (const tree of ["ts", "svelte"]) {
  mkdirSync(join(out, tree), { recursive: true });
  writeFileSync(
    join(out, tree, "tsconfig.json"),
    JSON.stringify({ compilerOptions, include: ["**/*", relative(join(out, tree), placeholders)] }, null, 2),
  );
}

const bin = (name) => join(consumers, "node_modules/.bin", name);
const checks = [];
if (blocks.some((block) => block.tree === "ts")) {
  checks.push(
    run(bin("vue-tsc"), ["-p", join(out, "ts/tsconfig.json"), "--pretty", "false"], { cwd: consumers }).catch(
      ({ stdout, stderr }) => {
        let last;
        for (const line of `${stdout}${stderr}`.split("\n")) {
          const match = /^(.+?)\((\d+),\d+\): error (TS\d+: .*)$/.exec(line);
          if (match) problems.push((last = `${where(join(consumers, match[1]), match[2])}: ${match[3]}`));
          else if (line.trim() && last) problems.push(`  ${line.trim()}`);
        }
        if (!last) problems.push(`vue-tsc failed:\n${stdout}${stderr}`);
      },
    ),
  );
}
if (blocks.some((block) => block.tree === "svelte")) {
  const workspace = join(out, "svelte");
  const args = ["--workspace", workspace, "--tsconfig", join(workspace, "tsconfig.json")];
  checks.push(
    run(bin("svelte-check"), [...args, "--output", "machine", "--fail-on-warnings"], { cwd: consumers }).catch(
      ({ stdout, stderr }) => {
        const found = `${stdout}`.split("\n").flatMap((line) => {
          const match = /^\d+ (ERROR|WARNING) "(.+?)" (\d+):\d+ "(.*)"$/.exec(line);
          return match ? [`${where(join(workspace, match[2]), match[3])}: ${match[1].toLowerCase()} ${match[4]}`] : [];
        });
        problems.push(...(found.length > 0 ? found : [`svelte-check failed:\n${stdout}${stderr}`]));
      },
    ),
  );
}

// React's hooks rules, as the packages and apps are linted; no type information needed.
const eslint = new ESLint({
  cwd: out,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ["**/*.{ts,tsx}"], languageOptions: { parser: tseslint.parser } },
    { files: ["**/*.{ts,tsx}"], ...reactHooks.configs.flat.recommended },
  ],
});
const scripts = blocks.filter((block) => block.extension === "ts" || block.extension === "tsx");
for (const result of await eslint.lintFiles(scripts.map((block) => block.file))) {
  for (const message of result.messages) {
    problems.push(`${where(result.filePath, message.line)}: ${message.message} (${message.ruleId ?? "eslint"})`);
  }
}

for (const block of scripts) {
  const source = ts.createSourceFile(block.file, readFileSync(block.file, "utf8"), ts.ScriptTarget.Latest, true);
  let prologue = true;
  for (const statement of source.statements) {
    const expression = ts.isExpressionStatement(statement) ? statement.expression : undefined;
    const literal = expression && ts.isParenthesizedExpression(expression) ? expression.expression : expression;
    const directive = literal && ts.isStringLiteral(literal) && /^use (client|server)$/.test(literal.text);
    if (directive && (!prologue || literal !== expression)) {
      const { line } = source.getLineAndCharacterOfPosition(statement.getStart(source));
      problems.push(
        `${where(block.file, line + 1)}: "${literal.text}" is not the first statement of its block, so it is no ` +
          "directive (Prettier then writes it as an expression in parentheses): give that file a block of its own.",
      );
    }
    prologue &&= directive === true && literal === expression;
  }
}

// Every declared placeholder is one that a README introduces with "`name` stands for" (or "stand for").
const introduced = new Set();
for (const readme of readmes) {
  const text = readFileSync(join(root, readme), "utf8");
  for (const sentence of text.split(/(?<=\.)\s|\n\n/)) {
    // "`a` stands for x, and `b` stands for y": the names before each "stand(s) for".
    for (const part of sentence.split(/\bstands?\s+for\b/).slice(0, -1)) {
      for (const match of part.matchAll(/`([$\w]+)`/g)) introduced.add(match[1]);
    }
  }
}
const declared = [...readFileSync(placeholders, "utf8").matchAll(/^\s*(?:function|const|let)\s+([$\w]+)/gm)].map(
  (match) => match[1],
);
for (const name of declared) {
  if (!introduced.has(name)) {
    problems.push(
      `consumers/readmes/placeholders.d.ts declares "${name}", which no README introduces as "stands for".`,
    );
  }
}

// Install commands: the one from ./packs/ (run, with its quick starts, in a fresh folder by the consumer matrix) and
// the one for once the packages are on npm must name the same packages, flags and registry packages.
const published = publishedPackages();
const { groups, problems: orphans } = quickStarts(readmes);
problems.push(...orphans);
for (const group of groups) {
  const at = `${group.readme}:${group.line}`;
  const today = installArguments(group.command);
  const tarballs = today.filter((arg) => arg.startsWith("./packs/"));
  const named = tarballs.map(tarballPackage);
  for (const [index, name] of named.entries()) {
    if (!published.has(name)) problems.push(`${at}: ${tarballs[index]} is not a tarball pnpm pack:all writes`);
    for (const dependency of published.get(name) ?? []) {
      if (!named.includes(dependency)) {
        problems.push(`${at}: ${name} needs ${dependency}, which npm would look for on the registry: add its tarball`);
      }
    }
  }
  if (!group.registry) {
    problems.push(`${at}: no \`npm install\` line for once the packages are published beside "${group.command}"`);
    continue;
  }
  const later = installArguments(group.registry);
  const needed = new Set(later.filter((arg) => published.has(arg)).flatMap((name) => [name, ...published.get(name)]));
  const others = (args) => args.filter((arg) => !arg.startsWith("./packs/") && !published.has(arg)).join(" ");
  if ([...needed].sort().join(" ") !== [...new Set(named)].sort().join(" ") || others(today) !== others(later)) {
    problems.push(`${at}: "${group.command}" and "${group.registry}" do not install the same packages`);
  }
  if (group.blocks.length === 0) problems.push(`${at}: no quick-start block uses this install command`);
}

await Promise.all(checks);
if (problems.length > 0) {
  console.error(`README code blocks that do not compile as written:\n${problems.join("\n")}`);
  process.exit(1);
}
const count = (tree) => blocks.filter((block) => block.tree === tree).length;
console.log(
  `README blocks: ${blocks.length} from ${new Set(blocks.map((block) => block.readme)).size} READMEs compile ` +
    `(${count("ts")} with vue-tsc, ${count("svelte")} with svelte-check; ${scripts.length} linted for hooks rules; ` +
    `${declared.length} placeholders, each introduced by "stands for"; ${groups.length} install commands from ./packs/ ` +
    "agree with their registry commands).",
);
