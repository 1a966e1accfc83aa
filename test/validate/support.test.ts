/** Monthly sums of the ingested hourly support-system Parquet (loaders/validate/support.ts), on a hand-made partition. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { expect, test } from "vitest";
import { supportMonthlyRows, validateSupport } from "../../loaders/validate/support.js";

test("hours are summed to municipality × month × service; non-municipal rows are left out", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kommunetal-support-"));
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  try {
    // 101: Organisation Hent 5 + 7 in April, 11 in May; 147: 2 in April; a non-municipal row of 1000
    // the ingest's layout: <dir>/stoettesystemer/year=YYYY/month=M/*.parquet
    await con.run(`COPY (SELECT *, year("time") AS year, month("time") AS month FROM (VALUES
        (TIMESTAMP '2022-04-01 13:00', '101', 'Organisation', 'Organisation Hent', 5),
        (TIMESTAMP '2022-04-02 09:00', '101', 'Organisation', 'Organisation Hent', 7),
        (TIMESTAMP '2022-05-01 09:00', '101', 'Organisation', 'Organisation Hent', 11),
        (TIMESTAMP '2022-04-01 13:00', '147', 'Organisation', 'Organisation Hent', 2),
        (TIMESTAMP '2022-04-01 13:00', NULL, 'Organisation', 'Organisation Hent', 1000)
      ) t("time", kommunekode, stoettesystem, service, antal_kald))
      TO '${join(dir, "stoettesystemer")}' (FORMAT parquet, PARTITION_BY (year, month))`);
    const rows = await supportMonthlyRows(con, dir);
    expect(rows.map((r) => [r.kommunekode, r.maaned, r.subject, r.kald])).toEqual([
      ["101", "2022-04", "Organisation Hent", 12],
      ["101", "2022-05", "Organisation Hent", 11],
      ["147", "2022-04", "Organisation Hent", 2]
    ]);
    // 147 has no hour in May while 101 (1 of the 2 others, ≥ 50 %) has: fuldstaendig.maaned;
    // 151 is expected but has no rows at all: fuldstaendig.kommuner
    const f = await validateSupport(con, dir, { file: "s.csv", kommunekoder: ["101", "147", "151"] });
    expect(f.map((x) => [x.rule, x.kommunekode, x.periode])).toEqual([
      ["fuldstaendig.maaned", "147", "2022-05"],
      ["fuldstaendig.kommuner", "151", undefined]
    ]);
  } finally {
    con.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
});
