/**
 * Check a built site for errors Framework bakes into pages instead of failing the build
 * (a non-local import, an unresolvable module: the build "succeeds" and the page throws
 * a SyntaxError at run time).
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

export async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Patterns of errors Framework bakes into built pages instead of failing the build. */
export const BAKED_ERROR = /throw new SyntaxError|non-local import|non-local file path|Unable to resolve/;

export async function checkDist(dist: string): Promise<string[]> {
  const problems: string[] = [];
  for await (const file of walk(dist)) {
    // our pages and our own transpiled modules; not the bundled libraries
    const rel = file.slice(dist.length + 1);
    if (!(rel.endsWith(".html") || (rel.startsWith("_import/") && rel.endsWith(".js")))) continue;
    const text = await readFile(file, "utf-8");
    const m = BAKED_ERROR.exec(text);
    if (m) problems.push(`${rel}: ${text.slice(Math.max(0, m.index - 80), m.index + 160).replace(/\s+/g, " ")}`);
  }
  return problems;
}
