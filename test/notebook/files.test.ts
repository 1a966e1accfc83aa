/** Export to a Framework page and to .sql, import back, and the safe Markdown renderer. */
import { describe, expect, test } from "vitest";
import { fromFrameworkPage, fromSqlFile, toFrameworkPage, toSqlFile } from "../../common/notebook/files.js";
import { renderMarkdown } from "../../common/notebook/markdown.js";
import { type Notebook, NotebookError } from "../../common/notebook/state.js";

const nb: Notebook = {
  v: 1,
  title: 'Råderum "2018"',
  params: { kommune: "851", aar: null },
  cells: [
    { type: "text", text: "# Råderum\n\nPris: ${1+1} og `x` <b>fed</b> & mere" },
    { type: "text", text: "- punkt\n-- ikke en markør" },
    { type: "sql", sql: "SELECT 'a\"b`c' AS x, $kommune AS k\n\n-- kommentar\nFROM kommuner", chart: "tabel" },
    { type: "sql", sql: "SELECT 1", chart: "auto" }
  ]
};

describe("files", () => {
  test("Framework page round trip; no live HTML or ${…} in the page text", () => {
    const page = toFrameworkPage(nb);
    expect(page).toContain('FileAttachment("../data/kommunetal.duckdb")');
    expect(page).not.toContain("<b>");
    expect(page).not.toContain("${1+1}");
    expect(fromFrameworkPage(page)).toEqual(nb);
    expect(fromFrameworkPage(page.replace(/\n/g, "\r\n"))).toEqual(nb);
  });
  test(".sql round trip", () => {
    const sql = toSqlFile(nb);
    expect(sql.split("\n")[0]).toBe("-- kommunetal notesbog v1");
    expect(fromSqlFile(sql)).toEqual(nb);
  });
  test("import refuses other files with a Danish message naming the line", () => {
    expect(() => fromSqlFile("SELECT 1")).toThrow(/linje 1/);
    expect(() => fromSqlFile("-- kommunetal notesbog v1\nSELECT 1")).toThrow(/linje 2: tekst uden for en celle/);
    expect(() => fromSqlFile('-- kommunetal notesbog v1\n-- parametre: {"kommune":"x","aar":null}')).toThrow(
      NotebookError
    );
    expect(() => fromFrameworkPage("# just a page")).toThrow(/paramInputs/);
  });
});

describe("safe Markdown", () => {
  test("escapes HTML, renders the basics", () => {
    expect(renderMarkdown("# Titel\n\nTekst med **fed** og *kursiv* og `a<b`\n\n- en\n- to")).toBe(
      "<h2>Titel</h2>\n<p>Tekst med <strong>fed</strong> og <em>kursiv</em> og <code>a&lt;b</code></p>\n<ul><li>en</li><li>to</li></ul>"
    );
    expect(renderMarkdown('<script>alert(1)</script><img src="https://evil.example/x.png" onerror=x>')).not.toMatch(
      /<script|<img/
    );
  });
  test("no remote links or images: only links inside the site", () => {
    expect(
      renderMarkdown(
        "[side](./noegletal) [ekstern](https://evil.example) ![b](https://evil.example/x.png) [js](javascript:alert(1)) [p](//evil.example)"
      )
    ).toBe(
      '<p><a href="./noegletal">side</a> ekstern (https://evil.example) [billede: b] js (javascript:alert(1)) p (//evil.example)</p>'
    );
  });
});
