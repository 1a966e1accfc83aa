/**
 * `npm run build`: the whole site, offline, from the committed data snapshot.
 *
 * 1. Clear Framework's cache (loader output is keyed to the entry file only, so
 *    changes in loaders/ or data/ would otherwise not show) and dist/.
 * 2. Fill Framework's npm cache from node_modules (scripts/npm-cache.ts), and parse the raw
 *    files once into .cache/ingest/ (loaders/ingest.ts) for the loader entries.
 * 3. Run `observable build` with the offline guard preloaded into Framework and every
 *    loader it spawns: any connection to a non-loopback host fails the build.
 * 4. Post-process: mark pages as Danish, translate Framework's few English UI words; publish
 *    each loader output once under dist/filer/ (see publishFiles).
 * 5. Check the output: no page or module may contain an error baked in at build time
 *    (Framework turns some errors into runtime SyntaxErrors and still "succeeds").
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, join, sep } from "node:path";
import { buildKommuner } from "../loaders/datasets.js";
import { runIngest } from "../loaders/ingest.js";
import { fillNpmCache } from "./npm-cache.js";
import { checkDist, walk } from "./check-dist.js";

const ROOT = process.cwd();
const DIST = join(ROOT, "dist");
const GUARD = join(ROOT, "scripts", "offline-guard.cjs");

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit", env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} sluttede med kode ${code}`))));
    child.on("error", reject);
  });
}

/**
 * Publish every loader output ONCE, under a stable, unhashed address: dist/filer/<name>.
 * Framework writes each attachment a page references to dist/_file/data/<name>.<hash>.<ext>,
 * an address that changes with every data update; Excel and Power BI need one that stays.
 * Copying them to filer/ would keep every file twice (29 MB), so they are MOVED there and
 * every reference in the built pages is rewritten (`./_file/data/x.1a2b3c4d.parquet` →
 * `./filer/x.parquet`). Loader outputs no page references are copied from Framework's cache.
 * Files Framework extracts from a zip (kommune/<kode>.json) are not loader outputs and stay.
 */
async function publishFiles(): Promise<string[]> {
  const cacheData = join(ROOT, "src", ".observablehq", "cache", "data");
  const fileData = join(DIST, "_file", "data");
  const target = join(DIST, "filer");
  await mkdir(target, { recursive: true });
  const outputs = new Set((await readdir(cacheData, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name));
  const moved = new Map<string, string>();
  for (const entry of existsSync(fileData) ? await readdir(fileData, { withFileTypes: true }) : []) {
    const m = /^(.+)\.[0-9a-f]{8}(\.[^.]+)$/.exec(entry.name);
    if (!entry.isFile() || !m || !outputs.has(m[1] + m[2])) continue;
    await rename(join(fileData, entry.name), join(target, m[1] + m[2]));
    moved.set(`_file/data/${entry.name}`, `filer/${m[1] + m[2]}`);
  }
  for (const name of outputs) if (!existsSync(join(target, name))) await copyFile(join(cacheData, name), join(target, name));
  for await (const file of walk(DIST)) {
    if (!/\.(html|js)$/.test(file) || file.startsWith(target + sep)) continue;
    const text = await readFile(file, "utf-8");
    if (!text.includes("_file/data/")) continue;
    let out = text;
    for (const [from, to] of moved) out = out.replaceAll(from, to);
    if (out !== text) await writeFile(file, out);
  }
  return [...outputs].sort();
}

/**
 * Parse the raw files and compute the default groups ONCE, before Framework runs the
 * loader entries, which then only format and write (loaders/ingest.ts).
 */
function ingestOnce(): void {
  runIngest();
}

/** Framework's few English words in its search module, in Danish. */
async function translateSearch(): Promise<void> {
  for await (const file of walk(join(DIST, "_observablehq"))) {
    if (!/\/search[.-][^/]*\.js$/.test(file)) continue;
    const text = await readFile(file, "utf-8");
    const out = text
      .replace('"<div>no results</div>"', '"<div>ingen resultater</div>"')
      .replace(/toLocaleString\("en-US"\)\} result\$\{(\w+)\.length===1\?"":"s"\}<\/div>/, 'toLocaleString("da-DK")} resultat${$1.length===1?"":"er"}</div>');
    if (out !== text) await writeFile(file, out);
  }
}

async function postprocess(): Promise<number> {
  await translateSearch();
  // a parameterised page's <title> comes from its heading, which is computed in the
  // browser; give each municipality page its name already in the HTML (tabs, bookmarks)
  const names = new Map(buildKommuner().map((k) => [`${k.kommunekode}.html`, k.officielt_navn]));
  let n = 0;
  for await (const file of walk(DIST)) {
    if (!file.endsWith(".html")) continue;
    const text = await readFile(file, "utf-8");
    const name = file.startsWith(join(DIST, "kommune") + sep) ? names.get(basename(file)) : undefined;
    const out = (name ? text.replace(/<title>[^<]*<\/title>/, `<title>${name} | kommunetal</title>`) : text)
      .replace(/<html>/, '<html lang="da">')
      .replace('placeholder="Search"', 'placeholder="Søg"')
      .replace('title="Toggle sidebar"', 'title="Vis/skjul menu"');
    if (out !== text) await writeFile(file, out);
    n++;
  }
  return n;
}

/** The whole build; see the module comment. */
export async function buildSite(): Promise<void> {
  const t0 = performance.now();
  await rm(join(ROOT, "src", ".observablehq", "cache"), { recursive: true, force: true });
  await rm(DIST, { recursive: true, force: true });
  await fillNpmCache();
  ingestOnce();
  const env = {
    ...process.env,
    OBSERVABLE_TELEMETRY_DISABLE: "true",
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${GUARD}`.trim(),
    PATH: `${join(ROOT, "node_modules", ".bin")}:${process.env.PATH}`
  };
  await run(join(ROOT, "node_modules", ".bin", "observable"), ["build"], env);
  const pages = await postprocess();
  const files = await publishFiles();
  const problems = await checkDist(DIST);
  if (problems.length) {
    process.stderr.write(`Byggeriet indeholder fejl bagt ind i siderne:\n${problems.join("\n")}\n`);
    process.exit(1);
  }
  process.stderr.write(`kommunetal bygget: ${pages} sider og ${files.length} filer i dist/ på ${((performance.now() - t0) / 1000).toFixed(1)} s, offline.\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildSite();
