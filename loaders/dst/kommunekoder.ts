/** The 98 municipality codes (3 digits), from the DAWA file the loaders read. */
import { readFileSync } from "node:fs";
import { RAW, shown } from "../lib/paths.js";
import { parseDawaKommuner } from "../sources/dawa.js";

export function DAWA_KODER(): string[] {
  return parseDawaKommuner(readFileSync(RAW.dawaKommuner), shown(RAW.dawaKommuner))
    .kommuner.map((k) => k.kommunekode)
    .sort();
}
