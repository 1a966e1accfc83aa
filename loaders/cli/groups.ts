/**
 * `npm run --silent groups -- --outcome <figure id> --vars <id,id,...> --year <yyyy>
 *   [--alpha 0.05] [--method beta] [--top 10] [--log id,id] [--weights id=w,...]
 *   [--area <area id>] [--bootstrap 1000 --seed 1] [--json]`
 *
 * Reruns the comparison-group regression from the command line with the same engine
 * as the site. With --area the outcome and candidates default to that area's (see
 * loaders/areas.ts). --json prints one JSON object to stdout:
 * {n, r2, adjR2, f, fP, sigma, alpha, method, top, year, outcome, candidates, omitted,
 *  kept, steps, coefficients: [{id, beta, se, t, p, vif}] (intercept first), excluded,
 *  neighbours: {kommunekode: [top N kommunekoder in rank order]}, distances, predicted,
 *  bootstrap?}. `omitted: [{id, reason}]` lists the area's default candidates the year has
 *  no values for (reason in Danish); empty with --vars. Without --json a readable summary
 *  with Danish numbers (`α = 0,05`). Logs go to stderr. --help prints the usage to stdout
 *  and exits 0; exit 1 on error, 2 on bad usage (with the usage on stderr).
 */

import { formatNumber } from "../../common/format.js";
import {
  bootstrapGroups,
  computeGroups,
  type DistanceMethod,
  GroupsError,
  type GroupsOptions,
  groupsInput,
  METHODS
} from "../../common/groups/index.js";
import { AAR, AREA_DEFINITIONS, STANDARD_AAR } from "../areas.js";
import { buildKommuner } from "../datasets.js";
import { candidatesFor, figureIndex, type Omitted, omittedFor } from "../groups.js";

/** One line: what a wrong call prints on stderr, before the hint to --help. */
const USAGE = `Brug: npm run --silent groups -- (--outcome <nøgletal-id> --vars <id,id,...> --year <åååå> | --area <område>) [valg]`;

/** `--help`: options, defaults and examples, in Danish. Areas and methods come from the code, not a copy. */
export function helpText(): string {
  const areas = AREA_DEFINITIONS.map((a) =>
    a.id === a.navn.toLowerCase() ? a.id : `${a.id} (${a.navn.toLowerCase()})`
  ).join(", ");
  return [
    "npm run groups: sammenligningsgrupper efter FLIS-metoden fra kommandolinjen.",
    "Samme beregning som siden /sammenligningsgrupper: regression med baglæns eliminering,",
    "afstand mellem kommunerne og de N mest sammenlignelige for hver af de 98 kommuner.",
    "",
    USAGE,
    "",
    "Valg:",
    "  --outcome <id>       udfaldet: et nøgletals-id fra kataloget (/noegletal, filer/noegletal-katalog.csv).",
    "                       Standard med --area: områdets udfald.",
    "  --vars <id,id,...>   kandidatvariable (nøgletals-id, kommasepareret).",
    "                       Standard med --area: områdets standardvariable, der har data i året.",
    `  --year <åååå>        året (${AAR[0]}-${AAR[AAR.length - 1]}). Standard med --area: ${STANDARD_AAR} (seneste regnskabsår).`,
    `  --area <område>      et område: ${areas}.`,
    "  --alpha <tal>        signifikansniveau for den baglæns eliminering. Standard: 0.05 (1 beholder alle).",
    `  --method <metode>    afstand: ${METHODS.map((m) => m.id).join(", ")}. Standard: beta (β-vægtet).`,
    "  --top <N>            gruppestørrelse. Standard: 10.",
    "  --log <id,id,...>    variable, der indgår som logaritme (skal være blandt --vars).",
    "                       Standard med --area og uden --vars: områdets logaritmerede variable.",
    "  --weights <id=w,...> egne vægte pr. variabel (til --method weights). Standard: 1 for alle.",
    "  --bootstrap <antal>  stabilitet: antal bootstrap-gentagelser. Standard: ingen bootstrap.",
    "  --seed <tal>         startværdi for bootstrap. Standard: 1.",
    "  --reselect           gentag også variabeludvælgelsen i hver bootstrap-gentagelse.",
    "  --json               skriv ét JSON-objekt (n, r2, adjR2, coefficients, excluded, neighbours, ...).",
    "                       Uden --json: en læsbar oversigt med danske tal.",
    "  --help, -h           vis denne hjælp.",
    "",
    "Eksempler:",
    "  npm run --silent groups -- --area folkeskole --year 2018",
    "  npm run --silent groups -- --outcome udg-til-folkeskolen-pr-elev \\",
    "    --vars andel-6-16-aarige,sociooekonomisk-indeks,befolkningstaethed-indb-km2 \\",
    "    --year 2018 --alpha 0.05 --method beta --top 10 --json",
    "",
    "Afslutning: 0 ved succes, 1 hvis grupperne ikke kan beregnes, 2 ved forkert brug."
  ].join("\n");
}

