/**
 * Browser components of `/datakvalitet`: the filter form (an Observable input whose value is the filter state, kept
 * in the URL), the list of findings (a card per finding with the rule's Danish explanation, likely cause and a small
 * chart of the series around it, with a table alternative), the per-rule summary, the recall/precision table, the
 * CSV/XLSX export, and the drop zone that validates a file in a Web Worker. Everything computed comes from
 * common/views/datakvalitet.ts; every element built from demo data carries a visible "Demodata" badge.
 */
import * as Plot from "@observablehq/plot";
import { formatNumber } from "../../common/format.js";
import {
  ALVOR_TEXT,
  chartLabel,
  chartPoints,
  chartTableRows,
  type DatakvalitetData,
  type DqFinding,
  EXPORT_COLUMNS,
  exportRows,
  type Filters,
  fileResultTexts,
  filterOptions,
  infraSummary,
  KILDE_TEXT,
  type Kilde,
  keyFigureSummary,
  nameOf,
  notDemo,
  pageOf,
  pctText,
  periodText,
  type RecallRow,
  type RuleSummaryRow,
  ruleSummary,
  ruleText,
  sortFileFindings,
  totals,
  totalsText,
  urlOf
} from "../../common/views/datakvalitet.js";
import type { FileCheckOptions, FileResult } from "../../common/views/datakvalitet-fil.js";
import { accessibleChart, CATEGORICAL, plot } from "../a11y.js";
import { exportButtons } from "../download.js";
import { type Child, el } from "../kommune/dom.js";
import { validateInWorker } from "./client.js";

export const demoBadge = (on: boolean): HTMLElement | null =>
  on ? el("span", { class: "kt-demo-badge" }, "Demodata") : null;

// ---------------------------------------------------------------------------------------------
// Filters (an Observable input: `view(filterForm(...))`; the state is mirrored in the URL)

export function filterForm(
  findings: readonly DqFinding[],
  navne: ReadonlyMap<string, string>,
  initial: Filters,
  kildeText: Record<Kilde, string> = KILDE_TEXT
): HTMLFormElement & { value: Filters } {
  const o = filterOptions(findings, navne, kildeText);
  const select = (name: keyof Filters, label: string, options: { value: string; label: string; antal: number }[]) => {
    const id = `kt-dq-${name}`;
    const current = initial[name];
    const s = el(
      "select",
      { id, name },
      el("option", { value: "" }, `Alle (${formatNumber(findings.length, 0)})`),
      options.map((x) =>
        el("option", { value: x.value, selected: x.value === current }, `${x.label} (${formatNumber(x.antal, 0)})`)
      ),
      // a value from the URL with no findings stays selectable (and shows "0")
      current && !options.some((x) => x.value === current)
        ? el("option", { value: current, selected: true }, `${current} (0)`)
        : null
    );
    return el("div", { class: "kt-dq-filter" }, el("label", { for: id }, label), s);
  };
  const form = el(
    "form",
    { class: "kt-dq-filters", role: "search", "aria-label": "Filtrér fundene" },
    select("kommune", "Kommune", o.kommuner),
    select("kilde", "Kilde", o.kilder),
    select("regel", "Regel", o.regler),
    select("alvor", "Alvor", o.alvor)
  ) as HTMLFormElement & { value: Filters };
  const read = (): Filters => {
    const v = (n: string) => (form.elements.namedItem(n) as HTMLSelectElement).value || null;
    return {
      kommune: v("kommune"),
      kilde: v("kilde") as Kilde | null,
      regel: v("regel"),
      alvor: v("alvor") as Filters["alvor"]
    };
  };
  form.value = read();
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("change", () => {
    form.value = read();
    history.replaceState(null, "", `${location.pathname}${urlOf(form.value)}${location.hash}`);
    form.dispatchEvent(new Event("input", { bubbles: true }));
  });
  return form;
}

// ---------------------------------------------------------------------------------------------
// One finding

