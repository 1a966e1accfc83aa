/**
 * The DOM of /om: the NGLK ↔ noegletal.dk links and the table of their differences. What they say is
 * computed in common/views/om.ts (nglkLinkLines, overlapTable).
 */
import { el } from "./kommune/dom.js";

/** One list item per NGLK figure joined onto a noegletal.dk figure. */
export function linkList(lines: readonly string[]): HTMLElement {
  return el(
    "ul",
    { "data-nglk-koblinger": "" },
    lines.map((l) => el("li", {}, l))
  );
}

/** The overlap table, or the sentence saying it appears after a refresh. */
export function overlapSection(overlap: { kolonner: string[]; raekker: string[][] } | null): HTMLElement {
  if (!overlap)
    return el(
      "p",
      { class: "kt-muted", "data-overlap": "ingen" },
      "Forskellen mellem de to kilder vises her, når sitet er bygget efter «npm run opdater»; det indbyggede øjebliksbillede har kun noegletal.dk."
    );
  const num = (i: number) => (i >= 3 ? "kt-num" : null);
  return el(
    "table",
    { class: "kt-kdk-table", "data-overlap": "" },
    el(
      "caption",
      {},
      "Forskellen mellem noegletal.dk og NGLK i de år, begge kilder har (kommuner med en værdi i begge)"
    ),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        overlap.kolonner.map((c, i) => el("th", { scope: "col", class: num(i) }, c))
      )
    ),
    el(
      "tbody",
      {},
      overlap.raekker.map((r) =>
        el(
          "tr",
          {},
          r.map((c, i) => (i === 0 ? el("th", { scope: "row" }, c) : el("td", { class: num(i) }, c)))
        )
      )
    )
  );
}
