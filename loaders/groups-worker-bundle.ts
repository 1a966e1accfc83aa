/**
 * Bundle components/groups-worker.ts with esbuild into one classic (IIFE) script for
 * `new Worker(url)`. Framework 1.13.4 does not bundle workers itself, and a module
 * worker importing Framework's transpiled modules would depend on their hashed paths;
 * a loader output is a plain file attachment with a stable content hash, served from
 * the site itself (no network).
 */

import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export async function bundleWorker(): Promise<string> {
  const entry = fileURLToPath(new URL("../components/groups-worker.ts", import.meta.url));
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    write: false,
    legalComments: "none",
    logLevel: "silent"
  });
  return `/* kommunetal: bootstrap af sammenligningsgrupper (se components/groups-worker.ts) */\n${out.outputFiles[0].text}`;
}
