/**
 * KLE conformance (common/infra/kle.ts): the three checks on hand-made numbers, tallies and
 * suppression counted by hand, findings with their rule ids, and the shares per IT system on
 * the committed demo extract against native DuckDB SQL written here (classification in SQL).
 */
import { resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { VALUE_PATTERNS } from "../../common/infra/contracts.js";
import {
  checkKle,
  type KleSagRow,
  type KleTally,
  kleCatalogue,
  kleConformance,
  kleFindings,
  kleGyldig,
  kleUdgaveDato,
  publishConformance,
  worstSystems
} from "../../common/infra/kle.js";
import { RULES } from "../../common/rules/index.js";
import { readKleCatalogue } from "../../loaders/infra/build.js";

const cat = kleCatalogue(
  ["01.02.03", "01.02.05", "32.18.08"],
  [
    { nr: "27.24.00", udgaaet_i_kle: "KLE 2025 Feb" },
    { nr: "27.24", udgaaet_i_kle: "KLE 2025 Feb" },
    { nr: "00.22.10", udgaaet_i_kle: "KLE 2020 Aug" },
    { nr: "01.02.03", udgaaet_i_kle: "KLE 2019 Aug" } // current again: not retired
  ],
  "test-KLE"
);
const SDI = "Sags- og dokumentindeks";
const YI = "Ydelsesindeks";

describe("the three checks", () => {
  it("the contract reads emne, gruppe and hovedgruppe numbers (so the level can be measured), nothing else", () => {
    const re = new RegExp(`^(?:${VALUE_PATTERNS.kle_nr})$`);
    expect(["27.24.00", "27.24", "27"].map((x) => re.test(x))).toEqual([true, true, true]);
    expect(["27.2", "27.24.0", "2724", "27.24.00.01", ""].map((x) => re.test(x))).toEqual([
      false,
      false,
      false,
      false,
      false
    ]);
  });

  it("edition dates", () => {
    expect(kleUdgaveDato("KLE 2025 Feb")).toBe("2025-02-01");
    expect(kleUdgaveDato("KLE 2020 Aug")).toBe("2020-08-01");
    expect(() => kleUdgaveDato("2025")).toThrow('ukendt KLE-udgave "2025"');
  });

  it("current emne, retired before/after the date, unknown, group level, malformed", () => {
    const c = (nr: string, indeks = SDI, dato = "2024-03-31") => {
      const r = checkKle(nr, indeks, dato, cat);
      return [r.findes, r.aktuel, r.niveau_ok, r.overens];
    };
    expect(c("01.02.03")).toEqual([true, true, true, true]);
    expect(c("27.24.00")).toEqual([true, true, true, true]); // retired Feb 2025, counted 2024
    expect(c("27.24.00", SDI, "2025-02-01")).toEqual([true, false, true, false]);
    expect(c("00.22.10")).toEqual([true, false, true, false]);
    expect(c("99.99.99")).toEqual([false, false, true, false]);
    expect(c("32.18", YI)).toEqual([true, true, false, false]); // a current group, but not emne level
    expect(c("32")).toEqual([true, true, false, false]);
    expect(c("27.24")).toEqual([true, true, false, false]);
    expect(c("33.33")).toEqual([false, false, false, false]);
    expect(c("1.2.3")).toEqual([false, false, false, false]);
    expect(checkKle("00.22.10", SDI, "2024-01-01", cat).udgaaet_i).toBe("KLE 2020 Aug");
  });

  it("the project's catalogue: 27.24.00 retired with KLE 2025 Feb, 32.18.08 current, 99.99.99 unknown", () => {
    const k = readKleCatalogue();
    expect(k.udgaaede.get("27.24.00")).toEqual({ dato: "2025-02-01", kle: "KLE 2025 Feb" });
    expect(k.aktuelle.has("32.18.08")).toBe(true);
    expect(k.aktuelle.has("32.18")).toBe(true);
    expect(checkKle("99.99.99", SDI, "2024-03-31", k).findes).toBe(false);
    expect(k.udgaaede.size).toBe(202);
  });
});

const row = (
  kommunekode: string,
  it_system: string,
  kle_nr: string,
  antal_sager: number,
  extra: Partial<KleSagRow> = {}
) => ({ opgjort_dato: "2024-03-31", kle_nr, indeks: SDI, it_system, kommunekode, antal_sager, ...extra }) as KleSagRow;

// Hand-counted fixture: two municipalities, two systems.
//   101 A: 01.02.03 ×100 ok, 99.99.99 ×10 (findes), 32.18 ×20 (niveau)    → 130 cases, 30 off
//   101 B: 01.02.05 ×50 ok, 00.22.10 ×7 (aktuel)                          →  57 cases,  7 off
//   147 A: 32.18.08 ×40 ok                                                 →  40 cases,  0 off
//   an older date and a non-municipal authority are ignored
const FIXTURE: KleSagRow[] = [
  row("101", "A", "01.02.03", 100),
  row("101", "A", "99.99.99", 10),
  row("101", "A", "32.18", 20, { indeks: YI }),
  row("101", "B", "01.02.05", 50),
  row("101", "B", "00.22.10", 7),
  row("147", "A", "32.18.08", 40),
  row("147", "A", "99.99.99", 1000, { opgjort_dato: "2023-12-31" }),
  row("", "A", "99.99.99", 1000)
];

describe("kle_gyldig of infrastruktur-kle is date-aware like the aktuel check", () => {
  it("a number retired before (or on) the counting date is not valid; one retired later was valid that day", () => {
    // 00.22.10 retired with KLE 2020 Aug (2020-08-01); 27.24.00 with KLE 2025 Feb (2025-02-01)
    expect(kleGyldig("00.22.10", "2020-07-31", cat)).toBe(true);
    expect(kleGyldig("00.22.10", "2020-08-01", cat)).toBe(false);
    expect(kleGyldig("00.22.10", "2024-03-31", cat)).toBe(false);
    expect(kleGyldig("27.24.00", "2024-03-31", cat)).toBe(true);
    expect(kleGyldig("27.24.00", "2025-03-31", cat)).toBe(false);
    // current numbers (also one that was retired once and is current again) are valid on any date; unknown ones never
    expect(kleGyldig("01.02.05", "2030-01-01", cat)).toBe(true);
    expect(kleGyldig("01.02.03", "2024-03-31", cat)).toBe(true);
    expect(kleGyldig("99.99.99", "2024-03-31", cat)).toBe(false);
    // the same answer as the aktuel/findes checks for every number and date above
    for (const nr of ["00.22.10", "27.24.00", "01.02.05", "99.99.99"])
      for (const d of ["2020-07-31", "2024-03-31", "2025-03-31"]) {
        const c = checkKle(nr, SDI, d, cat);
        expect(kleGyldig(nr, d, cat)).toBe(c.findes && c.aktuel);
      }
  });
});

describe("tallies per municipality × system, system and municipality", () => {
  const t = kleConformance(FIXTURE, cat);
  const get = (omfang: string, k: string, s: string) =>
    t.find((x) => x.omfang === omfang && x.kommunekode === k && x.it_system === s) as KleTally;

  it("counts cases by hand", () => {
    expect(t.map((x) => `${x.omfang}/${x.kommunekode}/${x.it_system}`)).toEqual([
      "land//",
      "system//A",
      "system//B",
      "kommune/101/",
      "kommune/147/",
      "kommune-system/101/A",
      "kommune-system/101/B",
      "kommune-system/147/A"
    ]);
    expect(get("kommune-system", "101", "A")).toMatchObject({
      sager: 130,
      afvigende: { findes: 10, aktuel: 10, niveau: 20, overens: 30 },
      afvigende_numre: ["32.18", "99.99.99"]
    });
    expect(get("kommune-system", "101", "B").afvigende).toEqual({ findes: 0, aktuel: 7, niveau: 0, overens: 7 });
    expect(get("system", "", "A")).toMatchObject({
      sager: 170,
      afvigende: { findes: 10, aktuel: 10, niveau: 20, overens: 30 }
    });
    expect(get("kommune", "101", "")).toMatchObject({ sager: 187, afvigende: { overens: 37 } });
    expect(get("kommune", "147", "").sager).toBe(40);
    expect(get("land", "", "")).toMatchObject({
      sager: 227,
      afvigende: { findes: 10, aktuel: 17, niveau: 20, overens: 37 }
    });
    expect(t.every((x) => x.opgjort_dato === "2024-03-31")).toBe(true);
  });

  it("publishes shares, hides 1-4 and the next smallest cell where a total would reveal it", () => {
    const small = [...FIXTURE.slice(0, 6), row("147", "B", "99.99.99", 3), row("147", "B", "01.02.03", 60)];
    const p = publishConformance(kleConformance(small, cat));
    const r = (omfang: string, k: string, s: string) =>
      p.find((x) => x.omfang === omfang && x.kommunekode === k && x.it_system === s)!;
    // 147 B: 3 of 63 cases off (unknown number) → hidden for findes, aktuel and overens. Secondary, by hand:
    //  findes: the other cells of municipality 147 and of system B have 0 → nothing more to hide;
    //  aktuel and overens: system B's other cell, 101 B (7), is hidden; then municipality 101 has one hidden
    //  cell, so 101 A (10 resp. 30) is hidden too; system A's other cell, 147 A, has 0. Niveau: nothing hidden.
    expect(r("kommune-system", "147", "B")).toMatchObject({
      sager: 63,
      sager_afvigende: null,
      andel_findes: null,
      andel_aktuel: null,
      andel_overens: null,
      andel_niveau: 1,
      status: "<5"
    });
    expect(r("kommune-system", "101", "B")).toMatchObject({
      sager_afvigende: null,
      andel_findes: 1,
      andel_aktuel: null,
      andel_overens: null,
      status: "<5"
    });
    expect(r("kommune-system", "101", "A")).toMatchObject({
      sager: 130,
      sager_afvigende: null,
      andel_findes: 120 / 130,
      andel_niveau: 110 / 130,
      andel_aktuel: null,
      andel_overens: null,
      afvigende_numre: "32.18 99.99.99",
      status: "<5"
    });
    expect(r("kommune-system", "147", "A")).toMatchObject({
      sager: 40,
      sager_afvigende: 0,
      andel_overens: 1,
      status: ""
    });
    // the municipality rows and the system rows each sum to the country: 147's 3 is hidden, so 101's is too;
    // system B's 3 is hidden for findes, so system A's 10 is too; the country stays visible
    expect([r("kommune", "147", "").andel_findes, r("kommune", "101", "").andel_findes]).toEqual([null, null]);
    expect([r("system", "", "A").andel_findes, r("system", "", "B").andel_findes]).toEqual([null, null]);
    expect(r("land", "", "")).toMatchObject({ sager: 290, sager_afvigende: 40, andel_findes: 277 / 290, status: "" });
    // totals stay visible: 101 B (7) + 147 B (3) = 10 cases off in system B, but neither part is shown
    expect(r("system", "", "B")).toMatchObject({ sager: 120, sager_afvigende: 10, andel_overens: 110 / 120 });
    for (const x of p) for (const n of [x.sager, x.sager_afvigende]) expect(n === null || n === 0 || n >= 5).toBe(true);
  });

  it("names the worst systems (lowest share of conforming cases, at least minSager cases)", () => {
    const p = publishConformance(kleConformance(FIXTURE, cat));
    expect(worstSystems(p, 5, 50).map((r) => r.it_system)).toEqual(["A", "B"]); // 140/170 < 50/57
    expect(worstSystems(p, 5, 100).map((r) => r.it_system)).toEqual(["A"]);
  });
});

describe("findings", () => {
  it("one finding per broken row and check, with rule, file, line, column, municipality and date", () => {
    const rows = FIXTURE.slice(0, 5).map((r, i) => ({ ...r, file: "indekssager_x.csv", line: i + 2 }));
    const f = kleFindings(rows, cat);
    expect(f.map((x) => [x.rule, x.line, x.column, x.kommunekode, x.periode])).toEqual([
      ["kle.findes", 3, 2, "101", "2024-03-31"],
      ["kle.niveau", 4, 2, "101", "2024-03-31"],
      ["kle.aktuel", 6, 2, "101", "2024-03-31"]
    ]);
    expect(f[0].message).toBe(
      "KLE-nummeret 99.99.99 findes ikke i test-KLE (10 sager i Sags- og dokumentindeks fra A)"
    );
    expect(f[1].message).toContain("er på gruppe (NN.NN), men Ydelsesindeks kræver emne (NN.NN.NN)");
    expect(f[2].message).toContain("udgik med KLE 2020 Aug");
    for (const x of f) {
      expect(x.file).toBe("indekssager_x.csv");
      expect(x.severity).toBe(RULES[x.rule].severity);
    }
  });
});

describe("against native DuckDB SQL on the committed demo extract", () => {
  it("per IT system over the municipalities: cases and cases failing each check are equal", async () => {
    const ix = resolve("data/demo/infrastruktur/indekssager_seed1.csv.gz");
    const emner = resolve("data/raw/kle/kle_emner_os2kle_v3.23.csv");
    const udg = resolve("data/raw/kle/kle_udgaaede_os2kle.csv");
    const instance = await DuckDBInstance.create(":memory:");
    const con = await instance.connect();
    try {
      const sql = `
        WITH x AS (SELECT * FROM read_csv('${ix}', delim=';', header=true, all_varchar=true) WHERE kommunekode IS NOT NULL),
        latest AS (SELECT max(opgjort_dato) AS d FROM x),
        akt AS (SELECT emne_nr AS nr FROM read_csv('${emner}', header=true, all_varchar=true)
                UNION SELECT gruppe_nr FROM read_csv('${emner}', header=true, all_varchar=true)
                UNION SELECT hovedgruppe_nr FROM read_csv('${emner}', header=true, all_varchar=true)),
        udg AS (SELECT nr, make_date(split_part(udgaaet_i_kle, ' ', 2)::INT, CASE split_part(udgaaet_i_kle, ' ', 3) WHEN 'Feb' THEN 2 ELSE 8 END, 1) AS d
                FROM read_csv('${udg}', header=true, all_varchar=true) WHERE nr NOT IN (SELECT nr FROM akt)),
        c AS (SELECT x.it_system, x.antal_sager::BIGINT AS n,
                     (x.kle_nr IN (SELECT nr FROM akt) OR udg.nr IS NOT NULL) AS findes,
                     (x.kle_nr IN (SELECT nr FROM akt) OR (udg.nr IS NOT NULL AND x.opgjort_dato::DATE < udg.d)) AS aktuel,
                     regexp_full_match(x.kle_nr, '[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}') AS niveau
              FROM x LEFT JOIN udg ON udg.nr = x.kle_nr WHERE x.opgjort_dato = (SELECT d FROM latest))
        SELECT it_system, sum(n)::INTEGER AS sager,
               coalesce(sum(n) FILTER (WHERE NOT findes), 0)::INTEGER AS findes,
               coalesce(sum(n) FILTER (WHERE NOT aktuel), 0)::INTEGER AS aktuel,
               coalesce(sum(n) FILTER (WHERE NOT niveau), 0)::INTEGER AS niveau,
               coalesce(sum(n) FILTER (WHERE NOT (findes AND aktuel AND niveau)), 0)::INTEGER AS overens
        FROM c GROUP BY it_system ORDER BY it_system`;
      const expected = (await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
      const raw = (
        await con.runAndReadAll(`SELECT * FROM read_csv('${ix}', delim=';', header=true, all_varchar=true)`)
      ).getRowObjectsJS() as Record<string, string | null>[];
      const rows: KleSagRow[] = raw.map((r) => ({
        opgjort_dato: r.opgjort_dato as string,
        kle_nr: r.kle_nr as string,
        indeks: r.indeks as string,
        it_system: r.it_system as string,
        kommunekode: r.kommunekode,
        antal_sager: Number(r.antal_sager)
      }));
      const got = kleConformance(rows, readKleCatalogue())
        .filter((t) => t.omfang === "system")
        .map((t) => ({ it_system: t.it_system, sager: t.sager, ...t.afvigende }))
        .sort((a, b) => (a.it_system < b.it_system ? -1 : a.it_system > b.it_system ? 1 : 0));
      expect(got.length).toBeGreaterThan(20);
      expect(got).toEqual(expected);
      // the demo plants every kind: unknown, retired before the date, wrong level
      const sum = (k: string) => expected.reduce((s, r) => s + Number(r[k]), 0);
      expect([sum("findes") > 0, sum("aktuel") > sum("findes"), sum("niveau") > 0]).toEqual([true, true, true]);
    } finally {
      con.closeSync();
      instance.closeSync();
    }
  });
});
