/**
 * A small, seeded, clean demo set of key figures for measuring the validation rules
 * (recall on planted anomalies, false positives on the clean set): 98 municipalities ×
 * 10 figures × 2015-2024, written in the project's published long format
 * (`id;kommunekode;aar;vaerdi;status`, UTF-8 with BOM, `;`, decimal comma).
 *
 * Model (Demodata, not real figures): population from FOLK1AM April 2022 with a growth rate
 * per municipality (normal, mean 0.4 %, sd 0.5 % a year); area from DAWA; density =
 * population / area; shares of 0-2 and 3-5-year-olds (level per municipality, ±2 % noise)
 * and their sum; central and decentral administration per inhabitant (log-normal levels,
 * 2 % noise, 1.5 % growth a year) and their sum; the total administration in 1,000 kr. =
 * per inhabitant × population / 1,000; service expenditure per inhabitant (log-normal
 * around 55,000 kr., sd 8 %); children placed outside home (persons, about 1.1 per 1,000
 * inhabitants, at least 5); number of schools (about 1 per 4,000 inhabitants).
 * Relations the rules check: `andel-0-5` = `andel-0-2` + `andel-3-5`; `udg-ledelse` =
 * `udg-central` + `udg-decentral`; `taethed` = `indbyggere` / `areal`; `udg-ledelse` =
 * `udg-adm-1000kr` × 1,000 / population.
 */
import { Prng } from "../../common/infra/prng.js";
import type { KeyFigureCell, KeyFigureInput, KeyFigureMeta } from "../../common/validate/index.js";
import { buildBefolkning, buildKommuner } from "../datasets.js";

export const DEMO_YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];

export const DEMO_KATALOG: KeyFigureMeta[] = [
  {
    id: "indbyggere",
    titel: "Indbyggertal 1. januar (Demodata)",
    enhed: "personer",
    taeller_personer: true,
    decimaler: 0
  },
  { id: "areal", titel: "Areal (km2) (Demodata)", enhed: "km²", decimaler: 1 },
  { id: "taethed", titel: "Befolkningstæthed (indb/km2) (Demodata)", enhed: "indbyggere pr. km²", decimaler: 1 },
  { id: "andel-0-2", titel: "Andel 0-2-årige (Demodata)", enhed: "pct.", decimaler: 1 },
  { id: "andel-3-5", titel: "Andel 3-5-årige (Demodata)", enhed: "pct.", decimaler: 1 },
  { id: "andel-0-5", titel: "Andel 0-5-årige (Demodata)", enhed: "pct.", decimaler: 1 },
  {
    id: "udg-central",
    titel: "Udg. til central ledelse og adm. pr. indb. (Demodata)",
    enhed: "kr. pr. indbygger",
    decimaler: 0
  },
  {
    id: "udg-decentral",
    titel: "Udg. til decentral ledelse og adm. pr. indb. (Demodata)",
    enhed: "kr. pr. indbygger",
    decimaler: 0
  },
  {
    id: "udg-ledelse",
    titel: "Udg. til ledelse og adm. pr. indb. (Demodata)",
    enhed: "kr. pr. indbygger",
    decimaler: 0
  },
  {
    id: "udg-adm-1000kr",
    titel: "Udg. til ledelse og adm. i alt, 1.000 kr. (Demodata)",
    enhed: "1.000 kr.",
    decimaler: 0
  },
  { id: "serviceudgifter", titel: "Serviceudgifter pr. indb. (Demodata)", enhed: "kr. pr. indbygger", decimaler: 0 },
  {
    id: "anbragte",
    titel: "Anbragte børn og unge (Demodata)",
    enhed: "personer",
    taeller_personer: true,
    decimaler: 0
  },
  { id: "folkeskoler", titel: "Antal folkeskoler (Demodata)", enhed: "antal", decimaler: 0 }
];

