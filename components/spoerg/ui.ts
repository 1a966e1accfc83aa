/** The /spoerg conversation UI (browser only): question box, examples, answers with chips, chart, SQL, export. */
import * as Plot from "@observablehq/plot";
import type { Topology } from "topojson-specification";
import { notebookHash } from "../../common/notebook/codec.js";
import type { Notebook } from "../../common/notebook/state.js";
import { answer, type SpoergSvar } from "../../common/spoerg/ask.js";
import { type Index, parse } from "../../common/spoerg/parse.js";
import { compileSql } from "../../common/spoerg/sql.js";
import type { Forstaaet } from "../../common/spoerg/types.js";
import {
  changeQuery,
  chipOptions,
  EKSEMPLER,
  exportColumns,
  SPOERG_KILDE,
  shareLink
} from "../../common/views/spoerg.js";
import { plot } from "../a11y.js";
import { exportButtons } from "../download.js";
import { choropleth, kommuneFeatures } from "../map.js";
import type { SpoergDb } from "./db.js";

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...kids: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...kids);
  return e;
}

function select(
  label: string,
  options: { value: string; label: string }[],
  value: string,
  onChange: (v: string) => void
): HTMLElement {
  const s = el("select", { "aria-label": label, class: "spoerg-chip" });
  for (const o of options) {
    const opt = el("option", { value: o.value }, o.label);
    if (o.value === value) opt.selected = true;
    s.append(opt);
  }
  s.addEventListener("change", () => onChange(s.value));
  return el("label", { class: "spoerg-chiplabel" }, label + " ", s);
}

let topoMemo: Promise<Topology> | null = null;

/** "vis det som kort": the choropleth of components/map.ts (with its table alternative), one value per municipality. */
async function mapChart(a: Extract<SpoergSvar, { status: "ok" }>, db: SpoergDb, decimals: number): Promise<Element> {
  const geo = db.workspace.geo;
  if (!geo?.json) throw new Error("kortet mangler kommunegrænserne (kommuner-geo.json)");
  topoMemo ??= geo.json() as Promise<Topology>;
  const values = new Map<string, number | null>(a.rows.map((r) => [r.kode, r.vaerdi]));
  const map = choropleth(kommuneFeatures(await topoMemo), values, {
    width: 640,
    label: a.svar.enhed.replace(/\.$/, ""),
    decimals
  });
  map.classList.add("spoerg-map");
  return map;
}

function chart(a: Extract<SpoergSvar, { status: "ok" }>): Element | null {
  const rows = a.rows.filter((r) => r.vaerdi !== null);
  if (!rows.length) return null;
  const label = a.svar.enhed;
  const fmt = (d: number) => d.toLocaleString("da-DK");
  if (a.forstaaet.operation === "udvikling") {
    return plot({
      height: 260,
      x: { tickFormat: "d", label: "År" },
      y: { grid: true, tickFormat: fmt, label },
      color: { legend: true },
      marks: [Plot.lineY(rows, { x: "aar", y: "vaerdi", stroke: "navn", marker: true, tip: true })]
    });
  }
  const top = rows.slice(0, 30);
  return plot({
    marginLeft: 130,
    height: 22 * top.length + 40,
    x: { grid: true, tickFormat: fmt, label },
    y: { label: null },
    marks: [
      Plot.barX(top, {
        x: "vaerdi",
        y: "navn",
        sort: a.forstaaet.operation === "rangering" ? null : { y: "-x" },
        tip: true
      }),
      Plot.ruleX([0])
    ]
  });
}

export interface SpoergApp {
  element: HTMLElement;
  ask(q: string): Promise<void>;
}

/** The SQL of an answer as a one-cell notebook: the link opens it in /notesbog, where it runs over the same database. */
export async function notebookHref(notesbog: string, question: string, sql: string): Promise<string> {
  const nb: Notebook = {
    v: 1,
    title: `Spørg: ${question}`.slice(0, 200),
    params: { kommune: null, aar: null },
    cells: [{ type: "sql", sql, chart: "auto" }]
  };
  return `${notesbog}${await notebookHash(nb)}`;
}