export interface CliArgs {
  outcome?: string;
  vars?: string[];
  year?: number;
  alpha?: number;
  method?: DistanceMethod;
  top?: number;
  log: string[];
  weights?: Record<string, number>;
  area?: string;
  bootstrap?: number;
  seed?: number;
  reselect: boolean;
  json: boolean;
  /** --help / -h: print the usage and exit 0 */
  help: boolean;
}

/** Wrong use of the command line: exit 2 with the message and the usage line. */
export class UsageError extends Error {}

export function parseArgs(argv: string[]): CliArgs {
  const out: CliArgs = { log: [], json: false, reselect: false, help: false };
  const num = (flag: string, v: string | undefined) => {
    const x = Number(v);
    if (v === undefined || v.trim() === "" || !Number.isFinite(x))
      throw new UsageError(`${flag} kræver et tal, fik ${v ?? "intet"}`);
    return x;
  };
  const list = (v: string | undefined, flag: string) => {
    if (!v) throw new UsageError(`${flag} kræver en kommasepareret liste`);
    return v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] =
      a.includes("=") && a.startsWith("--")
        ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
        : [a, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case "--outcome":
        out.outcome = value();
        break;
      case "--vars":
        out.vars = list(value(), flag);
        break;
      case "--year":
        out.year = num(flag, value());
        break;
      case "--alpha":
        out.alpha = num(flag, value());
        break;
      case "--method": {
        const m = value();
        if (!METHODS.some((x) => x.id === m))
          throw new UsageError(`--method skal være en af ${METHODS.map((x) => x.id).join(", ")}, fik ${m}`);
        out.method = m as DistanceMethod;
        break;
      }
      case "--top":
        out.top = num(flag, value());
        break;
      case "--log":
        out.log = list(value(), flag);
        break;
      case "--weights": {
        out.weights = {};
        for (const pair of list(value(), flag)) {
          const [id, w] = pair.split(/[=:]/);
          out.weights[id] = num(`--weights ${id}`, w);
        }
        break;
      }
      case "--area":
        out.area = value();
        break;
      case "--bootstrap":
        out.bootstrap = num(flag, value());
        break;
      case "--seed":
        out.seed = num(flag, value());
        break;
      case "--reselect":
        out.reselect = true;
        break;
      case "--json":
        out.json = true;
        break;
      case "--help":
      case "-h":
        out.help = true;
        break;
      default:
        throw new UsageError(`ukendt argument: ${a}`);
    }
  }
  return out;
}

/** Run the engine for parsed arguments; returns the JSON object the CLI prints. */
export function runCli(args: CliArgs): Record<string, unknown> {
  const area = args.area ? AREA_DEFINITIONS.find((a) => a.id === args.area) : undefined;
  if (args.area && !area)
    throw new UsageError(`ukendt område ${args.area}; brug et af ${AREA_DEFINITIONS.map((a) => a.id).join(", ")}`);
  const year = args.year ?? (area ? STANDARD_AAR : undefined);
  const outcome = args.outcome ?? area?.udfald;
  if (!outcome) throw new UsageError("--outcome mangler (eller --area)");
  if (year === undefined) throw new UsageError("--year mangler");
  const index = figureIndex();
  // an unknown outcome is the engine's error (exit 1: "Ukendt nøgletal"); a known one without values that year is said here
  if (index.ids.has(outcome) && !index.has(outcome, year)) {
    const years = AAR.filter((y) => index.has(outcome, y));
    const where = area ? `området ${area.id}` : `udfaldet ${outcome}`;
    const span = years.length ? `${years[0]}-${years[years.length - 1]}` : "ingen år";
    throw new UsageError(
      `året ${year} har ingen data for ${where} (${outcome} har data for ${span}); vælg et andet --year`
    );
  }
  const logSet = new Set([
    ...args.log,
    ...(args.vars ? [] : (area?.variabler.filter((v) => v.log).map((v) => v.id) ?? []))
  ]);
  const vars = args.vars ?? (area ? candidatesFor(area, year, index).map((v) => v.id) : undefined);
  const omitted: Omitted[] = !args.vars && area ? omittedFor(area, year, index) : [];
  if (!vars?.length) throw new UsageError("--vars mangler (eller --area)");
  const unknownLog = [...logSet].filter((id) => !vars.includes(id));
  if (unknownLog.length) throw new UsageError(`--log nævner variable, der ikke er i --vars: ${unknownLog.join(", ")}`);
  const koder = buildKommuner().map((k) => k.kommunekode);
  const input = groupsInput(
    index,
    koder,
    outcome,
    vars.map((id) => ({ id, log: logSet.has(id) })),
    year
  );
  const options: GroupsOptions = { alpha: args.alpha, method: args.method, top: args.top, weights: args.weights };
  const r = computeGroups(input, options);
  const result: Record<string, unknown> = {
    year,
    outcome,
    n: r.n,
    r2: r.model.r2,
    adjR2: r.model.adjR2,
    f: r.model.f,
    fP: r.model.fP,
    sigma: r.model.sigma,
    df: r.model.df,
    alpha: r.alpha,
    method: r.method,
    top: r.top,
    candidates: r.variables.map((v) => ({ id: v.id, log: v.log, mean: v.mean, sd: v.sd, kept: v.kept })),
    omitted,
    kept: r.kept,
    coefficients: r.model.terms.map((t) => ({ id: t.id, beta: t.beta, se: t.se, t: t.t, p: t.p, vif: t.vif })),
    steps: r.steps.map((s) => ({
      step: s.step,
      variables: s.variables,
      r2: s.fit.r2,
      adjR2: s.fit.adjR2,
      removed: s.removed
    })),
    excluded: r.excluded,
    neighbours: Object.fromEntries(r.kommunekoder.map((k, i) => [k, r.neighbours[i].map((nb) => nb.kommunekode)])),
    distances: Object.fromEntries(r.kommunekoder.map((k, i) => [k, r.neighbours[i].map((nb) => nb.distance)])),
    mutual: Object.fromEntries(r.kommunekoder.map((k, i) => [k, r.neighbours[i].map((nb) => nb.mutual)])),
    predicted: Object.fromEntries(
      r.kommunekoder.map((k, i) => [k, { actual: r.actual[i], predicted: r.predicted[i], residual: r.residual[i] }])
    )
  };
  if (args.bootstrap) {
    const b = bootstrapGroups(input, options, { resamples: args.bootstrap, seed: args.seed, reselect: args.reselect });
    const n = b.kommunekoder.length;
    result.bootstrap = {
      resamples: b.resamples,
      used: b.used,
      failed: b.failed,
      seed: b.seed,
      reselect: b.reselect,
      keptShare: b.reselect ? b.keptShare : undefined,
      probability: Object.fromEntries(
        r.kommunekoder.map((k, i) => [
          k,
          r.neighbours[i].map((nb) => b.probability[i * n + r.kommunekoder.indexOf(nb.kommunekode)])
        ])
      )
    };
  }
  return result;
}

