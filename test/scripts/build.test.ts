/**
 * The build is atomic: it builds into a temporary folder and swaps it in only when the
 * build and its checks pass. A failing loader (inside Framework, or caught by the source
 * check before Framework starts) leaves the previous dist/ untouched, and the build ends
 * with the loader's Danish message, not a stack trace.
 */

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { buildSite } from "../../scripts/build.js";

function fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), "kommunetal-build-"));
  cpSync(resolve("test/fixtures/site-loader"), join(dir, "site"), { recursive: true });
  return join(dir, "site");
}

describe("atomic build of a fixture project (Framework runs)", () => {
  test("a good build replaces dist; a failing loader leaves it untouched and the error is the loader's", async () => {
    const root = fixture();
    const dist = join(root, "dist");
    process.env.FIXTURE_VERSION = "foerste";
    await buildSite({ root, dist });
    const first = readFileSync(join(dist, "index.html"), "utf-8");
    expect(first).toContain("<h1");
    writeFileSync(join(dist, "markør.txt"), "forrige site");

    process.env.FIXTURE_FAIL = "1";
    try {
      await expect(buildSite({ root, dist })).rejects.toThrow(
        /Fejl i inddata: data\/raw\/x\.csv:3:7: plantet fejl til byggetesten \[regel tal\.celle\][\s\S]*Byggeriet fejlede\. Det forrige site i .*dist\/ er urørt\./
      );
    } finally {
      delete process.env.FIXTURE_FAIL;
      delete process.env.FIXTURE_VERSION;
    }
    expect(readFileSync(join(dist, "markør.txt"), "utf-8")).toBe("forrige site");
    expect(readFileSync(join(dist, "index.html"), "utf-8")).toBe(first);
    // no temporary folder left behind
    expect(readdirSync(root).filter((n) => n.startsWith("dist."))).toEqual([]);
  }, 180_000);
});

test("`npm run build` with a broken raw file: exit 1, the loader's message, the previous dist untouched, no stack trace", () => {
  const tmp = mkdtempSync(join(tmpdir(), "kommunetal-broken-"));
  const raw = join(tmp, "raw");
  cpSync(resolve("data/raw"), raw, { recursive: true });
  const file = join(raw, "noegletal", "noegletal_dk_2013-2019_raw.csv");
  const text = readFileSync(file, "latin1").split("\n");
  text.splice(7, 0, text[6]); // line 7 (Frederiksberg) twice
  writeFileSync(file, text.join("\n"), "latin1");
  const dist = join(tmp, "dist");
  mkdirSync(dist);
  writeFileSync(join(dist, "index.html"), "forrige site");
  const r = spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), resolve("scripts/build.ts")], {
    encoding: "utf-8",
    timeout: 60_000,
    env: { ...process.env, KOMMUNETAL_DATA: raw, KOMMUNETAL_DIST: dist }
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(
    /Fejl i inddata: .*noegletal_dk_2013-2019_raw\.csv:8:\d+: kommune 147 står to gange .* \[regel form\.dublet\]/
  );
  expect(r.stderr).toContain(`Byggeriet fejlede. Det forrige site i ${dist}/ er urørt.`);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(readFileSync(join(dist, "index.html"), "utf-8")).toBe("forrige site");
  expect(existsSync(`${dist}.ny-${r.pid}`)).toBe(false);
}, 90_000);

test("a link Framework calls broken fails the build with the page and the target (no warning scrolled past)", async () => {
  const root = fixture();
  const dist = join(root, "dist");
  writeFileSync(
    join(root, "src", "index.md"),
    `${readFileSync(join(root, "src", "index.md"), "utf-8")}\n\n[en side](./findes-ikke)\n`
  );
  await expect(buildSite({ root, dist })).rejects.toThrow(
    /Framework fandt 1 link\(s\) til sider, der ikke findes:\n {2}\/index → \/findes-ikke\n[\s\S]*filLink/
  );
  expect(existsSync(join(dist, "index.html"))).toBe(false);
}, 180_000);
