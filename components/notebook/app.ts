/**
 * The notebook application on /notesbog: schema browser, SQL and Markdown cells with
 * CodeMirror, parameters, results with charts, saving (URL hash + localStorage),
 * export to a Framework page / .sql and import. All state is a `Notebook`
 * (common/notebook/state.ts); everything that is not DOM lives in common/notebook/.
 */

import { fileNameOf } from "../../common/export.js";
import { decodeNotebook, hashPayload, notebookHash } from "../../common/notebook/codec.js";
import { fromFrameworkPage, fromSqlFile, toFrameworkPage, toSqlFile } from "../../common/notebook/files.js";
import { renderMarkdown } from "../../common/notebook/markdown.js";
import { errorLine, substituteParams } from "../../common/notebook/params.js";
import { type Cell, emptyNotebook, type Notebook, usesParams, validateNotebook } from "../../common/notebook/state.js";
import { downloadBlob } from "../download.js";
import { el } from "../kommune/dom.js";
import type { SchemaTable, Workspace } from "./db.js";
import { type SqlEditor, sqlEditor } from "./editor.js";
import { markLoaded } from "./page.js";
import { resultView } from "./result.js";

const STORE = "kommunetal:notesboeger";

export interface SavedNotebook {
  id: string;
  title: string;
  hash: string;
  saved: string;
}

function readStore(): SavedNotebook[] {
  try {
    const v = JSON.parse(localStorage.getItem(STORE) ?? "[]");
    return Array.isArray(v) ? v.filter((x) => x && typeof x.id === "string" && typeof x.hash === "string") : [];
  } catch {
    return [];
  }
}
const writeStore = (list: SavedNotebook[]) => localStorage.setItem(STORE, JSON.stringify(list));

/** The notebook from the page's hash, or null (with the refusal message when the link is bad). */
export async function notebookFromHash(hash = location.hash): Promise<{ nb: Notebook | null; error: string | null }> {
  const payload = hashPayload(hash);
  if (!payload) return { nb: null, error: null };
  try {
    return { nb: await decodeNotebook(payload), error: null };
  } catch (e) {
    return { nb: null, error: `Linket kunne ikke åbnes: ${(e as Error).message}` };
  }
}

function schemaBrowser(ws: Workspace, insert: (text: string) => void): HTMLElement {
  const item = (t: SchemaTable) => {
    const examples = el("div", { class: "kt-small kt-muted" });
    const d = el(
      "details",
      { "data-table": t.name },
      // WCAG 4.1.2: nothing interactive inside <summary>; the insert button stands before the details
      el(
        "summary",
        {},
        `${t.kind === "view" ? "view" : t.rows !== null ? `${t.rows.toLocaleString("da-DK")} rækker` : ""} · kolonner`
      ),
      t.comment ? el("p", { class: "kt-small" }, t.comment) : null,
      el(
        "ul",
        { class: "kt-nb-cols" },
        t.columns.map((c) =>
          el(
            "li",
            {},
            el(
              "button",
              { type: "button", class: "kt-nb-ins", "data-insert": c.name, title: "Indsæt kolonnenavnet i cellen" },
              c.name
            ),
            " ",
            el("span", { class: "kt-muted kt-small" }, c.type.toLowerCase()),
            c.comment ? el("div", { class: "kt-small" }, c.comment) : null
          )
        )
      ),
      examples
    );
    d.addEventListener("toggle", async () => {
      if (!d.open || examples.childNodes.length) return;
      const r = await ws.query(`SELECT * FROM ${t.name} USING SAMPLE 3 ROWS`).catch(() => null);
      if (r)
        examples.append(
          "Eksempler: ",
          ...r.rows.map((row) =>
            el(
              "div",
              {},
              Object.values(row)
                .map((v) => (v === null ? "–" : String(v)))
                .join(" · ")
            )
          )
        );
    });
    return el(
      "div",
      { class: "kt-nb-table-item" },
      el(
        "button",
        { type: "button", class: "kt-nb-ins", title: "Indsæt navnet i cellen", "data-insert": t.name },
        t.name
      ),
      d
    );
  };
  const root = el(
    "aside",
    { class: "kt-nb-schema" },
    el("h2", {}, "Tabeller"),
    el("p", { class: "kt-small kt-muted" }, "Klik et navn for at indsætte det i den aktive celle."),
    ws.schema.filter((t) => t.kind === "tabel").map(item),
    el("h3", {}, "Views"),
    ws.schema.filter((t) => t.kind === "view").map(item)
  );
  root.addEventListener("click", (e) => {
    const b = (e.target as HTMLElement).closest("[data-insert]") as HTMLElement | null;
    if (b) {
      e.preventDefault();
      insert(b.dataset.insert!);
    }
  });
  return root;
}

