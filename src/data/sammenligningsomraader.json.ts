// The areas of the comparison groups with their outcome and candidate variables (see loaders/areas.ts).
import { buildGroupDefaults } from "../../loaders/groups.js";
import { useIngest } from "../../loaders/ingest.js";
import { emit } from "../../loaders/lib/emit.js";

await emit(() => {
  useIngest(["groups"]); // rows parsed once per build (loaders/ingest.ts)
  return JSON.stringify(buildGroupDefaults().areas, null, 1);
});
