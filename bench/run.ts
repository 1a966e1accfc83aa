/**
 * `npm run bench`: runs every bench/*.bench.ts in turn. Each prints its figures and
 * their ratio to a baseline measured in the same run; results go to bench/README.md
 * by hand (the numbers depend on the machine).
 */

import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

// `npm run bench -- <name> [flags]`: the flags after the name go to that benchmark (e.g. `infra --full-scale`)
const only = process.argv[2];
const flags = process.argv.slice(3);
const files = readdirSync("bench")
  .filter((f) => f.endsWith(".bench.ts") && (!only || f.includes(only)))
  .sort()
  // an exact name picks that benchmark alone (`infra` is also part of `infrastruktur`)
  .filter((f, _, all) => !only || !all.includes(`${only}.bench.ts`) || f === `${only}.bench.ts`);
if (files.length === 0) {
  process.stderr.write("Ingen benchmarks fundet i bench/*.bench.ts\n");
  process.exit(1);
}
let failed = 0;
for (const f of files) {
  process.stdout.write(`\n== ${f} ==\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", join("bench", f), ...flags], {
    stdio: "inherit",
    env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" }
  });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
