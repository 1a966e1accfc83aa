/**
 * Bundle a browser Web Worker (a file under components/) with esbuild into one classic (IIFE) script for
 * `new Worker(url)`. Framework 1.13.4 does not bundle workers itself, and a module worker importing Framework's
 * transpiled modules would depend on their hashed paths; a loader output is a plain file attachment with a stable
 * content hash, served from the site itself (no network). Used by the entries in src/workers/.
 */

import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** `entry` relative to the project root (e.g. "components/groups-worker.ts"); `banner` says what the worker does. */
export async function bundleWorker(entry: string, banner: string): Promise<string> {
  const out = await build({
    entryPoints: [fileURLToPath(new URL(`../${entry}`, import.meta.url))],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    write: false,
    legalComments: "none",
    logLevel: "silent"
  });
  return `/* kommunetal: ${banner} (se ${entry}) */\n${out.outputFiles[0].text}`;
}
