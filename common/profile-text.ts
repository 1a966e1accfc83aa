/**
 * The words of the profile "Hvad skiller sig ud" (common/profile.ts): ranks, units and the highlight's sentence.
 * Apart from the scoring so a page can re-write a sentence (e.g. in fixed prices, common/views/kommune.ts) without
 * loading the statistics library. Pure; tested in test/profile.test.ts and test/views/kommune-priser.test.ts.
 */
import { formatNumber } from "./format.js";

export interface Highlight {
  id: string;
  titel: string;
  omraade: string;
  omraadenavn: string;
  enhed: string;
  decimaler: number;
  aar: number;
  vaerdi: number;
  zGruppe: number | null;
  zLand: number | null;
  /** mean of the other group members (as the table's "Gruppegns."), the difference in the unit and in per cent */
  gruppeGns: number | null;
  forskelGruppe: number | null;
  pctGruppe: number | null;
  /** the other members' values, sorted ascending (for the small chart) */
  gruppeVaerdier: number[];
  /** median of all municipalities */
  landMedian: number;
  /** the country reference used for `pctLand` and its name */
  landRef: number;
  landNavn: string;
  pctLand: number | null;
  /** 1 = highest in the group (the municipality included) */
  rankInGroup: number | null;
  gruppeStoerrelse: number;
  /** change since the first year with a value, in per cent */
  udvikling: { fra: number; pct: number } | null;
  /** the larger |z| of the two: what the highlight was chosen by */
  score: number;
  saetning: string;
}

/** "3. højeste" / "højeste" / "laveste": the rank in Danish, from the top or the bottom, whichever is nearer. */
export function rankWords(rank: number, of: number): string {
  if (rank === 1) return "højeste";
  if (rank === of) return "laveste";
  const fromBottom = of - rank + 1;
  return rank <= fromBottom ? `${rank}. højeste` : `${fromBottom}. laveste`;
}

/** The unit a value is written with in a sentence: "kr. pr. elev" → "kr." (the title says per what). */
export function shortUnit(enhed: string): string {
  if (/^kr\./.test(enhed)) return "kr.";
  if (/^(ikke angivet|antal|pr\.\s|indeks)/.test(enhed)) return "";
  const per = /^(\S+) pr\. /.exec(enhed);
  return per ? per[1] : enhed;
}

/** The unit of a difference: percentages differ by percentage points. */
export function differenceUnit(enhed: string): string {
  if (enhed === "pct.") return "procentpoint";
  if (enhed === "promille") return "promillepoint";
  return shortUnit(enhed);
}

const withUnit = (text: string, unit: string) => (unit ? `${text} ${unit}` : text);

function direction(p: number): string {
  const r = Math.round(Math.abs(p));
  if (r === 0) return "på niveau med";
  return `${formatNumber(r, 0)} % ${p > 0 ? "over" : "under"}`;
}

/** The fields of a highlight its sentence is written from. */
export type SentenceFacts = Pick<
  Highlight,
  | "titel"
  | "enhed"
  | "decimaler"
  | "aar"
  | "vaerdi"
  | "forskelGruppe"
  | "pctGruppe"
  | "rankInGroup"
  | "gruppeStoerrelse"
  | "pctLand"
  | "landNavn"
  | "udvikling"
>;

/**
 * The highlight's plain Danish sentence, e.g. "Udgifter til folkeskolen pr. elev: 78.400 kr. i 2018, 6.500 kr. (9 %)
 * over sammenligningsgruppens gennemsnit, 3. højeste af 8 i gruppen, 12 % over landstallet, steget 4 % siden 2013."
 * `prices` (e.g. "faste 2019-priser") is named after the year when the money values are not the year's own prices.
 */
export function highlightSentence(h: SentenceFacts, { prices = "" }: { prices?: string } = {}): string {
  const unit = shortUnit(h.enhed);
  const parts = [
    `${h.titel}: ${withUnit(formatNumber(h.vaerdi, h.decimaler), unit)} i ${h.aar}${prices ? ` (${prices})` : ""}`
  ];
  const { forskelGruppe, pctGruppe, udvikling } = h;
  if (forskelGruppe !== null && pctGruppe !== null) {
    const r = Math.round(Math.abs(pctGruppe));
    const size = withUnit(formatNumber(Math.abs(forskelGruppe), h.decimaler), differenceUnit(h.enhed));
    parts.push(
      r === 0 && Math.abs(forskelGruppe) < 10 ** -h.decimaler / 2
        ? "på niveau med sammenligningsgruppens gennemsnit"
        : `${size} (${formatNumber(r, 0)} %) ${forskelGruppe > 0 ? "over" : "under"} sammenligningsgruppens gennemsnit`
    );
  }
  if (h.rankInGroup !== null)
    parts.push(`${rankWords(h.rankInGroup, h.gruppeStoerrelse)} af ${h.gruppeStoerrelse} i gruppen`);
  if (h.pctLand !== null) parts.push(`${direction(h.pctLand)} ${h.landNavn}`);
  if (udvikling) {
    const r = Math.round(Math.abs(udvikling.pct));
    parts.push(
      r === 0
        ? `uændret siden ${udvikling.fra}`
        : `${udvikling.pct > 0 ? "steget" : "faldet"} ${r} % siden ${udvikling.fra}`
    );
  }
  return `${parts.join(", ")}.`;
}
