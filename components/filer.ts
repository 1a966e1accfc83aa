/**
 * The DOM of the page /data ("Data og filer"): a card per published table with its two file links and its column
 * dictionary, links to other published files, and the catalogue table. The texts come from common/views/data.ts
 * (the dictionary joined with the schemas at build time, src/data/tabeller.json.ts).
 */
import * as Inputs from "@observablehq/inputs";
import {
  CATALOGUE_TABLE_COLUMNS,
  catalogueTableHeader,
  fileSize,
  type TableDictionary,
  yearCell
} from "../common/views/data.js";
import type { KatalogRow } from "../common/vocabulary.js";
import { el } from "./kommune/dom.js";

/** The size of a published file by name (from the page's FileAttachments), or undefined when the page has none. */
export type SizeOf = (navn: string) => number | undefined;

/**
 * A link to a published file under /filer. Made in JavaScript: Framework would check a static link before
 * scripts/build.ts publishes the files.
 */
export function fileLink(navn: string, attrs: Record<string, string> = {}): HTMLElement {
  return el("a", { href: `./filer/${navn}`, ...attrs }, el("code", {}, `filer/${navn}`));
}

/** A file link followed by its size: "filer/x.csv (12 kB)". */
export function fileWithSize(navn: string, sizeOf: SizeOf, attrs: Record<string, string> = {}): HTMLElement {
  const size = fileSize(sizeOf(navn));
  return el("span", {}, fileLink(navn, attrs), size ? ` (${size})` : "");
}

/** One card per published table: content, source, the Parquet and CSV links, and the columns in a <details>. */
export function tableCards(tabeller: readonly TableDictionary[], sizeOf: SizeOf): HTMLElement {
  return el(
    "div",
    { class: "kt-tables" },
    tabeller.map((t) =>
      el(
        "section",
        { class: "card", "data-tabel": t.navn },
        el("h2", {}, t.navn),
        el("p", {}, t.indhold, el("br"), el("span", { class: "kt-small kt-muted" }, `Kilde: ${t.kilde}`)),
        el(
          "p",
          {},
          fileWithSize(`${t.navn}.parquet`, sizeOf, { "data-format": "parquet" }),
          " · ",
          fileWithSize(`${t.navn}.csv`, sizeOf, { "data-format": "csv" })
        ),
        el(
          "details",
          {},
          el("summary", {}, `${t.kolonner.length} kolonner`),
          el(
            "table",
            { class: "kt-kdk-table" },
            el("thead", {}, el("tr", {}, el("th", {}, "Kolonne"), el("th", {}, "Type"), el("th", {}, "Indhold"))),
            el(
              "tbody",
              {},
              t.kolonner.map(([k, type, txt]) =>
                el("tr", {}, el("td", {}, el("code", {}, k)), el("td", {}, type), el("td", {}, txt))
              )
            )
          )
        )
      )
    )
  );
}

/** The catalogue as a sortable table with the vocabulary's headers. */
export function catalogueTable(katalog: readonly KatalogRow[]): HTMLElement {
  // in a box of its own: its cells wrap instead of being cut with "…" (issue #14 §4; style.css .kt-katalog)
  const box = document.createElement("div");
  box.className = "kt-katalog";
  box.append(
    Inputs.table(katalog, {
      columns: [...CATALOGUE_TABLE_COLUMNS],
      header: catalogueTableHeader(),
      format: { aar_fra: yearCell, aar_til: yearCell, nr: String },
      rows: 20
    })
  );
  return box;
}
