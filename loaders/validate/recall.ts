/**
 * Recall and precision of the validation rules, per rule, on the demo data:
 *
 * - recall = planted anomalies found / planted (./plant.ts; a plant is found when a finding of
 *   its rule names its municipality, its subject and its period, or a span containing it);
 * - false positives = findings of the rule on the CLEAN demo set (nothing is planted there);
 * - precision = findings on the planted set that match a plant / all findings of the rule on
 *   the planted set.
 *
 *   npm run --silent genfinding [-- --seed 1] [--json]
 *   npm run --silent genfinding -- --real [--json]      (the rules on the embedded real key figures)
 *
 * `measureRecall()` is what a loader calls to publish the table (e.g. on /datakvalitet).
 * Clean infrastructure set: the committed demo extract `data/demo/infrastruktur/serviceplatformen_seed1.csv.gz`
 * (the generator's vendor switches leave 1-3-month gaps on purpose; the rules see them).
 */
import { join } from "node:path";
import { RULES, type RuleId } from "../../common/rules/index.js";
import {
  type InfraMonthlyInput,
  type InfraMonthlyRow,
  type KeyFigureCell,
  type ValidationFinding,
  validateInfraMonthly,
  validateKeyFigures
} from "../../common/validate/index.js";
import type { RecallRow } from "../../common/views/datakvalitet.js";
import { buildBefolkning, buildKommuner } from "../datasets.js";
import { DEMO_MONTHS } from "../infra/demo.js";
import { PROJECT_ROOT } from "../lib/paths.js";
import { demoKeyFigureInput, demoKeyFigures, kommunegruppeGroups } from "./demo-noegletal.js";
import {
  keyFigureFileName,
  PLANT_KINDS,
  type PlantedAnomaly,
  plantKeyFigures,
  plantServiceplatformen
} from "./plant.js";
import { parseServiceplatformen, readText } from "./read.js";

export const DEMO_SERVICEPLATFORMEN = join(
  PROJECT_ROOT,
  "data",
  "demo",
  "infrastruktur",
  "serviceplatformen_seed1.csv.gz"
);

/** The engine's input for a Serviceplatformen extract: the 98, the demo months, DST municipality groups, FOLK1AM April 2022. */
export function infraInput(file: string, rows: InfraMonthlyRow[]): InfraMonthlyInput {
  const befolkning: Record<string, number> = {};
  for (const r of buildBefolkning().rows) if (r.maaned === "2022M04") befolkning[r.kommunekode] = r.befolkning;
  return {
    file,
    rows,
    months: DEMO_MONTHS,
    kommunekoder: buildKommuner().map((k) => k.kommunekode),
    groups: kommunegruppeGroups(),
    befolkning
  };
}

/** One rule's recall and precision: the row /datakvalitet publishes (common/views/datakvalitet.ts RecallRow). */
export type RuleMeasure = RecallRow & { rule: RuleId };

export interface RecallResult {
  seed: number;
  demodata: true;
  rules: RuleMeasure[];
  planted: (PlantedAnomaly & { found: boolean })[];
  clean: { noegletal: number; infrastruktur: number };
  /** a few findings on the clean sets, per rule (for the README and the page) */
  cleanExamples: ValidationFinding[];
}

/** Does finding f report plant p? */
export function matches(p: PlantedAnomaly, f: ValidationFinding): boolean {
  if (f.rule !== p.rule || f.kilde !== p.kilde || (f.kommunekode ?? "") !== p.kommunekode) return false;
  if (p.subject !== "" && f.subject !== p.subject) return false;
  if (p.periode === "") return true;
  const from = f.periode ?? "";
  const to = f.periodeTil ?? from;
  return from <= p.periode && p.periode <= to;
}

