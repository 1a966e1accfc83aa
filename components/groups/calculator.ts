/**
 * The DOM of the comparison-group calculator (/sammenligningsgrupper): cards, tables and
 * export buttons built from the rows of common/views/sammenligningsgrupper.ts. Nothing is
 * computed here beyond formatting.
 *
 * Stale results: every result section has a `resultOr(...)` twin that, when the
 * calculation failed, draws the section greyed out (`.kt-stale`, `aria-disabled`) with its
 * export buttons disabled. The page always displays one of the two, so an error can never
 * sit next to the previous result (Framework keeps a cell's old output when the cell
 * displays nothing).
 */
import type { Column, ExportMeta } from "../../common/export.js";
import { formatNumber, formatPercent } from "../../common/format.js";
import type { GroupsError } from "../../common/groups/index.js";
import {
  type EliminationRow,
  type GroupRow,
  KILDE,
  type LevelRow,
  type RegressionRow,
  type RegressionSummary,
  type StabilityRow,
  type VariableRow,
  type YearRow
} from "../../common/views/sammenligningsgrupper.js";
import { exportButtons } from "../download.js";
import { type Child, el } from "../kommune/dom.js";

/** A column of a table on screen: the row's key, the header and how a cell is written. */
export interface TableColumn<T> {
  key: keyof T & string;
  label: string;
  format?: (value: T[keyof T & string], row: T) => string;
  numeric?: boolean;
}

/**
 * A plain table in a scroll box that keyboard users can reach (tabindex, named region);
 * `maxHeight` in rem limits the box (the table itself always has every row).
 */
export function resultTable<T>(
  rows: readonly T[],
  columns: readonly TableColumn<T>[],
  options: { label: string; maxHeight?: number; className?: string }
): HTMLElement {
  const head = el(
    "tr",
    {},
    columns.map((c) => el("th", { scope: "col", class: c.numeric ? "kt-num" : null }, c.label))
  );
  const body = rows.map((row) =>
    el(
      "tr",
      {},
      columns.map((c) => {
        const v = row[c.key];
        const text = c.format ? c.format(v, row) : v === null || v === undefined ? "" : String(v);
        // data-label: the column's header, shown beside the value where a narrow screen stacks the cells
        return el("td", { class: c.numeric ? "kt-num" : null, "data-label": c.label }, text);
      })
    )
  );
  const box = el(
    "div",
    {
      class: `kt-table-scroll${options.className ? ` ${options.className}` : ""}`,
      tabindex: 0,
      role: "region",
      "aria-label": options.label,
      style: options.maxHeight ? `max-height: ${options.maxHeight}rem` : null
    },
    el("table", {}, el("thead", {}, head), el("tbody", {}, body))
  );
  return box;
}

/** Export buttons for the rows, named like the page's others (`exportButtons`). */
export function exports<T>(
  rows: readonly T[] | (() => readonly T[]),
  columns: readonly Column<T>[],
  meta: Omit<ExportMeta, "source"> & { filename?: string; sheet?: string }
): HTMLElement {
  return exportButtons(rows, columns, { source: KILDE, ...meta });
}

/** The two export buttons, disabled: what a section shows instead of exporting a stale result. */
export function disabledExports(): HTMLElement {
  const button = (kind: string, text: string) =>
    el("button", { type: "button", "data-export": kind, disabled: true, title: "Intet resultat at hente" }, text);
  return el(
    "div",
    { class: "kt-export kt-noprint" },
    button("csv", "Hent CSV"),
    " ",
    button("xlsx", "Hent Excel (XLSX)")
  );
}

/**
 * A result section greyed out: its title, why there is no result, and disabled exports.
 * `section` names the section for tests and styles (`data-section`).
 */
export function staleCard(section: string, title: string, reason = "se fejlen under indstillingerne"): HTMLElement {
  return el(
    "div",
    { class: "card kt-stale", "aria-disabled": "true", "data-section": section },
    el("h2", {}, title),
    el("p", { class: "kt-muted" }, `Intet resultat med disse indstillinger: ${reason}.`),
    disabledExports()
  );
}

