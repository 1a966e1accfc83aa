/**
 * `npm start`'s server: correct MIME types (.wasm as application/wasm, or DuckDB-WASM
 * refuses it), clean URLs, 404 page, no path traversal, loopback only.
 */

import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, expect, test } from "vitest";
import { parseRange, resolveFile, serveDist } from "../../scripts/serve.js";

let dist: string;
let server: Server;
let base: string;
let big: string;

/** A raw request (fetch normalises paths and always sends Accept-Encoding). */
function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {}
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((ok, fail) => {
    const req = request(
      { host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: options.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      }
    );
    req.on("error", fail);
    req.end();
  });
}

beforeAll(async () => {
  // dist and a sibling whose name starts with dist's name: "/..%2fdist-secret/…" must not reach it
  const parent = mkdtempSync(join(tmpdir(), "kommunetal-serve-"));
  dist = join(parent, "dist");
  mkdirSync(dist);
  mkdirSync(join(parent, "dist-secret"));
  writeFileSync(join(parent, "dist-secret", "secret.txt"), "HEMMELIG");
  writeFileSync(join(parent, "secret.txt"), "HEMMELIG");
  mkdirSync(join(dist, "kommune"));
  mkdirSync(join(dist, "_npm"));
  writeFileSync(join(dist, "index.html"), "<h1>forside</h1>");
  writeFileSync(join(dist, "404.html"), "<h1>findes ikke</h1>");
  writeFileSync(join(dist, "kommune", "101.html"), "<h1>København</h1>");
  writeFileSync(join(dist, "kommune", "index.html"), "<h1>alle</h1>");
  writeFileSync(join(dist, "_npm", "duckdb-eh.wasm"), Buffer.from([0, 97, 115, 109]));
  writeFileSync(join(dist, "x.parquet"), "PAR1");
  writeFileSync(join(dist, "a.zip"), "PK");
  writeFileSync(join(dist, "k.duckdb"), "DUCK");
  writeFileSync(join(dist, "digits.txt"), "0123456789");
  big = "kommunetal ".repeat(2000);
  writeFileSync(join(dist, "big.js"), big);
  writeFileSync(join(dist, "big.js.gz"), gzipSync(big));
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

test.each([
  "/..%2fdist-secret/secret.txt",
  "/..%2Fsecret.txt",
  "/%2e%2e/secret.txt",
  "/%2e%2e%2fsecret.txt",
  "/%252e%252e/secret.txt",
  "/..%5csecret.txt",
  "/..\\secret.txt",
  "/kommune/..%2f..%2fdist-secret%2fsecret.txt",
  "/%2e%2e/dist-secret/secret.txt",
  "//etc/passwd",
  "/secret.txt%00.html"
])("traversal variant %s: 404, never the secret", async (path) => {
  const r = await raw(path);
  expect(r.status).toBe(404);
  expect(r.body.toString()).not.toContain("HEMMELIG");
  expect(resolveFile(dist, path)).toBeNull();
});

test("only GET and HEAD: 405 with Allow", async () => {
  for (const method of ["POST", "PUT", "DELETE", "OPTIONS"]) {
    const r = await raw("/", { method });
    expect(r.status, method).toBe(405);
    expect(r.headers.allow).toBe("GET, HEAD");
  }
  const head = await raw("/kommune/101", { method: "HEAD" });
  expect(head.status).toBe(200);
  expect(head.body.length).toBe(0);
  expect(Number(head.headers["content-length"])).toBe("<h1>København</h1>".length + 1);
});

test("the 404 page comes with status 404, also for HEAD", async () => {
  const r = await raw("/findes/ikke");
  expect(r.status).toBe(404);
  expect(r.body.toString()).toContain("findes ikke");
  expect((await raw("/404")).status).toBe(404);
  expect((await raw("/findes/ikke", { method: "HEAD" })).status).toBe(404);
});

test("types for .zip, .duckdb, .parquet, .wasm", async () => {
  expect((await raw("/a.zip")).headers["content-type"]).toBe("application/zip");
  expect((await raw("/k.duckdb")).headers["content-type"]).toBe("application/octet-stream");
  expect((await raw("/x.parquet")).headers["content-type"]).toBe("application/vnd.apache.parquet");
  expect((await raw("/_npm/duckdb-eh.wasm")).headers["content-type"]).toBe("application/wasm");
});

test("pre-compressed .gz is sent when gzip is accepted, with Vary; identity otherwise", async () => {
  const gz = await raw("/big.js", { headers: { "accept-encoding": "br, gzip;q=0.8" } });
  expect(gz.status).toBe(200);
  expect(gz.headers["content-encoding"]).toBe("gzip");
  expect(gz.headers.vary).toBe("Accept-Encoding");
  expect(gz.headers["content-type"]).toBe("text/javascript; charset=utf-8");
  expect(gunzipSync(gz.body).toString()).toBe(big);
  expect(Number(gz.headers["content-length"])).toBe(gz.body.length);
  const plain = await raw("/big.js");
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(plain.headers.vary).toBe("Accept-Encoding");
  expect(plain.body.toString()).toBe(big);
  const refused = await raw("/big.js", { headers: { "accept-encoding": "gzip;q=0" } });
  expect(refused.headers["content-encoding"]).toBeUndefined();
});

test("Range: one range → 206 with Content-Range; beyond the end → 416; several → whole file", async () => {
  const r = await raw("/digits.txt", { headers: { range: "bytes=2-5" } });
  expect(r.status).toBe(206);
  expect(r.body.toString()).toBe("2345");
  expect(r.headers["content-range"]).toBe("bytes 2-5/10");
  expect(r.headers["accept-ranges"]).toBe("bytes");
  expect((await raw("/digits.txt", { headers: { range: "bytes=-3" } })).body.toString()).toBe("789");
  expect((await raw("/digits.txt", { headers: { range: "bytes=7-" } })).body.toString()).toBe("789");
  expect((await raw("/digits.txt", { headers: { range: "bytes=8-100" } })).body.toString()).toBe("89");
  const bad = await raw("/digits.txt", { headers: { range: "bytes=10-12" } });
  expect(bad.status).toBe(416);
  expect(bad.headers["content-range"]).toBe("bytes */10");
  const multi = await raw("/digits.txt", { headers: { range: "bytes=0-1,4-5" } });
  expect(multi.status).toBe(200);
  expect(multi.body.toString()).toBe("0123456789");
  // a range on a compressed file is answered from the identity file, never from the .gz
  const part = await raw("/big.js", { headers: { range: "bytes=0-9", "accept-encoding": "gzip" } });
  expect(part.status).toBe(206);
  expect(part.headers["content-encoding"]).toBeUndefined();
  expect(part.body.toString()).toBe("kommunetal");
});

test("parseRange edge cases", () => {
  expect(parseRange(undefined, 10)).toBeNull();
  expect(parseRange("bytes=5-2", 10)).toBe("unsatisfiable");
  expect(parseRange("bytes=-0", 10)).toBe("unsatisfiable");
  expect(parseRange("bytes=0-0", 0)).toBe("unsatisfiable");
  expect(parseRange("items=0-1", 10)).toBeNull();
  expect(parseRange("bytes=-20", 10)).toEqual({ start: 0, end: 9 });
});

test("a file that vanishes while it is requested is a 404, and the server lives on", async () => {
  for (let i = 0; i < 20; i++) {
    const name = `vanish-${i}.txt`;
    writeFileSync(join(dist, name), "x".repeat(200_000));
    const pending = raw(`/${name}`);
    rmSync(join(dist, name));
    const r = await pending.catch(() => ({ status: 0 }));
    expect([0, 200, 404]).toContain(r.status);
  }
  writeFileSync(join(dist, "gone.txt"), "x");
  rmSync(join(dist, "gone.txt"));
  expect((await raw("/gone.txt")).status).toBe(404);
  expect((await raw("/")).status).toBe(200);
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
  const child = spawn(
    process.execPath,
    ["--import", import.meta.resolve("tsx"), join(process.cwd(), "scripts/serve.ts")],
    { cwd, env: { ...process.env, PORT: "0" } }
  );
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
