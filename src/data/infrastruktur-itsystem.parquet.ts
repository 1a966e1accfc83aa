// Infrastructure aggregate "infrastruktur-itsystem" (schema: loaders/infra/README.md).
import { emit } from "../../loaders/lib/emit.js";
import { aggregateBytes } from "../../loaders/infra/build.js";

await emit(() => aggregateBytes("infrastruktur-itsystem"));
