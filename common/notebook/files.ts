/**
 * A notebook as a file and back: a Framework Markdown page (ready to contribute to
 * src/netvaerk/, rendered by components/notebook/page.ts) and a plain `.sql` script.
 * Both import back to the same notebook (round trip tested in test/notebook/files.test.ts).
 */
import { type Cell, type ChartKind, type Notebook, NotebookError, type Params, validateNotebook } from "./state.js";

const TEXT_MARK = "<!-- tekstcelle -->";

/** Text for a Framework page: no live HTML and no ${…} interpolation. */
const escapePageText = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/\$/g, "&#36;").replace(/`/g, "&#96;");
const unescapePageText = (s: string) =>
  s.replace(/&#96;/g, "`").replace(/&#36;/g, "$").replace(/&lt;/g, "<").replace(/&amp;/g, "&");

/**
 * The notebook as a Framework page. `base` is the path from the page to the source
 * root ("../" for src/netvaerk/x.md).
 */
export function toFrameworkPage(nb: Notebook, base = "../"): string {
  const out: string[] = [
    "---",
    `title: ${JSON.stringify(nb.title)}`,
    "---",
    "",
    "```js",
    `import {openWorkspace} from "${base}components/notebook/db.js";`,
    `import {paramInputs, sqlCellView} from "${base}components/notebook/page.js";`,
    `const ws = await openWorkspace(FileAttachment("${base}data/kommunetal.duckdb"), {geo: FileAttachment("${base}data/kommuner-geo.json")});`,
    "```",
    "",
    '<div class="note" data-ws-loading>Indlæser databasen …</div>',
    "",
    "```js",
    `const p = view(paramInputs(ws, ${JSON.stringify(nb.params)}));`,
    "```",
    ""
  ];
  for (const c of nb.cells) {
    if (c.type === "text") out.push(TEXT_MARK, "", escapePageText(c.text), "");
    else
      out.push(
        "```js",
        `display(await sqlCellView(ws, p, ${JSON.stringify(c.sql)}, {chart: ${JSON.stringify(c.chart)}}));`,
        "```",
        ""
      );
  }
  return out.join("\n");
}

/** Read a page written by toFrameworkPage (or by hand in the same form) back into a notebook. */
export function fromFrameworkPage(page: string): Notebook {
  const text = page.replace(/\r\n?/g, "\n");
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
  let title = "Importeret notesbog";
  if (fm) {
    const t = /^title:\s*(.*)$/m.exec(fm[1]);
    if (t) title = t[1].startsWith('"') ? JSON.parse(t[1]) : t[1].trim();
  }
  const body = fm ? text.slice(fm[0].length) : text;
  let params: Params | null = null;
  const cells: Cell[] = [];
  // split into fenced js blocks and the text between them
  const parts = body.split(/^```js\n([\s\S]*?)^```\s*$/m);
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 1) {
      const code = parts[i];
      const pm = /paramInputs\(ws, (\{.*\})\)\)/.exec(code);
      if (pm) params = JSON.parse(pm[1]);
      const sm = /sqlCellView\(ws, p, ("(?:[^"\\]|\\.)*"), \{chart: ("\w+")\}\)/.exec(code);
      if (sm) cells.push({ type: "sql", sql: JSON.parse(sm[1]), chart: JSON.parse(sm[2]) as ChartKind });
      continue;
    }
    for (const chunk of parts[i].split(TEXT_MARK).slice(1)) {
      cells.push({ type: "text", text: unescapePageText(chunk.replace(/^\n+|\n+$/g, "")) });
    }
  }
  if (!params) throw new NotebookError("filen er ikke en notesbogsside fra kommunetal (paramInputs mangler)");
  return validateNotebook({ v: 1, title, params, cells });
}

const SQL_HEAD = "-- kommunetal notesbog v1";

/** The notebook as a `.sql` script: text cells as `--|` comment lines, each SQL cell after a marker. */
export function toSqlFile(nb: Notebook): string {
  const out = [SQL_HEAD, `-- titel: ${JSON.stringify(nb.title)}`, `-- parametre: ${JSON.stringify(nb.params)}`, ""];
  for (const c of nb.cells) {
    if (c.type === "text") out.push("-- tekstcelle", ...c.text.split("\n").map((l) => `--| ${l}`), "");
    else out.push(`-- sqlcelle diagram=${c.chart}`, c.sql, "");
  }
  return out.join("\n");
}

export function fromSqlFile(file: string): Notebook {
  const lines = file.replace(/\r\n?/g, "\n").split("\n");
  if (lines[0] !== SQL_HEAD) throw new NotebookError(`linje 1: en notesbog som .sql skal begynde med "${SQL_HEAD}"`);
  let title = "Importeret notesbog";
  let params: unknown = null;
  const cells: Cell[] = [];
  let cur: Cell | null = null;
  const finish = () => {
    if (cur?.type === "sql") cur.sql = cur.sql.replace(/\n+$/, "");
    if (cur) cells.push(cur);
    cur = null;
  };
  lines.slice(1).forEach((line, i) => {
    const where = `linje ${i + 2}`;
    let m: RegExpExecArray | null;
    if (!cur && (m = /^-- titel: (.*)$/.exec(line))) title = JSON.parse(m[1]);
    else if (!cur && (m = /^-- parametre: (.*)$/.exec(line))) {
      try {
        params = JSON.parse(m[1]);
      } catch {
        throw new NotebookError(`${where}: parametrene er ikke gyldig JSON`);
      }
    } else if (line === "-- tekstcelle") {
      finish();
      cur = { type: "text", text: "" };
    } else if ((m = /^-- sqlcelle diagram=(\w+)$/.exec(line))) {
      finish();
      cur = { type: "sql", sql: "", chart: m[1] as ChartKind };
    } else if (cur?.type === "text") {
      if (line.startsWith("--| ") || line === "--|") cur.text += line.slice(4) + "\n";
      else if (line.trim() !== "")
        throw new NotebookError(`${where}: en tekstcelle kan kun have linjer, der begynder med "--| "`);
    } else if (cur?.type === "sql") cur.sql += (cur.sql ? "\n" : "") + line;
    else if (line.trim() !== "") throw new NotebookError(`${where}: tekst uden for en celle`);
  });
  finish();
  for (const c of cells) if (c.type === "text") c.text = c.text.replace(/\n$/, "");
  return validateNotebook({ v: 1, title, params, cells });
}
