/**
 * `npm run build`: the whole site, offline, from the committed data snapshot, atomically.
 *
 * 1. Check every raw source in-process with the loaders' own parsers (common/rules): a
 *    broken delivery stops here, in a second, with the loader's Danish message.
 * 2. Clear Framework's cache (loader output is keyed to the entry file only, so changes
 *    in loaders/ or data/ would otherwise not show).
 * 3. Fill Framework's npm cache from node_modules (scripts/npm-cache.ts), and parse the raw
 *    files once into .cache/ingest/ (loaders/ingest.ts) for the loader entries.
 * 4. Run `observable build` into a temporary folder next to dist/ (KOMMUNETAL_OUTPUT, read
 *    by observablehq.config.ts), with the offline guard preloaded into Framework and every
 *    loader it spawns: any connection to a non-loopback host fails the build.
 * 5. Post-process: mark pages as Danish, translate Framework's few English UI words;
 *    publish each loader output once under /filer (see publishFiles); write pre-compressed `.gz` copies of large text,
 *    wasm, Parquet and DuckDB files (served by scripts/serve.ts when the browser accepts gzip).
 * 6. Check the output: no page or module may contain an error baked in at build time
 *    (Framework turns some errors into runtime SyntaxErrors and still "succeeds").
 * 7. Only then swap the new folder in as dist/. A failed build deletes its temporary
 *    folder, leaves the previous dist/ untouched and says so.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { buildKommuner } from "../loaders/datasets.js";
import { runIngest } from "../loaders/ingest.js";
import { InputError } from "../loaders/lib/text.js";
import { checkSources as checkRawSources } from "../loaders/sources/check.js";
import { checkDist, walk } from "./check-dist.js";
import { fillNpmCache } from "./npm-cache.js";

/** This repository (tools: Framework, the offline guard); the project built is `options.root`, default cwd. */
const TOOLS = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const GUARD = join(TOOLS, "scripts", "offline-guard.cjs");
let ROOT = process.cwd();

/** A build failure with a message for people (no stack trace). */
export class BuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BuildError";
  }
}

/** Lines a loader writes when it stops (loaders/lib/emit.ts). */
const LOADER_FAILURE = /^(Fejl i inddata:|Fejl:)/;

/**
 * Run a command, passing its output through; collect the loaders' failure messages from
 * its stderr so the build can end with them.
 */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ brokenLinks: string[] }> {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { stdio: ["inherit", "pipe", "pipe"], env, cwd });
    const failures: string[] = [];
    // Framework's link check: "Warning: N broken links" (stderr) and one "↳ /page → /target" line each (stdout)
    const brokenLinks: string[] = [];
    const watch = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
      let pending = "";
      stream.on("data", (chunk: Buffer) => {
        out.write(chunk);
        pending += chunk.toString("utf-8");
        const lines = pending.split("\n");
        pending = lines.pop()!;
        for (const raw of lines) {
          const line = raw.replace(/\x1b\[[0-9;]*m/g, "").trim();
          if (LOADER_FAILURE.test(line)) failures.push(line);
          if (/^\u21b3 \S+ \u2192 \S+$/.test(line)) brokenLinks.push(line.slice(2));
        }
      });
    };
    watch(child.stdout!, process.stdout);
    watch(child.stderr!, process.stderr);
    child.on("exit", (code) => {
      if (code === 0) return ok({ brokenLinks });
      const why = failures.length
        ? failures.join("\n")
        : `${basename(cmd)} ${args.join(" ")} sluttede med kode ${code}`;
      fail(new BuildError(why));
    });
    child.on("error", (e) => fail(new BuildError(`kunne ikke starte ${cmd}: ${e.message}`)));
  });
}

/**
 * Read and check every raw source with the loaders' own code before Framework starts:
 * the same parsers and rules the loaders run, so a broken delivery fails fast with the
 * loader's message (file, line, column, rule id).
 */