/** The error in words, with the variables it is about. */
export function errorCard(error: GroupsError, titel: (id: string) => string): HTMLElement {
  return el(
    "div",
    { class: "card kt-error-card", role: "alert" },
    el("p", { class: "kt-error" }, "Grupperne kan ikke beregnes med disse indstillinger."),
    el("p", {}, error.message),
    error.variables.length
      ? el("p", { class: "kt-muted" }, `Det drejer sig om: ${error.variables.map(titel).join("; ")}.`)
      : null
  );
}

const yesNo = (x: unknown) => (x ? "ja" : "nej");

export interface GroupCardOptions {
  kommune: string;
  omraade: string;
  aar: number;
  unit: string;
  decimals: number;
  resamples: number;
  /** "running" | "done" | "error": what a missing probability says */
  bootstrap: string;
  exportColumns: Column<GroupRow>[];
  filename: string;
}

/** The selected municipality's group: rank, name, code, distance, mutual, bootstrap probability; CSV/XLSX. */
export function groupCard(rows: readonly GroupRow[], o: GroupCardOptions): HTMLElement {
  const title = `Gruppen for ${o.kommune}: ${o.omraade.toLowerCase()}, ${o.aar}`;
  return el(
    "div",
    { class: "card kt-gruppekort", "data-section": "gruppe" },
    el("h2", {}, title),
    el(
      "h3",
      {},
      [
        `Afstand i ${o.unit}. Gensidig: ${o.kommune} er også i den andens gruppe.`,
        `Sandsynlighed: andel af ${formatNumber(o.resamples, 0)} bootstrap-gentagelser, hvor kommunen er i gruppen.`
      ].join(" ")
    ),
    resultTable(
      rows,
      [
        { key: "rang", label: "Rang" },
        { key: "navn", label: "Kommune" },
        { key: "kommunekode", label: "Kode" },
        { key: "afstand", label: "Afstand", numeric: true, format: (d) => formatNumber(d as number, o.decimals) },
        { key: "gensidig", label: "Gensidig", format: yesNo },
        {
          key: "sandsynlighed",
          label: "Sandsynlighed",
          numeric: true,
          format: (p) =>
            p === null ? (o.bootstrap === "error" ? "fejl" : "beregnes …") : formatPercent((p as number) * 100, 0)
        }
      ],
      { label: title }
    ),
    exports(rows, o.exportColumns, {
      title: `Sammenligningsgruppe for ${o.kommune}, ${o.omraade}, ${o.aar}`,
      filename: o.filename
    })
  );
}

/** A card with a title, a subtitle, content and the source line. */
export function card(section: string, title: string, subtitle: string, ...content: Child[]): HTMLElement {
  return el(
    "div",
    { class: "card", "data-section": section },
    el("h2", {}, title),
    subtitle ? el("h3", {}, subtitle) : null,
    content,
    el("p", { class: "kt-source" }, `Kilde: ${KILDE}.`)
  );
}

export interface RegressionCardOptions {
  outcomeTitle: string;
  aar: number;
  alpha: number;
  n: number;
  candidates: number;
  kept: number;
  r2: number;
  summary: RegressionSummary;
  exportColumns: Column<RegressionRow>[];
  filename: string;
  titel: (id: string) => string;
}

