/**
 * The comparison groups for Kend din Kommune. When the comparison-group engine is in
 * the project (loaders/groups.ts, `buildGroupDefaults()`, agreed interface: rows
 * `{omraade, aar, kommunekode, rang, nabo, …}` and areas `{id, navn, standardaar, …}`),
 * every page area uses its default group (see `comparisonGroup` in ./kdk.ts); until
 * then, the DST municipality group. `KOMMUNETAL_KDK_GROUPS=dst` forces the DST group.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { GroupContext, NaboRow } from "./kdk.js";
import { PROJECT_ROOT } from "./lib/paths.js";

interface EngineDefaults {
  rows: NaboRow[];
  areas: { id: string; navn: string; standardaar: number }[];
}

export async function loadGroupContext(): Promise<Partial<GroupContext>> {
  if (process.env.KOMMUNETAL_KDK_GROUPS === "dst") return {};
  const module = join(PROJECT_ROOT, "loaders", "groups.ts");
  if (!existsSync(module)) return {};
  // imported by path: the engine is another branch's module and may not be here yet
  const engine = (await import(pathToFileURL(module).href)) as { buildGroupDefaults(): EngineDefaults };
  const d = engine.buildGroupDefaults();
  process.stderr.write(`[kdk] sammenligningsgrupper fra loaders/groups.ts: ${d.rows.length} rækker, ${d.areas.length} områder\n`);
  return {
    naboer: d.rows,
    omraadeNavn: new Map(d.areas.map((a) => [a.id, a.navn])),
    standardaar: new Map(d.areas.map((a) => [a.id, a.standardaar]))
  };
}
