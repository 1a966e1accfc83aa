// View of /datakvalitet (common/views/datakvalitet.ts): expectations written out by hand in the comments.
import { describe, expect, it } from "vitest";
import { BOM, csvDanish } from "../../common/export.js";
import { RULES } from "../../common/rules/index.js";
import {
  applyFilters,
  chartLabel,
  chartPoints,
  type DatakvalitetData,
  type DqFinding,
  demoOf,
  EXPORT_COLUMNS,
  exportRows,
  fileOptionsOf,
  fileResultTexts,
  filterOptions,
  findingsLink,
  inFinding,
  infraSummary,
  keyFigureSummary,
  kildeTextOf,
  NO_FILTERS,
  periodText,
  readUrlState,
  ruleSummary,
  ruleText,
  sortFileFindings,
  sortFindings,
  totals,
  totalsText,
  urlOf
} from "../../common/views/datakvalitet.js";
import type { FileCheckOptions } from "../../common/views/datakvalitet-fil.js";

const navne = new Map([
  ["101", "København"],
  ["280", "Aabenraa"],
  ["851", "Aalborg"],
  ["751", "Aarhus"],
  ["492", "Ærø"],
  ["151", "Ballerup"]
]);

const f = (over: Partial<DqFinding>): DqFinding => ({
  rule: "serie.nul",
  severity: "fejl",
  message: "m",
  file: "x.csv",
  kilde: "noegletal",
  subject: "a",
  subjectLabel: "A",
  ...over
});

describe("URL state", () => {
  it("reads the four filters and ignores malformed values", () => {
    expect(readUrlState("?kommune=101&kilde=infrastruktur&regel=afvig.land&alvor=advarsel")).toEqual({
      kommune: "101",
      kilde: "infrastruktur",
      regel: "afvig.land",
      alvor: "advarsel"
    });
    // 4-digit code, unknown source and severity, a rule id with markup: all ignored
    expect(readUrlState("?kommune=0101&kilde=x&alvor=kritisk&regel=<b>")).toEqual(NO_FILTERS);
    expect(readUrlState("")).toEqual(NO_FILTERS);
  });
  it("writes them back in a fixed order, and round-trips", () => {
    const s = { kilde: "noegletal" as const, regel: "serie.nul", alvor: "fejl" as const, kommune: "751" };
    expect(urlOf(s)).toBe("?kommune=751&kilde=noegletal&regel=serie.nul&alvor=fejl");
    expect(readUrlState(urlOf(s))).toEqual(s);
    expect(urlOf(NO_FILTERS)).toBe("");
  });
  it("makes the link of a municipality page", () => {
    expect(findingsLink("101")).toBe("/datakvalitet?kommune=101");
    expect(findingsLink("825", "infrastruktur")).toBe("/datakvalitet?kommune=825&kilde=infrastruktur");
  });
});

