/**
 * npm run --silent kald -- --extracts <folder> --from YYYY-MM --to YYYY-MM [--it-system <name or id>] [--service <SF nr>] [--json]
 *
 * Calls per inhabitant per kommunekode over a period (common/infra/kald.ts, the rule in
 * KALD_REGEL), optionally for one IT system (name or UUID) and/or one service, plus the
 * reconciliation of every extract file. The folder is ingested once into a cache
 * (KOMMUNETAL_INFRA_CACHE or .cache/infrastruktur-cli/<hash>) and reused while the files
 * are unchanged.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { isMonth, KALD_REGEL, kaldPrIndbygger } from "../../common/infra/kald.js";
import { buildBefolkning, buildKommuner } from "../datasets.js";
import { PROJECT_ROOT } from "../lib/paths.js";
import { ensureInfra, type InfraMeta } from "./build.js";
import { openDuckDB } from "./ingest.js";

const HELP = `Kald pr. indbygger pr. kommune for en periode.

  npm run --silent kald -- --extracts <mappe> --from YYYY-MM --to YYYY-MM [--it-system <navn eller id>] [--service <SF-nr>] [--json]

  --extracts   mappe med udtræk (serviceplatformen_*.csv …); uden: demodata i data/demo/infrastruktur
  --from/--to  periodens første og sidste måned (begge med)
  --it-system  kun kald fra dette it-system (navn eller UUID)
  --service    kun kald til denne service (fx SF1470)
  --json       JSON på stdout (ellers en tabel)

${KALD_REGEL}
`;

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function fail(message: string): never {
  process.stderr.write(`Fejl: ${message}\n(npm run kald -- --help viser brugen)\n`);
  process.exit(2);
}

export interface KaldQuery {
  extracts?: string;
  from: string;
  to: string;
  itSystem?: string;
  service?: string;
}

/** Run the query: ingest (cached), filter, sum per municipality and month, apply the rule. */
export async function kald(query: KaldQuery, log: (s: string) => void = () => {}) {
  if (query.extracts) {
    const dir = resolve(query.extracts);
    process.env.KOMMUNETAL_EXTRACTS = dir;
    process.env.KOMMUNETAL_INFRA_CACHE ??= join(
      PROJECT_ROOT,
      ".cache",
      "infrastruktur-cli",
      createHash("sha1").update(dir).digest("hex").slice(0, 12)
    );
  }
  const cache = await ensureInfra(log);
  const meta = JSON.parse(readFileSync(join(cache, "meta.json"), "utf-8")) as InfraMeta;
  const { instance, con } = await openDuckDB();
  try {
    const where: string[] = ["kommunekode IS NOT NULL", `maaned BETWEEN '${query.from}' AND '${query.to}'`];
    const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
    if (query.itSystem)
      where.push(`(it_system = ${lit(query.itSystem)} OR lower(it_system_id) = lower(${lit(query.itSystem)}))`);
    if (query.service) where.push(`service_nr = ${lit(query.service.toUpperCase())}`);
    const glob = join(cache, "parquet", "serviceplatformen", "**", "*.parquet");
    const rows = (
      await con.runAndReadAll(`SELECT kommunekode, maaned, sum(antal_kald)::DOUBLE AS kald FROM read_parquet('${glob}', hive_partitioning=true)
        WHERE ${where.join(" AND ")} GROUP BY ALL`)
    ).getRowObjectsJS() as { kommunekode: string; maaned: string; kald: number }[];
    const matched =
      query.itSystem || query.service
        ? Number(
            (
              await con.runAndReadAll(
                `SELECT count(*) AS n FROM read_parquet('${glob}', hive_partitioning=true) WHERE ${where.slice(2).join(" AND ") || "true"}`
              )
            ).getRowObjectsJS()[0].n
          )
        : undefined;
    const population = buildBefolkning().rows.map((r) => ({
      ...r,
      maaned: `${r.maaned.slice(0, 4)}-${r.maaned.slice(5)}`
    }));
    const summary = kaldPrIndbygger(rows, population, buildKommuner(), query.from, query.to);
    return {
      ...summary,
      filter: {
        it_system: query.itSystem ?? null,
        service: query.service ?? null,
        raekker_der_matcher_filteret: matched ?? null
      },
      regel: KALD_REGEL,
      demodata: meta.demodata,
      kilde: meta.kilde,
      afstemning: meta.filer.map((f) => ({
        fil: f.file,
        format: f.format.description,
        raekker_ind: f.rowsIn,
        raekker_ud: f.rowsOut,
        raekker_afvist: f.rowsRejected,
        antal_ind: f.countIn,
        antal_ud: f.countOut,
        antal_afvist: f.countRejected,
        fejl_i_filen: f.fileFindings.map((x) => x.message)
      })),
      afvisninger: meta.afvisninger.slice(0, 100).map((f) => f.message),
      afvisninger_i_alt: meta.filer.reduce((s, f) => s + f.rowsRejected, 0)
    };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

if (process.argv[1] && /infra[\\/]cli\.ts$/.test(process.argv[1])) {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  const from = arg(args, "--from");
  const to = arg(args, "--to");
  if (!from || !isMonth(from)) fail(`--from skal være en måned som 2022-04, fik ${from ?? "intet"}`);
  if (!to || !isMonth(to)) fail(`--to skal være en måned som 2022-04, fik ${to ?? "intet"}`);
  if (from > to) fail(`--from ${from} ligger efter --to ${to}`);
  const service = arg(args, "--service");
  if (service && !/^SF[0-9]{4}[A-Z]?$/i.test(service))
    fail(`--service skal være et servicenummer som SF1470, fik ${service}`);
  try {
    const result = await kald(
      { extracts: arg(args, "--extracts"), from, to, itSystem: arg(args, "--it-system"), service },
      (s) => process.stderr.write(s + "\n")
    );
    if (result.filter.raekker_der_matcher_filteret === 0)
      process.stderr.write(
        `Advarsel: ingen rækker i udtrækket matcher ${[result.filter.it_system && `it-system "${result.filter.it_system}"`, result.filter.service && `service ${result.filter.service}`].filter(Boolean).join(" og ")}\n`
      );
    if (args.includes("--json")) process.stdout.write(JSON.stringify(result, null, 2) + "\n");
    else {
      const fmt = (n: number | null, d = 0) =>
        n === null ? "–" : n.toLocaleString("da-DK", { minimumFractionDigits: d, maximumFractionDigits: d });
      const lines = [
        `${result.demodata ? "DEMODATA. " : ""}Kald ${result.fra} – ${result.til}; indbyggere pr. 1. ${result.indbyggere_maaned}`
      ];
      for (const k of result.kommuner)
        lines.push(
          `${k.kommunekode} ${(k.navn ?? "").padEnd(20)} ${fmt(k.kald).padStart(16)} ${fmt(k.indbyggere).padStart(10)} ${fmt(k.kald_pr_indbygger, 1).padStart(8)}`
        );
      lines.push(
        `Hele landet              ${fmt(result.land.kald).padStart(16)} ${fmt(result.land.indbyggere).padStart(10)} ${fmt(result.land.kald_pr_indbygger, 1).padStart(8)}`
      );
      for (const a of result.afstemning)
        lines.push(`${a.fil}: rækker ind ${a.raekker_ind} = ud ${a.raekker_ud} + afvist ${a.raekker_afvist}`);
      process.stdout.write(lines.join("\n") + "\n");
    }
  } catch (error) {
    process.stderr.write(`Fejl: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
