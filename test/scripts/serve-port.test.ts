/**
 * `npm start` on a busy port: a Danish message naming the port and suggesting PORT=, exit 1, no stack
 * trace. A real process: a port is occupied by a plain TCP server, then scripts/serve.ts is started on it
 * (in a temporary folder with a stub dist/, so it does not build).
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { portMessage } from "../../scripts/serve.js";

let blocker: Server;
let port: number;
let dir: string;

beforeAll(async () => {
  blocker = createServer();
  await new Promise<void>((ok) => blocker.listen(0, "127.0.0.1", ok));
  port = (blocker.address() as { port: number }).port;
  dir = mkdtempSync(join(tmpdir(), "serve-port-"));
  mkdirSync(join(dir, "dist"));
  writeFileSync(join(dir, "dist", "index.html"), "<!doctype html><title>stub</title>");
});

afterAll(() => {
  blocker?.close();
  rmSync(dir, { recursive: true, force: true });
});

function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((ok) => {
    const p = spawn(resolve("node_modules/.bin/tsx"), [resolve("scripts/serve.ts")], {
      cwd: dir,
      env: { ...process.env, ...env }
    });
    let stderr = "";
    p.stderr.on("data", (d) => {
      stderr += d;
      // started after all (the port was free): stop it, the test fails on the exit code
      if (/kører på/.test(stderr)) p.kill();
    });
    p.on("close", (code) => ok({ code, stderr }));
  });
}

test("a busy port: Danish message with PORT=, exit 1, no stack trace", async () => {
  const r = await start({ PORT: String(port) });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`Porten ${port} er optaget`);
  expect(r.stderr).toContain(`PORT=${port + 1} npm start`);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toMatch(/EADDRINUSE/);
});

test("a port that is not a number: Danish message", async () => {
  const r = await start({ PORT: "tre-tusind" });
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/"tre-tusind" er ikke et portnummer/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

test("portMessage: permission denied suggests a high port", () => {
  expect(portMessage(Object.assign(new Error("x"), { code: "EACCES" }), 80)).toMatch(/PORT=3000 npm start/);
});
