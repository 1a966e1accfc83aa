/**
 * Bundle components/datakvalitet/worker.ts (the file validation of /datakvalitet) with esbuild into one classic
 * (IIFE) script for `new Worker(url)`, served from the site itself (no network); see loaders/groups-worker-bundle.ts.
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export async function bundleDatakvalitetWorker(): Promise<string> {
  const entry = fileURLToPath(new URL("../components/datakvalitet/worker.ts", import.meta.url));
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
  return `/* kommunetal: validering af en fil i browseren (se components/datakvalitet/worker.ts) */\n${out.outputFiles[0].text}`;
}
