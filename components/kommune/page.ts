/**
 * The building blocks of a municipality page (/kommune/<kode>): one section per area
 * with a table of its key figures (latest value, rank, national figure, group mean,
 * development), and the rows and columns its exports are made from.
 */

import type { Column } from "../../common/export.js";
import { formatMonthCode, formatNumber, formatValue } from "../../common/format.js";
import {
  GROUP_MEAN_RULE,
  groupCountText,
  groupValueText,
  nationalSourceText,
  nationalValueText,
  rankText
} from "../../common/kommune/texts.js";
import type { PageArea, PageData, PageFigure } from "../../common/kommune/types.js";
import { statusText, yearLabel } from "../../common/vocabulary.js";
import { el } from "./dom.js";
import { sparkline } from "./sparkline.js";

/** One export row per key figure: what the table shows, plus the series. */
export interface ExportRow {
  omraade: string;
  titel: string;
  enhed: string;
  aar: number;
  vaerdi: number | null;
  status: string;
  rang: number | null;
  antal: number;
  landstal: number | null;
  landstal_kilde: string;
  sammenligningsgruppe: string;
  gruppe_gns: number | null;
  gruppe_n: number;
  gruppe_af: number;
  serie: (number | null)[];
}

export function exportRows(page: PageData, areas: PageArea[] = page.omraader): ExportRow[] {
  return areas.flatMap((a) =>
    a.figurer.map((f) => ({
      omraade: a.navn,
      titel: f.titel,
      enhed: f.enhed,
      aar: f.aar,
      vaerdi: f.janej ? null : f.vaerdi,
      status: statusText(f.status, "værdi"),
      rang: f.rang,
      antal: f.antal,
      landstal: f.land.vaerdi,
      landstal_kilde: nationalSourceText(f.land),
      sammenligningsgruppe: a.gruppe.navn,
      gruppe_gns: f.gruppe.gns,
      gruppe_n: f.gruppe.n,
      gruppe_af: f.gruppe.af,
      serie: f.serie.v
    }))
  );
}

export function exportColumns(page: PageData): Column<ExportRow>[] {
  return [
    { key: "omraade", label: "Område" },
    { key: "titel", label: "Nøgletal" },
    { key: "enhed", label: "Enhed" },
    { key: "aar", label: "År" },
    { key: "vaerdi", label: `${page.navn}: værdi` },
    { key: "status", label: "Status" },
    { key: "rang", label: "Placering (1 = højeste)" },
    { key: "antal", label: "Kommuner med værdi" },
    { key: "landstal", label: "Landstal" },
    { key: "landstal_kilde", label: "Landstal: sådan er det dannet" },
    { key: "sammenligningsgruppe", label: "Sammenligningsgruppe" },
    { key: "gruppe_gns", label: "Gruppegennemsnit (uvægtet)" },
    { key: "gruppe_n", label: "Gruppens kommuner med værdi" },
    { key: "gruppe_af", label: "Gruppens kommuner i alt" },
    ...page.aar.map((y, i) => ({ key: (r: ExportRow) => r.serie[i], label: `${page.navn} ${y}` }))
  ];
}

function valueCell(f: PageFigure): HTMLElement {
  const missing = f.vaerdi === null && !f.janej;
  const text = formatValue(f.vaerdi, f.status, f.decimaler);
  return el(
    "td",
    { class: `kt-num${missing ? " kt-missing" : ""}`, "data-col": "vaerdi", "data-status": f.status },
    text
  );
}

function figureRow(page: PageData, f: PageFigure): HTMLElement {
  const groupCount = groupCountText(f);
  const hasNationalLine = !f.janej && f.land.kilde !== "I alt";
  return el(
    "tr",
    { "data-figur": f.id },
    el(
      "td",
      {},
      el("a", { href: `../noegletal?id=${encodeURIComponent(f.id)}&kommune=${page.kode}` }, f.titel),
      el("div", { class: "kt-muted kt-small" }, f.enhed)
    ),
    el("td", { class: "kt-num", "data-aarstype": f.aarstype }, yearLabel(f.aar, f.aarstype)),
    valueCell(f),
    el(
      "td",
      { class: `kt-num${f.rang === null ? " kt-missing" : ""}`, "data-col": "rang" },
      rankText(f.rang, f.antal, f.janej)
    ),
    el(
      "td",
      {
        class: `kt-num${f.land.vaerdi === null ? " kt-missing" : ""}`,
        "data-col": "landstal",
        title: nationalSourceText(f.land)
      },
      nationalValueText(f),
      f.land.kilde === "gennemsnit af kommunerne (uvægtet)" ? el("sup", {}, "*") : null,
      f.land.kilde === "I alt" ? el("div", { class: "kt-muted kt-small" }, "sum") : null
    ),
    el(
      "td",
      { class: `kt-num${f.gruppe.gns === null ? " kt-missing" : ""}`, "data-col": "gruppe" },
      groupValueText(f),
      groupCount ? el("div", { class: "kt-muted kt-small" }, groupCount) : null
    ),
    el(
      "td",
      { class: "kt-sparkcell" },
      f.janej
        ? el(
            "span",
            { class: "kt-muted kt-small" },
            page.aar
              .map(
                (y, i) =>
                  `${y}: ${formatValue(f.serie.v[i], f.serie.s[i])}${f.serie.land[i] === null ? "" : ` (${f.serie.land[i]} kommuner ja)`}`
              )
              .join(", ")
          )
        : sparkline(
            page.aar,
            { v: f.serie.v, land: hasNationalLine ? f.serie.land : null, gruppe: f.serie.gruppe },
            { decimals: f.decimaler, unit: f.enhed }
          )
    )
  );
}

