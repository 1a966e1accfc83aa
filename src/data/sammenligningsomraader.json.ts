// The areas of the comparison groups with their outcome and candidate variables (see loaders/areas.ts).
import { buildGroupDefaults } from "../../loaders/groups.js";
import { emit } from "../../loaders/lib/emit.js";

await emit(() => JSON.stringify(buildGroupDefaults().areas, null, 1));