export function checkSources(): void {
  try {
    checkRawSources();
  } catch (error) {
    if (error instanceof InputError) throw new BuildError(`Fejl i inddata: ${error.message}`);
    throw new BuildError(`Fejl i inddata: ${(error as Error).message}`);
  }
}

/** Extensions worth pre-compressing (text, wasm, columnar data). */
const COMPRESSIBLE = new Set([
  ".html",
  ".js",
  ".mjs",
  ".css",
  ".json",
  ".csv",
  ".svg",
  ".txt",
  ".map",
  ".wasm",
  ".parquet",
  ".duckdb",
  ".arrow"
]);

/**
 * Write `<file>.gz` next to every compressible file above 1 KB, when gzip saves at least
 * 10 %. scripts/serve.ts sends it with `Content-Encoding: gzip` to browsers that accept it.
 */
export async function precompress(dir: string): Promise<{ files: number; before: number; after: number }> {
  const zip = promisify(gzip);
  const result = { files: 0, before: 0, after: 0 };
  const jobs: string[] = [];
  for await (const file of walk(dir))
    if (COMPRESSIBLE.has(extname(file)) && (await stat(file)).size > 1024) jobs.push(file);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const file = jobs[next++];
      const raw = await readFile(file);
      const packed = await zip(raw, { level: 9 });
      if (packed.length > raw.length * 0.9) continue;
      await writeFile(`${file}.gz`, packed);
      result.files++;
      result.before += raw.length;
      result.after += packed.length;
    }
  };
  await Promise.all([worker(), worker()]);
  return result;
}

