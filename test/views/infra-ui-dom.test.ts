// @vitest-environment jsdom
/**
 * The infrastructure components (components/infra/ui.ts) in jsdom: a table spec becomes a figure with a Demodata
 * badge, the shown rows cut at the limit with a note, links/bold/missing cells, and export buttons; the cards and a
 * potential-analysis step say Demodata; real extracts get no badge and no banner.
 */
import { describe, expect, it, vi } from "vitest";
import type { Kort } from "../../common/views/infrastruktur.js";
import type { StepSide } from "../../common/views/infrastruktur-kommune.js";
import type { Tabel } from "../../common/views/infrastruktur-tabel.js";
import { demoBanner, headlineCards, printBar, stepSection, table } from "../../components/infra/ui.js";

// components/download.ts imports exceljs through Framework's npm: protocol, which vitest cannot resolve; its buttons
// are tested in the browser (test/e2e/infrastruktur*.test.ts). Here: the two buttons, and what the table hands it.
const exported: { rows: unknown[]; labels: string[]; meta: Record<string, unknown> }[] = [];
vi.mock("../../components/download.js", () => ({
  exportButtons: (rows: unknown[], cols: { label: string }[], meta: Record<string, unknown>) => {
    exported.push({ rows, labels: cols.map((c) => c.label), meta });
    const wrap = document.createElement("div");
    for (const kind of ["csv", "xlsx"]) {
      const b = document.createElement("button");
      b.dataset.export = kind;
      wrap.append(b);
    }
    return wrap;
  }
}));

const demo = { demodata: true, kilde: "Demodata." };
const real = { demodata: false, kilde: "KOMBIT." };

type Row = { navn: string; kode: string; v: number | null };
const spec: Tabel<Row> = {
  rows: [
    { navn: "Aabenraa", kode: "580", v: 1234.5 },
    { navn: "Aalborg", kode: "851", v: null },
    { navn: "Aarhus", kode: "751", v: 2 }
  ],
  cols: [
    { key: "navn", label: "Kommune", show: (r) => ({ text: r.navn, href: `./${r.kode}` }) },
    {
      key: "v",
      label: "Værdi",
      num: true,
      decimals: 1,
      show: (r) => (r.v === null ? { text: "mangler", missing: true } : { text: "x", strong: true })
    },
    { key: "kode", label: "Kode" }
  ],
  title: "Testtabel",
  filename: "test-tabel",
  caption: "Forklaring.",
  limit: 2,
  id: "test"
};

describe("table", () => {
  const fig = table(spec, demo);
  it("is a figure with the title, a Demodata badge and the file name", () => {
    expect(fig.tagName).toBe("FIGURE");
    expect(fig.id).toBe("test");
    expect(fig.dataset.table).toBe("test-tabel");
    expect(fig.querySelector("figcaption")?.textContent).toBe("Testtabel Demodata");
    expect(fig.querySelector("[role=region]")?.getAttribute("tabindex")).toBe("0");
  });
  it("shows the rows up to the limit, with links, bold and missing cells, and says the export has all", () => {
    const rows = [...fig.querySelectorAll("tbody tr")].map((tr) =>
      [...tr.querySelectorAll("td")].map((td) => td.innerHTML)
    );
    expect(rows).toEqual([
      ['<a href="./580">Aabenraa</a>', "<strong>x</strong>", "580"],
      ['<a href="./851">Aalborg</a>', '<span class="kt-missing">mangler</span>', "851"]
    ]);
    expect([...fig.querySelectorAll("th")].map((th) => [th.textContent, th.className])).toEqual([
      ["Kommune", ""],
      ["Værdi", "kt-num"],
      ["Kode", ""]
    ]);
    const notes = [...fig.querySelectorAll("p.kt-muted")].map((p) => p.textContent);
    expect(notes).toEqual(["Viser 2 af 3 rækker; eksporten har alle.", "Forklaring."]);
    expect([...fig.querySelectorAll("button[data-export]")].map((b) => (b as HTMLElement).dataset.export)).toEqual([
      "csv",
      "xlsx"
    ]);
    // the export gets every row (not only the shown ones), the column labels, the title and the Demodata flag
    const e = exported[0];
    expect(e.rows).toHaveLength(3);
    expect(e.labels).toEqual(["Kommune", "Værdi", "Kode"]);
    expect(e.meta).toMatchObject({ title: "Testtabel", demo: true, filename: "test-tabel", source: "Demodata." });
  });
  it("has no badge for real extracts", () => {
    expect(table(spec, real).querySelector(".kt-demo-badge")).toBeNull();
  });
});

describe("cards, banner, print bar and a step", () => {
  it("writes each card with its note and the badge", () => {
    const kort: Kort[] = [{ titel: "Kald", vaerdi: "25,0", note: "Hele landet." }];
    const cards = headlineCards(kort, demo);
    expect(cards.querySelector("h2")?.textContent).toBe("Kald");
    expect(cards.querySelector(".big")?.textContent).toBe("25,0");
    expect(cards.querySelector(".kt-small")?.textContent).toBe("Hele landet. Demodata");
  });
  it("shows the banner only for demo data, and the print button with its links", () => {
    expect(demoBanner("Siden viser Demodata.", demo)?.textContent).toBe("Demodata Siden viser Demodata.");
    expect(demoBanner(null, real)).toBeNull();
    const bar = printBar("Udskriv", [
      { text: "A", href: "./a" },
      { text: "B", href: "./b" }
    ]);
    expect(bar.textContent).toBe("Udskriv A · B");
    expect(bar.querySelector("button")?.getAttribute("onclick")).toBe("window.print()");
  });
  it("renders a step with its KPI, and the empty text when there is nothing to follow up", () => {
    const s: StepSide = {
      step: {
        nr: 2,
        navn: "Udbredelse",
        kpi: "K",
        vaerdi: 0.5,
        sammenligning: "Landet: 40 %.",
        forklaring: "F.",
        punkter: []
      },
      titel: "Trin 2: Udbredelse",
      kpiTekst: "K: 50 %",
      tabel: null,
      tomTekst: "Intet at følge op på i dette trin."
    };
    const sec = stepSection(s, demo);
    expect(sec.dataset.step).toBe("2");
    expect(sec.querySelector("h3")?.textContent).toBe("Trin 2: Udbredelse Demodata");
    expect(sec.querySelector("p strong")?.textContent).toBe("K: 50 %");
    expect(sec.textContent).toContain("Intet at følge op på i dette trin.");
  });
});
