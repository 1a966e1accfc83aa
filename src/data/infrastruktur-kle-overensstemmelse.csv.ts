// The table infrastruktur-kle-overensstemmelse as Danish CSV (; separator, decimal comma, UTF-8 BOM); see loaders/csv.ts.

import { readParquet } from "../../common/parquet.js";
import { toDanishCsv } from "../../loaders/csv.js";
import { KLE_OVERENS_SCHEMA, type KleOverensPublished } from "../../loaders/infra/aggregates.js";
import { aggregateBytes } from "../../loaders/infra/build.js";
import { emit } from "../../loaders/lib/emit.js";

await emit(async () => {
  const b = await aggregateBytes("infrastruktur-kle-overensstemmelse");
  const rows = await readParquet<KleOverensPublished>(
    b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer
  );
  return toDanishCsv(rows, KLE_OVERENS_SCHEMA);
});
