/** Danish wording of ranks, national figures and group means, shared by pages and exports. */
import { formatNumber, formatValue } from "../format.js";
import { isYesNoFigure } from "../vocabulary.js";
import type { NationalFigure, PageFigure } from "./types.js";

export const RANK_RULE =
  "Placering: 1 = den højeste værdi blandt kommunerne med en værdi for året. Placeringen siger intet om, hvorvidt en høj værdi er god eller dårlig.";

/** "nr. 3 af 97" or the reason there is no rank. */
export function rankText(rank: number | null, antal: number, janej = false): string {
  if (janej) return "rangeres ikke (ja/nej)";
  if (rank === null) return "ingen placering";
  return `nr. ${rank} af ${antal}`;
}

/** How a national figure is formed, in a few words. */
export function nationalSourceText(land: NationalFigure): string {
  switch (land.kilde) {
    case "I alt":
      return "kildens landstal (I alt, sum over kommunerne)";
    case "Gennemsnit":
      return "kildens landstal (Gennemsnit)";
    case "gennemsnit af kommunerne (uvægtet)":
      return `kilden har intet landstal; gennemsnit af kommunerne (uvægtet), ${land.n ?? 0} kommuner, beregnet af kommunetal`;
    case "antal ja":
      return `antal kommuner med "ja" af ${land.n ?? 0} med svar`;
  }
}

export function nationalValueText(f: Pick<PageFigure, "land" | "decimaler" | "janej">): string {
  if (f.janej) return f.land.vaerdi === null ? "ingen svar" : `${f.land.vaerdi} af ${f.land.n} har ja`;
  return formatValue(f.land.vaerdi, f.land.status, f.decimaler);
}

export function groupValueText(f: Pick<PageFigure, "gruppe" | "decimaler" | "janej">): string {
  if (f.janej) return "–";
  if (f.gruppe.gns === null) return "ingen værdier i gruppen";
  return formatNumber(f.gruppe.gns, f.decimaler);
}

/** "(12 af 23 med værdi)" when not every member has a value. */
export function groupCountText(f: Pick<PageFigure, "gruppe" | "janej">): string {
  if (f.janej || f.gruppe.gns === null) return "";
  return f.gruppe.n < f.gruppe.af ? `${f.gruppe.n} af ${f.gruppe.af} med værdi` : "";
}

export const GROUP_MEAN_RULE =
  "Gruppegennemsnit: uvægtet gennemsnit af de øvrige kommuner i sammenligningsgruppen, der har en værdi for året (kommunen selv indgår ikke).";

/** What kommunetal shows as the national figure for a catalogue row, in one sentence. */
export function catalogueNationalNote(k: { landstal: string | null; enhed: string }): string {
  if (isYesNoFigure(k)) return "Ja/nej-nøgletal: kommunetal viser antallet af kommuner, der har svaret ja.";
  if (k.landstal === null)
    return "Kommunetal viser i stedet gennemsnit af kommunerne (uvægtet) med en værdi for året; det er ikke et landstal.";
  if (k.landstal === "I alt")
    return "Kommunetal viser kildens I alt (en sum, ikke sammenlignelig med en enkelt kommunes tal) og tegner den ikke i de små grafer.";
  return "Kommunetal viser kildens eget landstal uændret.";
}

/** The profile's method ("Hvad skiller sig ud", common/profile.ts), as the page states it. */
export const PROFILE_METHOD =
  "Metode: et nøgletal skiller sig ud, når kommunens værdi ligger mindst 2 robuste standardafvigelser fra medianen i sammenligningsgruppen eller blandt alle kommuner med en værdi: z = (værdi − median) / (1,4826 · MAD), hvor MAD er medianen af de absolutte afvigelser fra medianen. Højst to nøgletal pr. område, de største afvigelser først. Forskellene er regnet mod tabellens gruppegennemsnit (de øvrige kommuner i gruppen) og tallet for hele landet; placeringen i gruppen tæller kommunen selv med (1 = højeste). Ja/nej-nøgletal, rene antal (indbyggere, skoler, pladser, areal: de siger kun, hvor stor kommunen er) og grupper med under fem værdier indgår ikke. Høj eller lav er ikke i sig selv godt eller skidt.";
