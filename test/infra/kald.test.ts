/**
 * Calls per inhabitant: `npm run kald`'s function against an independent computation in
 * native DuckDB SQL written here, reading the committed demo CSV and the raw FOLK1AM and
 * DAWA files directly (no project parser involved).
 */

import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kaldPrIndbygger, nearestMonth } from "../../common/infra/kald.js";
import { kald } from "../../loaders/infra/cli.js";

const DEMO = resolve("data/demo/infrastruktur");
const SP = join(DEMO, "serviceplatformen_seed1.csv.gz");
const FOLK = resolve("data/raw/dst/folk1am_kommuner_2021m10-2024m04.csv");
const DAWA = resolve("data/raw/dawa/kommuner_dataforsyningen_2024.json");
const CACHE = resolve("test/.tmp/infra-kald-cache");

let instance: DuckDBInstance;
let con: DuckDBConnection;

/** Independent SQL: sum per kommunekode over the period / FOLK1AM on the 1st of the last month (matched by DAWA name). */
async function sqlKald(from: string, to: string, popMonth: string, extra = "") {
  const r = await con.runAndReadAll(`
    WITH k AS (SELECT lpad(right(kode, 3), 3, '0') AS kommunekode, navn FROM read_json('${DAWA}') WHERE NOT coalesce(udenforkommuneinddeling, false)),
    pop AS (SELECT k.kommunekode, f.INDHOLD AS indbyggere FROM read_csv('${FOLK}', delim=';', header=true) f JOIN k ON f."OMRÅDE" = k.navn
            WHERE f.TID = '${popMonth.replace("-", "M")}'),
    calls AS (SELECT kommunekode, sum(antal_kald::BIGINT) AS kald FROM read_csv('${SP}', delim=';', header=true, all_varchar=true)
              WHERE kommunekode <> '' AND maaned BETWEEN '${from}' AND '${to}' ${extra} GROUP BY kommunekode)
    SELECT pop.kommunekode, coalesce(calls.kald, 0)::DOUBLE AS kald, pop.indbyggere::DOUBLE AS indbyggere, coalesce(calls.kald, 0) / pop.indbyggere AS pr
    FROM pop LEFT JOIN calls USING (kommunekode) ORDER BY 1`);
  return r.getRowObjectsJS() as { kommunekode: string; kald: number; indbyggere: number; pr: number }[];
}

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  con = await instance.connect();
  rmSync(CACHE, { recursive: true, force: true });
  process.env.KOMMUNETAL_INFRA_CACHE = CACHE;
});
afterAll(() => {
  con?.closeSync();
  instance?.closeSync();
  delete process.env.KOMMUNETAL_INFRA_CACHE;
});

describe("kald pr. indbygger", () => {
  it("the rule on a hand calculation: sum over the period, population on the 1st of the last month", () => {
    const s = kaldPrIndbygger(
      [
        { kommunekode: "101", maaned: "2022-03", kald: 100 },
        { kommunekode: "101", maaned: "2022-04", kald: 50 },
        { kommunekode: "101", maaned: "2022-05", kald: 999 },
        { kommunekode: "147", maaned: "2022-04", kald: 30 }
      ],
      [
        { kommunekode: "101", maaned: "2022-04", befolkning: 300 },
        { kommunekode: "147", maaned: "2022-04", befolkning: 10 },
        { kommunekode: "101", maaned: "2022-03", befolkning: 1 }
      ],
      [{ kommunekode: "101" }, { kommunekode: "147" }, { kommunekode: "151" }],
      "2022-03",
      "2022-04"
    );
    expect(s.kommuner).toEqual([
      { kommunekode: "101", kald: 150, indbyggere: 300, kald_pr_indbygger: 0.5 },
      { kommunekode: "147", kald: 30, indbyggere: 10, kald_pr_indbygger: 3 },
      { kommunekode: "151", kald: 0, indbyggere: null, kald_pr_indbygger: null }
    ]);
    expect(s.land).toEqual({ kald: 180, indbyggere: 310, kald_pr_indbygger: 180 / 310 });
  });

  it("uses the nearest population month outside FOLK1AM's range", () => {
    expect(nearestMonth("2021-05", ["2021-10", "2021-11", "2024-04"])).toBe("2021-10");
    expect(nearestMonth("2024-09", ["2021-10", "2024-04"])).toBe("2024-04");
    expect(nearestMonth("2022-02", ["2022-01", "2022-03"])).toBe("2022-01");
  });

  it("equals native DuckDB SQL on the demo extracts for April 2022 (≈ 27 per inhabitant)", async () => {
    const got = await kald({ extracts: DEMO, from: "2022-04", to: "2022-04" });
    const want = await sqlKald("2022-04", "2022-04", "2022-04");
    expect(got.kommuner.length).toBe(98);
    expect(want.length).toBe(98);
    for (const w of want) {
      const g = got.kommuner.find((k) => k.kommunekode === w.kommunekode)!;
      expect([g.kald, g.indbyggere]).toEqual([w.kald, w.indbyggere]);
      expect(g.kald_pr_indbygger).toBeCloseTo(w.pr, 12);
    }
    expect(got.demodata).toBe(true);
    expect(got.land.kald_pr_indbygger).toBeGreaterThan(27 * 0.99);
    expect(got.land.kald_pr_indbygger).toBeLessThan(27 * 1.01);
    expect(
      got.afstemning.every(
        (a) => a.raekker_ind === a.raekker_ud + a.raekker_afvist && a.antal_ind === a.antal_ud + a.antal_afvist
      )
    ).toBe(true);
  });

  it("equals native SQL for a 12-month period filtered on a service and on an IT system", async () => {
    const got = await kald({ extracts: DEMO, from: "2022-05", to: "2023-04", service: "SF1470" });
    const want = await sqlKald("2022-05", "2023-04", "2023-04", "AND service_nr = 'SF1470'");
    expect(got.kommuner.map((k) => [k.kommunekode, k.kald, k.indbyggere])).toEqual(
      want.map((w) => [w.kommunekode, w.kald, w.indbyggere])
    );
    const sys = (
      await con.runAndReadAll(`SELECT it_system, it_system_id FROM read_csv('${SP}', delim=';', header=true, all_varchar=true)
      WHERE kommunekode <> '' GROUP BY ALL ORDER BY count(DISTINCT kommunekode) DESC, 1 LIMIT 1`)
    ).getRowObjectsJS()[0] as { it_system: string; it_system_id: string };
    const byName = await kald({ extracts: DEMO, from: "2021-05", to: "2024-04", itSystem: sys.it_system });
    const byId = await kald({
      extracts: DEMO,
      from: "2021-05",
      to: "2024-04",
      itSystem: sys.it_system_id.toUpperCase()
    });
    const wantSys = await sqlKald("2021-05", "2024-04", "2024-04", `AND it_system = '${sys.it_system}'`);
    expect(byName.kommuner.map((k) => k.kald)).toEqual(wantSys.map((w) => w.kald));
    expect(byId.kommuner.map((k) => k.kald)).toEqual(wantSys.map((w) => w.kald));
    expect(wantSys.filter((w) => w.kald > 0).length).toBeGreaterThan(3);
  });
});
