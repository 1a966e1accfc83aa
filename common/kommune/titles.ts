/**
 * Full titles of the key figures. The source (Social- og Indenrigsministeriets Kommunale
 * Nøgletal) abbreviates its titles to fit a column ("Udg. til ældre samt voksne m. særl.
 * behov pr. 18+-årig"); a manager reads the full words. `fullTitle` expands the source's
 * abbreviations from one table, word for word; the source's own title stays the figure's
 * name in the data and exports (`titel`), the full title is what the page shows first.
 */

/** Abbreviation → full words, longest first where one is a prefix of another. Applied on word boundaries. */
export const ABBREVIATIONS: readonly (readonly [string, string])[] = [
  ["Udg. (brutto) til", "Bruttoudgifter til"],
  ["Udg. (netto) til", "Nettoudgifter til"],
  ["Udg.", "Udgifter"],
  ["Indt., centr. ref.ordn.,", "Indtægter fra den centrale refusionsordning,"],
  ["Indt. fra den centr. ref.ordn. vedr. b/u", "Indtægter fra den centrale refusionsordning vedrørende børn og unge"],
  ["voksne/hand.", "voksne med handicap"],
  ["Indt.", "Indtægter"],
  ["Anlægsindt. excl.", "Anlægsindtægter ekskl."],
  ["Boligsikr.udg.", "Boligsikringsudgifter"],
  ["Beskatningsgrl.", "Beskatningsgrundlag"],
  ["Dækn.afg.prm.", "Dækningsafgiftspromille"],
  ["Drifts- og anl.fin.", "Drifts- og anlægsfinansiering"],
  ["fors.virks.", "forsyningsvirksomhed"],
  ["forsyningsvirks.", "forsyningsvirksomhed"],
  ["akt.bestemt medfinans. af sundh.v.", "aktivitetsbestemt medfinansiering af sundhedsvæsenet"],
  ["sundh.ydelser ekskl. medfin.", "sundhedsydelser ekskl. medfinansiering"],
  ["bibl./kultur/folkeopl.", "biblioteker, kultur og folkeoplysning"],
  ["central ledelse og adm.", "central ledelse og administration"],
  ["decentral led. og adm.", "decentral ledelse og administration"],
  ["ledelse og adm.", "ledelse og administration"],
  ["admininistration", "administration"],
  ["m. særl. behov", "med særlige behov"],
  ["med særl. behov", "med særlige behov"],
  ["Kom.s forventning til serviceudg.", "Kommunens forventning til serviceudgifter"],
  ["kom.grænser", "kommunegrænser"],
  ["tilskud og udlign.", "tilskud og udligning"],
  ["Mdl. takst", "Månedlig takst"],
  ["Månedl. takst", "Månedlig takst"],
  ["frit.hj.pl", "fritidshjemsplads"],
  ["eft. ref.", "efter reformen"],
  ["efter skoleref.", "efter skolereformen"],
  ["eft. skoleref.", "efter skolereformen"],
  ["ældrebol.", "ældreboliger"],
  ["int. inst.", "integrerede institutioner"],
  ["aldersint. inst.", "aldersintegrerede institutioner"],
  ["plejehjem/pl.centre", "plejehjem og plejecentre"],
  ["konk.uds.", "konkurrenceudsættelse"],
  ["gl. def.", "gammel definition"],
  ["off. ejendommes", "offentlige ejendommes"],
  ["aflastn.ophold", "aflastningsophold"],
  ["pr. mnd", "pr. måned"],
  ["pr. 1/1 pr. indb.", "pr. indbygger (1. januar)"],
  ["på hkt", "på hovedkonto"],
  ["Privat-leverandør-indik.", "Privatleverandør-indikator"],
  ["amts- og primærkom. udskrivn.pct.", "amts- og primærkommunal udskrivningsprocent"],
  ["(gns=1,00)", "(landsgennemsnit = 1,00)"],
  ["(gns 1,00)", "(landsgennemsnit = 1,00)"],
  ["(indb/km2)", "(indbyggere pr. km²)"],
  ["(km2)", "(km²)"],
  ["m.fl.", "med flere"],
  ["mv.", "med videre"],
  ["indb.", "indbygger"],
  ["pr 17-64/66-årig", "pr. 17-64/66-årig"],
  ["(abs)", ""]
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const RULES = ABBREVIATIONS.map(
  ([from, to]) => [new RegExp(`(^|(?<=[\\s(]))${escapeRegExp(from)}(?=$|[\\s),])`, "g"), to] as const
);

/** The source's title with its abbreviations written out ("Udg. til folkeskolen pr. elev" → "Udgifter til folkeskolen pr. elev"). */
export function fullTitle(titel: string): string {
  let t = titel.replace(/\.\(/g, ". (");
  for (const [re, to] of RULES) t = t.replace(re, to);
  return t.replace(/\s{2,}/g, " ").trim();
}
