/**
 * Accessible charts: every chart is a `<figure>` whose graphic has `role="img"` and an
 * `aria-label` saying what it shows, followed by a closed `<details>` "Vis som tabel" with
 * the chart's data as a real table (caption, column headers, one row per mark). The table
 * is built when first opened, so a 98 × 98 matrix costs nothing until someone asks.
 *
 * Colours: `CATEGORICAL` is the Okabe–Ito palette (distinguishable with the common
 * colour-vision deficiencies); sequential scales are single-hue or cividis ramps whose
 * lightness changes monotonically, so they also read in greyscale print.
 */
import * as Plot from "@observablehq/plot";

/** Okabe & Ito (2008), "Color Universal Design": blue, orange, bluish green, reddish purple, sky blue, vermillion, black, yellow. */
export const CATEGORICAL = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000", "#f0e442"];

export interface TableAlternative {
  /** the table's caption (what the rows are) */
  caption: string;
  columns: string[];
  /** right-aligned (numeric) columns, by index */
  numeric?: number[];
  /** cells as display text (already in Danish format); called when the table is opened */
  rows: () => string[][];
}

export interface AccessibleChartOptions {
  /** a sentence describing the chart, read by screen readers */
  label: string;
  table?: TableAlternative;
  /** class added to the figure */
  className?: string;
}

/** The svg a Plot call returned (Plot returns a bare svg, or a figure with legends and the svg). */
function graphicOf(chart: Element): SVGSVGElement | null {
  if (chart.tagName.toLowerCase() === "svg") return chart as SVGSVGElement;
  // the plot's own svg carries Plot's class; legend swatches are svgs too, but inside a div
  const svgs = Array.from(chart.querySelectorAll("svg"));
  return (svgs.find((s) => s.parentElement === chart && !s.closest("[class$='-swatches'], [class$='-ramp']")) ??
    svgs[svgs.length - 1] ??
    null) as SVGSVGElement | null;
}

/**
 * Plot names every mark group (`<g aria-label="dot">`); inside an svg with role="img"
 * those names are meaningless, and ARIA prohibits aria-label on a plain `g`. Remove them
 * (keeping the mark type as `data-mark`).
 */
export function hideMarks(svg: Element): void {
  for (const e of Array.from(svg.querySelectorAll("[aria-label], [aria-description]"))) {
    // the mark's type stays available to tests and styles as data-mark="dot"
    if (e.tagName.toLowerCase() === "g") e.setAttribute("data-mark", e.getAttribute("aria-label") ?? "");
    e.removeAttribute("aria-label");
    e.removeAttribute("aria-description");
  }
}

/**
 * `Plot.plot` without the prohibited `aria-label` on mark groups: for components that draw
 * a Plot chart directly (a `<figure>` with a legend, or the svg itself).
 */
export function plot(options: Plot.PlotOptions): ReturnType<typeof Plot.plot> {
  const chart = Plot.plot(options);
  hideMarks(chart);
  return chart;
}

/** A plain data table (caption, thead with th scope="col", tbody). */
export function dataTable(t: TableAlternative): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "kt-chart-data";
  const caption = document.createElement("caption");
  caption.textContent = t.caption;
  table.append(caption);
  const thead = document.createElement("thead");
  const hr = document.createElement("tr");
  t.columns.forEach((c, i) => {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = c;
    if (t.numeric?.includes(i)) th.className = "kt-num";
    hr.append(th);
  });
  thead.append(hr);
  const tbody = document.createElement("tbody");
  for (const row of t.rows()) {
    const tr = document.createElement("tr");
    row.forEach((cell, i) => {
      // the first column names the row
      const td = document.createElement(i === 0 ? "th" : "td");
      if (i === 0) (td as HTMLTableCellElement).scope = "row";
      td.textContent = cell;
      if (t.numeric?.includes(i)) td.className = "kt-num";
      tr.append(td);
    });
    tbody.append(tr);
  }
  table.append(thead, tbody);
  return table;
}

/**
 * Wrap a chart: figure > chart (svg role=img + aria-label) + details "Vis som tabel".
 * The graphic's inner marks are hidden from assistive technology (the label and the
 * table carry the content), which also keeps Plot's tooltips out of the reading order.
 */
export function accessibleChart(
  chart: HTMLElement | SVGSVGElement,
  { label, table, className }: AccessibleChartOptions
): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = `kt-chart${className ? ` ${className}` : ""}`;
  const svg = graphicOf(chart);
  if (svg) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    hideMarks(svg);
  }
  // legends (swatches, ramps) are drawn with colour and text; their svgs are decoration
  if (chart.tagName.toLowerCase() !== "svg")
    for (const s of Array.from(chart.querySelectorAll("svg"))) if (s !== svg) s.setAttribute("aria-hidden", "true");
  figure.append(chart);
  if (table) {
    const details = document.createElement("details");
    details.className = "kt-chart-table";
    const summary = document.createElement("summary");
    summary.textContent = "Vis som tabel";
    details.append(summary);
    details.addEventListener("toggle", () => {
      if (details.open && !details.querySelector("table")) details.append(dataTable(table));
    });
    figure.append(details);
  }
  return figure;
}

/**
 * Repair what Observable Inputs and Plot render into a page (WCAG 1.3.1, 2.1.1, 4.1.2):
 * give the range slider beside a labelled number box, the row checkboxes of
 * `Inputs.table` a name; make a table's scroll box reachable by keyboard; and remove
 * Plot's prohibited `aria-label` on mark groups (`<g aria-label="bar">`) in charts drawn
 * directly in a page (the components in this folder do it themselves).
 */
export function fixAccessibility(root: ParentNode): void {
  for (const svg of Array.from(root.querySelectorAll("svg[class^='plot-']"))) hideMarks(svg);
  for (const form of Array.from(root.querySelectorAll("form"))) {
    const text = form.querySelector(":scope > label")?.textContent?.trim() ?? "";
    for (const range of Array.from(form.querySelectorAll<HTMLInputElement>("input[type=range]")))
      if (!range.labels?.length && !range.hasAttribute("aria-label"))
        range.setAttribute("aria-label", text ? `${text} (skyder)` : "Skyder");
    if (/-table$/.test(form.className) && !form.hasAttribute("tabindex")) {
      form.tabIndex = 0;
      form.setAttribute("aria-label", text || "Tabel");
    }
  }
  for (const box of Array.from(
    root.querySelectorAll<HTMLInputElement>("table input[type=checkbox]:not([aria-label])")
  )) {
    if (box.labels?.length) continue;
    const inHead = box.closest("thead") !== null;
    box.setAttribute(
      "aria-label",
      inHead ? "Vælg alle rækker" : `Vælg række ${box.value === "on" ? "" : Number(box.value) + 1}`.trim()
    );
  }
}

let observing = false;

/**
 * Run `fixAccessibility` on the document now and after every change (once per page):
 * call it from every page that uses Inputs or draws Plot charts in its own cells.
 */
export function accessiblePage(doc: Document = document): void {
  fixAccessibility(doc);
  if (observing) return;
  observing = true;
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      fixAccessibility(doc);
    });
  }).observe(doc.body, { childList: true, subtree: true });
}
