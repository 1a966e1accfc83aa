/**
 * Documentation of each key figure, derived from its title in the source export:
 * a stable id, the unit, the area it belongs to, and the years that have data.
 *
 * The export carries titles only. Units and areas are read from the wording of the
 * title (e.g. "… pr. indb." is kroner per inhabitant when the title is an expenditure),
 * by the ordered rules below; a title no rule understands gets the unit
 * "ikke angivet i kilden" rather than a guess. Every rule is covered by a test.
 */

import { asciiSlug } from "./slug.js";

export interface Area {
  id: string;
  navn: string;
}

/**
 * Areas in display order. `social` covers adult social services and employment; children and young people with
 * special needs are their own area (`boern-unge`), because they are compared within the comparison group built for
 * that spending (loaders/areas.ts), and adult figures (førtidspension, kontanthjælp) must not be.
 */
export const AREAS: Area[] = [
  { id: "struktur", navn: "Befolkning og struktur" },
  { id: "oekonomi", navn: "Økonomi" },
  { id: "skat", navn: "Skat og finansiering" },
  { id: "administration", navn: "Administration" },
  { id: "dagtilbud", navn: "Dagtilbud" },
  { id: "skole", navn: "Skole" },
  { id: "aeldre", navn: "Ældre" },
  { id: "boern-unge", navn: "Børn og unge med særlige behov" },
  { id: "social", navn: "Social og beskæftigelse (voksne)" },
  { id: "kultur", navn: "Kultur og fritid" },
  { id: "forsyning", navn: "Forsyning" }
];

// Ordered: the first rule that matches wins, so the specific ones come first
// (e.g. "gæld ekskl. ældrebol." is finance, not elder care; "Førtidspensionister" is
// employment, not pensioners). Word boundaries keep "sport" out of "transport" and
// "SFO" out of "voldsforbrydelser".
const AREA_RULES: [RegExp, string][] = [
  [/vand|forsyningsvirksomhed pr\. indb\. \(til|bruttoanlægsudg\. til fors/i, "forsyning"],
  [/gæld|likvid|anl\.fin|anlægsindt/i, "skat"],
  [/skattefinansieret anlæg/i, "oekonomi"],
  [/ældre samt voksne/i, "aeldre"],
  [/børn og unge med særlige behov|vedr\. b\/u\b/i, "boern-unge"],
  [
    /førtidspension|særlige behov|særl\. behov|forsørgelse|introduktion|sygedagpenge|boligsikr|kontanthjælp|aktivering|centr\. ref|voksne\/hand/i,
    "social"
  ],
  [/\bSFO\b/, "dagtilbud"],
  [
    /dagtilbud|dagpasning|dagpleje|daginstitution|vuggestue|børnehave|fritidshjem|frit\.hj|aldersint|int\. inst|pasning|søskenderabat/i,
    "dagtilbud"
  ],
  [/folkeskole|skole|elev|klassekvotient|normalklasse|Undervisningsudgifter/i, "skole"],
  [/bibliotek|kultur|\bsport\b|udlånsmateriale/i, "kultur"],
  [/ældre|pleje|aflastn|udbragt mad|pensionist|beskyttede boliger|boligydelse/i, "aeldre"],
  [
    /ledelse|led\. og adm|adm\.|adm(ini)?nistration|personale|årsværk|leverandør|konkurrenceuds|konk\.uds|udlicitering/i,
    "administration"
  ],
  [
    /skat|udskrivn|beskatning|grundværdi|grundskyld|dækningsafgift|dækn\.afg|indtægt|indt\.|refusion|finansiering|tilskud og udlign/i,
    "skat"
  ],
  [/serviceudg|serviceniveau|driftsudgifter|udgifter i alt|udg\.|bruttoanlæg/i, "oekonomi"]
];

/** Area of a key figure from its title; anything else is a structural condition. */
export function areaOf(titel: string): string {
  for (const [re, area] of AREA_RULES) if (re.test(titel)) return area;
  return "struktur";
}

const EXPENDITURE =
  /^(udg\.|udgift|undervisningsudg|biblioteksudg|boligsikr\.udg|bruttoanlægsudg|indt|indtægt|refusion|anden finansiering|drifts|anlægsindt|langfristet gæld|likvid|serviceudg|nettodriftsudg|udgiftsbehov|beskatningsgr|statsgaranteret|budgetteret|grundværdier|halvårsstatus|kom\.s forventning)/i;

/** Unit of a key figure, read from its title (see module comment). */
export function unitOf(titel: string): string {
  const t = titel.replace(/\s*\((til|kun) \d{4}\)\s*$/i, "").trim();
  if (/\?\s*$/.test(t)) return "ja/nej";
  if (/^Indbyggertal/i.test(t)) return "personer";
  if (/^Areal/i.test(t)) return "km²";
  if (/Befolkningstæthed/i.test(t)) return "indbyggere pr. km²";
  if (/indeks|\(gns\s*=?\s*1,00\)/i.test(t)) return "indeks (landsgennemsnit = 1,00)";
  if (/promille|prm\./i.test(t)) return "promille";
  if (/^Andel |^Befolkningsandel|\(pct\.\)|procent|pct\./i.test(t)) return "pct.";
  if (/takst|^Betaling|afgift|bidrag/i.test(t)) return "kr.";
  if (EXPENDITURE.test(t)) {
    const per = /pr\.?\s+(.+)$/i.exec(t);
    if (!per) return "kr.";
    const who = per[1].replace(/^indb\.?$/, "indbygger").replace(/^1\/1 pr\. indb\.$/, "indbygger (1. januar)");
    return `kr. pr. ${who}`;
  }
  const per = /pr\.\s+((?:100|1\.000|10\.000)\s+.+)$/i.exec(t);
  if (per) return `pr. ${per[1]}`;
  if (/klassekvotient/i.test(t)) return "elever pr. klasse";
  if (/skolestørrelse/i.test(t)) return "elever pr. skole";
  if (/^Antal /i.test(t)) return "antal";
  if (/Biblioteksudlån pr\. indb/i.test(t)) return "udlån pr. indbygger";
  return "ikke angivet i kilden";
}

/** A stable, readable id from a title: lower case, ASCII (æ→ae, ø→oe, å→aa), dashes. */
export const slugOf = asciiSlug;

/** Unique ids for a list of titles (a repeated slug gets -2, -3 …). */
export function uniqueIds(titles: string[]): string[] {
  const seen = new Map<string, number>();
  return titles.map((t) => {
    const base = slugOf(t);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}