export function spoergApp(
  /** the parser's index; a promise lets the box render (and take a question) before the catalogue is decoded */
  indexReady: Index | Promise<Index>,
  db: Promise<SpoergDb>,
  basePath: string,
  options: { notesbog?: string } = {}
): SpoergApp {
  const notesbog = options.notesbog ?? "./notesbog";
  const indexPromise = Promise.resolve(indexReady);
  // set before the first answer is rendered (ask() awaits it first)
  let index!: Index;
  const questions: string[] = [];
  let prev: Forstaaet | null = null;
  const input = el("input", {
    type: "text",
    name: "spoergsmaal",
    placeholder: "Stil et spørgsmål, fx: Hvad bruger Aalborg pr. elev i folkeskolen?",
    "aria-label": "Spørgsmål",
    style: "width: 100%; max-width: 640px; font-size: 1.1em"
  });
  const form = el("form", { class: "spoerg-form" }, input, el("button", { type: "submit" }, "Spørg"));
  const status = el("p", { class: "spoerg-dbstatus muted" }, "Indlæser data i baggrunden …");
  db.then(
    () => {
      status.textContent = "Data er klar.";
    },
    (e) => {
      status.textContent = `Data kunne ikke indlæses: ${e}`;
    }
  );
  const examples = el(
    "div",
    { class: "spoerg-examples" },
    "Eksempler: ",
    ...EKSEMPLER.map((q) => {
      const b = el("button", { type: "button", class: "spoerg-example" }, q);
      b.addEventListener("click", () => {
        void app.ask(q);
      });
      return b;
    })
  );
  const log = el("div", { class: "spoerg-log" });
  const link = el("a", { class: "spoerg-link", href: basePath }, "Link til samtalen");
  const element = el("div", { class: "spoerg" }, form, status, examples, el("p", {}, link), log);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = input.value.trim();
    if (q) {
      input.value = "";
      void app.ask(q);
    }
  });

  async function render(card: HTMLElement, a: SpoergSvar) {
    card.replaceChildren(el("p", { class: "spoerg-q" }, el("strong", {}, "Spørgsmål: "), a.spoergsmaal));
    if (a.status !== "ok") {
      card.dataset.status = a.status;
      card.append(el("p", { class: "spoerg-reason" }, a.begrundelse));
      if (a.status === "uklart" && a.kandidater.length) {
        card.append(
          el(
            "div",
            { class: "spoerg-candidates" },
            ...a.kandidater.map((k) => {
              const b = el("button", { type: "button" }, k.titel);
              b.addEventListener("click", () => {
                void app.ask(`${k.titel} ${a.spoergsmaal.replace(/[?.!]+$/, "")}`);
              });
              return b;
            })
          )
        );
      }
      if (a.forslag.length) card.append(el("p", { class: "muted" }, "Forslag: " + a.forslag.join(" · ")));
      return;
    }
    card.dataset.status = "ok";
    const f = index.figurById.get(a.forstaaet.noegletal[0])!;
    const opts = chipOptions(index, a.forstaaet);
    const rerun = async (next: Forstaaet) => {
      await render(card, await answer(index, next, (await db).run, a.spoergsmaal));
      if (card === log.lastElementChild) prev = next;
    };
    const chips = el(
      "div",
      { class: "spoerg-chips" },
      select("Nøgletal", opts.figurer, f.id, (v) => {
        void rerun(changeQuery(index, a.forstaaet, { figur: v }));
      }),
      ...a.forstaaet.kommuner.map((k, i) =>
        select("Kommune", opts.kommuner, k, (v) => {
          void rerun(changeQuery(index, a.forstaaet, { kommune: [i, v] }));
        })
      ),
      ...(a.forstaaet.aar.length === 1
        ? [
            select(
              "År",
              opts.aar.map((y) => ({ value: String(y), label: String(y) })),
              String(a.forstaaet.aar[0]),
              (v) => {
                void rerun(changeQuery(index, a.forstaaet, { aar: Number(v) }));
              }
            )
          ]
        : []),
      el("span", { class: "spoerg-op muted" }, ` ${a.forstaaet.operation}`)
    );
    card.append(chips, el("p", { class: "spoerg-answer" }, a.saetning));
    for (const n of a.noter) card.append(el("p", { class: "muted" }, n));
    if (a.forstaaet.operation === "kort") {
      try {
        card.append(await mapChart(a, await db, f.decimaler));
      } catch (e) {
        card.append(el("p", { class: "kt-error" }, `Kortet kunne ikke tegnes: ${(e as Error).message}`));
      }
    } else {
      const c = chart(a);
      if (c) card.append(c);
    }
    card.append(
      el("details", {}, el("summary", {}, "SQL"), el("pre", { class: "spoerg-sql" }, a.sql)),
      el(
        "p",
        { class: "kt-small" },
        el(
          "a",
          { class: "spoerg-notesbog", href: await notebookHref(notesbog, a.spoergsmaal, a.sql) },
          "Åbn SQL'en i notesbogen"
        )
      )
    );
    card.append(el("p", { class: "muted" }, `Kilde: ${SPOERG_KILDE}`));
    card.append(
      exportButtons(a.rows, exportColumns(f.decimaler, f.enhed), {
        title: `${f.titel}: ${a.spoergsmaal}`,
        source: SPOERG_KILDE
      })
    );
  }

  const app: SpoergApp = {
    element,
    async ask(q: string) {
      const card = el(
        "section",
        { class: "spoerg-card card" },
        el("p", {}, el("strong", {}, "Spørgsmål: "), q),
        el("p", { class: "muted" }, "Svarer …")
      );
      log.append(card);
      questions.push(q);
      link.href = shareLink(basePath, questions);
      try {
        index = await indexPromise;
      } catch (e) {
        card.dataset.status = "fejl";
        card.append(el("p", { class: "kt-error" }, `Kataloget kunne ikke indlæses: ${(e as Error).message}`));
        return;
      }
      // parse + compile time, for the bench (bench/spoerg-browser.bench.ts reads data-parse-ms)
      const tp = performance.now();
      const p = parse(index, q, prev);
      if (p.status === "ok") compileSql(p.forstaaet);
      card.dataset.parseMs = String(performance.now() - tp);
      if (p.status !== "ok") {
        await render(card, { ...p, spoergsmaal: q });
        return;
      }
      prev = p.forstaaet;
      const t0 = performance.now();
      const a = await answer(index, p.forstaaet, (await db).run, q, p.noter);
      card.dataset.ms = (performance.now() - t0).toFixed(1);
      await render(card, a);
    }
  };
  return app;
}
