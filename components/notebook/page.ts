/**
 * Building blocks for notebook pages (the network examples in src/netvaerk/ and pages
 * exported from /notesbog): a municipality/year selector whose value reruns every SQL
 * cell, and an SQL cell showing its SQL, its result and a link that opens it in the
 * notebook.
 */
import { notebookHash } from "../../common/notebook/codec.js";
import { type ParamValues, substituteParams } from "../../common/notebook/params.js";
import type { ChartKind, Notebook, Params } from "../../common/notebook/state.js";
import { el } from "../kommune/dom.js";
import type { Workspace } from "./db.js";
import { resultView } from "./result.js";

/** Remove the page's "Indlæser databasen …" notes once the database is ready. */
export function markLoaded(): void {
  for (const e of document.querySelectorAll("[data-ws-loading]")) e.remove();
}

/**
 * Selectors for the parameters a page declares (null = not used). The initial value
 * comes from the URL (?kommune=851&aar=2018) when valid, else the default. Use with
 * Framework's view(): its value is {kommune, aar}.
 */
export function paramInputs(ws: Workspace, defaults: Params): HTMLElement & { value: ParamValues } {
  markLoaded();
  const q = new URLSearchParams(location.search);
  const qk = q.get("kommune");
  const qa = Number(q.get("aar"));
  const value: ParamValues = {
    kommune: defaults.kommune === null ? null : qk && ws.kommuner.some((k) => k.kode === qk) ? qk : defaults.kommune,
    aar: defaults.aar === null ? null : ws.aar.includes(qa) ? qa : defaults.aar
  };
  const form = el("form", { class: "kt-nb-params", onsubmit: "return false" }) as unknown as HTMLElement & {
    value: ParamValues;
  };
  form.value = value;
  const changed = () => {
    const u = new URL(location.href);
    if (value.kommune !== null) u.searchParams.set("kommune", value.kommune);
    if (value.aar !== null) u.searchParams.set("aar", String(value.aar));
    history.replaceState(history.state, "", u);
    form.dispatchEvent(new Event("input", { bubbles: true }));
  };
  if (value.kommune !== null) {
    const s = el(
      "select",
      { name: "kommune", "aria-label": "Kommune" },
      ws.kommuner.map((k) =>
        el("option", { value: k.kode, selected: k.kode === value.kommune }, `${k.navn} (${k.kode})`)
      )
    );
    s.onchange = () => ((value.kommune = s.value), changed());
    form.append(el("label", {}, "Kommune: ", s), " ");
  }
  if (value.aar !== null) {
    const s = el(
      "select",
      { name: "aar", "aria-label": "År" },
      ws.aar.map((a) => el("option", { value: a, selected: a === value.aar }, String(a)))
    );
    s.onchange = () => ((value.aar = Number(s.value)), changed());
    form.append(el("label", {}, "År: ", s));
  }
  return form;
}

/** The href of /notesbog opening a notebook (relative to a page in src/netvaerk/ by default). */
export async function notebookLink(nb: Notebook, notesbog = "../notesbog"): Promise<string> {
  return `${notesbog}${await notebookHash(nb)}`;
}

/**
 * One SQL cell on a page: result (chart + table + export), the SQL behind it (folded
 * out), and a link opening exactly this SQL with these parameters in the notebook.
 * DuckDB's error is shown instead of a result when the SQL fails.
 */
export async function sqlCellView(
  ws: Workspace,
  p: ParamValues,
  sql: string,
  options: { chart: ChartKind; title?: string; notesbog?: string }
): Promise<HTMLElement> {
  const nb: Notebook = {
    v: 1,
    title: options.title ?? document.title.replace(/ \|.*$/, ""),
    params: { kommune: p.kommune, aar: p.aar },
    cells: [{ type: "sql", sql, chart: options.chart }]
  };
  const link = el("a", { href: await notebookLink(nb, options.notesbog), class: "kt-nb-open" }, "Åbn i notesbogen");
  // WCAG 4.1.2: the link stands beside the details, not inside its <summary>
  const sqlBox = el(
    "div",
    {},
    el("p", { class: "kt-small" }, link),
    el("details", { class: "kt-nb-sql" }, el("summary", {}, "SQL bag tallene"), el("pre", {}, el("code", {}, sql)))
  );
  const root = el("div", { class: "kt-nb-cell", "data-cell": "sql" });
  try {
    const result = await ws.query(substituteParams(sql, p));
    root.dataset.rows = String(result.rows.length);
    root.append(resultView(ws, result, { chart: options.chart, title: nb.title }), sqlBox);
  } catch (e) {
    root.dataset.error = "true";
    root.append(el("pre", { class: "kt-error kt-nb-error" }, (e as Error).message), sqlBox);
  }
  return root;
}