describe("filters, sorting and options", () => {
  const xs = [
    f({ kommunekode: "751", rule: "afvig.land", severity: "advarsel", subjectLabel: "B", periode: "2017" }),
    f({ kommunekode: "151", subjectLabel: "A", periode: "2018" }),
    f({ kommunekode: "492", kilde: "infrastruktur", subjectLabel: "SF1470", periode: "2022-03" }),
    f({ kommunekode: "280", subjectLabel: "A", periode: "2016" }),
    f({ kommunekode: "851", subjectLabel: "A", periode: "2019" }),
    f({ rule: "form.felter", subjectLabel: "x.csv", line: 4 }),
    f({ kommunekode: "751", subjectLabel: "A", periode: "2017" })
  ];
  it("filters by each field and by all together", () => {
    expect(applyFilters(xs, { ...NO_FILTERS, kommune: "751" })).toHaveLength(2);
    expect(applyFilters(xs, { ...NO_FILTERS, kilde: "infrastruktur" }).map((x) => x.kommunekode)).toEqual(["492"]);
    expect(applyFilters(xs, { ...NO_FILTERS, alvor: "advarsel" })).toHaveLength(1);
    expect(applyFilters(xs, { ...NO_FILTERS, regel: "serie.nul", kommune: "751" })).toHaveLength(1);
    expect(applyFilters(xs, NO_FILTERS)).toHaveLength(7);
  });
  it("sorts the Danish way: Ballerup, Ærø, Aabenraa, Aalborg, Aarhus (Aa = Å, after Ø); no municipality last", () => {
    const sorted = sortFindings(xs, navne);
    expect(sorted.map((x) => x.kommunekode)).toEqual(["151", "492", "280", "851", "751", "751", undefined]);
    // within Aarhus: title A before B
    expect(sorted[4].subjectLabel).toBe("A");
    expect(sorted[5].subjectLabel).toBe("B");
  });
  it("puts a dropped file's findings at a line first, in line order", () => {
    const ys = [f({ kommunekode: "101" }), f({ line: 9 }), f({ line: 3, column: 2 }), f({ line: 3, column: 1 })];
    expect(sortFileFindings(ys, navne).map((x) => [x.line, x.column])).toEqual([
      [3, 1],
      [3, 2],
      [9, undefined],
      [undefined, undefined]
    ]);
  });
  it("counts the options, municipalities sorted the Danish way", () => {
    const o = filterOptions(xs, navne);
    expect(o.kommuner.map((k) => k.label)).toEqual([
      "Ballerup (151)",
      "Ærø (492)",
      "Aabenraa (280)",
      "Aalborg (851)",
      "Aarhus (751)"
    ]);
    expect(o.kommuner.find((k) => k.value === "751")?.antal).toBe(2);
    expect(o.kilder).toEqual([
      { value: "noegletal", label: "Nøgletal (rigtige data)", antal: 6 },
      { value: "infrastruktur", label: "Infrastruktur (Demodata)", antal: 1 }
    ]);
    // 6 errors (serie.nul ×5, form.felter) and 1 warning
    expect(o.alvor).toEqual([
      { value: "fejl", label: "Fejl", antal: 6 },
      { value: "advarsel", label: "Advarsel", antal: 1 }
    ]);
    expect(o.regler.map((r) => [r.value, r.antal])).toEqual([
      ["afvig.land", 1],
      ["form.felter", 1],
      ["serie.nul", 5]
    ]);
  });
  it("summarises per rule: counts, distinct municipalities and subjects, one example per municipality", () => {
    const s = ruleSummary(xs, navne, 2);
    expect(s.map((r) => [r.rule, r.antal, r.kommuner, r.emner])).toEqual([
      // serie.nul: 151, 492, 280, 851, 751 = 5 findings in 5 municipalities, subjects all "a"
      ["serie.nul", 5, 5, 1],
      ["afvig.land", 1, 1, 1],
      ["form.felter", 1, 0, 1]
    ]);
    expect(s[0].eksempler).toEqual(["Ballerup, A, 2018: m", "Ærø, SF1470, 2022-03: m"]);
    expect(s[0].forklaring).toBe(RULES["serie.nul"].forklaring);
  });
  it("totals in Danish", () => {
    const t = totals(xs);
    expect(t).toEqual({ antal: 7, fejl: 6, advarsler: 1, kommuner: 5, regler: 3 });
    expect(totalsText(t)).toBe("7 fund (6 fejl, 1 advarsel) i 5 kommuner efter 3 regler.");
    expect(totalsText({ antal: 1234, fejl: 1000, advarsler: 234, kommuner: 1, regler: 1 })).toBe(
      "1.234 fund (1.000 fejl, 234 advarsler) i 1 kommune efter 1 regel."
    );
    expect(totalsText(totals([]))).toBe("Ingen fund.");
  });
});

describe("rule texts", () => {
  it("come from the registry, with a fallback for contract checks outside it", () => {
    expect(ruleText("form.dublet").aarsag).toBe(RULES["form.dublet"].aarsag);
    // infra.vaerdi is in the registry now (the command line's contract rules); an unregistered infra.* id falls back
    expect(ruleText("infra.vaerdi").severity).toBe(RULES["infra.vaerdi"].severity);
    expect(ruleText("infra.ukendt").severity).toBeNull();
    expect(ruleText("infra.ukendt").forklaring).toContain("kontrakt");
  });
});

describe("the chart of a finding", () => {
  const g = f({
    kommunekode: "101",
    subjectLabel: "Kald i alt",
    periode: "2022-03",
    forventet: 1500.5,
    serie: [
      { periode: "2022-01", vaerdi: 1000 },
      { periode: "2022-02", vaerdi: null },
      { periode: "2022-03", vaerdi: 2 }
    ]
  });
  it("drops missing values and marks the finding's period", () => {
    expect(chartPoints(g)).toEqual([
      { periode: "2022-01", vaerdi: 1000, fund: false },
      { periode: "2022-03", vaerdi: 2, fund: true }
    ]);
  });
  // formatNumber shows values of 100 and more without decimals: 1500.5 → "1.501"
  it("says the series in words, Danish numbers, Demodata first when it is", () => {
    expect(chartLabel(g, navne, true)).toBe(
      "Demodata. Serien for København, Kald i alt: 2022-01: 1.000; 2022-02: mangler; 2022-03: 2. Fundet gælder 2022-03. Forventet niveau 1.501."
    );
  });
});

describe("a finding about a stretch of periods", () => {
  const h = f({
    periode: "2014",
    periodeTil: "2016",
    serie: [
      { periode: "2013", vaerdi: 1 },
      { periode: "2014", vaerdi: 2 },
      { periode: "2016", vaerdi: 3 },
      { periode: "2017", vaerdi: 4 }
    ]
  });
  it("names the stretch and marks every period in it", () => {
    expect(periodText(h)).toBe("2014–2016");
    expect(periodText(f({ periode: "2014", periodeTil: "2014" }))).toBe("2014");
    expect(periodText(f({}))).toBe("");
    expect(chartPoints(h).map((p) => p.fund)).toEqual([false, true, true, false]);
    expect(inFinding(h, "2015")).toBe(true);
    expect(inFinding(f({}), "2015")).toBe(false);
  });
});