/** The small chart of a finding's series (Plot), the finding's period marked, with a table alternative. */
export function seriesChart(f: DqFinding, navne: ReadonlyMap<string, string>, demo: boolean): HTMLElement | null {
  const points = chartPoints(f);
  if (points.length < 2) return null;
  const chart = plot({
    width: 320,
    height: 130,
    marginLeft: 56,
    marginBottom: 28,
    x: { type: "point", label: null, tickFormat: (d: string) => (points.length > 12 ? d.slice(2) : d) },
    y: { label: null, grid: true, tickFormat: (d: number) => formatNumber(d), nice: true, ticks: 3 },
    marks: [
      Plot.line(points, { x: "periode", y: "vaerdi", stroke: CATEGORICAL[0] }),
      Plot.dot(points, { x: "periode", y: "vaerdi", fill: CATEGORICAL[0], r: 2 }),
      Plot.dot(
        points.filter((p) => p.fund),
        { x: "periode", y: "vaerdi", stroke: CATEGORICAL[5], r: 6, strokeWidth: 2 }
      ),
      ...(f.forventet !== undefined
        ? [Plot.ruleY([f.forventet], { stroke: CATEGORICAL[6], strokeDasharray: "3,3" })]
        : [])
    ]
  });
  return accessibleChart(chart as unknown as HTMLElement, {
    label: chartLabel(f, navne, demo),
    className: "kt-dq-chart",
    table: {
      caption: `${demo ? "Demodata. " : ""}Serien for ${nameOf(navne, f.kommunekode)}, ${f.subjectLabel}`,
      columns: ["Periode", "Værdi", "Fund"],
      numeric: [1],
      rows: () => chartTableRows(f)
    }
  });
}

export function findingCard(f: DqFinding, navne: ReadonlyMap<string, string>, demo: boolean): HTMLElement {
  const t = ruleText(f.rule);
  const where = [nameOf(navne, f.kommunekode), f.subjectLabel, periodText(f)].filter((s) => s);
  const numbers: Child[] = [];
  if (f.vaerdi !== undefined) numbers.push(`Værdi ${formatNumber(f.vaerdi)}`);
  if (f.forventet !== undefined) numbers.push(`${numbers.length ? " · " : ""}forventet ${formatNumber(f.forventet)}`);
  return el(
    "article",
    { class: `kt-dq-card kt-dq-${f.severity}`, "data-rule": f.rule, "data-kommune": f.kommunekode ?? "" },
    el(
      "h3",
      {},
      el("span", { class: `kt-dq-sev kt-dq-sev-${f.severity}` }, ALVOR_TEXT[f.severity]),
      " ",
      where.join(" · ") || f.file,
      " ",
      demoBadge(demo)
    ),
    el("p", { class: "kt-dq-msg" }, f.message),
    numbers.length ? el("p", { class: "kt-small" }, numbers) : null,
    el(
      "dl",
      { class: "kt-dq-why" },
      el("dt", {}, "Regel"),
      el("dd", {}, el("code", {}, f.rule)),
      el("dt", {}, "Forklaring"),
      el("dd", {}, t.forklaring),
      t.aarsag ? el("dt", {}, "Sandsynlig årsag") : null,
      t.aarsag ? el("dd", {}, t.aarsag) : null,
      el("dt", {}, "Hvor"),
      el("dd", {}, `${f.file}${f.line ? `, linje ${f.line}${f.column ? `, kolonne ${f.column}` : ""}` : ""}`)
    ),
    seriesChart(f, navne, demo)
  );
}

// ---------------------------------------------------------------------------------------------
// The list with export and "show more"

export interface ListOptions {
  title: string;
  filename: string;
  /** source line for the export */
  source: string;
  /** is this finding on demo data? */
  demo: (f: DqFinding) => boolean;
  pageSize?: number;
}

export function findingList(
  findings: readonly DqFinding[],
  navne: ReadonlyMap<string, string>,
  opts: ListOptions
): HTMLElement {
  const size = opts.pageSize ?? 25;
  const anyDemo = findings.some(opts.demo);
  const list = el("div", { class: "kt-dq-list" });
  const more = el("button", { type: "button", class: "kt-noprint" });
  let n = 0;
  const render = () => {
    const { shown, rest } = pageOf(findings, n + size);
    for (const f of shown.slice(n)) list.append(findingCard(f, navne, opts.demo(f)));
    n = shown.length;
    more.textContent = `Vis ${formatNumber(Math.min(size, rest), 0)} mere (${formatNumber(rest, 0)} tilbage)`;
    more.hidden = rest === 0;
  };
  more.onclick = render;
  render();
  return el(
    "section",
    { class: "kt-dq-result", "aria-label": opts.title },
    el("p", { class: "kt-dq-totals", role: "status" }, totalsText(totals(findings)), " ", demoBadge(anyDemo)),
    exportButtons(() => exportRows(findings, navne, opts.demo), EXPORT_COLUMNS, {
      title: opts.title,
      source: opts.source,
      demo: anyDemo,
      filename: opts.filename,
      sheet: "Fund"
    }),
    list,
    more
  );
}

// ---------------------------------------------------------------------------------------------
// Summary tables

function simpleTable(caption: Child, head: string[], rows: Child[][], numeric: number[] = []): HTMLElement {
  return el(
    "div",
    {
      class: "kt-infra-scroll",
      tabindex: 0,
      role: "region",
      "aria-label": typeof caption === "string" ? caption : "tabel"
    },
    el(
      "table",
      { class: "kt-kdk-table kt-dq-table" },
      el("caption", {}, caption),
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          head.map((h, i) => el("th", { scope: "col", class: numeric.includes(i) ? "kt-num" : null }, h))
        )
      ),
      el(
        "tbody",
        {},
        rows.map((r) =>
          el(
            "tr",
            {},
            r.map((c, i) => el("td", { class: numeric.includes(i) ? "kt-num" : null }, c))
          )
        )
      )
    )
  );
}

