/**
 * The validation rules on the hourly support-system extract (stoettesystemer) after ingest:
 * the contract rules (columns, values, duplicate keys, negative counts) are the ingest's
 * (loaders/infra/ingest.ts, which rejects such rows with file:line:column); this sums the
 * accepted hours to municipality × month × support-system service with DuckDB and runs the
 * engine's completeness, continuity and outlier rules on that.
 */
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import {
  type InfraMonthlyInput,
  type InfraMonthlyRow,
  type ValidateOptions,
  type ValidationFinding,
  validateInfraMonthly
} from "../../common/validate/index.js";

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Monthly rows of the ingested support-system Parquet (`<parquetDir>/stoettesystemer/**`). */
export async function supportMonthlyRows(con: DuckDBConnection, parquetDir: string): Promise<InfraMonthlyRow[]> {
  const src = `read_parquet(${q(join(parquetDir, "stoettesystemer", "**", "*.parquet"))}, hive_partitioning=true)`;
  const r = await con.runAndReadAll(
    `SELECT kommunekode::VARCHAR AS kommunekode, strftime("time", '%Y-%m') AS maaned, stoettesystem, service, sum(antal_kald)::DOUBLE AS kald
     FROM ${src} WHERE kommunekode IS NOT NULL GROUP BY ALL ORDER BY ALL`
  );
  return (
    r.getRowObjectsJS() as {
      kommunekode: string;
      maaned: string;
      stoettesystem: string;
      service: string;
      kald: number;
    }[]
  ).map((x) => ({
    kommunekode: x.kommunekode,
    maaned: x.maaned,
    subjectKind: "service",
    subject: x.service,
    subjectLabel: `${x.stoettesystem}: ${x.service}`,
    kald: x.kald
  }));
}

export async function validateSupport(
  con: DuckDBConnection,
  parquetDir: string,
  input: Omit<InfraMonthlyInput, "rows">,
  opts: ValidateOptions = {}
): Promise<ValidationFinding[]> {
  return validateInfraMonthly({ ...input, rows: await supportMonthlyRows(con, parquetDir) }, opts);
}
