/**
 * Every published file exists once in dist/ (scripts/build.ts publishFiles): the loader outputs live under their
 * stable address /filer/<name>, Framework's hashed copies under /_file/data/ are gone, and the pages point at /filer/.
 */

import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, test } from "vitest";

const DIST = "dist";

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else yield p;
  }
}

test("no file under dist/filer has a second copy anywhere in dist/", () => {
  const filer = [...files(join(DIST, "filer"))];
  expect(filer.length).toBeGreaterThanOrEqual(19);
  const hashes = new Map(
    filer.map((f) => [createHash("sha256").update(readFileSync(f)).digest("hex"), relative(DIST, f)])
  );
  const sizes = new Set(filer.map((f) => statSync(f).size));
  const copies: string[] = [];
  for (const f of files(DIST)) {
    if (f.startsWith(join(DIST, "filer"))) continue;
    if (!sizes.has(statSync(f).size)) continue;
    const h = createHash("sha256").update(readFileSync(f)).digest("hex");
    if (hashes.has(h)) copies.push(`${relative(DIST, f)} = ${hashes.get(h)}`);
  }
  expect(copies).toEqual([]);
});

test("pages reference the published files under filer/, not hashed copies", () => {
  const page = readFileSync(join(DIST, "noegletal.html"), "utf-8");
  expect(page).toContain('"path":"./filer/noegletal.parquet"');
  expect(page).not.toMatch(/_file\/data\/noegletal\.[0-9a-f]{8}\.parquet/);
});
