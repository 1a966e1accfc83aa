/**
 * `npm run opdater [-- --tabeller NGLK,FOLK1A] [--ud <mappe>] [--fra 2008] [--api <url>]`
 *
 * Fetches fresh tables from Statistics Denmark's StatBank API v1 into `<ud>/statbank/`
 * (default: the folder the loaders read, KOMMUNETAL_DATA or data/raw), all or nothing:
 * see loaders/dst/snapshot.ts. Prints what changed since the last snapshot. Needs
 * internet; without it the command fails with a Danish message and the snapshot the site
 * builds from stays as it was. `KOMMUNETAL_STATBANK_URL` (or --api) points it at another
 * server with the same API, e.g. the replay server the tests use.
 *
 * Exit 0 on success, 1 when the refresh failed (nothing changed), 2 on bad usage.
 */
import { DAWA_KODER } from "../dst/kommunekoder.js";
import { describeChanges, refresh } from "../dst/snapshot.js";
import { StatbankClient, StatbankError } from "../dst/statbank.js";
import { TABLES } from "../dst/tables.js";
import { RAW_DIR } from "../lib/paths.js";
import { InputError } from "../lib/text.js";

export const DEFAULT_API = "https://api.statbank.dk/v1";

const USAGE = `Brug: npm run opdater -- [--tabeller ${Object.keys(TABLES).join(",")}] [--ud <mappe>] [--fra <år>] [--api <url>] [--forsoeg 4] [--timeout <sekunder>]

Henter tabeller fra Danmarks Statistiks Statistikbank (kræver internet) til <mappe>/statbank/
sammen med kilde.json (tabel, variable, forespørgsler, DST's opdateringstid, hentetidspunkt).
Det nye øjebliksbillede skiftes kun ind, når alt er hentet og kontrolleret; ellers er det gamle uændret.

  --tabeller   hvilke tabeller (standard: alle: ${Object.keys(TABLES).join(", ")})
  --ud         datamappen, som loaderne læser (standard: KOMMUNETAL_DATA eller data/raw)
  --fra        første år (standard: NGLK 2008, FOLK1A 2008K1)
  --api        API'ets adresse (standard: ${DEFAULT_API}, eller KOMMUNETAL_STATBANK_URL)
  --forsoeg    antal genforsøg ved 429/5xx/timeout (standard 4)
  --timeout    sekunder pr. forespørgsel (standard 60)

Eksempel: npm run opdater && npm run build`;

class UsageError extends Error {}

export interface OpdaterArgs {
  tables: string[];
  out: string;
  from?: number;
  api: string;
  retries: number;
  timeoutMs: number;
  help: boolean;
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): OpdaterArgs {
  const out: OpdaterArgs = {
    tables: Object.keys(TABLES),
    out: RAW_DIR,
    api: env.KOMMUNETAL_STATBANK_URL ?? DEFAULT_API,
    retries: 4,
    timeoutMs: 60_000,
    help: false
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes("=")
      ? [argv[i].slice(0, argv[i].indexOf("=")), argv[i].slice(argv[i].indexOf("=") + 1)]
      : [argv[i], undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new UsageError(`${flag} kræver en værdi`);
      return v;
    };
    switch (flag) {
      case "--tabeller":
        out.tables = value()
          .split(",")
          .map((s) => s.trim().toUpperCase())
          .filter(Boolean);
        for (const t of out.tables)
          if (!TABLES[t]) throw new UsageError(`ukendt tabel ${t} (kendte: ${Object.keys(TABLES).join(", ")})`);
        break;
      case "--ud":
        out.out = value();
        break;
      case "--fra": {
        const y = Number(value());
        if (!Number.isInteger(y) || y < 1900 || y > 2100)
          throw new UsageError(`--fra kræver et årstal, fik ${argv[i]}`);
        out.from = y;
        break;
      }
      case "--api":
        out.api = value();
        break;
      case "--forsoeg":
        out.retries = Number(value());
        if (!Number.isInteger(out.retries) || out.retries < 0) throw new UsageError("--forsoeg kræver et helt tal ≥ 0");
        break;
      case "--timeout":
        out.timeoutMs = Number(value()) * 1000;
        if (!(out.timeoutMs > 0)) throw new UsageError("--timeout kræver et antal sekunder > 0");
        break;
      case "--help":
      case "-h":
        out.help = true;
        break;
      default:
        throw new UsageError(`ukendt tilvalg ${flag}`);
    }
  }
  return out;
}

export async function main(argv: string[]): Promise<number> {
  let args: OpdaterArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`opdater: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const client = new StatbankClient({ baseUrl: args.api, retries: args.retries, timeoutMs: args.timeoutMs, log });
  const from = args.from ? { NGLK: String(args.from), FOLK1A: `${args.from}K1` } : { NGLK: "2008", FOLK1A: "2008K1" };
  try {
    const result = await refresh({
      client,
      apiUrl: args.api,
      out: args.out,
      tables: args.tables,
      kommunekoder: DAWA_KODER(),
      from,
      log
    });
    log(`Nyt øjebliksbillede i ${result.folder} (Kilde: Danmarks Statistik).`);
    for (const line of describeChanges(result)) process.stdout.write(`${line}\n`);
    return 0;
  } catch (e) {
    if (e instanceof StatbankError || e instanceof InputError) {
      log(`opdater: ${e.message}`);
      log("Intet er ændret: sitet bygges fortsat fra det forrige øjebliksbillede.");
      return 1;
    }
    log(`opdater: uventet fejl: ${(e as Error).message}`);
    log("Intet er ændret: sitet bygges fortsat fra det forrige øjebliksbillede.");
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
