// Published table "infrastruktur-kle-overensstemmelse": KLE conformance per IT system and municipality (common/infra/kle.ts).

import { aggregateBytes } from "../../loaders/infra/build.js";
import { emit } from "../../loaders/lib/emit.js";

await emit(() => aggregateBytes("infrastruktur-kle-overensstemmelse"));