export async function mountNotebook(
  container: HTMLElement,
  ws: Workspace,
  options: { initial?: Notebook; notice?: string | null } = {}
): Promise<{ nb: () => Notebook; runAll: () => Promise<void> }> {
  markLoaded();
  let nb: Notebook = structuredClone(options.initial ?? emptyNotebook());
  let current: SqlEditor | null = null;
  let savedId: string | null = null;
  const editors = new Map<Cell, SqlEditor>();
  const cellsBox = el("div", { class: "kt-nb-cells" });
  const status = el(
    "div",
    { class: "kt-nb-status", role: "status" },
    options.notice ? el("span", { class: "kt-error" }, options.notice) : ""
  );
  const say = (text: string, error = false) =>
    status.replaceChildren(el("span", { class: error ? "kt-error" : "kt-muted" }, text));

  let hashTimer: ReturnType<typeof setTimeout> | undefined;
  const syncHash = async () => {
    const h = await notebookHash(nb);
    history.replaceState(history.state, "", h);
    return h;
  };
  const changed = () => {
    clearTimeout(hashTimer);
    hashTimer = setTimeout(() => void syncHash(), 300);
  };

  // toolbar
  const title = el("input", { type: "text", value: nb.title, "aria-label": "Titel", class: "kt-nb-title", size: 40 });
  title.oninput = () => ((nb.title = title.value.slice(0, 200)), changed());
  const params = el("span", { class: "kt-nb-params" });
  const drawParams = () => {
    params.replaceChildren();
    const k = el(
      "select",
      { name: "kommune", "aria-label": "Kommune ($kommune)" },
      el("option", { value: "" }, "(ingen)"),
      ws.kommuner.map((x) =>
        el("option", { value: x.kode, selected: x.kode === nb.params.kommune }, `${x.navn} (${x.kode})`)
      )
    );
    k.onchange = () => ((nb.params.kommune = k.value || null), changed(), void runAll());
    const a = el(
      "select",
      { name: "aar", "aria-label": "År ($aar)" },
      el("option", { value: "" }, "(intet)"),
      ws.aar.map((x) => el("option", { value: x, selected: x === nb.params.aar }, String(x)))
    );
    a.onchange = () => ((nb.params.aar = a.value ? Number(a.value) : null), changed(), void runAll());
    params.append(
      el("label", {}, el("code", {}, "$kommune"), " ", k),
      " ",
      el("label", {}, el("code", {}, "$aar"), " ", a)
    );
  };
  const button = (label: string, action: () => unknown, attrs: Record<string, string> = {}) => {
    const b = el("button", { type: "button", ...attrs }, label);
    b.onclick = () => void action();
    return b;
  };
  const mine = el("div", { class: "kt-nb-mine" });
  const drawMine = () => {
    const list = readStore();
    mine.replaceChildren(
      el("h3", {}, "Mine notesbøger (i denne browser)"),
      list.length === 0
        ? el("p", { class: "kt-muted kt-small" }, "Ingen gemte endnu.")
        : el(
            "ul",
            {},
            list.map((s) =>
              el(
                "li",
                { "data-saved": s.id },
                el("a", { href: s.hash }, s.title),
                ` `,
                el("span", { class: "kt-muted kt-small" }, s.saved.slice(0, 16).replace("T", " ")),
                " ",
                button("Omdøb", () => {
                  const t = prompt("Nyt navn", s.title);
                  if (t)
                    writeStore(readStore().map((x) => (x.id === s.id ? { ...x, title: t.slice(0, 200) } : x))),
                      drawMine();
                }),
                button("Slet", () => {
                  if (confirm(`Slet "${s.title}" fra denne browser?`))
                    writeStore(readStore().filter((x) => x.id !== s.id)), drawMine();
                })
              )
            )
          )
    );
  };
  const save = async () => {
    const hash = await syncHash();
    const list = readStore();
    const id = savedId ?? globalThis.crypto?.randomUUID?.() ?? String(Date.now());
    savedId = id;
    const entry = { id, title: nb.title, hash, saved: new Date().toISOString() };
    writeStore([entry, ...list.filter((x) => x.id !== id)]);
    drawMine();
    say(`Gemt i browseren: ${nb.title}`);
  };
  const copyLink = async () => {
    const h = await syncHash();
    const url = location.href.replace(/#.*$/, "") + h;
    try {
      await navigator.clipboard.writeText(url);
      say("Linket er kopieret. Det indeholder hele notesbogen.");
    } catch {
      say(`Linket: ${url}`);
    }
  };
  const download = (text: string, ext: string, type: string) =>
    downloadBlob(new Blob([text], { type }), `${fileNameOf(nb.title)}.${ext}`);
  const importInput = el("input", {
    type: "file",
    accept: ".md,.sql,text/markdown,text/plain",
    "aria-label": "Importér notesbog",
    class: "kt-nb-import"
  });
  importInput.onchange = async () => {
    const f = importInput.files?.[0];
    if (!f) return;
    try {
      const text = await f.text();
      nb = /\.sql$/i.test(f.name) ? fromSqlFile(text) : fromFrameworkPage(text);
      savedId = null;
      drawAll();
      changed();
      await runAll();
      say(`Importeret: ${f.name}`);
    } catch (e) {
      say(`Kunne ikke importere ${f.name}: ${(e as Error).message}`, true);
    }
    importInput.value = "";
  };

  const toolbar = el(
    "div",
    { class: "kt-nb-bar" },
    el("label", {}, "Titel: ", title),
    " ",
    params,
    el(
      "div",
      {},
      button("Kør alle", () => runAll(), { "data-action": "run-all" }),
      button("+ SQL", () => addCell({ type: "sql", sql: "SELECT * FROM kommuner LIMIT 10", chart: "auto" }), {
        "data-action": "add-sql"
      }),
      button("+ Tekst", () => addCell({ type: "text", text: "Skriv din tekst her." }), { "data-action": "add-text" }),
      button("Gem", save, { "data-action": "save" }),
      button("Kopiér link", copyLink, { "data-action": "link" }),
      button("Eksportér side (.md)", () => download(toFrameworkPage(nb), "md", "text/markdown;charset=utf-8"), {
        "data-action": "export-md"
      }),
      button("Eksportér .sql", () => download(toSqlFile(nb), "sql", "application/sql;charset=utf-8"), {
        "data-action": "export-sql"
      }),
      button("Ny", () => ((nb = emptyNotebook()), (savedId = null), drawAll(), changed(), runAll())),
      el("label", {}, " Importér: ", importInput)
    ),
    status
  );

  const addCell = (c: Cell, at = nb.cells.length) => {
    nb.cells.splice(at, 0, c);
    drawAll();
    changed();
    if (c.type === "sql") void runCell(c);
  };

  const outputs = new Map<Cell, HTMLElement>();
  async function runCell(c: Cell): Promise<void> {
    if (c.type !== "sql") return;
    const out = outputs.get(c);
    if (!out) return;
    out.replaceChildren(el("p", { class: "kt-muted" }, "Kører …"));
    out.removeAttribute("data-error");
    try {
      const result = await ws.query(substituteParams(c.sql, nb.params));
      out.dataset.rows = String(result.rows.length);
      out.replaceChildren(
        resultView(ws, result, { chart: c.chart, title: nb.title, onChart: (k) => ((c.chart = k), changed()) })
      );
    } catch (e) {
      const msg = (e as Error).message;
      const line = errorLine(msg);
      out.dataset.error = "true";
      out.replaceChildren(el("pre", { class: "kt-error kt-nb-error" }, line ? `Fejl i linje ${line}:\n${msg}` : msg));
      if (line) editors.get(c)?.markLine(line);
    }
  }
  async function runAll(): Promise<void> {
    for (const c of nb.cells) await runCell(c);
  }

  function drawAll(): void {
    title.value = nb.title;
    drawParams();
    editors.clear();
    // results survive a redraw (adding, moving or removing a cell)
    for (const c of [...outputs.keys()]) if (!nb.cells.includes(c)) outputs.delete(c);
    cellsBox.replaceChildren(
      ...nb.cells.map((c, i) => {
        const move = (d: number) => {
          const j = i + d;
          if (j < 0 || j >= nb.cells.length) return;
          [nb.cells[i], nb.cells[j]] = [nb.cells[j], nb.cells[i]];
          drawAll();
          changed();
        };
        const tools = el(
          "div",
          { class: "kt-nb-celltools" },
          el("span", { class: "kt-muted kt-small" }, `${i + 1} · ${c.type === "sql" ? "SQL" : "Tekst"}`),
          " ",
          c.type === "sql"
            ? button("▶ Kør", () => runCell(c), { "data-action": "run", title: "Kør (Ctrl+Enter)" })
            : null,
          button("↑", () => move(-1), { title: "Flyt op", "data-action": "up" }),
          button("↓", () => move(1), { title: "Flyt ned", "data-action": "down" }),
          button("Slet", () => (nb.cells.splice(i, 1), drawAll(), changed()), { "data-action": "remove" })
        );
        const box = el("section", { class: "kt-nb-cell card", "data-cell": c.type, "data-index": i }, tools);
        if (c.type === "sql") {
          const host = el("div", { class: "kt-nb-editor" });
          const out = outputs.get(c) ?? el("div", { class: "kt-nb-output" });
          box.append(host, out);
          const ed = sqlEditor(host, c.sql, {
            schema: ws.schema,
            onChange: (t) => ((c.sql = t), changed()),
            onRun: () => void runCell(c),
            onFocus: () => (current = ed)
          });
          editors.set(c, ed);
          outputs.set(c, out);
          current ??= ed;
        } else {
          const view = el("div", { class: "kt-nb-text" });
          view.innerHTML = renderMarkdown(c.text); // escaped by renderMarkdown: no raw HTML, no remote links or images
          const area = el("textarea", { rows: 4, "aria-label": "Tekst (Markdown)", class: "kt-nb-textarea" }, c.text);
          area.oninput = () => ((c.text = area.value), (view.innerHTML = renderMarkdown(c.text)), changed());
          box.append(el("details", {}, el("summary", { class: "kt-small" }, "Redigér tekst"), area), view);
        }
        return box;
      })
    );
  }

  const layout = el(
    "div",
    { class: "kt-nb" },
    schemaBrowser(ws, (t) => current?.insert(t)),
    el("div", { class: "kt-nb-main" }, toolbar, cellsBox, mine)
  );
  container.replaceChildren(layout);
  drawAll();
  drawMine();
  window.addEventListener("hashchange", async () => {
    const { nb: next, error } = await notebookFromHash();
    if (error) return say(error, true);
    if (next && JSON.stringify(next) !== JSON.stringify(nb)) {
      nb = validateNotebook(next);
      savedId = null;
      drawAll();
      await runAll();
    }
  });
  const used = usesParams(nb);
  if (used.kommune && !nb.params.kommune) say("Notesbogen bruger $kommune: vælg en kommune.");
  await runAll();
  await syncHash();
  return { nb: () => nb, runAll };
}
