/**
 * The DOM of the comparison page (/sammenlign): one section per area with its chart, note and table. What the
 * cells say is computed in common/views/sammenlign.ts; the page wires the inputs and the chart (it needs `resize`).
 */
import {
  areaNote,
  areaTableHeaders,
  type CompareViewRow,
  differenceText,
  valueCell
} from "../common/views/sammenlign.js";
import { yearLabel } from "../common/vocabulary.js";
import { el } from "./kommune/dom.js";

interface Named {
  kommunekode: string;
  navn: string;
}

function valueTd(c: ReturnType<typeof valueCell>): HTMLElement {
  return el(
    "td",
    { class: `kt-num${c.missing ? " kt-missing" : ""}` },
    c.text,
    c.rank ? el("div", { class: "kt-small kt-muted" }, c.rank) : null
  );
}

function differenceTd(r: CompareViewRow): HTMLElement {
  const d = differenceText(r);
  if (d.sign === "missing") return el("td", { class: "kt-num kt-missing" }, d.text);
  const cls = d.sign === "pos" ? " kt-diff-pos" : d.sign === "neg" ? " kt-diff-neg" : "";
  return el(
    "td",
    { class: `kt-num${cls}`, "data-col": "forskel" },
    d.text,
    d.pct === null ? null : el("div", { class: "kt-small kt-muted" }, d.pct)
  );
}

/** The table of one area: figure, year, A, B and the difference, a row per figure (`data-figur` = its id). */
export function areaTable(navn: string, rows: readonly CompareViewRow[], a: Named, b: Named): HTMLElement {
  const [first, ...rest] = areaTableHeaders(a.navn, b.navn);
  return el(
    "table",
    { class: "kt-kdk-table kt-compare", "data-omraade": navn },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", {}, first),
        rest.map((h) => el("th", { class: "kt-num" }, h))
      )
    ),
    el(
      "tbody",
      {},
      rows.map((r) =>
        el(
          "tr",
          { "data-figur": r.id },
          el(
            "td",
            {},
            el("a", { href: `./noegletal?id=${r.id}&kommune=${a.kommunekode}` }, r.titel),
            el("div", { class: "kt-muted kt-small" }, r.enhed)
          ),
          el("td", { class: "kt-num", "data-aarstype": r.aarstype }, yearLabel(r.aar, r.aarstype)),
          valueTd(valueCell(r.a, r.a_status, r.decimaler, r.a_rank, r.antal)),
          valueTd(valueCell(r.b, r.b_status, r.decimaler, r.b_rank, r.antal)),
          differenceTd(r)
        )
      )
    )
  );
}

/** One area: heading, the chart against the country (or nothing), its note, and the table. */
export function areaSection(
  navn: string,
  rows: readonly CompareViewRow[],
  chart: Node | null,
  counts: { punkter: number; udeladt: number },
  a: Named,
  b: Named
): HTMLElement {
  return el(
    "section",
    { class: "kt-area" },
    el("h2", {}, navn),
    chart,
    el("p", { class: "kt-small kt-muted" }, areaNote(counts.punkter, counts.udeladt)),
    areaTable(navn, rows, a, b)
  );
}

/** The sentence about the years over the tables (`data-aar-note`). */
export function yearNote(text: string): HTMLElement {
  return el("p", { class: "kt-small", "data-aar-note": "" }, text);
}

/** The closing source line with links to both municipality pages. */
export function sourceLine(kilde: string, a: Named, b: Named): HTMLElement {
  return el(
    "p",
    { class: "kt-source" },
    `Kilde: ${kilde}. Se også kommunesiderne: `,
    el("a", { href: `./kommune/${a.kommunekode}` }, a.navn),
    " og ",
    el("a", { href: `./kommune/${b.kommunekode}` }, b.navn),
    "."
  );
}
