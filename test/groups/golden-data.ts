/**
 * Writes the input of test/groups/golden.R: one row per municipality (98), the column
 * `kommunekode`, then the folkeskole outcome and the 10 candidate variables of
 * golden.test.ts for 2018, named by their key-figure ids, from the project's own parser
 * (`buildNoegletal().values`, cells with status ok or nul; the same values the site
 * publishes in filer/noegletal.parquet). CSV with "." decimals, for R's read.csv.
 *
 *   npx tsx test/groups/golden-data.ts > test/.tmp/golden-folkeskole-2018.csv
 *   Rscript test/groups/golden.R test/.tmp/golden-folkeskole-2018.csv
 *
 * See test/groups/README.md for the same export in DuckDB from the published Parquet.
 */
import { buildKommuner, buildNoegletal } from "../../loaders/datasets.js";

export const YEAR = 2018;
export const COLUMNS = [
  "udg-til-folkeskolen-pr-6-16-aarig",
  "andel-6-16-aarige",
  "befolkningstaethed-indb-km2",
  "befolkningsandel-i-bymaessig-bebyggelse",
  "sociooekonomisk-indeks",
  "udgiftsbehov-landet-pr-indb",
  "beskatningsgrundlag-pr-indb",
  "andel-25-64-aarige-uden-erhvervsuddannelse",
  "andel-25-64-aarige-med-videregaaende-uddannelse",
  "andel-almennyttige-boliger",
  "statsborgere-fra-ikke-vestlige-lande-pr-10-000-indb"
];

const cells = new Map<string, number>();
for (const r of buildNoegletal().values)
  if (r.aar === YEAR && (r.status === "ok" || r.status === "nul") && r.vaerdi !== null)
    cells.set(`${r.kommunekode}/${r.id}`, r.vaerdi);
const lines = [["kommunekode", ...COLUMNS].join(",")];
for (const k of buildKommuner())
  lines.push([k.kommunekode, ...COLUMNS.map((id) => String(cells.get(`${k.kommunekode}/${id}`) ?? "NA"))].join(","));
process.stdout.write(lines.join("\n") + "\n");
