// Views of /infrastruktur (common/views/infrastruktur.ts): expectations calculated by hand in the comments.
import { describe, expect, it } from "vitest";
import {
  dataomraadeMatrix,
  formatMaaned,
  headline,
  type KaldMaanedRow,
  type LandMaanedRow,
  lastMonths,
  monthsBefore,
  ranking12m,
  stoetteProfil,
  sumDataomraade,
  systemerMedSpredning,
  systemView,
  topItSystemer,
  topServices
} from "../../common/views/infrastruktur.js";

const land = (maaned: string, kald_pr_indbygger: number): LandMaanedRow => ({
  maaned,
  kald_kommuner: 0,
  kald_alle_myndigheder: 0,
  indbyggere: 0,
  kald_pr_indbygger
});

describe("months", () => {
  it("steps back over year ends", () => {
    expect(monthsBefore("2024-04", 12)).toBe("2023-04");
    expect(monthsBefore("2024-01", 1)).toBe("2023-12");
    expect(monthsBefore("2024-03", 15)).toBe("2022-12");
  });
  it("writes months in Danish", () => {
    expect(formatMaaned("2024-04")).toBe("april 2024");
    expect(formatMaaned("2023-12", true)).toBe("dec. 2023");
    expect(formatMaaned("uge 3")).toBe("uge 3");
  });
  it("takes the last n distinct months ascending", () => {
    expect(lastMonths(["2024-02", "2023-12", "2024-01", "2024-02"], 2)).toEqual(["2024-01", "2024-02"]);
  });
});

describe("headline", () => {
  it("compares the latest month with the same month a year earlier", () => {
    const rows = [land("2023-04", 20), land("2023-05", 21), land("2024-03", 23), land("2024-04", 25)];
    const h = headline(rows);
    expect(h.maaned).toBe("2024-04");
    expect(h.kald_pr_indbygger).toBe(25);
    expect(h.aaret_foer).toBe(20);
    expect(h.aendring).toBeCloseTo(0.25, 12); // 25 / 20 - 1
  });
  it("gives no change when the extract does not reach a year back", () => {
    const h = headline([land("2024-03", 23), land("2024-04", 25)]);
    expect(h.aaret_foer).toBeNull();
    expect(h.aendring).toBeNull();
  });
});

describe("ranking12m", () => {
  const row = (kommunekode: string, navn: string, maaned: string, kald: number, indbyggere: number): KaldMaanedRow => ({
    kommunekode,
    navn,
    maaned,
    kald,
    indbyggere,
    indbyggere_maaned: maaned
  });
  // 13 months: the first month (2023-03) is outside the last 12 and must not count.
  const months = ["2023-03", ...Array.from({ length: 12 }, (_, i) => monthsBefore("2024-03", 11 - i))];
  const rows = months.flatMap((m) => [
    row("101", "A", m, 100, 1000),
    row("147", "B", m, 30, 100),
    row("151", "C", m, 300, 3000)
  ]);
  it("sums 12 months and divides by the last month's population; ties share a rank", () => {
    const r = ranking12m(rows);
    expect(r.summary.fra).toBe("2023-04");
    expect(r.summary.til).toBe("2024-03");
    // B: 12*30/100 = 3.6; A: 12*100/1000 = 1.2; C: 12*300/3000 = 1.2 → ranks 1, 2, 2
    expect(r.rows.map((x) => [x.kommunekode, x.rang])).toEqual([
      ["147", 1],
      ["101", 2],
      ["151", 2]
    ]);
    expect(r.rows[0].kald_pr_indbygger).toBeCloseTo(3.6, 12);
    expect(r.rows[0].kald).toBe(360);
    // Denmark: (1200 + 360 + 3600) / (1000 + 100 + 3000) = 5160 / 4100
    expect(r.summary.land.kald_pr_indbygger).toBeCloseTo(5160 / 4100, 12);
  });
});

describe("data areas", () => {
  const rows = [
    { kommunekode: "101", dataomraade: "Person", maaned: "2024-01", kald: 10 },
    { kommunekode: "101", dataomraade: "Person", maaned: "2024-02", kald: 5 },
    { kommunekode: "101", dataomraade: "Adresse", maaned: "2023-01", kald: 999 },
    { kommunekode: "147", dataomraade: "Adresse", maaned: "2024-02", kald: 7 }
  ];
  it("sums the chosen months only", () => {
    expect(sumDataomraade(rows, ["2024-01", "2024-02"])).toEqual([
      { kommunekode: "101", dataomraade: "Person", kald: 15 },
      { kommunekode: "147", dataomraade: "Adresse", kald: 7 }
    ]);
  });
  it("fills the matrix with 0 calls where a municipality made none, per inhabitant", () => {
    const sums = sumDataomraade(rows, ["2024-01", "2024-02"]);
    const rank = [
      { rang: 1, kommunekode: "147", navn: "B", kald: 7, indbyggere: 70, kald_pr_indbygger: 0.1 },
      { rang: 2, kommunekode: "101", navn: "A", kald: 15, indbyggere: 300, kald_pr_indbygger: 0.05 }
    ];
    const m = dataomraadeMatrix(sums, rank);
    expect(m.omraader).toEqual(["Adresse", "Person"]);
    expect(m.cells).toHaveLength(4);
    expect(m.cells.find((c) => c.kommunekode === "147" && c.dataomraade === "Person")).toMatchObject({
      kald: 0,
      pr_indbygger: 0
    });
    expect(m.cells.find((c) => c.kommunekode === "101" && c.dataomraade === "Person")!.pr_indbygger).toBeCloseTo(
      15 / 300,
      12
    );
  });
});

