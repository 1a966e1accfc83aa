// @vitest-environment jsdom
/**
 * The page components of /sammenlign, /noegletal, / and /data draw what their views computed: the attributes the
 * browser tests and the a11y checks read (data-figur, data-aarstype, data-col, data-valgt, data-doc, data-tabel,
 * data-format), the links, and the texts, checked by hand on small inputs.
 */
import { describe, expect, it } from "vitest";
import type { CompareViewRow } from "../../common/views/sammenlign.js";
import { fileLink, fileWithSize, tableCards } from "../../components/filer.js";
import { searchResults, yearTag } from "../../components/forside.js";
import { catalogueList, documentation, figureLead } from "../../components/noegletal.js";
import { areaSection } from "../../components/sammenlign.js";

const row = (over: Partial<CompareViewRow>): CompareViewRow => ({
  omraade: "Skole",
  id: "x",
  titel: "X",
  enhed: "kr.",
  decimaler: 0,
  aar: 2018,
  a: 150,
  a_status: "ok",
  a_rank: 2,
  b: 100,
  b_status: "ok",
  b_rank: 3,
  antal: 3,
  forskel: 50,
  forskel_pct: 50,
  aarstype: "regnskab",
  ...over
});

describe("/sammenlign: an area section", () => {
  const a = { kommunekode: "101", navn: "København" };
  const b = { kommunekode: "751", navn: "Aarhus" };
  const s = areaSection(
    "Skole",
    [
      row({}),
      row({
        id: "y",
        a: null,
        a_status: "mangler",
        a_rank: null,
        forskel: null,
        forskel_pct: null,
        aarstype: "budget",
        aar: 2019
      })
    ],
    null,
    { punkter: 0, udeladt: 2 },
    a,
    b
  );
  it("a row per figure with year kind, values, ranks and the difference", () => {
    const rows = [...s.querySelectorAll("tbody tr")];
    expect(rows.map((r) => r.getAttribute("data-figur"))).toEqual(["x", "y"]);
    const cells = [...rows[0].querySelectorAll("td")].map((td) => td.textContent);
    // 150 − 100 = +50, 50 % of 100
    expect(cells).toEqual(["Xkr.", "2018", "150nr. 2 af 3", "100nr. 3 af 3", "+50+50,0 %"]);
    expect(rows[0].querySelector("td[data-col=forskel]")!.className).toContain("kt-diff-pos");
    expect(rows[1].querySelector("td[data-aarstype]")!.getAttribute("data-aarstype")).toBe("budget");
    expect(rows[1].querySelector("td[data-aarstype]")!.textContent).toBe("2019 (budget)");
    expect(rows[1].querySelectorAll("td.kt-missing")).toHaveLength(2);
    expect(rows[0].querySelector("a")!.getAttribute("href")).toBe("./noegletal?id=x&kommune=101");
    expect([...s.querySelectorAll("th")].map((th) => th.textContent)).toEqual([
      "Nøgletal",
      "År (regnskab/budget)",
      "København",
      "Aarhus",
      "Forskel (A − B)"
    ]);
    expect(s.querySelector("p")!.textContent).toBe(
      "Ingen nøgletal i området kan vises i forhold til landet; se tabellen."
    );
  });
});

describe("/noegletal: catalogue, documentation, lead", () => {
  it("the catalogue list: an open details per area while searching, links with the address", () => {
    const list = catalogueList([
      { omraade: "skole", navn: "Skole", open: true, figurer: [{ id: "a", titel: "A", href: "?id=a", meta: " · kr." }] }
    ]);
    const d = list.querySelector("details")!;
    expect(d.hasAttribute("open")).toBe(true);
    expect(d.getAttribute("data-omraade")).toBe("skole");
    expect(d.querySelector("summary")!.textContent).toBe("Skole (1)");
    expect(d.querySelector("li a")!.getAttribute("href")).toBe("?id=a");
    const closed = catalogueList([{ omraade: "s", navn: "S", open: false, figurer: [] }]);
    expect(closed.querySelector("details")!.hasAttribute("open")).toBe(false);
  });
  it("the documentation block and the lead keep the attributes the browser tests read", () => {
    const dl = documentation([
      { term: "Id", text: "a", code: true },
      { term: "År med data", text: "2013, 2014", doc: "aar" }
    ]);
    expect(dl.querySelector("dd code")!.textContent).toBe("a");
    expect(dl.querySelector("[data-doc=aar]")!.textContent).toBe("2013, 2014");
    const lead = figureLead("825", { fed: "Læsø 2018 (regnskab): ", tekst: "12 kr." }, "Kun løbende priser");
    expect(lead.querySelector("[data-valgt]")!.getAttribute("data-valgt")).toBe("825");
    expect(lead.querySelector("[data-valgt]")!.textContent).toBe("Læsø 2018 (regnskab): 12 kr.");
    expect(lead.querySelector("[data-priser-note]")!.textContent).toBe("Kun løbende priser");
  });
});

describe("/ and /data", () => {
  it("the search result: links to the municipality pages, or a sentence", () => {
    const ul = searchResults({
      kind: "liste",
      kommuner: [{ kommunekode: "825", navn: "Læsø", regionsnavn: "Region Nordjylland" }]
    });
    expect(ul.className).toBe("kt-kommuneliste");
    expect(ul.querySelector("a")!.getAttribute("href")).toBe("./kommune/825");
    expect(ul.textContent).toBe("Læsø 825 · Region Nordjylland");
    expect(searchResults({ kind: "ingen" }).textContent).toBe("Ingen kommune passer på søgningen.");
    expect(searchResults({ kind: "mange" }).querySelector("a")!.getAttribute("href")).toBe("./kommune/");
    expect(yearTag("2019 (budget)", "budget").getAttribute("data-aarstype")).toBe("budget");
  });
  it("file links under /filer with their size, and a card per table", () => {
    expect(fileLink("x.csv").getAttribute("href")).toBe("./filer/x.csv");
    // 2048 bytes = 2 kB
    expect(fileWithSize("x.csv", () => 2048).textContent).toBe("filer/x.csv (2 kB)");
    expect(fileWithSize("y.csv", () => undefined).textContent).toBe("filer/y.csv");
    const cards = tableCards(
      [{ navn: "t", indhold: "Indhold", kilde: "K", kolonner: [["id", "tekst", "nøgletallets id"]] }],
      () => 1024
    );
    const card = cards.querySelector("[data-tabel=t]")!;
    expect(
      [...card.querySelectorAll("a[data-format]")].map((l) => [l.getAttribute("data-format"), l.getAttribute("href")])
    ).toEqual([
      ["parquet", "./filer/t.parquet"],
      ["csv", "./filer/t.csv"]
    ]);
    expect(card.querySelector("summary")!.textContent).toBe("1 kolonner");
    expect([...card.querySelectorAll("tbody td")].map((td) => td.textContent)).toEqual([
      "id",
      "tekst",
      "nøgletallets id"
    ]);
  });
});