/** The regression table with how to read it. */
export function regressionCard(rows: readonly RegressionRow[], o: RegressionCardOptions): HTMLElement {
  const s = o.summary;
  const title = `${o.outcomeTitle}, ${o.aar}: regression på ${o.candidates} kandidatvariable, ${o.kept} valgt`;
  return el(
    "div",
    { class: "card", "data-section": "regression" },
    el("h2", {}, title),
    el("h3", {}, s.headline),
    resultTable(
      rows,
      [
        { key: "variabel", label: "Variabel" },
        { key: "beta", label: "β", numeric: true, format: (x) => formatNumber(x as number, 0) },
        { key: "se", label: "Standardfejl", numeric: true, format: (x) => formatNumber(x as number, 0) },
        { key: "t", label: "t", numeric: true, format: (x) => formatNumber(x as number, 2) },
        {
          key: "p",
          label: "p",
          numeric: true,
          format: (x) => ((x as number) < 0.001 ? "< 0,001" : formatNumber(x as number, 3))
        },
        { key: "vif", label: "VIF", numeric: true, format: (x) => (x === null ? "" : formatNumber(x as number, 1)) },
        { key: "status", label: "Status" }
      ],
      { label: title }
    ),
    exports(rows, o.exportColumns, { title: s.exportTitle, filename: o.filename }),
    el(
      "div",
      { class: "kt-forklaring" },
      el(
        "p",
        {},
        el("strong", {}, "Sådan læses tabellen."),
        [
          ` Udfaldet er ${o.outcomeTitle.toLowerCase()}. Hver variabel er standardiseret`,
          `(gennemsnit 0, standardafvigelse 1 over de ${o.n} kommuner), så β er den forventede forskel pr. ${s.perUnit},`,
          "når variablen er én standardafvigelse højere og de andre variable er uændrede.",
          "Konstantleddet er den forventede værdi i en kommune med gennemsnitlige rammebetingelser."
        ].join(" "),
        s.strongest
          ? [
              " Den største effekt har ",
              el("em", {}, o.titel(s.strongest.id)),
              `: ${formatNumber(Math.abs(s.strongest.beta), 0)} ${s.strongest.beta > 0 ? "højere" : "lavere"} pr. standardafvigelse.`
            ]
          : null
      ),
      el(
        "p",
        {},
        el("strong", {}, "p-værdien"),
        [
          " er sandsynligheden for at se en så stor effekt, hvis variablen i virkeligheden intet betød.",
          `Variable med p over ${formatNumber(o.alpha)} fjernes én ad gangen, den største p først (baglæns eliminering),`,
          "indtil alle tilbageværende er signifikante. "
        ].join(" "),
        el("strong", {}, "R²"),
        [
          ` = ${formatPercent(o.r2 * 100, 0)} af forskellene mellem kommunerne forklares af de valgte rammebetingelser;`,
          "resten skyldes politiske valg, effektivitet, registrering og tilfældigheder."
        ].join(" ")
      ),
      el(
        "p",
        {},
        el("strong", {}, "VIF"),
        [
          " (variansinflation) måler, hvor meget en variabel overlapper de andre. Over 10 betyder, at variablene",
          "langt hen ad vejen fortæller det samme, og at de enkelte β er usikre, selv om modellen som helhed er god."
        ].join(" "),
        s.highVif.length
          ? ` Det gælder her: ${s.highVif.map((t) => o.titel(t.id).replace(/\.$/, "")).join(", ")}.`
          : " Det er ikke tilfældet her."
      )
    ),
    el(
      "p",
      { class: "kt-source" },
      `Kilde: ${KILDE}. Mindste kvadraters metode med konstantled; p-værdier fra t-fordelingen. Tallene er kontrolleret mod R's lm().`
    )
  );
}

/** Every step of the backward elimination, folded. */
export function eliminationDetails(
  rows: readonly EliminationRow[],
  exportColumns: Column<EliminationRow>[],
  meta: { title: string; filename: string }
): HTMLElement {
  return el(
    "details",
    { class: "card", "data-section": "eliminering" },
    el("summary", {}, el("strong", {}, `Alle trin i den baglæns eliminering (${rows.length})`)),
    resultTable(
      rows,
      [
        { key: "trin", label: "Trin" },
        { key: "antal", label: "Antal variable" },
        { key: "r2", label: "R²", numeric: true, format: (x) => formatNumber(x as number, 3) },
        { key: "adjR2", label: "Justeret R²", numeric: true, format: (x) => formatNumber(x as number, 3) },
        { key: "fjernet", label: "Fjernet efter trinnet" },
        {
          key: "p",
          label: "p for den fjernede",
          numeric: true,
          format: (x) => (x === null ? "" : formatNumber(x as number, 3))
        }
      ],
      { label: "Trin i den baglæns eliminering" }
    ),
    exports(rows, exportColumns, meta)
  );
}

