import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
};

/**
 * A file found under a static root.
 * @example
 * const file = await findStaticFile(dist, "/assets/index.js");
 */
export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
  /** Hashed build assets never change; everything else is revalidated. */
  readonly immutable: boolean;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (found) => found.isFile(),
    () => false,
  );
}

/**
 * Resolves `urlPath` inside `root` (never outside it); a folder serves its own `index.html` (the React app's development
 * build in `dist/dev/`), and any other path without a file extension falls back to the root's `index.html`, as
 * single-page apps expect. `undefined` when nothing matches.
 * @example
 * await findStaticFile("/repo/apps/vanilla/dist", "/"); // index.html
 * await findStaticFile("/repo/apps/react/dist", "/dev/"); // dev/index.html
 */
export async function findStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  let path: string | undefined = candidate;
  if (!(await isFile(candidate))) {
    const folderIndex = join(candidate, "index.html");
    path = extname(decoded) !== "" ? undefined : (await isFile(folderIndex)) ? folderIndex : join(root, "index.html");
  }
  if (path === undefined || !(await isFile(path))) return undefined;
  return {
    body: await readFile(path),
    contentType: CONTENT_TYPES[extname(path)] ?? "application/octet-stream",
    immutable: decoded.startsWith("/assets/"),
  };
}

/** Whether `dir` exists as a folder. */
export async function isDirectory(dir: string): Promise<boolean> {
  return stat(dir).then(
    (found) => found.isDirectory(),
    () => false,
  );
}