describe("top lists", () => {
  it("sums services over municipalities and counts those that call", () => {
    const s = (kommunekode: string, service_nr: string, kald_12m: number) => ({
      kommunekode,
      service_nr,
      service_navn: service_nr,
      dataomraade: "X",
      kald_12m,
      antal_it_systemer: 1
    });
    const t = topServices([s("101", "SF1", 10), s("147", "SF1", 0), s("147", "SF2", 25), s("151", "SF1", 20)], 5);
    expect(t.map((x) => [x.service_nr, x.kald_12m, x.kommuner])).toEqual([
      ["SF1", 30, 2],
      ["SF2", 25, 1]
    ]);
  });
  it("counts a silent IT system (NULL calls) as 0", () => {
    const r = (kommunekode: string, it_system: string, kald_12m: number | null) => ({
      kommunekode,
      it_system_id: it_system,
      it_system,
      leverandoer: "L",
      kald_12m,
      antal_services: 1,
      foerste_maaned: "2023-01",
      sidste_maaned: "2024-01"
    });
    const t = topItSystemer([r("101", "S", 5), r("147", "S", null), r("101", "T", 7)], 1);
    expect(t).toEqual([{ it_system: "T", leverandoer: "L", kald_12m: 7, kommuner: 1 }]);
    expect(topItSystemer([r("101", "S", 5), r("147", "S", null)])[0]).toMatchObject({ kald_12m: 5, kommuner: 1 });
  });
});

describe("support-system profile", () => {
  const rows = [
    { stoettesystem: "Organisation", ugedag: 1, time_paa_dagen: 9, kald_pr_time: 10 },
    { stoettesystem: "Ydelse", ugedag: 1, time_paa_dagen: 9, kald_pr_time: 5 },
    { stoettesystem: "Ydelse", ugedag: 7, time_paa_dagen: 23, kald_pr_time: 1 }
  ];
  it("sums the systems per weekday and hour, or shows one", () => {
    expect(stoetteProfil(rows, null)).toEqual([
      { ugedag: 1, ugedag_navn: "mandag", time: 9, kald_pr_time: 15 },
      { ugedag: 7, ugedag_navn: "søndag", time: 23, kald_pr_time: 1 }
    ]);
    expect(stoetteProfil(rows, "Organisation")).toEqual([
      { ugedag: 1, ugedag_navn: "mandag", time: 9, kald_pr_time: 10 }
    ]);
  });
});

describe("why only Fredericia?", () => {
  const anv = ["101", "147", "607"].map((kommunekode) => ({ kommunekode, ski_system: "Sag X", leverandoer: "L" }));
  const ss = [
    {
      it_system: "Sag X",
      service_nr: "SF1470",
      service_navn: "Sagsindeks",
      kommuner_der_kalder: 1,
      kald_12m: 50,
      kommunekoder: "607"
    },
    {
      it_system: "Sag X",
      service_nr: "SF1520",
      service_navn: "CPR",
      kommuner_der_kalder: 3,
      kald_12m: 900,
      kommunekoder: "101,147,607,999"
    },
    {
      it_system: "Andet",
      service_nr: "SF1520",
      service_navn: "CPR",
      kommuner_der_kalder: 1,
      kald_12m: 9,
      kommunekoder: "101"
    }
  ];
  const navne = new Map([
    ["101", "København"],
    ["147", "Frederiksberg"],
    ["607", "Fredericia"]
  ]);
  it("lists the users of the system and whether each calls, fewest callers first", () => {
    const v = systemView("Sag X", ss, anv, navne);
    expect(v.map((s) => [s.service_nr, s.bruger_systemet, s.kalder])).toEqual([
      ["SF1470", 3, 1],
      ["SF1520", 3, 3]
    ]);
    expect(v[0].kommuner.filter((k) => k.kalder).map((k) => k.navn)).toEqual(["Fredericia"]);
    expect(v[0].kalder_navne).toBe("Fredericia");
    expect(v[0].kalder_ikke_navne).toBe("København, Frederiksberg");
    // 999 calls with the system but is not listed as a user in systemanvendelse
    expect(v[1].kalder_uden_anvendelse).toEqual(["999"]);
  });
  it("suggests systems where under half of the users call some service", () => {
    // Sag X: SF1470 called by 1 of 3 users (1*2 < 3); "Andet" has no users listed
    expect(systemerMedSpredning(ss, anv)).toEqual(["Sag X"]);
  });
});