describe("export", () => {
  const data: DatakvalitetData = {
    noegletal: {
      kilde: "k",
      celler: 1,
      noegletal: 1,
      kommuner: 1,
      aar: [2019],
      findings: [f({ kommunekode: "101", vaerdi: 12.5 })]
    },
    infrastruktur: {
      demodata: true,
      kilde: "Demodata",
      raekker: 1,
      maaneder: ["2022-01"],
      findings: [f({ kilde: "infrastruktur", kommunekode: "101", vaerdi: 0, forventet: 1234.5 })]
    },
    recall: null,
    regler: [],
    kommuner: [{ kommunekode: "101", navn: "København" }],
    katalog: [],
    infraGrupper: null
  };
  it("the options for a dropped file are the worker's options (typed here, as the page's Markdown is not checked)", () => {
    const o: Omit<FileCheckOptions, "fileName"> = fileOptionsOf({
      ...data,
      kle: { emner: ["01.02.03"], udgaaede: [], navn: "KLE" }
    });
    expect(o.kommunekoder).toEqual(["101"]);
    expect(o.kle?.emner).toEqual(["01.02.03"]);
    expect(o.groups).toBeUndefined();
  });
  it("marks infrastructure findings on demo data, and only those", () => {
    const rows = exportRows([...data.noegletal.findings, ...data.infrastruktur!.findings], navne, demoOf(data));
    expect(rows.map((r) => r.demodata)).toEqual(["", "Demodata"]);
    expect(kildeTextOf(data).infrastruktur).toBe("Infrastruktur (Demodata)");
    expect(kildeTextOf({ ...data, infrastruktur: { ...data.infrastruktur!, demodata: false } }).infrastruktur).toBe(
      "Infrastruktur"
    );
  });
  it("writes CSV for Danish Excel: BOM, semicolons, decimal comma, empty cell for a missing number, Demodata line", () => {
    const rows = exportRows(data.infrastruktur!.findings, navne, demoOf(data));
    const csv = csvDanish(rows, EXPORT_COLUMNS, { title: "t", source: "s", demo: true });
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0].split(";").slice(0, 10)).toEqual([
      "Kilde",
      "Regel",
      "Alvor",
      "Kommunekode",
      "Kommune",
      "Nøgletal/service",
      "Titel",
      "Periode",
      "Værdi",
      "Forventet"
    ]);
    const cells = lines[1].split(";");
    expect(cells.slice(0, 10)).toEqual([
      "infrastruktur",
      "serie.nul",
      "Fejl",
      "101",
      "København",
      "a",
      "A",
      "",
      "0",
      "1234,5"
    ]);
    // linje and kolonne are missing: empty cells, never 0
    expect(cells.slice(14, 17)).toEqual(["", "", "Demodata"]);
    expect(csv).toContain("Demodata");
  });
});

describe("the page's texts with numbers (hand-checked)", () => {
  const f = (rule: string, severity: "fejl" | "advarsel") =>
    ({ rule, severity, message: "m", file: "x", kilde: "noegletal", subject: "s", subjectLabel: "S" }) as const;
  it("key figures: cells, figures × municipalities × years, source and result", () => {
    const text = keyFigureSummary({
      kilde: "noegletal.dk",
      celler: 123480,
      noegletal: 180,
      kommuner: 98,
      aar: [2013, 2014, 2015, 2016, 2017, 2018, 2019],
      findings: [f("serie.nul", "advarsel"), f("form.dublet", "fejl")]
    });
    expect(text).toBe(
      `Reglerne er kørt på 123.480 celler: 180 nøgletal × 98 kommuner × 7 år (2013–2019), fra noegletal.dk. Resultat: ${totalsText(
        totals([f("serie.nul", "advarsel"), f("form.dublet", "fejl")])
      )}`
    );
  });
  it("infrastructure: rows, months, source; and the note when the build has no extract", () => {
    expect(infraSummary(null)).toBe("Der er ikke noget udtræk fra Serviceplatformen i denne bygning.");
    expect(
      infraSummary({
        demodata: true,
        kilde: "Demodata",
        raekker: 80013,
        maaneder: ["2021-05", "2024-04"],
        findings: []
      })
    ).toContain("(80.013 rækker, 2021-05 – 2024-04)");
  });
  it("a dropped file: title, source line, and the count of findings not shown", () => {
    expect(fileResultTexts({ fileName: "a.csv", omitted: 0 })).toEqual({
      title: "Datakvalitet: a.csv",
      source: "Egen fil: a.csv (valideret i browseren)",
      omitted: null
    });
    expect(fileResultTexts({ fileName: "a.csv", omitted: 1234 }).omitted).toBe(
      "1.234 fund mere på filniveau er talt, men ikke vist."
    );
  });
});