export function summary(res: Record<string, unknown>): string {
  const f = (x: number, d = 3) => formatNumber(x, d);
  const coefs = res.coefficients as {
    id: string;
    beta: number;
    se: number;
    t: number;
    p: number;
    vif: number | null;
  }[];
  const lines = [
    `Udfald: ${res.outcome}, ${res.year}; n = ${res.n}; R² = ${f(res.r2 as number)}; justeret R² = ${f(res.adjR2 as number)}; metode ${res.method}; α = ${formatNumber(res.alpha as number)}; N = ${res.top}`,
    ""
  ];
  const omitted = (res.omitted ?? []) as Omitted[];
  if (omitted.length)
    lines.push(`Standardvariable udeladt i ${res.year}:`, ...omitted.map((o) => `  ${o.id}: ${o.reason}`), "");
  lines.push(
    [
      "variabel".padEnd(52),
      "β".padStart(10),
      "SE".padStart(10),
      "t".padStart(8),
      "p".padStart(10),
      "VIF".padStart(8)
    ].join(""),
    ...coefs.map((c) =>
      [
        c.id.padEnd(52),
        f(c.beta, 1).padStart(10),
        f(c.se, 1).padStart(10),
        f(c.t, 2).padStart(8),
        (c.p < 0.001 ? "<0,001" : f(c.p)).padStart(10),
        (c.vif === null ? "" : f(c.vif, 1)).padStart(8)
      ].join("")
    ),
    ""
  );
  for (const s of res.steps as { step: number; removed: { id: string; p: number } | null }[])
    if (s.removed) lines.push(`Trin ${s.step}: fjernede ${s.removed.id} (p = ${f(s.removed.p)})`);
  const ex = res.excluded as { kommunekode: string; missing: string[] }[];
  if (ex.length)
    lines.push(`Udeladt: ${ex.map((e) => `${e.kommunekode} (mangler ${e.missing.join(", ")})`).join("; ")}`);
  lines.push("", "Sammenligningsgrupper (kommunekode: naboer i rækkefølge):");
  for (const [k, v] of Object.entries(res.neighbours as Record<string, string[]>)) lines.push(`${k}: ${v.join(" ")}`);
  return lines.join("\n") + "\n";
}

// Run only as a script (the tests import parseArgs/runCli).
if (process.argv[1] && /cli[\\/]groups\.ts$/.test(process.argv[1])) {
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.help) {
      process.stdout.write(helpText() + "\n");
      process.exit(0);
    }
    const res = runCli(args);
    process.stdout.write(args.json ? JSON.stringify(res) + "\n" : summary(res));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(
        (e.message ? `Fejl: ${e.message}\n` : "") + USAGE + "\nSe npm run --silent groups -- --help\n"
      );
      process.exit(2);
    }
    process.stderr.write(`Fejl: ${e instanceof GroupsError ? e.message : ((e as Error).stack ?? String(e))}\n`);
    process.exit(1);
  }
}
