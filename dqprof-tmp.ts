import { readFileSync } from "node:fs";
import { FileValidator } from "/work/wt/valpage/common/views/datakvalitet-fil.js";
const dawa = JSON.parse(readFileSync("/work/wt/valpage/data/raw/dawa/kommuner_dataforsyningen_2024.json", "utf-8"));
const kommunekoder = dawa.filter((k: any) => !k.udenforkommuneinddeling).map((k: any) => k.kode.slice(1));
const bytes = readFileSync("/tmp/kommunetal-bench-dq/serviceplatformen_bench.csv");
for (let r = 0; r < 1; r++) {
  const t0 = performance.now();
  const v = new FileValidator({ fileName: "serviceplatformen_bench.csv", kommunekoder });
  for (let i = 0; i < bytes.length; i += 1 << 16) v.push(bytes.subarray(i, i + (1 << 16)));
  const t1 = performance.now();
  const res = v.finish();
  const t2 = performance.now();
  console.log(`parse+checks ${(t1 - t0).toFixed(0)} ms, finish (rules) ${(t2 - t1).toFixed(0)} ms, rows ${res.rows}, findings ${res.findings.length}`);
}