export const DEMO_RELATIONS: Pick<KeyFigureInput, "sums" | "perInhabitant"> = {
  sums: [
    { total: "andel-0-5", parts: ["andel-0-2", "andel-3-5"] },
    { total: "udg-ledelse", parts: ["udg-central", "udg-decentral"] }
  ],
  perInhabitant: [
    { id: "taethed", numerator: "indbyggere", denominator: "areal", scale: 1 },
    { id: "udg-ledelse", numerator: "udg-adm-1000kr", scale: 1000 }
  ]
};

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** Comparison groups: the municipality's DST municipality group (kommunegruppe), other members. */
export function kommunegruppeGroups(): Record<string, string[]> {
  const k = buildKommuner();
  const out: Record<string, string[]> = {};
  for (const a of k)
    out[a.kommunekode] = k
      .filter((b) => b.kommunegruppekode === a.kommunegruppekode && b.kommunekode !== a.kommunekode)
      .map((b) => b.kommunekode);
  return out;
}

/** The clean demo key figures (seeded). */
export function demoKeyFigures(seed: number): KeyFigureCell[] {
  const rng = new Prng(seed * 7919 + 11);
  const kommuner = buildKommuner();
  const pop = new Map(
    buildBefolkning()
      .rows.filter((r) => r.maaned === "2022M04")
      .map((r) => [r.kommunekode, r.befolkning])
  );
  const rows: KeyFigureCell[] = [];
  for (const k of kommuner) {
    const p0 = pop.get(k.kommunekode) ?? 20_000;
    const growth = 0.004 + 0.005 * rng.normal();
    const area = k.areal_km2 ?? 100;
    const a02 = 3.2 * rng.lognormal(1, 0.1);
    const a35 = 3.4 * rng.lognormal(1, 0.1);
    const central = 2500 * rng.lognormal(1, 0.15);
    const decentral = 1500 * rng.lognormal(1, 0.2);
    const service = 55_000 * rng.lognormal(1, 0.08);
    const placed = 0.0011 * rng.lognormal(1, 0.2);
    const schools = Math.max(1, Math.round(p0 / 4000));
    for (const aar of DEMO_YEARS) {
      const t = aar - 2022;
      const people = Math.round(p0 * (1 + growth) ** t);
      const noise = () => 1 + 0.02 * rng.normal();
      const s02 = round(a02 * noise(), 1);
      const s35 = round(a35 * noise(), 1);
      const c = Math.round(central * 1.015 ** t * noise());
      const d = Math.round(decentral * 1.015 ** t * noise());
      const values: Record<string, number> = {
        indbyggere: people,
        areal: round(area, 1),
        taethed: round(people / round(area, 1), 1),
        "andel-0-2": s02,
        "andel-3-5": s35,
        "andel-0-5": round(s02 + s35, 1),
        "udg-central": c,
        "udg-decentral": d,
        "udg-ledelse": c + d,
        "udg-adm-1000kr": Math.round(((c + d) * people) / 1000),
        serviceudgifter: Math.round(service * 1.02 ** t * noise()),
        anbragte: Math.max(5, Math.round(people * placed * noise())),
        folkeskoler: schools
      };
      for (const m of DEMO_KATALOG)
        rows.push({ id: m.id, kommunekode: k.kommunekode, aar, vaerdi: values[m.id], status: "ok" });
    }
  }
  return rows;
}

/** The engine's input for a demo key-figure table (catalogue, relations, groups, population from `indbyggere`). */
export function demoKeyFigureInput(file: string, rows: KeyFigureCell[]): KeyFigureInput {
  const groups = kommunegruppeGroups();
  return {
    file,
    rows,
    katalog: DEMO_KATALOG,
    kommunekoder: buildKommuner().map((k) => k.kommunekode),
    groups: { "": groups },
    befolkning: rows
      .filter((r) => r.id === "indbyggere" && r.vaerdi !== null && r.status === "ok")
      .map((r) => ({ kommunekode: r.kommunekode, aar: r.aar, befolkning: r.vaerdi as number })),
    ...DEMO_RELATIONS
  };
}

/** Cells in the published long format (UTF-8 BOM, `;`, CRLF, decimal comma; empty value when there is none). */
export function keyFigureCsv(rows: readonly KeyFigureCell[]): string {
  const out = ["id;kommunekode;aar;vaerdi;status"];
  for (const r of rows)
    out.push(
      `${r.id};${r.kommunekode};${r.aar};${r.vaerdi === null ? "" : String(r.vaerdi).replace(".", ",")};${r.status}`
    );
  return `\uFEFF${out.join("\r\n")}\r\n`;
}
