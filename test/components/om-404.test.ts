// @vitest-environment jsdom
/**
 * The components of /om and the 404 page draw what their views computed (common/views/om.ts, ikke-fundet.ts):
 * links to the municipality pages, the overlap table's header and row cells, and the sentence without a refresh.
 */
import { describe, expect, it } from "vitest";
import { hintFor, SECTIONS } from "../../common/views/ikke-fundet.js";
import { hintBlock, sectionList } from "../../components/ikke-fundet.js";
import { linkList, overlapSection } from "../../components/om.js";

describe("404 components", () => {
  it("the hint with links to the municipalities meant", () => {
    const b = hintBlock(hintFor("/kommune/0825", [{ kommunekode: "825", navn: "Læsø" }]));
    expect(b.querySelector("p")?.textContent).toBe("Kommunekoden skrives med 3 cifre: 825 er Læsø.");
    expect([...b.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual(["./kommune/825"]);
    expect(hintBlock({ tekst: "Adressen findes ikke på kommunetal.", forslag: [] }).querySelector("ul")).toBeNull();
  });

  it("one link per section", () => {
    const ul = sectionList(SECTIONS);
    expect(ul.querySelectorAll("li")).toHaveLength(SECTIONS.length);
    expect(ul.querySelector("li")?.textContent).toBe(`${SECTIONS[0].titel}: ${SECTIONS[0].tekst}`);
  });
});

describe("/om components", () => {
  it("the NGLK links as a list", () => {
    const ul = linkList(["SER → Serviceudgifter (x)", "DRI → Nettodrift (y)"]);
    expect([...ul.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      "SER → Serviceudgifter (x)",
      "DRI → Nettodrift (y)"
    ]);
  });

  it("the overlap table: header cells as columns, the first cell a row header, numbers right-aligned from the 4th", () => {
    const t = overlapSection({
      kolonner: ["Nøgletal", "NGLK", "År", "Kommuner"],
      raekker: [["Service", "SER", "2018", "98"]]
    });
    expect(t.tagName).toBe("TABLE");
    expect([...t.querySelectorAll("thead th")].map((th) => th.getAttribute("scope"))).toEqual([
      "col",
      "col",
      "col",
      "col"
    ]);
    expect(t.querySelector("tbody th")?.textContent).toBe("Service");
    expect(t.querySelector("tbody td.kt-num")?.textContent).toBe("98");
  });

  it("without a refresh: the sentence, marked data-overlap=ingen", () => {
    const p = overlapSection(null);
    expect(p.getAttribute("data-overlap")).toBe("ingen");
    expect(p.textContent).toMatch(/npm run opdater/);
  });
});
