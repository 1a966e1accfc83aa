/**
 * The comparison groups for Kend din Kommune: every page area uses the default group of
 * its comparison area, computed by the comparison-group engine (loaders/groups.ts,
 * `buildGroupDefaults()`; see `comparisonGroup` in ./kommune.ts). `KOMMUNETAL_KDK_GROUPS=dst`
 * uses the DST municipality group instead.
 */

import { buildGroupDefaults } from "./groups.js";
import type { GroupContext } from "./kommune.js";

let memo: Partial<GroupContext> | undefined;

export async function loadGroupContext(): Promise<Partial<GroupContext>> {
  if (process.env.KOMMUNETAL_KDK_GROUPS === "dst") return {};
  if (memo) return memo;
  const d = buildGroupDefaults();
  process.stderr.write(
    `[kommune] sammenligningsgrupper fra loaders/groups.ts: ${d.rows.length} rækker, ${d.areas.length} områder\n`
  );
  memo = {
    neighbours: d.rows,
    omraadeNavn: new Map(d.areas.map((a) => [a.id, a.navn])),
    standardaar: new Map(d.areas.map((a) => [a.id, a.standardaar]))
  };
  return memo;
}
