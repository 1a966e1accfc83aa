// Which snapshot the figures come from, and the derived price index when a StatBank snapshot exists (loaders/dst/publish.ts).
import { statbankSummary } from "../../loaders/dst/publish.js";
import { emit } from "../../loaders/lib/emit.js";

await emit(() => JSON.stringify(statbankSummary(), null, 1));
