/** Paths of the committed data snapshot, resolved from this file so cwd does not matter. */

import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * The folder the loaders read raw files from. `KOMMUNETAL_DATA` points them at another
 * folder with the same layout (e.g. newer exports) without touching the code.
 */
export const RAW_DIR = process.env.KOMMUNETAL_DATA ?? join(PROJECT_ROOT, "data", "raw");

export const RAW = {
  noegletal: join(RAW_DIR, "noegletal", "noegletal_dk_2013-2019_raw.csv"),
  folk1am: join(RAW_DIR, "dst", "folk1am_kommuner_2021m10-2024m04.csv"),
  komgrp: join(RAW_DIR, "dst", "kommunegrupper_komgrp.csv"),
  dawaKommuner: join(RAW_DIR, "dawa", "kommuner_dataforsyningen_2024.json"),
  dawaRegioner: join(RAW_DIR, "dawa", "regioner_dataforsyningen_2024.json"),
  geo: join(RAW_DIR, "geo", "kommuner_dagi_2023.geojson")
};

/** Path shown in messages: relative to the project when inside it. */
export function shown(path: string): string {
  const r = relative(PROJECT_ROOT, path);
  return r.startsWith("..") ? path : r;
}
