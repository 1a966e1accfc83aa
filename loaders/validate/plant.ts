/**
 * Planted anomalies: known errors of every kind the validation rules look for, put into the
 * demo data so that recall (planted found) can be measured (./recall.ts).
 *
 *   npm run demodata -- --seed 1 --out <folder> --plant all           (or --plant serie.nul,afvig.enhed,…)
 *
 * Into the Serviceplatformen extract (its own format, the same lines as the generator's,
 * with lines changed, removed or repeated) and into a demo key-figure table
 * (`noegletal_demo_seed<seed>.csv`, ./demo-noegletal.ts, published long format). Every plant
 * is listed in `planted.json` beside them: `[{id, rule, kilde, file, kommunekode, periode,
 * subject, detail}]` (`periode` "" = every period). Seeded: the same seed and kinds give the
 * same plants. Each plant uses its own municipality; the infrastructure plants use the
 * municipality's largest service present in every month.
 *
 * | rule | infrastructure (Serviceplatformen) | key figures (demo) |
 * |---|---|---|
 * | fuldstaendig.kommuner | every line of a municipality removed | a municipality's rows of one figure removed |
 * | fuldstaendig.maaned | a municipality's lines of one month removed | - |
 * | fuldstaendig.aar | - | one year's value of a figure set to status `mangler` |
 * | serie.niveauskift | a service's calls ×3 from a month on | service expenditure ×2.2 from a year on |
 * | serie.nul | a service's calls set to 0 for 3 months | service expenditure 0 (status `nul`) in one year |
 * | serie.stopper | a service's lines removed for the last 6 months | service expenditure removed from 2022 on |
 * | afvig.land | every line of a municipality ×5 | service expenditure ×2 in every year |
 * | afvig.gruppe | every line of a municipality ×4 | service expenditure ×1.8 in every year |
 * | afvig.enhed | one month of a service ×1000 | one year of service expenditure ×1000 |
 * | form.dublet | one line repeated at the end of the file | one row repeated (another value) at the end |
 * | konsistens.negativ | one line's calls negative | children placed: negative in one year |
 * | konsistens.sum | - | central administration +400 kr. (total unchanged) |
 * | konsistens.pr_indbygger | - | density ×1.1 in one year |
 * | diskretion.smaatal | - | children placed: 3 in one year |
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { Prng } from "../../common/infra/prng.js";
import type { RuleId } from "../../common/rules/index.js";
import type { KeyFigureCell } from "../../common/validate/index.js";
import { DEMO_YEARS, demoKeyFigures, keyFigureCsv } from "./demo-noegletal.js";
import { readText } from "./read.js";

export interface PlantedAnomaly {
  id: string;
  rule: RuleId;
  kilde: "noegletal" | "infrastruktur";
  file: string;
  kommunekode: string;
  /** the period of the anomaly; "" = all periods (or none, for a missing municipality) */
  periode: string;
  /** service number / "I alt" (infrastructure) or key-figure id; "" = any */
  subject: string;
  detail: string;
}

export const INFRA_PLANTS: readonly RuleId[] = [
  "fuldstaendig.kommuner",
  "fuldstaendig.maaned",
  "serie.niveauskift",
  "serie.nul",
  "serie.stopper",
  "afvig.land",
  "afvig.gruppe",
  "afvig.enhed",
  "form.dublet",
  "konsistens.negativ"
];
export const KEYFIGURE_PLANTS: readonly RuleId[] = [
  "fuldstaendig.kommuner",
  "fuldstaendig.aar",
  "serie.niveauskift",
  "serie.nul",
  "serie.stopper",
  "afvig.land",
  "afvig.gruppe",
  "afvig.enhed",
  "form.dublet",
  "konsistens.negativ",
  "konsistens.sum",
  "konsistens.pr_indbygger",
  "diskretion.smaatal"
];
/** Every kind that can be planted (`--plant all`). */
export const PLANT_KINDS: readonly RuleId[] = [...new Set([...INFRA_PLANTS, ...KEYFIGURE_PLANTS])];

