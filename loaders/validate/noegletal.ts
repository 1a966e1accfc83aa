/**
 * The validation rules on the REAL embedded key figures (data/raw/noegletal, noegletal.dk
 * export 2013-2019), as the build and `npm run genfinding -- --real` run them:
 * - cells: the parsed export (before kommunetal's own suppression of small counts), with the
 *   line and column of every value in the raw file;
 * - comparison groups: the default group (10 nearest) of each comparison area in the standard
 *   year, from the comparison-group engine (loaders/groups.ts), for the figures of that area;
 * - relations the export allows: shares of age groups that add up (0-5 = 0-2 + 3-5, 0-9 = 0-5 +
 *   6-9, 6-13 = 6-9 + 10-13, 0-13 = 0-5 + 6-13), administration = central + decentral, and
 *   density = population / area. The export has no absolute numerators for its "pr. indb."
 *   figures, and FOLK1AM (2021-2024) does not overlap its years, so no other per-inhabitant check.
 */
import {
  ENGINE_RULES,
  type KeyFigureCell,
  type KeyFigureInput,
  type KeyFigureMeta,
  type ValidationFinding,
  validateKeyFigures
} from "../../common/validate/index.js";
import { comparisonAreaOfPageArea, STANDARD_AAR } from "../areas.js";
import { buildKommuner, buildNoegletal } from "../datasets.js";
import { buildGroupDefaults } from "../groups.js";
import { RAW, shown } from "../lib/paths.js";
import { readRaw } from "../lib/rules.js";
import { parseDawaKommuner } from "../sources/dawa.js";
import { parseNoegletal } from "../sources/noegletal.js";

export const REAL_SUMS: KeyFigureInput["sums"] = [
  { total: "andel-0-5-aarige", parts: ["andel-0-2-aarige", "andel-3-5-aarige"] },
  { total: "andel-0-9-aarige", parts: ["andel-0-5-aarige", "andel-6-9-aarige"] },
  { total: "andel-6-13-aarige", parts: ["andel-6-9-aarige", "andel-10-13-aarige"] },
  { total: "andel-0-13-aarige", parts: ["andel-0-5-aarige", "andel-6-13-aarige"] },
  {
    total: "udg-til-ledelse-og-adm-pr-indb",
    parts: ["udg-til-central-ledelse-og-adm-pr-indb", "udg-til-decentral-led-og-adm-pr-indb"]
  }
];
export const REAL_RATIOS: KeyFigureInput["perInhabitant"] = [
  { id: "befolkningstaethed-indb-km2", numerator: "indbyggertal-1-januar", denominator: "areal-km2-abs", scale: 1 }
];

/** Comparison groups per comparison area: kommunekode → its default group in the standard year. */
export function defaultGroups(): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const r of buildGroupDefaults().rows) {
    if (r.aar !== STANDARD_AAR) continue;
    out[r.omraade] ??= {};
    (out[r.omraade][r.kommunekode] ??= []).push(r.nabo);
  }
  return out;
}

/** The engine's input for the embedded key figures. */
export function embeddedKeyFigureInput(): KeyFigureInput {
  const n = buildNoegletal();
  const dawa = parseDawaKommuner(readRaw(RAW.dawaKommuner), shown(RAW.dawaKommuner));
  const parsed = parseNoegletal(
    readRaw(RAW.noegletal),
    shown(RAW.noegletal),
    new Set(dawa.kommuner.map((k) => k.kommunekode)),
    { namesByCode: new Map(dawa.kommuner.map((k) => [k.kommunekode, k.navn])) }
  );
  if (parsed.values.length !== n.values.length) throw new Error("nøgletallene er læst forskelligt to gange");
  const first = Math.min(...n.years);
  // buildNoegletal maps the parsed values one to one, in order: the line comes from the parse
  const rows: KeyFigureCell[] = n.values.map((v, i) => ({
    ...v,
    line: parsed.values[i].linje,
    column: 3 + (v.aar - first)
  }));
  const katalog: KeyFigureMeta[] = n.katalog.map((k) => ({
    id: k.id,
    titel: k.titel,
    enhed: k.enhed,
    taeller_personer: k.taeller_personer,
    omraade: comparisonAreaOfPageArea(k.omraade),
    decimaler: k.decimaler
  }));
  return {
    file: shown(RAW.noegletal),
    rows,
    katalog,
    kommunekoder: buildKommuner().map((k) => k.kommunekode),
    groups: defaultGroups(),
    sums: REAL_SUMS,
    perInhabitant: REAL_RATIOS
  };
}

/** The rules on the embedded key figures: all findings and the count per rule (README, "Regler, genfinding og præcision"). */
export function validateEmbeddedKeyFigures(): { findings: ValidationFinding[]; perRule: Record<string, number> } {
  const findings = validateKeyFigures(embeddedKeyFigureInput());
  const perRule: Record<string, number> = {};
  for (const r of ENGINE_RULES) perRule[r] = 0;
  for (const f of findings) perRule[f.rule] = (perRule[f.rule] ?? 0) + 1;
  return { findings, perRule };
}
