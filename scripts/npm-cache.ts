/**
 * Fill Framework's npm cache from node_modules so the site builds offline.
 *
 * Framework resolves `npm:` imports (explicit ones, and the implicit ones behind the
 * globals Plot, d3, Inputs, DuckDBClient, sql, FileAttachment.parquet() …) by
 * downloading from a public CDN at build time. That CDN is unreachable on our machines
 * and on a municipal laptop behind a firewall. Framework takes a module's version from
 * the directory names under `src/.observablehq/cache/_npm/` and skips any file that is
 * already there, so we put a browser bundle of each package, built by esbuild from the
 * pinned version in node_modules, exactly where Framework would have downloaded it.
 *
 * Every bundle is self-contained (its dependencies inlined), so Framework never has to
 * resolve a transitive `/npm/…` import. Packages Framework only *looks up* (its
 * standard library names them in dynamic imports) but that we do not ship get an
 * empty version directory: using them in a page fails with a clear 404, not a fetch
 * to the internet at build time.
 */

import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { build, type Plugin } from "esbuild";

const require = createRequire(import.meta.url);
const ROOT = process.cwd();
const cacheOf = (siteRoot: string) => join(siteRoot, "src", ".observablehq", "cache", "_npm");

interface BundleSpec {
  /** npm package name */
  name: string;
  /** esbuild source of the bundle; defaults to re-exporting the package */
  source?: string;
  /** files copied verbatim, relative to the package root */
  files?: string[];
  /**
   * packages imported from their own cached bundle instead of being inlined, so that
   * objects crossing the boundary are instances of the same classes (Framework does the
   * same: DuckDB-WASM and the standard library share one apache-arrow)
   */
  shared?: string[];
}

const bundles: BundleSpec[] = [
  { name: "@observablehq/plot" },
  { name: "@observablehq/inputs" },
  { name: "d3" },
  { name: "d3-dsv" },
  { name: "htl" },
  { name: "isoformat" },
  { name: "apache-arrow" },
  { name: "topojson-client" },
  { name: "jszip", source: `export {default} from "jszip";` },
  { name: "exceljs", source: `export {default} from "exceljs";` },
  {
    name: "parquet-wasm",
    source: `export * from "parquet-wasm/esm/parquet_wasm.js"; export {default} from "parquet-wasm/esm/parquet_wasm.js";`,
    files: ["esm/parquet_wasm_bg.wasm"]
  },
  {
    name: "@duckdb/duckdb-wasm",
    source: `export * from "@duckdb/duckdb-wasm";`,
    shared: ["apache-arrow"],
    files: [
      "dist/duckdb-mvp.wasm",
      "dist/duckdb-eh.wasm",
      "dist/duckdb-browser-mvp.worker.js",
      "dist/duckdb-browser-eh.worker.js"
    ]
  }
];

/** Looked up by Framework's standard library, not shipped (see module comment). */
const placeholders = [
  // arquero is not a dependency (no page, view or loader uses it; it needed an npm override to install):
  // `aq` or FileAttachment(...).arquero() in a page fails with a 404 instead of a download at build time
  "arquero",
  "react",
  "react-dom",
  "lodash",
  "echarts",
  "leaflet",
  "mapbox-gl",
  "@observablehq/sample-datasets"
];

async function packageVersion(name: string): Promise<string> {
  const pkg = JSON.parse(await readFile(join(ROOT, "node_modules", name, "package.json"), "utf-8"));
  return pkg.version as string;
}

/** esbuild plugin: resolve `shared` packages to their bundle in `cache`, relative to `fromDir`. */
function sharedImports(names: string[], fromDir: string, cache: string): Plugin {
  return {
    name: "kommunetal-shared-imports",
    setup(b) {
      if (names.length === 0) return;
      const filter = new RegExp(`^(${names.map((n) => n.replace(/[/.]/g, "\\$&")).join("|")})$`);
      b.onResolve({ filter }, async (args) => {
        const version = await packageVersion(args.path);
        const target = join(cache, `${args.path}@${version}`, "_esm.js");
        return {
          path: relative(fromDir, target)
            .split(sep)
            .join("/")
            .replace(/^(?!\.)/, "./"),
          external: true
        };
      });
    }
  };
}

async function bundle(spec: BundleSpec, cache: string): Promise<string> {
  const version = await packageVersion(spec.name);
  const dir = join(cache, `${spec.name}@${version}`);
  const out = join(dir, "_esm.js");
  if (!existsSync(out)) {
    const source = spec.source ?? `export * from "${spec.name}";`;
    const result = await build({
      stdin: { contents: source, resolveDir: ROOT, loader: "js" },
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      conditions: ["browser", "import", "module"],
      mainFields: ["browser", "module", "main"],
      minify: true,
      legalComments: "eof",
      plugins: [sharedImports(spec.shared ?? [], dir, cache)],
      write: false,
      logLevel: "error"
    });
    await mkdir(dir, { recursive: true });
    await writeFile(out, result.outputFiles[0].contents);
  }
  for (const file of spec.files ?? []) {
    const target = join(dir, file);
    if (existsSync(target)) continue;
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(ROOT, "node_modules", spec.name, file), target);
  }
  return `${spec.name}@${version}`;
}

/** Fill the npm cache of the Framework project at `siteRoot` (default: this project). */
export async function fillNpmCache(siteRoot = ROOT): Promise<string[]> {
  const cache = cacheOf(siteRoot);
  const done = await Promise.all(bundles.map((b) => bundle(b, cache)));
  for (const name of placeholders) {
    let version = "0.0.0-ikke-med";
    try {
      version = JSON.parse(await readFile(require.resolve(`${name}/package.json`), "utf-8")).version;
    } catch {
      // not installed: keep the marker version; a page using it gets a 404, not a download
    }
    await mkdir(join(cache, `${name}@${version}`), { recursive: true });
  }
  return done;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = performance.now();
  const done = await fillNpmCache();
  process.stderr.write(`npm-cache: ${done.length} pakker klar i ${Math.round(performance.now() - t0)} ms\n`);
}
