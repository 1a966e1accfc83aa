/**
 * `npm start`'s server: correct MIME types (.wasm as application/wasm, or DuckDB-WASM
 * refuses it), clean URLs, 404 page, no path traversal, loopback only.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { spawn } from "node:child_process";
import { resolveFile, serveDist } from "../../scripts/serve.js";

let dist: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), "kommunetal-dist-"));
  mkdirSync(join(dist, "kommune"));
  mkdirSync(join(dist, "_npm"));
  writeFileSync(join(dist, "index.html"), "<h1>forside</h1>");
  writeFileSync(join(dist, "404.html"), "<h1>findes ikke</h1>");
  writeFileSync(join(dist, "kommune", "101.html"), "<h1>København</h1>");
  writeFileSync(join(dist, "kommune", "index.html"), "<h1>alle</h1>");
  writeFileSync(join(dist, "_npm", "duckdb-eh.wasm"), Buffer.from([0, 97, 115, 109]));
  writeFileSync(join(dist, "x.parquet"), "PAR1");
  server = await serveDist(dist, 0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

test("serves clean URLs, directories and the 404 page", async () => {
  expect(await (await fetch(`${base}/`)).text()).toContain("forside");
  expect(await (await fetch(`${base}/kommune/101`)).text()).toContain("København");
  expect(await (await fetch(`${base}/kommune/`)).text()).toContain("alle");
  const missing = await fetch(`${base}/kommune/999`);
  expect(missing.status).toBe(404);
  expect(await missing.text()).toContain("findes ikke");
});

test("MIME types: wasm, html, parquet", async () => {
  expect((await fetch(`${base}/_npm/duckdb-eh.wasm`)).headers.get("content-type")).toBe("application/wasm");
  expect((await fetch(`${base}/kommune/101`)).headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect((await fetch(`${base}/x.parquet`)).headers.get("content-type")).toBe("application/vnd.apache.parquet");
});

test("no path traversal out of dist", () => {
  expect(resolveFile(dist, "/../../etc/passwd")).toBeNull();
  expect(resolveFile(dist, "/%2e%2e/%2e%2e/etc/passwd")).toBeNull();
  expect(resolveFile(dist, "/%E0%A4%A")).toBeNull();
});

test("binds to loopback only", () => {
  expect((server.address() as AddressInfo).address).toBe("127.0.0.1");
});

test("`npm start` (scripts/serve.ts) serves an existing dist on the port asked for", async () => {
  // run from a folder whose dist/ is our fixture, so nothing is built
  const cwd = join(dist, "..", `start-${Date.now()}`);
  mkdirSync(cwd);
  const { symlinkSync } = await import("node:fs");
  symlinkSync(dist, join(cwd, "dist"));
  const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), join(process.cwd(), "scripts/serve.ts")], { cwd, env: { ...process.env, PORT: "0" } });
  try {
    const url = await new Promise<string>((ok, fail) => {
      child.stderr.on("data", (d: Buffer) => {
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(d));
        if (m) ok(m[0]);
      });
      child.on("exit", (code) => fail(new Error(`serve sluttede med ${code}`)));
    });
    expect(await (await fetch(url)).text()).toContain("forside");
  } finally {
    child.kill();
  }
});
