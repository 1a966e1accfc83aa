/**
 * `npm run build`: the whole site, offline, from the committed data snapshot.
 *
 * 1. Clear Framework's cache (loader output is keyed to the entry file only, so
 *    changes in loaders/ or data/ would otherwise not show) and dist/.
 * 2. Fill Framework's npm cache from node_modules (scripts/npm-cache.ts).
 * 3. Run `observable build` with the offline guard preloaded into Framework and every
 *    loader it spawns: any connection to a non-loopback host fails the build.
 * 4. Post-process: mark pages as Danish, translate Framework's few English UI words.
 * 5. Check the output: no page or module may contain an error baked in at build time
 *    (Framework turns some errors into runtime SyntaxErrors and still "succeeds").
 */
import { spawn } from "node:child_process";
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, join, sep } from "node:path";
import { buildKommuner } from "../loaders/datasets.js";
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
 * Publish every loader output under a stable, unhashed address: dist/filer/<name>.
 * Framework serves attachments under content-hashed names (/_file/data/x.1a2b.parquet),
 * which change with every data update; Excel and Power BI need an address that stays.
 */
async function publishFiles(): Promise<string[]> {
  const cacheData = join(ROOT, "src", ".observablehq", "cache", "data");
  const target = join(DIST, "filer");
  await mkdir(target, { recursive: true });
  const names: string[] = [];
  for (const entry of await readdir(cacheData, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    await copyFile(join(cacheData, entry.name), join(target, entry.name));
    names.push(entry.name);
  }
  return names.sort();
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
      .replace('placeholder="Search"', 'aria-label="Søg på sitet" placeholder="Søg"')
      // WCAG: an <ol> may only hold <li>; Framework puts the sidebar's close button in it
      .replace(/<ol>(\s*)(<label id="observablehq-sidebar-close"[^>]*><\/label>)/, "$2$1<ol>")
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
