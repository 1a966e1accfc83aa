/**
 * Read and check raw sources with the loaders' own code (the same parsers, rules and
 * reconciliation the data loaders run during the build). scripts/build.ts calls this
 * before Framework starts, so a broken delivery stops the build in a second with the
 * loader's message; the defect corpus (test/loaders/defects.test.ts) runs it per case.
 */
import { buildBefolkning, buildKommuner, buildNoegletal } from "../datasets.js";
import { buildGeo } from "../geo.js";

export type SourcePart = "kommuner" | "noegletal" | "befolkning" | "geo";

export const ALL_PARTS: SourcePart[] = ["kommuner", "noegletal", "befolkning", "geo"];

/** Throws the loader's error (an InputError naming file, line, column and rule) on the first rule broken. */
export function checkSources(parts: SourcePart[] = ALL_PARTS): void {
  const kommuner = buildKommuner();
  if (parts.includes("noegletal")) buildNoegletal();
  if (parts.includes("befolkning")) buildBefolkning();
  if (parts.includes("geo")) buildGeo(new Set(kommuner.map((k) => k.kommunekode)));
}