/** Replace `dist` by `fresh` (both on the same file system); the old folder is removed afterwards. */
async function swapIn(fresh: string, dist: string): Promise<void> {
  const old = `${dist}.gammel-${process.pid}`;
  const hadOld = existsSync(dist);
  if (hadOld) await rename(dist, old);
  try {
    await rename(fresh, dist);
  } catch (error) {
    if (hadOld) await rename(old, dist);
    throw error;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
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
async function publishFiles(DIST: string): Promise<string[]> {
  const cacheData = join(ROOT, "src", ".observablehq", "cache", "data");
  const fileData = join(DIST, "_file", "data");
  const target = join(DIST, "filer");
  if (!existsSync(cacheData)) return [];
  await mkdir(target, { recursive: true });
  const outputs = new Set(
    (await readdir(cacheData, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name)
  );
  const moved = new Map<string, string>();
  for (const entry of existsSync(fileData) ? await readdir(fileData, { withFileTypes: true }) : []) {
    const m = /^(.+)\.[0-9a-f]{8}(\.[^.]+)$/.exec(entry.name);
    if (!entry.isFile() || !m || !outputs.has(m[1] + m[2])) continue;
    await rename(join(fileData, entry.name), join(target, m[1] + m[2]));
    moved.set(`_file/data/${entry.name}`, `filer/${m[1] + m[2]}`);
  }
  for (const name of outputs)
    if (!existsSync(join(target, name))) await copyFile(join(cacheData, name), join(target, name));
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
async function translateSearch(DIST: string): Promise<void> {
  for await (const file of walk(join(DIST, "_observablehq"))) {
    if (!/\/search[.-][^/]*\.js$/.test(file)) continue;
    const text = await readFile(file, "utf-8");
    const out = text
      .replace('"<div>no results</div>"', '"<div>ingen resultater</div>"')
      .replace(
        /toLocaleString\("en-US"\)\} result\$\{(\w+)\.length===1\?"":"s"\}<\/div>/,
        'toLocaleString("da-DK")} resultat${$1.length===1?"":"er"}</div>'
      );
    if (out !== text) await writeFile(file, out);
  }
}

async function postprocess(DIST: string): Promise<number> {
  await translateSearch(DIST);
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
      .replace('placeholder="Search"', 'aria-label="Søg på sitet" placeholder="Søg"')
      // WCAG: an <ol> may only hold <li>; Framework puts the sidebar's close button in it
      .replace(/<ol>(\s*)(<label id="observablehq-sidebar-close"[^>]*><\/label>)/, "$2$1<ol>")
      .replace('title="Toggle sidebar"', 'title="Vis/skjul menu"');
    if (out !== text) await writeFile(file, out);
    n++;
  }
  return n;
}

export interface BuildOptions {
  /** the project to build (its observablehq.config and src/); default the working directory */
  root?: string;
  /** the published folder; default $KOMMUNETAL_DIST or <root>/dist */
  dist?: string;
}

/** The whole build; see the module comment. Throws a BuildError; dist/ changes only on success. */
export async function buildSite(options: BuildOptions = {}): Promise<void> {
  const t0 = performance.now();
  ROOT = resolve(options.root ?? process.cwd());
  const dist = resolve(options.dist ?? process.env.KOMMUNETAL_DIST ?? join(ROOT, "dist"));
  const out = `${dist}.ny-${process.pid}`;
  await rm(out, { recursive: true, force: true });
  try {
    checkSources();
    await rm(join(ROOT, "src", ".observablehq", "cache"), { recursive: true, force: true });
    await fillNpmCache(ROOT);
    // the shared parse of the raw files serves this project's loader entries (not a fixture project's)
    if (ROOT === TOOLS) ingestOnce();
    const env = {
      ...process.env,
      KOMMUNETAL_OUTPUT: out,
      OBSERVABLE_TELEMETRY_DISABLE: "true",
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${GUARD}`.trim(),
      PATH: `${join(TOOLS, "node_modules", ".bin")}:${process.env.PATH}`
    };
    const { brokenLinks } = await run(join(TOOLS, "node_modules", ".bin", "observable"), ["build"], env, ROOT);
    // a link Framework cannot resolve is an error here, not a warning scrolled past: links to the published
    // files under /filer are made in JS on the page (src/data.md: filLink), because they are published after
    // Framework's build (publishFiles) and Framework would call them broken
    if (brokenLinks.length)
      throw new BuildError(
        `Framework fandt ${brokenLinks.length} link(s) til sider, der ikke findes:\n${brokenLinks.map((l) => `  ${l}`).join("\n")}\n` +
          "Ret linket, eller lav links til /filer/… i JavaScript på siden (se filLink i src/data.md)."
      );
    if (!existsSync(join(out, "index.html")))
      throw new BuildError(`Framework skrev ingen forside (${relative(ROOT, out)}/index.html)`);
    const pages = await postprocess(out);
    const files = await publishFiles(out);
    const problems = await checkDist(out);
    if (problems.length) throw new BuildError(`Byggeriet indeholder fejl bagt ind i siderne:\n${problems.join("\n")}`);
    const gz = await precompress(out);
    await swapIn(out, dist);
    const mb = (n: number) => (n / 1e6).toLocaleString("da-DK", { maximumFractionDigits: 1 });
    process.stderr.write(
      `kommunetal bygget: ${pages} sider og ${files.length} filer i ${shown(dist)}/ på ${((performance.now() - t0) / 1000).toFixed(1)} s, offline; ` +
        `${gz.files} filer forkomprimeret (${mb(gz.before)} MB → ${mb(gz.after)} MB gzip).\n`
    );
  } catch (error) {
    await rm(out, { recursive: true, force: true });
    const message = error instanceof BuildError ? error.message : `${(error as Error).message}`;
    throw new BuildError(
      `${message}\n\nByggeriet fejlede. ${existsSync(dist) ? `Det forrige site i ${shown(dist)}/ er urørt.` : `Der var intet tidligere site i ${shown(dist)}/.`}`
    );
  }
}

function shown(path: string): string {
  const r = relative(ROOT, path);
  return r.startsWith("..") ? path : r;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await buildSite();
  } catch (error) {
    process.stderr.write(`\n${error instanceof BuildError ? error.message : (error as Error).stack}\n`);
    process.exit(1);
  }
}
