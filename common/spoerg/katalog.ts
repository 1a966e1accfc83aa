/** Builds Spørg's catalogue from rows shaped like the published noegletal_katalog and kommuner tables. */
import type { SpoergKatalog } from "./types.js";

export interface KatalogInput {
  id: string;
  titel: string;
  enhed: string;
  omraade: string;
  aar_med_data: string | null;
  decimaler: number | bigint | null;
}
export interface KommuneInput {
  kommunekode: string;
  navn: string;
  officielt_navn: string;
  regionskode: string;
  regionsnavn: string;
}

export function spoergKatalog(katalog: KatalogInput[], kommuner: KommuneInput[]): SpoergKatalog {
  return {
    figurer: katalog.map((k) => ({
      id: k.id,
      titel: k.titel,
      enhed: k.enhed,
      omraade: k.omraade,
      decimaler: Number(k.decimaler ?? 1),
      aar: (k.aar_med_data ?? "")
        .split(",")
        .filter(Boolean)
        .map(Number)
        .sort((a, b) => a - b)
    })),
    kommuner: kommuner.map(({ kommunekode, navn, officielt_navn, regionskode, regionsnavn }) => ({
      kommunekode,
      navn,
      officielt_navn,
      regionskode,
      regionsnavn
    }))
  };
}