export function ruleSummaryTable(rows: readonly RuleSummaryRow[], caption: string, demo: boolean): HTMLElement {
  if (rows.length === 0) return el("p", {}, "Ingen fund.");
  return simpleTable(
    el("span", {}, caption, " ", demoBadge(demo)),
    ["Regel", "Alvor", "Fund", "Kommuner", "Nøgletal/services", "Hvad reglen kræver", "Eksempler"],
    rows.map((r) => [
      el("a", { href: `?regel=${encodeURIComponent(r.rule)}` }, el("code", {}, r.rule)),
      ALVOR_TEXT[r.severity],
      formatNumber(r.antal, 0),
      formatNumber(r.kommuner, 0),
      formatNumber(r.emner, 0),
      r.forklaring,
      el(
        "ul",
        { class: "kt-dq-examples" },
        r.eksempler.map((e) => el("li", {}, e))
      )
    ]),
    [2, 3, 4]
  );
}

export function recallTable(rows: readonly RecallRow[]): HTMLElement {
  return simpleTable(
    el("span", {}, "Genfinding (recall) og præcision pr. regel på plantede fejl ", demoBadge(true)),
    [
      "Regel",
      "Plantet",
      "Fundet",
      "Genfinding",
      "Fund på plantet sæt",
      "Heraf plantede",
      "Præcision",
      "Fund på rent sæt"
    ],
    rows.map((r) => [
      el("code", {}, r.rule),
      formatNumber(r.planted, 0),
      formatNumber(r.found, 0),
      pctText(r.recall),
      formatNumber(r.findingsPlanted, 0),
      formatNumber(r.matched, 0),
      pctText(r.precision),
      formatNumber(r.falsePositivesClean, 0)
    ]),
    [1, 2, 3, 4, 5, 6, 7]
  );
}

// ---------------------------------------------------------------------------------------------
// Drop a file: validated in a Web Worker, nothing uploaded

export interface DropState {
  status: "idle" | "running" | "done" | "error";
  result: FileResult | null;
  message: string | null;
}

/** An Observable input (`view(dropZone(...))`) whose value is the state of the last validated file. */
export function dropZone(
  workerUrl: string,
  opts: Omit<FileCheckOptions, "fileName">
): HTMLElement & { value: DropState } {
  const input = el("input", {
    type: "file",
    id: "kt-dq-file",
    accept: ".csv,.txt,.gz,text/csv",
    class: "kt-dq-input"
  }) as HTMLInputElement;
  const progress = el("progress", {
    max: 100,
    value: 0,
    hidden: true,
    "aria-label": "Fremdrift"
  }) as HTMLProgressElement;
  const status = el("p", { class: "kt-dq-status", role: "status", "aria-live": "polite" });
  const zone = el(
    "div",
    { class: "kt-dq-drop" },
    el("p", {}, el("strong", {}, "Træk en CSV-fil hertil"), " eller vælg den: "),
    el("label", { for: "kt-dq-file" }, "Vælg en fil (CSV, evt. .gz) "),
    input,
    el(
      "p",
      { class: "kt-small" },
      "Filen læses kun i din browser, i en baggrundstråd (Web Worker); intet sendes nogen steder hen, og intet gemmes. " +
        "Nøgletalsfiler som /filer/noegletal.csv (id;kommunekode;aar;vaerdi;status) og infrastrukturens udtræk " +
        "(serviceplatformen_*, stoettesystemer_*, indekssager_*, klarmelding_*, systemanvendelse_*) genkendes på overskriften."
    ),
    progress,
    status
  );
  const root = el("div", { class: "kt-dq-dropwrap" }, zone) as unknown as HTMLElement & { value: DropState };
  root.value = { status: "idle", result: null, message: null };
  const set = (s: DropState) => {
    root.value = s;
    root.dispatchEvent(new Event("input", { bubbles: true }));
  };
  let stop: (() => void) | null = null;
  const run = (file: File) => {
    stop?.();
    progress.hidden = false;
    progress.value = 0;
    status.textContent = `Læser ${file.name} (${formatNumber(file.size / 1e6, 1)} MB) …`;
    set({ status: "running", result: null, message: null });
    const t0 = performance.now();
    stop = validateInWorker(workerUrl, file, opts, {
      progress: (done, total) => {
        progress.value = total ? Math.round((done / total) * 100) : 100;
        status.textContent = `Læser ${file.name}: ${formatNumber((done / Math.max(total, 1)) * 100, 0)} % …`;
      },
      done: (result) => {
        progress.value = 100;
        status.textContent =
          `${file.name} er læst på ${formatNumber((performance.now() - t0) / 1000, 1)} s: ${formatNumber(result.rows, 0)} rækker ` +
          `(${result.format}${result.kind ? `, læst som ${result.kind}` : ""}).`;
        root.dataset.msRegler = String(result.msRegler);
        set({ status: "done", result, message: null });
      },
      error: (message) => {
        progress.hidden = true;
        status.textContent = `Filen kunne ikke læses: ${message}`;
        status.className = "kt-dq-status kt-error";
        set({ status: "error", result: null, message });
      }
    });
  };
  input.addEventListener("change", () => {
    const f = input.files?.[0];
    if (f) run(f);
  });
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("kt-dq-over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("kt-dq-over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("kt-dq-over");
    const f = e.dataTransfer?.files?.[0];
    if (f) run(f);
  });
  return root;
}

