// @vitest-environment jsdom
/**
 * The calculator page's sections (components/groups/page.ts) built from the page model of a tiny data set
 * (six municipalities, x = 1..6, outcome y = 1, 3, 2, 5, 4, 6 in kr.; euclidean distance, N = 2): 101's group is
 * 147 and 151 with y = 3 and 2, so the group mean is 2,5 kr. (hand calculation), and 2,5 · 122 / 120 = 2,54 in
 * fixed 2019 prices with the index 2018 = 120, 2019 = 122. An error greys every section.
 */
import { describe, expect, test, vi } from "vitest";
import {
  type CalculatorArea,
  type CalculatorSettings,
  calculatorContext,
  calculatorModel,
  groupView,
  outcomePrices
} from "../../common/views/sammenligningsgrupper.js";
import type { KeyFigureRow } from "../../common/vocabulary.js";
import {
  allGroupsSection,
  excludedSection,
  foldout,
  groupSection,
  priceNote,
  regressionSection,
  variableLabel,
  variableSection,
  yearSection
} from "../../components/groups/page.js";

// as in calculator-dom.test.ts: the download buttons need Framework's npm: protocol
vi.mock("../../components/download.js", () => ({
  exportButtons: () => {
    const wrap = document.createElement("div");
    for (const kind of ["csv", "xlsx"]) {
      const b = document.createElement("button");
      b.dataset.export = kind;
      wrap.append(b);
    }
    return wrap;
  }
}));
// the charts need Plot in a browser; the sections tested here draw none
vi.mock("../../components/groups/charts.js", () => ({
  groupMap: vi.fn(),
  matrixHeatmap: vi.fn(),
  actualPredicted: vi.fn()
}));

const KODER = ["101", "147", "151", "153", "155", "157"];
const X = [1, 2, 3, 4, 5, 6];
const Y = [1, 3, 2, 5, 4, 6];
const rows: KeyFigureRow[] = [
  ...KODER.map((k, i) => ({ id: "x", kommunekode: k, aar: 2018, vaerdi: X[i], status: "ok" as const })),
  ...KODER.map((k, i) => ({ id: "y", kommunekode: k, aar: 2018, vaerdi: Y[i], status: "ok" as const }))
];
const AREA: CalculatorArea = {
  id: "skole",
  navn: "Skole",
  udfald: "y",
  variabler: ["x"],
  standardaar: 2018,
  // 2019 makes 2019 the base year of fixed prices (the latest year of the areas the index covers)
  aar: [2018, 2019],
  log: [],
  variabler_pr_aar: { "2018": ["x"] },
  begrundelser: { x: "En lang begrundelse, der skal kunne læses hele vejen" }
};
const ctx = calculatorContext(
  KODER.map((k) => ({ kommunekode: k, navn: `K${k}` })),
  [
    { id: "x", titel: "Variablen x", enhed: "pct.", omraade: "struktur" },
    { id: "y", titel: "Udfaldet y", enhed: "kr. pr. elev", omraade: "skole" }
  ],
  rows,
  [AREA],
  {
    tilstand: "opdateret",
    prisindeks: {
      grundlag: "NGLK",
      basisaar: 2008,
      aar: [
        { aar: 2018, indeks: 120 },
        { aar: 2019, indeks: 122 }
      ]
    },
    faste_priser_utilgaengelige: null
  }
);
const settings = (over: Partial<CalculatorSettings> = {}): CalculatorSettings => ({
  omraade: AREA,
  aar: 2018,
  udfald: "y",
  kommune: { kommunekode: "101", navn: "K101" },
  variabler: ["x"],
  logs: [],
  alpha: 1,
  metode: { id: "euclid", navn: "Euklidisk" },
  N: 2,
  vaegte: {},
  priser: "loebende",
  ...over
});

describe("the page's sections", () => {
  test("the group card shows the group's mean of the outcome, in fixed prices when chosen", () => {
    const m = calculatorModel(ctx, settings());
    const card = groupSection(m, groupView(ctx, m, null), "running", 200);
    const mean = card.querySelector<HTMLElement>("[data-gruppe-gennemsnit]")!;
    expect(Number(mean.dataset.gruppeGennemsnit)).toBe(2.5);
    expect(mean.textContent).toBe("Gruppens gennemsnit (K101 ikke medregnet): Udfaldet y 2,50 kr. pr. elev.");
    const f = calculatorModel(ctx, settings({ priser: "faste" }));
    const fixed = groupSection(f, groupView(ctx, f, null), "running", 200).querySelector<HTMLElement>(
      "[data-gruppe-gennemsnit]"
    )!;
    expect(Number(fixed.dataset.gruppeGennemsnit)).toBeCloseTo((2.5 * 122) / 120, 12);
    expect(fixed.textContent).toBe(
      "Gruppens gennemsnit (K101 ikke medregnet): Udfaldet y (faste 2019-priser) 2,54 kr. pr. elev, faste 2019-priser."
    );
  });
  test("the price note carries the factor only in fixed prices", () => {
    const p = priceNote(outcomePrices("kr. pr. elev", 2018, "faste", ctx.prisvalg));
    expect(Number(p.dataset.priserFaktor)).toBeCloseTo(122 / 120, 12);
    expect(priceNote(outcomePrices("pct.", 2018, "faste", ctx.prisvalg)).dataset.priserFaktor).toBeUndefined();
  });
  test("an error greys every section and leaves no table", () => {
    const m = calculatorModel(ctx, settings({ variabler: [] }));
    const g = groupView(ctx, m, null);
    const sections = [
      groupSection(m, g, "running", 200),
      allGroupsSection(m, g),
      regressionSection(m, ctx),
      yearSection(m),
      excludedSection(m, ctx),
      variableSection(m)
    ];
    const host = document.createElement("div");
    host.append(...sections);
    expect(host.querySelectorAll("table").length).toBe(0);
    expect([...host.querySelectorAll("[data-section]")].map((e) => e.classList.contains("kt-stale"))).toEqual(
      Array(7).fill(true)
    );
    expect([...host.querySelectorAll("button[data-export]")].every((b) => (b as HTMLButtonElement).disabled)).toBe(
      true
    );
  });
  test("the candidates' table names every cell's column (data-label, for the stacked phone layout) and keeps the reason whole", () => {
    const m = calculatorModel(ctx, settings());
    const last = variableSection(m).querySelector("tbody tr td:last-child")!;
    expect(last.getAttribute("data-label")).toBe("Begrundelse");
    expect(last.textContent).toBe("En lang begrundelse, der skal kunne læses hele vejen");
  });
  test("a foldout passes its input's value and events through (what view() reads)", () => {
    const input = document.createElement("input") as HTMLInputElement;
    input.value = "a";
    const box = foldout(input as HTMLElement & { value: string }, "Resumé", { open: true, note: "Note", noteId: "n" });
    expect(box.value).toBe("a");
    input.value = "b";
    expect(box.value).toBe("b");
    let seen = 0;
    box.addEventListener("input", () => seen++);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    expect(seen).toBe(1);
    expect(box.querySelector("details")?.hasAttribute("open")).toBe(true);
    expect(box.querySelector("#n")?.textContent).toBe("Note");
    expect(variableLabel((id) => id.toUpperCase(), ["a"])("b").textContent).toBe("B (ikke standard)");
  });
});
