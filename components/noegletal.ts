/**
 * The DOM of the key-figure catalogue page (/noegletal): the catalogue list, the documentation block, the lead
 * sentence and the ranking table. What they show is computed in common/views/noegletal.ts; these functions only
 * draw it (the page wires inputs → view → these).
 */
import * as Inputs from "@observablehq/inputs";
import { formatValue } from "../common/format.js";
import type { RankingRow } from "../common/kommune/catalogue.js";
import type { CatalogueArea, DocEntry, rankingTable } from "../common/views/noegletal.js";
import { el } from "./kommune/dom.js";

/** The catalogue: one <details> per area with its figures as links. */
export function catalogueList(areas: readonly CatalogueArea[]): HTMLElement {
  return el(
    "div",
    { class: "kt-catalogue" },
    areas.map((a) =>
      el(
        "details",
        { open: a.open || null, "data-omraade": a.omraade },
        el("summary", {}, el("strong", {}, a.navn), ` (${a.figurer.length})`),
        el(
          "ul",
          {},
          a.figurer.map((f) =>
            el("li", {}, el("a", { href: f.href }, f.titel), el("span", { class: "kt-muted kt-small" }, f.meta))
          )
        )
      )
    )
  );
}

/** The documentation block of one figure (a definition list). */
export function documentation(entries: readonly DocEntry[]): HTMLElement {
  return el(
    "dl",
    { class: "kt-doc" },
    entries.map((e) => [
      el("dt", {}, e.term),
      el("dd", { "data-doc": e.doc ?? null }, e.code ? el("code", {}, e.text) : e.text)
    ])
  );
}

/** The lead sentence about the highlighted municipality (`data-valgt` = its code), and the price note under it. */
export function figureLead(kommunekode: string, lead: { fed: string; tekst: string }, prisNote: string): HTMLElement {
  return el(
    "div",
    {},
    el("p", { class: "kt-lead", "data-valgt": kommunekode }, el("strong", {}, lead.fed), lead.tekst),
    el("p", { class: "kt-small kt-muted", "data-priser-note": "" }, prisNote)
  );
}

/** A paragraph in muted text (what a chart shows instead when it cannot be drawn). */
export function muted(text: string): HTMLElement {
  return el("p", { class: "kt-muted" }, text);
}

/** The ranking of the 98 as a sortable table; the highlighted municipality in bold, names linking to its page. */
export function rankingTableView(
  rows: readonly RankingRow[],
  spec: ReturnType<typeof rankingTable>,
  options: { janej: boolean; decimals: number; highlight: string }
): HTMLElement {
  const { janej, decimals, highlight } = options;
  return Inputs.table(rows as RankingRow[], {
    columns: spec.columns,
    header: spec.header,
    format: {
      rank: (r: number | null) => (r === null ? "–" : String(r)),
      navn: (n: string, i: number, data: RankingRow[]) =>
        el(
          "a",
          { href: `./kommune/${data[i].kommunekode}` },
          data[i].kommunekode === highlight ? el("strong", {}, n) : n
        ),
      vaerdi: (v: number | null, i: number, data: RankingRow[]) =>
        janej ? data[i].statustekst : formatValue(v, data[i].status, decimals)
    },
    align: { rank: "right", vaerdi: "right" },
    rows: 15,
    select: false,
    width: { navn: 160 }
  }) as HTMLElement;
}

/** The long series card after a refresh (noegletal.dk joined with NGLK); `chart` is drawn by the page. */
export function longSeriesCard(chart: Node, tekst: string): HTMLElement {
  return el(
    "div",
    { class: "card", "data-lang-serie": "" },
    el("h3", {}, "Lang serie: noegletal.dk og Danmarks Statistik (NGLK), løbende priser"),
    chart,
    el("p", { class: "kt-small kt-muted" }, tekst, " Forskellen mellem kilderne i de fælles år står på siden Om.")
  );
}
