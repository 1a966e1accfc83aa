// Infrastructure aggregate "infrastruktur-systemanvendelse" (schema: loaders/infra/README.md).

import { aggregateBytes } from "../../loaders/infra/build.js";
import { emit } from "../../loaders/lib/emit.js";

await emit(() => aggregateBytes("infrastruktur-systemanvendelse"));
