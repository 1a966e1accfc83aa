/**
 * Custom entries for Framework's site search (observablehq.config.ts, `search.index`):
 * every municipality page by name and code, and every key figure by title, unit and
 * area, linking to its view in the catalogue.
 */
import { aliasKeywords, sortByName } from "../common/kommune/names.js";
import { buildKommuner, buildNoegletal } from "./datasets.js";
import { useIngest } from "./ingest.js";

export interface SearchEntry {
  path: string;
  title: string;
  text: string;
  keywords?: string;
}

export function searchEntries(): SearchEntry[] {
  useIngest(["kommuner", "noegletal"]); // the rows the build parsed once (loaders/ingest.ts)
  // Danish order; the keywords carry the other names people search by ("Århus", "Kbh", historic names)
  const kommuner = sortByName(buildKommuner()).map((k) => ({
    path: `/kommune/${k.kommunekode}`,
    title: k.officielt_navn,
    text: `${k.officielt_navn} (${k.navn}), kommunenummer ${k.kommunekode}, ${k.regionsnavn}, ${k.kommunegruppe}. Nøgletal, placering blandt de 98 kommuner, udvikling 2013-2019, sammenligningsgruppe og landstal.`,
    keywords: `${aliasKeywords(k)} ${k.kommunekode} kommune kend din kommune`
  }));
  const figurer = buildNoegletal().katalog.map((f) => ({
    path: `/noegletal?id=${f.id}`,
    title: `Nøgletal: ${f.titel}`,
    text: `${f.titel}. Enhed: ${f.enhed}. Område: ${f.omraade_navn}. ${f.aar_fra === null ? "Ingen data 2013-2019." : `Data ${f.aar_fra}-${f.aar_til}.`}`,
    keywords: `nøgletal ${f.omraade_navn}`
  }));
  return [...kommuner, ...figurer];
}
