// Observable Framework configuration for kommunetal (https://observablehq.com/framework/config).
import { existsSync, readFileSync } from "node:fs";

const { siteFooter } = await import("./loaders/footer.js");

/** The 98 municipality codes, for the parameterised pages /kommune/<kode>. */
function kommunekoder(): string[] {
  // same folder as the loaders read (KOMMUNETAL_DATA, or data/raw): see loaders/lib/paths.ts
  const file = `${process.env.KOMMUNETAL_DATA ?? "data/raw"}/dawa/kommuner_dataforsyningen_2024.json`;
  let dawa: { kode: string; udenforkommuneinddeling: boolean }[];
  try {
    dawa = JSON.parse(readFileSync(file, "utf-8"));
  } catch (error) {
    // the build checks this file first with a full message (loaders/sources/dawa.ts); `npm run dev` lands here
    throw new Error(
      `Fejl i inddata: ${file} kan ikke læses som DAWA-kommuner (${(error as Error).message}) [regel fil.json]`
    );
  }
  return dawa
    .filter((k) => !k.udenforkommuneinddeling)
    .map((k) => k.kode.slice(1))
    .sort();
}

export default {
  title: "kommunetal",
  root: "src",
  // scripts/build.ts builds into a temporary folder and swaps it in only when all checks pass
  output: process.env.KOMMUNETAL_OUTPUT ?? "dist",
  // Our own stylesheet imports the theme and the Inputs CSS from node_modules; no web fonts.
  style: "style.css",
  globalStylesheets: [],
  // Framework's built-in DuckDB must not download extensions at build time (offline).
  duckdb: { extensions: { json: null, parquet: null } },
  // A section appears in the navigation once its page exists.
  pages: [
    { name: "Kend din kommune", path: "/kommune/" },
    { name: "Nøgletal", path: "/noegletal" },
    { name: "Sammenlign to kommuner", path: "/sammenlign" },
    { name: "Sammenligningsgrupper", path: "/sammenligningsgrupper" },
    { name: "Infrastruktur", path: "/infrastruktur/" },
    { name: "Datakvalitet", path: "/datakvalitet" },
    { name: "Data og filer", path: "/data" },
    { name: "Notesbog: SQL i browseren", path: "/notesbog" },
    { name: "Spørg", path: "/spoerg" },
    { name: "Netværkets eksempler", path: "/netvaerk/" },
    { name: "Om kommunetal", path: "/om" }
  ].filter((p) => existsSync(`src${p.path}${p.path.endsWith("/") ? "index" : ""}.md`)),
  dynamicPaths: () => kommunekoder().flatMap((kode) => [`/kommune/${kode}`, `/infrastruktur/${kode}`]),
  pager: false,
  toc: { label: "Indhold" },
  // Site search: the pages, plus one entry per municipality page and per key figure
  // (municipality pages are generated, and their titles are only known at run time).
  search: {
    async *index() {
      const { searchEntries } = await import("./loaders/search.js");
      yield* searchEntries();
    }
  },
  // which snapshot every page shows (source, date, years and their kind) and the sources: loaders/footer.ts
  footer: siteFooter(),
  head:
    '<meta name="description" content="Åbent analysearbejdsrum for de 98 danske kommuner">' +
    // inline icon: no extra request, and no 404 for /favicon.ico
    `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f5f8b"/><text x="16" y="22" font-size="16" text-anchor="middle" fill="white" font-family="sans-serif">kt</text></svg>')}">`
};
