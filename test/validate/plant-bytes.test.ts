/**
 * `npm run demodata -- --plant all` (loaders/validate/plant.ts plantExtracts, seed 1) writes exactly the same files
 * as before the plant blocks were factored: SHA-256 of every output (gzip files decompressed, so the zlib version
 * does not matter) against the hashes recorded from the code before the refactoring. A change to the planted data
 * must update these hashes on purpose (and the recall test must stay at 100 %).
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { expect, test } from "vitest";
import { PLANT_KINDS, plantExtracts } from "../../loaders/validate/plant.js";

const BEFORE: Record<string, string> = {
  "indekssager_seed1.csv.gz": "1da2ba13c0153ab192e0925f8b546ddd4183eb6d4d682fff84a96275da534b84",
  "klarmelding_seed1.csv.gz": "bcc9141fbdfcbd96abb578aca9b096543b6b36242884a82d5a7e40a8be0c1caa",
  "noegletal_demo_seed1.csv": "9ae42032066c643c9333a23fe45677e35410f167fcc7e59cc38006144c56feaf",
  "planted.json": "a80251b68dfd34d4faeb05f8af2b76df45032042d18a5b9145512961519272ab",
  "serviceplatformen_seed1.csv.gz": "596ed34a58d81ea70824b3b905d42ff71d02ad78bc4197e61931b09b7dbc2e35",
  "stoettesystemer_seed1.csv.gz": "04706e482fdbf359dda311bbfe5ee9ddd5dd6ea2ca631cc70722603e68c87a5a",
  "systemanvendelse_seed1.csv.gz": "04e6f74cd26bc752c3541b233c3efcdbea6689df511ea86676a76eeff0cd8cf6"
};

test("--plant all (seed 1) writes byte-identical files", () => {
  const out = mkdtempSync(join(tmpdir(), "plant-"));
  plantExtracts("data/demo/infrastruktur", out, PLANT_KINDS, 1);
  const got: Record<string, string> = {};
  for (const n of readdirSync(out).sort()) {
    const b = readFileSync(join(out, n));
    got[n] = createHash("sha256")
      .update(n.endsWith(".gz") ? gunzipSync(b) : b)
      .digest("hex");
  }
  expect(got).toEqual(BEFORE);
});