/** The table of one area's key figures. */
export function areaTable(page: PageData, area: PageArea): HTMLTableElement {
  return el(
    "table",
    { class: "kt-kdk-table", "data-omraade": area.id },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", {}, "Nøgletal"),
        el("th", { class: "kt-num" }, "År"),
        el("th", { class: "kt-num" }, page.navn),
        el("th", { class: "kt-num", title: "1 = højeste værdi" }, "Placering"),
        el("th", { class: "kt-num" }, "Landstal"),
        el("th", { class: "kt-num", title: GROUP_MEAN_RULE }, "Gruppegns."),
        el("th", {}, `${page.aar[0]}–${page.aar[page.aar.length - 1]}`)
      )
    ),
    el(
      "tbody",
      {},
      area.figurer.map((f) => figureRow(page, f))
    )
  );
}

/** Who is in the area's comparison group, as a collapsible list (ranked for the engine's groups). */
export function groupNote(page: PageData, area: PageArea): HTMLElement {
  const ranked = area.gruppe.kilde === "flis";
  const names = ranked
    ? area.gruppe.medlemmer.map((k, i) => `${i + 1}. ${page.navne[k] ?? k}`)
    : area.gruppe.medlemmer.map((k) => page.navne[k] ?? k).sort((a, b) => a.localeCompare(b, "da"));
  return el(
    "details",
    { class: "kt-group-note" },
    el(
      "summary",
      {},
      "Sammenligningsgruppe: ",
      el("strong", {}, area.gruppe.navn),
      ` (${area.gruppe.medlemmer.length} kommuner)`
    ),
    el("p", { class: "kt-small" }, area.gruppe.beskrivelse, " ", GROUP_MEAN_RULE),
    el("p", { class: "kt-small" }, names.join(", "))
  );
}

/** A legend for the small charts. */
export function sparkLegend(): HTMLElement {
  return el(
    "p",
    { class: "kt-small kt-muted kt-spark-legend" },
    el("span", { class: "kt-key kt-key-kommune" }),
    " kommunen  ",
    el("span", { class: "kt-key kt-key-land" }),
    " landstal (ikke vist for summer)  ",
    el("span", { class: "kt-key kt-key-gruppe" }),
    " gruppegennemsnit. Brud i linjen: ingen værdi det år."
  );
}

export function headerFacts(page: PageData): HTMLElement {
  const pop = page.befolkning;
  const month = pop ? formatMonthCode(pop.maaned) : "";
  return el(
    "dl",
    { class: "kt-facts" },
    el("dt", {}, "Kommunenummer"),
    el("dd", {}, page.kode),
    el("dt", {}, "Region"),
    el("dd", {}, page.regionsnavn),
    el("dt", {}, "DST-kommunegruppe"),
    el("dd", {}, page.kommunegruppe),
    el("dt", {}, "Befolkning"),
    el("dd", { "data-fact": "befolkning" }, pop ? `${formatNumber(pop.vaerdi, 0)} (1. ${month})` : "ikke oplyst"),
    el("dt", {}, "Areal"),
    el(
      "dd",
      { "data-fact": "areal" },
      page.areal_km2 === null ? "ikke oplyst" : `${formatNumber(page.areal_km2, 1)} km²`
    )
  );
}

// A printed page must say who is in each comparison group: open the lists before printing
// (the content of a closed <details> is not printed).
if (typeof window !== "undefined") {
  window.addEventListener("beforeprint", () => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>("details.kt-group-note")) d.open = true;
  });
}