export function measureRecall(seed = 1, kinds: readonly RuleId[] = PLANT_KINDS): RecallResult {
  const spText = readText(DEMO_SERVICEPLATFORMEN);
  const spName = "serviceplatformen_seed1.csv.gz";
  const cleanInfra = validateInfraMonthly(infraInput(spName, parseServiceplatformen(spText, spName)));
  const planted = plantServiceplatformen(spText, spName, kinds, seed);
  const plantedInfra = validateInfraMonthly(infraInput(spName, parseServiceplatformen(planted.text, spName)));

  const kfName = keyFigureFileName(seed);
  const cells: KeyFigureCell[] = demoKeyFigures(seed);
  const cleanKf = validateKeyFigures(demoKeyFigureInput(kfName, cells));
  const pk = plantKeyFigures(cells, kfName, kinds, seed);
  const plantedKf = validateKeyFigures(demoKeyFigureInput(kfName, pk.cells));

  const plants = [...planted.planted, ...pk.planted];
  const findings = [...plantedInfra, ...plantedKf];
  const clean = [...cleanInfra, ...cleanKf];
  const rules: RuleMeasure[] = [];
  for (const rule of PLANT_KINDS) {
    const ps = plants.filter((p) => p.rule === rule);
    const found = ps.filter((p) => findings.some((f) => matches(p, f))).length;
    const fs = findings.filter((f) => f.rule === rule);
    const matched = fs.filter((f) => ps.some((p) => matches(p, f))).length;
    rules.push({
      rule,
      severity: RULES[rule].severity,
      planted: ps.length,
      found,
      recall: ps.length ? found / ps.length : null,
      falsePositivesClean: clean.filter((f) => f.rule === rule).length,
      findingsPlanted: fs.length,
      matched,
      precision: fs.length ? matched / fs.length : null
    });
  }
  const cleanExamples: ValidationFinding[] = [];
  for (const rule of PLANT_KINDS)
    cleanExamples.push(
      ...clean
        .filter((f) => f.rule === rule)
        .slice(0, 3)
        .map((f) => ({ ...f, serie: undefined }))
    );
  return {
    seed,
    demodata: true,
    rules,
    planted: plants.map((p) => ({ ...p, found: findings.some((f) => matches(p, f)) })),
    clean: { noegletal: cleanKf.length, infrastruktur: cleanInfra.length },
    cleanExamples
  };
}

const pct = (x: number | null) => (x === null ? "-" : `${(x * 100).toFixed(0)} %`);

/** The per-rule table in Markdown (README). */
export function recallMarkdown(r: RecallResult): string {
  const out = [
    "| regel | alvor | plantet | fundet | genfinding | fund i alt (plantet sæt) | heraf plantede | præcision | fund på rent sæt |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|"
  ];
  for (const m of r.rules)
    out.push(
      `| \`${m.rule}\` | ${m.severity} | ${m.planted} | ${m.found} | ${pct(m.recall)} | ${m.findingsPlanted} | ${m.matched} | ${pct(m.precision)} | ${m.falsePositivesClean} |`
    );
  return out.join("\n");
}

if (process.argv[1] && /validate[\\/]recall\.ts$/.test(process.argv[1])) {
  const args = process.argv.slice(2);
  const i = args.indexOf("--seed");
  if (args.includes("--real")) {
    const { validateEmbeddedKeyFigures } = await import("./noegletal.js");
    const { findings, perRule } = validateEmbeddedKeyFigures();
    if (args.includes("--json")) process.stdout.write(`${JSON.stringify({ perRule, findings }, null, 2)}\n`);
    else {
      process.stdout.write(`De indlejrede nøgletal: ${findings.length} fund\n`);
      for (const [rule, n] of Object.entries(perRule)) process.stdout.write(`  ${rule}: ${n}\n`);
      for (const rule of Object.keys(perRule))
        for (const f of findings.filter((x) => x.rule === rule).slice(0, 3))
          process.stdout.write(
            `  ${f.file}:${f.line}:${f.column}: ${f.kommunekode} ${f.periode}: ${f.message} [regel ${f.rule}]\n`
          );
    }
    process.exit(0);
  }
  const r = measureRecall(i >= 0 ? Number(args[i + 1]) : 1);
  if (args.includes("--json")) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  else {
    process.stdout.write(`Demodata, seed ${r.seed}: genfinding og præcision pr. regel\n\n${recallMarkdown(r)}\n\n`);
    for (const p of r.planted.filter((x) => !x.found)) process.stdout.write(`IKKE FUNDET: ${JSON.stringify(p)}\n`);
    process.stdout.write(`Fund på rene sæt: nøgletal ${r.clean.noegletal}, infrastruktur ${r.clean.infrastruktur}\n`);
  }
}