/** `all` or a comma-separated list of rule ids → kinds; an unknown kind is an error with the list of known ones. */
export function parsePlantKinds(arg: string): RuleId[] {
  if (arg === "all") return [...PLANT_KINDS];
  const kinds = arg
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const k of kinds)
    if (!PLANT_KINDS.includes(k as RuleId))
      throw new Error(`--plant: ukendt slags "${k}"; kendte: all, ${PLANT_KINDS.join(", ")}`);
  return kinds as RuleId[];
}

/** Municipalities in a seeded order (Fisher-Yates with the project's PRNG). */
function shuffled(codes: string[], rng: Prng): string[] {
  const a = [...codes].sort();
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** The manifest of one file's plants: `note` records one anomaly with an id `<prefix>01`, `<prefix>02`, … */
function manifest(prefix: "I" | "N", kilde: PlantedAnomaly["kilde"], file: string) {
  const planted: PlantedAnomaly[] = [];
  const note = (rule: RuleId, kommunekode: string, periode: string, subject: string, detail: string) => {
    planted.push({
      id: `${prefix}${String(planted.length + 1).padStart(2, "0")}`,
      rule,
      kilde,
      file,
      kommunekode,
      periode,
      subject,
      detail
    });
  };
  return { planted, note };
}

/** Plant anomalies into the text of a Serviceplatformen extract. */
export function plantServiceplatformen(
  text: string,
  file: string,
  kinds: readonly RuleId[],
  seed: number
): { text: string; planted: PlantedAnomaly[] } {
  const rng = new Prng(seed * 104_729 + 3);
  const all = text.split("\n");
  const trailing = all[all.length - 1] === "" ? all.pop() : undefined;
  const header = all[0].split(";");
  const col = (n: string) => header.indexOf(n);
  const [cM, cK, cS, cN, cA] = ["maaned", "kommunekode", "service_nr", "service_navn", "antal_kald"].map(col);
  let rows = all.slice(1).map((l) => l.split(";"));
  const months = [...new Set(rows.map((r) => r[cM]))].sort();
  const P = months.length;
  // per municipality: the service with the largest smallest month (present in every month)
  const perKS = new Map<string, Map<string, Map<string, number>>>();
  for (const r of rows) {
    if (!r[cK]) continue;
    let byS = perKS.get(r[cK]);
    if (!byS) perKS.set(r[cK], (byS = new Map()));
    let byM = byS.get(r[cS]);
    if (!byM) byS.set(r[cS], (byM = new Map()));
    byM.set(r[cM], (byM.get(r[cM]) ?? 0) + Number(r[cA]));
  }
  const bestService = (k: string): { s: string; navn: string; min: number } => {
    let best = { s: "", navn: "", min: -1 };
    for (const [s, byM] of perKS.get(k) ?? []) {
      if (byM.size < P) continue;
      const min = Math.min(...byM.values());
      if (min > best.min) best = { s, navn: "", min };
    }
    best.navn = rows.find((r) => r[cS] === best.s)?.[cN] ?? "";
    return best;
  };
  const candidates = shuffled(
    [...perKS.keys()].filter((k) => bestService(k).min >= 200),
    rng
  );
  const { planted, note } = manifest("I", "infrastruktur", file);
  const scale = (pred: (r: string[]) => boolean, f: (x: number) => number) => {
    for (const r of rows) if (pred(r)) r[cA] = String(f(Number(r[cA])));
  };
  const extra: string[][] = [];
  for (const rule of INFRA_PLANTS) {
    if (!kinds.includes(rule)) continue;
    const k = candidates.shift() as string;
    const { s, navn } = bestService(k);
    const m = months[rng.int(12, P - 9)];
    const isKS = (r: string[]) => r[cK] === k && r[cS] === s;
    switch (rule) {
      case "fuldstaendig.kommuner":
        rows = rows.filter((r) => r[cK] !== k);
        note(rule, k, "", "I alt", "alle kommunens linjer er fjernet");
        break;
      case "fuldstaendig.maaned":
        rows = rows.filter((r) => !(r[cK] === k && r[cM] === m));
        note(rule, k, m, "I alt", `kommunens linjer for ${m} er fjernet`);
        break;
      case "serie.niveauskift":
        scale(
          (r) => isKS(r) && r[cM] >= m,
          (x) => x * 3
        );
        note(rule, k, m, s, `${s} ${navn}: antal_kald ×3 fra ${m}`);
        break;
      case "serie.nul": {
        const to = months[months.indexOf(m) + 2];
        scale(
          (r) => isKS(r) && r[cM] >= m && r[cM] <= to,
          () => 0
        );
        note(rule, k, m, s, `${s} ${navn}: antal_kald 0 i ${m}-${to}`);
        break;
      }
      case "serie.stopper": {
        const from = months[P - 6];
        rows = rows.filter((r) => !(isKS(r) && r[cM] >= from));
        note(rule, k, from, s, `${s} ${navn}: linjerne fra ${from} er fjernet`);
        break;
      }
      case "afvig.land":
      case "afvig.gruppe": {
        const f = rule === "afvig.land" ? 5 : 4;
        scale(
          (r) => r[cK] === k,
          (x) => x * f
        );
        note(rule, k, "", "I alt", `alle kommunens antal_kald ×${f}`);
        break;
      }
      case "afvig.enhed":
        scale(
          (r) => isKS(r) && r[cM] === m,
          (x) => x * 1000
        );
        note(rule, k, m, s, `${s} ${navn}: antal_kald ×1000 i ${m}`);
        break;
      case "form.dublet": {
        const r = rows.find((x) => isKS(x) && x[cM] === m) as string[];
        extra.push([...r]);
        note(rule, k, m, s, `linjen for ${m} ${s} gentaget sidst i filen`);
        break;
      }
      case "konsistens.negativ": {
        const r = rows.find((x) => isKS(x) && x[cM] === m && Number(x[cA]) > 0) as string[];
        r[cA] = String(-Number(r[cA]));
        note(rule, k, m, s, `${s} ${navn}: én linjes antal_kald negativ i ${m}`);
        break;
      }
    }
  }
  const out = [all[0], ...rows.map((r) => r.join(";")), ...extra.map((r) => r.join(";"))];
  return { text: out.join("\n") + (trailing !== undefined ? "\n" : ""), planted };
}

/** Plant anomalies into demo key figures (rows in file order; a repeated row is appended). */
export function plantKeyFigures(
  cells: readonly KeyFigureCell[],
  file: string,
  kinds: readonly RuleId[],
  seed: number
): { cells: KeyFigureCell[]; planted: PlantedAnomaly[] } {
  const rng = new Prng(seed * 15_485_863 + 5);
  let rows = cells.map((c) => ({ ...c }));
  const candidates = shuffled([...new Set(rows.map((r) => r.kommunekode))], rng);
  const { planted, note } = manifest("N", "noegletal", file);
  const cell = (id: string, k: string, aar: number) =>
    rows.find((r) => r.id === id && r.kommunekode === k && r.aar === aar) as KeyFigureCell;
  /** the service expenditure series of municipality k, from year `from` on, times f (rounded) */
  const scaleSeries = (k: string, f: number, from = 0) => {
    for (const r of rows)
      if (r.id === "serviceudgifter" && r.kommunekode === k && r.aar >= from)
        r.vaerdi = Math.round((r.vaerdi as number) * f);
  };
  const extra: KeyFigureCell[] = [];
  for (const rule of KEYFIGURE_PLANTS) {
    if (!kinds.includes(rule)) continue;
    const k = candidates.shift() as string;
    const aar = DEMO_YEARS[rng.int(4, DEMO_YEARS.length - 2)];
    const y = String(aar);
    const su = "serviceudgifter";
    switch (rule) {
      case "fuldstaendig.kommuner":
        rows = rows.filter((r) => !(r.id === "folkeskoler" && r.kommunekode === k));
        note(rule, k, "", "folkeskoler", "kommunens rækker for folkeskoler er fjernet");
        break;
      case "fuldstaendig.aar":
        Object.assign(cell(su, k, aar), { vaerdi: null, status: "mangler" });
        note(rule, k, y, su, `værdien for ${y} mangler (status mangler)`);
        break;
      case "serie.niveauskift":
        scaleSeries(k, 2.2, aar);
        note(rule, k, y, su, `×2,2 fra ${y}`);
        break;
      case "serie.nul":
        Object.assign(cell(su, k, aar), { vaerdi: 0, status: "nul" });
        note(rule, k, y, su, `0 i ${y}`);
        break;
      case "serie.stopper":
        rows = rows.filter((r) => !(r.id === su && r.kommunekode === k && r.aar >= 2022));
        note(rule, k, "2022", su, "rækkerne fra 2022 er fjernet");
        break;
      case "afvig.land":
      case "afvig.gruppe": {
        const f = rule === "afvig.land" ? 2 : 1.8;
        scaleSeries(k, f);
        note(rule, k, "", su, `×${String(f).replace(".", ",")} i alle år`);
        break;
      }
      case "afvig.enhed": {
        const c = cell(su, k, aar);
        c.vaerdi = (c.vaerdi as number) * 1000;
        note(rule, k, y, su, `×1000 i ${y}`);
        break;
      }
      case "form.dublet": {
        const c = cell(su, k, aar);
        extra.push({ ...c, vaerdi: (c.vaerdi as number) + 1 });
        note(rule, k, y, su, `rækken for ${y} gentaget sidst med en anden værdi`);
        break;
      }
      case "konsistens.negativ": {
        const c = cell("anbragte", k, aar);
        c.vaerdi = -(c.vaerdi as number);
        note(rule, k, y, "anbragte", `negativ i ${y}`);
        break;
      }
      case "konsistens.sum": {
        const c = cell("udg-central", k, aar);
        c.vaerdi = (c.vaerdi as number) + 400;
        note(rule, k, y, "udg-ledelse", `udg-central +400 i ${y}, totalen uændret`);
        break;
      }
      case "konsistens.pr_indbygger": {
        const c = cell("taethed", k, aar);
        c.vaerdi = Math.round((c.vaerdi as number) * 11) / 10;
        note(rule, k, y, "taethed", `×1,1 i ${y}`);
        break;
      }
      case "diskretion.smaatal":
        cell("anbragte", k, aar).vaerdi = 3;
        note(rule, k, y, "anbragte", `3 i ${y}`);
        break;
    }
  }
  return { cells: [...rows, ...extra], planted };
}

export const keyFigureFileName = (seed: number) => `noegletal_demo_seed${seed}.csv`;

/**
 * Plant into a folder of extracts: the Serviceplatformen file(s) of `srcDir` are written to
 * `outDir` with plants (other extract files are copied when the folders differ), plus the
 * planted demo key figures and `planted.json`. Returns the manifest.
 */
export function plantExtracts(
  srcDir: string,
  outDir: string,
  kinds: readonly RuleId[],
  seed: number
): PlantedAnomaly[] {
  mkdirSync(outDir, { recursive: true });
  const planted: PlantedAnomaly[] = [];
  for (const name of readdirSync(srcDir).sort()) {
    if (!/\.csv(\.gz)?$/.test(name) || name.startsWith("noegletal_demo_")) continue;
    if (!name.startsWith("serviceplatformen_")) {
      if (srcDir !== outDir) copyFileSync(join(srcDir, name), join(outDir, name));
      continue;
    }
    const p = plantServiceplatformen(readText(join(srcDir, name)), name, kinds, seed);
    planted.push(...p.planted);
    const bytes = Buffer.from(p.text, "utf-8");
    writeFileSync(join(outDir, name), name.endsWith(".gz") ? gzipSync(bytes, { level: 6 }) : bytes);
  }
  const kfName = keyFigureFileName(seed);
  const kf = plantKeyFigures(demoKeyFigures(seed), kfName, kinds, seed);
  writeFileSync(join(outDir, kfName), keyFigureCsv(kf.cells));
  planted.push(...kf.planted);
  writeFileSync(join(outDir, "planted.json"), `${JSON.stringify(planted, null, 2)}\n`);
  return planted;
}
