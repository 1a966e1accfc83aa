/**
 * The offline guard and the build checks do what the README promises: a build that
 * asks the internet fails with a message naming the host, and an error that Framework
 * bakes into a page instead of failing is caught by checkDist.
 */

import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { checkDist } from "../../scripts/check-dist.js";
import { fillNpmCache } from "../../scripts/npm-cache.js";

const GUARD = resolve("scripts/offline-guard.cjs");
const OBSERVABLE = resolve("node_modules/.bin/observable");

function guarded(code: string) {
  return spawnSync(process.execPath, ["--require", GUARD, "-e", code], { encoding: "utf-8", timeout: 20_000 });
}

describe("offline guard", () => {
  test("fetch to another host is refused before any lookup", () => {
    const r = guarded(
      `fetch("https://cdn.jsdelivr.net/npm/d3").then(() => process.exit(3), (e) => { console.log(e.code, e.message); process.exit(0); })`
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      "EKOMMUNETALOFFLINE kommunetal offline-vagt: udgående forbindelse til cdn.jsdelivr.net blokeret"
    );
  });

  test("https.get, DNS lookups and raw sockets to other hosts are refused", () => {
    for (const code of [
      `require("https").get("https://registry.npmjs.org/")`,
      `require("dns").lookup("example.org", () => {})`,
      `require("net").connect(443, "93.184.216.34")`,
      `new (require("net").Socket)().connect({host: "10.0.0.1", port: 80})`
    ]) {
      const r = guarded(`try { ${code}; process.exit(3) } catch (e) { console.log(e.code); process.exit(0) }`);
      expect(r.stdout.trim(), code).toBe("EKOMMUNETALOFFLINE");
    }
  });

  test("loopback still works (the test server, Framework's preview)", () => {
    const r = guarded(
      `const s = require("http").createServer((q, a) => a.end("ok")).listen(0, "127.0.0.1", () => fetch("http://127.0.0.1:" + s.address().port).then((x) => x.text()).then((t) => { console.log(t); process.exit(0); }))`
    );
    expect(r.stdout.trim()).toBe("ok");
  });
});

/** Build a fixture project the way scripts/build.ts builds ours: npm cache filled, guard on. */
async function buildFixture(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `kommunetal-${name}-`));
  cpSync(resolve("test/fixtures", name), dir, { recursive: true });
  await fillNpmCache(dir);
  const r = spawnSync(OBSERVABLE, ["build"], {
    cwd: dir,
    encoding: "utf-8",
    timeout: 120_000,
    env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", NODE_OPTIONS: `--require ${GUARD}` }
  });
  return { dir, ...r };
}

describe("Framework builds under the guard", () => {
  test("a page importing an npm package that is not in the local cache fails the build, naming the host", async () => {
    const r = await buildFixture("site-npm");
    try {
      expect(r.status).not.toBe(0);
      expect(r.stdout + r.stderr).toMatch(
        /offline-vagt: udgående forbindelse til (registry\.npmjs\.org|cdn\.jsdelivr\.net)/
      );
    } finally {
      rmSync(r.dir, { recursive: true, force: true });
    }
  });

  test("an error Framework bakes into a page instead of failing is found by checkDist", async () => {
    const r = await buildFixture("site-nonlocal");
    try {
      expect(r.status).toBe(0); // Framework "succeeds" …
      const found = await checkDist(join(r.dir, "dist"));
      expect(found.join("\n")).toMatch(/index\.html: .*(non-local import|SyntaxError)/); // … but we do not
    } finally {
      rmSync(r.dir, { recursive: true, force: true });
    }
  });
});