/** Actual minus predicted per municipality. */
export function levelTable(rows: readonly LevelRow[]): HTMLElement {
  const n0 = (x: unknown) => formatNumber(x as number, 0);
  return resultTable(
    rows,
    [
      { key: "navn", label: "Kommune" },
      { key: "faktisk", label: "Faktisk", numeric: true, format: n0 },
      { key: "forventet", label: "Forventet", numeric: true, format: n0 },
      { key: "forskel", label: "Forskel", numeric: true, format: n0 },
      { key: "forskelPct", label: "Forskel %", numeric: true, format: (x) => formatPercent(x as number, 1) }
    ],
    { label: "Strukturelt korrigeret niveau", maxHeight: 28 }
  );
}

/** The stability per municipality. */
export function stabilityTable(rows: readonly StabilityRow[]): HTMLElement {
  return resultTable(
    rows,
    [
      { key: "navn", label: "Kommune" },
      {
        key: "gennemsnit",
        label: "Gns. sandsynlighed",
        numeric: true,
        format: (x) => formatPercent((x as number) * 100, 0)
      },
      { key: "sikre", label: "Sikre", numeric: true },
      { key: "usikre", label: "Usikre", numeric: true }
    ],
    { label: "Stabilitet pr. kommune", maxHeight: 24 }
  );
}

/** The group over the years; the selected year's row in bold. */
export function yearTable(rows: readonly YearRow[], selectedYear: number, top: number): HTMLElement {
  return el(
    "table",
    { class: "kt-aarstabel" },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, "År"),
        el("th", { scope: "col" }, `Fælles med ${selectedYear}`),
        el("th", { scope: "col" }, "Gruppe (rang 1 først)")
      )
    ),
    el(
      "tbody",
      {},
      rows.map((x) =>
        el(
          "tr",
          { class: x.aar === selectedYear ? "kt-valgt" : null },
          el("td", {}, x.aar),
          el("td", { class: "kt-num" }, x.faelles === null ? "–" : `${x.faelles} af ${top}`),
          el("td", {}, x.gruppe, x.bemaerkning ? [" ", el("span", { class: "kt-muted" }, `(${x.bemaerkning})`)] : null)
        )
      )
    )
  );
}

/** Means and standard deviations of the candidates (3 significant digits) and why each is a candidate. */
export function variableTable(rows: readonly VariableRow[], significant: (x: number) => string): HTMLElement {
  return resultTable(
    rows,
    [
      { key: "variabel", label: "Variabel" },
      { key: "enhed", label: "Enhed" },
      { key: "log", label: "Log", format: (x) => (x ? "ja" : "") },
      { key: "gennemsnit", label: "Gennemsnit", numeric: true, format: (x) => significant(x as number) },
      { key: "sd", label: "Std.afv.", numeric: true, format: (x) => significant(x as number) },
      { key: "valgt", label: "Valgt", format: yesNo },
      { key: "begrundelse", label: "Begrundelse" }
    ],
    { label: "Kandidatvariable", className: "kt-begrundelse" }
  );
}

/** The command line, in a code block. */
export function cliBlock(command: string): HTMLElement {
  return el("pre", { class: "kt-cli" }, el("code", {}, command));
}

/** The bootstrap's progress bar and status line (`data-status` running / done / error). */
export function bootstrapProgress(s: {
  status: string;
  done: number;
  total: number;
  ms: number;
  message: string | null;
  result: { used: number; failed: number } | null;
}): HTMLElement {
  if (s.status === "error")
    return el("p", { class: "kt-error kt-progress", "data-status": "error" }, `Bootstrap fejlede: ${s.message}`);
  const text =
    s.status === "done" && s.result
      ? [
          `Færdig: ${formatNumber(s.result.used, 0)} af ${formatNumber(s.total, 0)} gentagelser brugt`,
          s.result.failed
            ? ` (${s.result.failed} kunne ikke bruges: en variabel var konstant eller modellen singulær)`
            : "",
          `, ${formatNumber(s.ms / 1000, 1)} s i en baggrundstråd (Web Worker).`
        ].join("")
      : `Beregner ${formatNumber(s.done, 0)} af ${formatNumber(s.total, 0)} gentagelser …`;
  return el(
    "div",
    { class: "kt-progress", "data-status": s.status },
    el("progress", { value: s.done, max: s.total, "aria-label": "Bootstrap-gentagelser beregnet" }),
    el("span", {}, text)
  );
}
