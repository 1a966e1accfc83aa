// Infrastructure aggregate "infrastruktur-klarmelding" (schema: loaders/infra/README.md).

import { aggregateBytes } from "../../loaders/infra/build.js";
import { emit } from "../../loaders/lib/emit.js";

await emit(() => aggregateBytes("infrastruktur-klarmelding"));