// ---------------------------------------------------------------------------------------------
// The page's sections (src/datakvalitet.md wires data → these)

/** The banner saying the infrastructure findings are on Demodata (null when they are not). */
export function demoBanner(on: boolean): HTMLElement | null {
  return on
    ? el(
        "p",
        { class: "kt-demo-banner" },
        demoBadge(true),
        " Infrastrukturens fund er på Demodata: genererede udtræk, ikke virkelige kommunedata. Nøgletallenes fund er på de rigtige nøgletal."
      )
    : null;
}

/** The real key figures: what was validated, the result, the note on thresholds and the per-rule table. */
export function keyFigureSection(data: DatakvalitetData, navne: ReadonlyMap<string, string>): HTMLElement {
  return el(
    "div",
    {},
    el("p", {}, keyFigureSummary(data.noegletal)),
    el(
      "p",
      { class: "kt-small kt-muted" },
      "Reglerne er ikke justeret for at få data til at se rene eller beskidte ud: tærsklerne står ét sted (common/validate) med en begrundelse, og et fund er et spørgsmål, ikke en dom. En advarsel om en afvigelse kan være en reel forskel, som kommunen kan forklare."
    ),
    ruleSummaryTable(
      ruleSummary(data.noegletal.findings, navne),
      "Fund i de rigtige nøgletal pr. regel, med eksempler",
      false
    )
  );
}

/** The infrastructure extracts (Demodata unless real extracts were built in). */
export function infraSection(data: DatakvalitetData, navne: ReadonlyMap<string, string>): HTMLElement {
  const infra = data.infrastruktur;
  if (!infra) return el("p", {}, infraSummary(null));
  return el(
    "div",
    {},
    el("p", {}, infraSummary(infra), demoBadge(infra.demodata)),
    ruleSummaryTable(ruleSummary(infra.findings, navne), "Fund i infrastrukturens udtræk pr. regel", infra.demodata)
  );
}

/** Recall and precision on the planted anomalies (Demodata). */
export function recallSection(recall: DatakvalitetData["recall"]): HTMLElement {
  if (!recall) return el("p", {}, "Tabellen over recall og præcision er ikke med i denne bygning.");
  return el(
    "div",
    {},
    el(
      "p",
      {},
      "Demogeneratoren kan plante fejl af hver slags i udtrækkene (npm run demodata -- --plant all). Recall er andelen af de plantede fejl, reglerne fandt; præcisionen er andelen af reglens fund, der er plantede fejl. Fund på det rene demosæt er falske alarmer. ",
      demoBadge(true)
    ),
    recallTable(recall)
  );
}

/** The findings of a file checked in the browser (never Demodata: it is the user's own file). */
export function fileResult(result: FileResult, navne: ReadonlyMap<string, string>): HTMLElement {
  const t = fileResultTexts(result);
  return el(
    "div",
    {},
    t.omitted ? el("p", { class: "kt-small" }, t.omitted) : null,
    findingList(sortFileFindings(result.findings, navne), navne, {
      title: t.title,
      filename: "datakvalitet-egen-fil",
      source: t.source,
      demo: notDemo
    })
  );
}

/** Every rule that was run, with its severity, explanation and likely cause. */
export function rulesList(ids: readonly string[]): HTMLElement {
  return el(
    "dl",
    { class: "kt-dq-rules" },
    ...ids.flatMap((id) => {
      const t = ruleText(id);
      return [
        el("dt", {}, el("code", {}, id), ` (${t.severity ?? ""})`),
        el(
          "dd",
          {},
          t.forklaring,
          t.aarsag ? el("span", { class: "kt-muted" }, ` Sandsynlig årsag: ${t.aarsag}`) : null
        )
      ];
    })
  );
}
