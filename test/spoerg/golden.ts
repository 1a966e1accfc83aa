/**
 * Spørg's golden set: Danish questions as municipal staff write them, each with the typed query it must
 * produce (or the refusal/clarification it must give). `prev` lists earlier questions in the same
 * conversation (follow-ups). Expected years are written out; no expectation is copied from parser output.
 *
 * Part A is written by hand (full questions, fragments, misspellings, follow-ups, every question type).
 * Part B is one keyword fragment per key figure with data ("<titel> <kommune> <år>"), in varied spelling
 * (lower case, without æøå), so that every figure in the catalogue is reachable by its title.
 */
import type { Operation } from "../../common/spoerg/types.js";

export interface GoldenOk {
  q: string;
  prev?: string[];
  f: string;
  k?: string[];
  aar: number[];
  op: Operation;
  reg?: string;
  sam?: "landet" | "gruppe";
  /** for sam "gruppe": the comparison area and group year the expected mean is computed from (sammenligningsgrupper) */
  grp?: { omraade: string; aar: number };
  ret?: "hoejest" | "lavest";
  n?: number;
}
export interface GoldenNo {
  q: string;
  prev?: string[];
  status: "uklart" | "afvist";
}
export type Golden = GoldenOk | GoldenNo;

const PR_ELEV = "udg-til-folkeskolen-pr-elev";
const SKAT = "udskrivningsprocent";
const INDB = "indbyggertal-1-januar";
const LEDIG = "fuldtidsledige-pr-100-17-64-66-aarige";
const KLASSE = "gennemsnitlig-klassekvotient";
const AELDRE = "udgifter-til-aeldre-pr-67plus-aarig";
const ALL = [2013, 2014, 2015, 2016, 2017, 2018, 2019];
const NORD = "1081",
  MIDT = "1082",
  SYD = "1083",
  HOV = "1084",
  SJ = "1085";

export const HAND: Golden[] = [
  // one value
  { q: "Hvad bruger Aalborg pr. elev i folkeskolen?", f: PR_ELEV, k: ["851"], aar: [2019], op: "vaerdi" },
  { q: "Hvad bruger Aalborg pr. elev i folkeskolen i 2017?", f: PR_ELEV, k: ["851"], aar: [2017], op: "vaerdi" },
  { q: "udgift pr elev herning 2018", f: PR_ELEV, k: ["657"], aar: [2018], op: "vaerdi" },
  { q: "elevudgifter Odense 2016", f: PR_ELEV, k: ["461"], aar: [2016], op: "vaerdi" },
  { q: "Hvad er skatteprocenten i Kbh?", f: SKAT, k: ["101"], aar: [2019], op: "vaerdi" },
  { q: "skatteprocent i Århus 2015", f: SKAT, k: ["751"], aar: [2015], op: "vaerdi" },
  { q: "kommuneskatten i Gentofte 2018", f: SKAT, k: ["157"], aar: [2018], op: "vaerdi" },
  { q: "Hvad er udskrivningsprocenten i Københavns Kommune i 2016?", f: SKAT, k: ["101"], aar: [2016], op: "vaerdi" },
  { q: "skatteprocent kobenhavn 2014", f: SKAT, k: ["101"], aar: [2014], op: "vaerdi" },
  { q: "Hvor mange indbyggere har Bronderslev?", f: INDB, k: ["810"], aar: [2019], op: "vaerdi" },
  { q: "indbyggertal Læsø 2013", f: INDB, k: ["825"], aar: [2013], op: "vaerdi" },
  { q: "Hvor mange bor der i Fanø kommune i 2018?", f: INDB, k: ["563"], aar: [2018], op: "vaerdi" },
  { q: "ledighed i Lolland 2017", f: LEDIG, k: ["360"], aar: [2017], op: "vaerdi" },
  { q: "Hvad var ledigheden i Guldborgsund i 2015?", f: LEDIG, k: ["376"], aar: [2015], op: "vaerdi" },
  { q: "klassekvotient Vejle 2019", f: KLASSE, k: ["630"], aar: [2019], op: "vaerdi" },
  { q: "Hvor mange elever pr. klasse er der i Randers i 2018?", f: KLASSE, k: ["730"], aar: [2018], op: "vaerdi" },
  { q: "ældreudgifter Viborg 2018", f: AELDRE, k: ["791"], aar: [2018], op: "vaerdi" },
  { q: "aeldreudgifter i Silkeborg", f: AELDRE, k: ["740"], aar: [2019], op: "vaerdi" },
  { q: "Hvad er grundskylden i Roskilde i 2017?", f: "grundskyldpromille", k: ["265"], aar: [2017], op: "vaerdi" },
  { q: "kirkeskat Næstved 2019", f: "kirkeskatteprocent", k: ["370"], aar: [2019], op: "vaerdi" },
  {
    q: "Hvor stor er gælden pr. indbygger i Holbæk i 2018?",
    f: "langfristet-gaeld-pr-1-1-pr-indb",
    k: ["316"],
    aar: [2018],
    op: "vaerdi"
  },
  {
    q: "serviceudgifter pr indbygger Lyngby 2016",
    f: "serviceudgifter-pr-indb",
    k: ["173"],
    aar: [2016],
    op: "vaerdi"
  },
  {
    q: "befolkningstæthed Frederiksberg 2019",
    f: "befolkningstaethed-indb-km2",
    k: ["147"],
    aar: [2019],
    op: "vaerdi"
  },
  { q: "socioøkonomisk indeks for Ishøj 2018", f: "sociooekonomisk-indeks", k: ["183"], aar: [2018], op: "vaerdi" },
  { q: "antal folkeskoler i Thisted 2019", f: "antal-folkeskoler", k: ["787"], aar: [2019], op: "vaerdi" },
  { q: "privatskoleandel Hjørring 2017", f: "privatskoleelever-pr-100-elever", k: ["860"], aar: [2017], op: "vaerdi" },
  {
    q: "indbrud i Høje-Taastrup 2016",
    f: "anmeldte-tyverier-indbrud-pr-1-000-indb",
    k: ["169"],
    aar: [2016],
    op: "vaerdi"
  },
  {
    q: "valgte kvinder ved kommunalvalg Sønderborg 2017",
    f: "andel-valgte-kvinder-ved-kommunalvalg",
    k: ["540"],
    aar: [2017],
    op: "vaerdi"
  },
  {
    q: "dagplejetakst Svendborg 2019",
    f: "maanedlig-takst-for-dagplejeplads-for-0-2-aarige",
    k: ["479"],
    aar: [2019],
    op: "vaerdi"
  },
  {
    q: "Hvad koster en vuggestue i Slagelse i 2018?",
    f: "maanedlig-takst-for-daginstitutionsplads-for-0-2-aarige",
    k: ["330"],
    aar: [2018],
    op: "vaerdi"
  },
  {
    q: "plejehjemspladser Køge 2015",
    f: "pladser-i-plejehjem-pl-centre-pr-1-000-65plus-67plus-aarige",
    k: ["259"],
    aar: [2015],
    op: "vaerdi"
  },
  { q: "udlån pr indbygger Gladsaxe 2014", f: "biblioteksudlaan-pr-indb", k: ["159"], aar: [2014], op: "vaerdi" },
  {
    q: "administrationsudgifter Rudersdal 2019",
    f: "udg-til-ledelse-og-adm-pr-indb",
    k: ["230"],
    aar: [2019],
    op: "vaerdi"
  },
  {
    q: "selskabsskat pr indbygger Billund 2018",
    f: "indtaegter-fra-selskabsskat-pr-indb",
    k: ["530"],
    aar: [2018],
    op: "vaerdi"
  },
  { q: "kommune 751 skatteprocent 2017", f: SKAT, k: ["751"], aar: [2017], op: "vaerdi" },
  { q: "areal Ringkøbing-Skjern", f: "areal-km2-abs", k: ["760"], aar: [2019], op: "vaerdi" },
  { q: "udpendlere Struer 2017", f: "andel-udpendlere", k: ["671"], aar: [2017], op: "vaerdi" },
  {
    q: "førtidspensionister i Morsø 2016",
    f: "foertidspensionister-pr-100-17-64-66-aarige",
    k: ["773"],
    aar: [2016],
    op: "vaerdi"
  },
  {
    q: "Hvad er andelen af ejerboliger i Hørsholm i 2018?",
    f: "andel-ejerboliger",
    k: ["223"],
    aar: [2018],
    op: "vaerdi"
  },
  { q: "kulturudgifter Aabenraa 2019", f: "udg-til-kultur-pr-indb", k: ["580"], aar: [2019], op: "vaerdi" },
  // ranking
  { q: "Hvilke kommuner har flest indbyggere?", f: INDB, aar: [2019], op: "rangering", ret: "hoejest", n: 10 },
  {
    q: "Hvilke kommuner har den laveste skatteprocent i 2019?",
    f: SKAT,
    aar: [2019],
    op: "rangering",
    ret: "lavest",
    n: 10
  },
  { q: "top 5 højeste skatteprocent 2018", f: SKAT, aar: [2018], op: "rangering", ret: "hoejest", n: 5 },
  { q: "Hvilken kommune bruger mest pr. elev?", f: PR_ELEV, aar: [2019], op: "rangering", ret: "hoejest", n: 1 },
  {
    q: "de 3 kommuner med lavest udgift pr elev i 2016",
    f: PR_ELEV,
    aar: [2016],
    op: "rangering",
    ret: "lavest",
    n: 3
  },
  {
    q: "fem laveste klassekvotient i Region Midtjylland 2018",
    f: KLASSE,
    aar: [2018],
    op: "rangering",
    ret: "lavest",
    n: 5,
    reg: MIDT
  },
  {
    q: "højeste ledighed i Region Nordjylland 2017",
    f: LEDIG,
    aar: [2017],
    op: "rangering",
    ret: "hoejest",
    n: 10,
    reg: NORD
  },
  { q: "skatteprocent alle kommuner 2017", f: SKAT, aar: [2017], op: "rangering", ret: "hoejest", n: 10 },
  {
    q: "rangliste over befolkningstæthed 2019",
    f: "befolkningstaethed-indb-km2",
    aar: [2019],
    op: "rangering",
    ret: "hoejest",
    n: 10
  },
  {
    q: "Hvilke kommuner har færrest folkeskoler i 2019",
    f: "antal-folkeskoler",
    aar: [2019],
    op: "rangering",
    ret: "lavest",
    n: 10
  },
  {
    q: "top 10 gæld pr. indbygger 2019",
    f: "langfristet-gaeld-pr-1-1-pr-indb",
    aar: [2019],
    op: "rangering",
    ret: "hoejest",
    n: 10
  },
  {
    q: "billigste dagplejetakst i region sjælland 2019",
    f: "maanedlig-takst-for-dagplejeplads-for-0-2-aarige",
    aar: [2019],
    op: "rangering",
    ret: "lavest",
    n: 10,
    reg: SJ
  },
  {
    q: "hvilke kommuner har flest privatskoleelever 2017",
    f: "privatskoleelever-pr-100-elever",
    aar: [2017],
    op: "rangering",
    ret: "hoejest",
    n: 10
  },
  {
    q: "mindste kommuner målt på indbyggere i Region Hovedstaden",
    f: INDB,
    aar: [2019],
    op: "rangering",
    ret: "lavest",
    n: 10,
    reg: HOV
  },
  {
    q: "top 3 socioøkonomisk indeks 2018",
    f: "sociooekonomisk-indeks",
    aar: [2018],
    op: "rangering",
    ret: "hoejest",
    n: 3
  },
  // comparison
  { q: "Sammenlign skatteprocenten i Aarhus og Aalborg", f: SKAT, k: ["751", "851"], aar: [2019], op: "sammenligning" },
  {
    q: "udgift pr elev Herning Holstebro Viborg 2018",
    f: PR_ELEV,
    k: ["657", "661", "791"],
    aar: [2018],
    op: "sammenligning"
  },
  { q: "Kobenhavn og Bronderslev ledighed 2016", f: LEDIG, k: ["101", "810"], aar: [2016], op: "sammenligning" },
  { q: "klassekvotient Odense vs Esbjerg 2017", f: KLASSE, k: ["461", "561"], aar: [2017], op: "sammenligning" },
  { q: "indbyggere i Samsø, Læsø og Ærø 2019", f: INDB, k: ["741", "825", "492"], aar: [2019], op: "sammenligning" },
  // against the country
  {
    q: "skatteprocent i Herning i forhold til landet 2018",
    f: SKAT,
    k: ["657"],
    aar: [2018],
    op: "vaerdi",
    sam: "landet"
  },
  {
    q: "Hvordan ligger Aalborgs udgift pr. elev i forhold til landsgennemsnittet i 2017?",
    f: PR_ELEV,
    k: ["851"],
    aar: [2017],
    op: "vaerdi",
    sam: "landet"
  },
  {
    q: "ledighed Lolland sammenlignet med hele landet 2016",
    f: LEDIG,
    k: ["360"],
    aar: [2016],
    op: "vaerdi",
    sam: "landet"
  },
  { q: "skatteprocent i hele landet 2019", f: SKAT, aar: [2019], op: "landstal" },
  { q: "Hvor mange indbyggere er der i Danmark i 2019?", f: INDB, aar: [2019], op: "landstal" },
  // development
  { q: "udvikling i skatteprocent i Aarhus", f: SKAT, k: ["751"], aar: ALL, op: "udvikling" },
  {
    q: "Hvordan har udgiften pr. elev i Aalborg udviklet sig siden 2014?",
    f: PR_ELEV,
    k: ["851"],
    aar: [2014, 2015, 2016, 2017, 2018, 2019],
    op: "udvikling"
  },
  { q: "klassekvotient Aarhus 2015-2018", f: KLASSE, k: ["751"], aar: [2015, 2016, 2017, 2018], op: "udvikling" },
  { q: "indbyggertal Esbjerg fra 2013 til 2016", f: INDB, k: ["561"], aar: [2013, 2014, 2015, 2016], op: "udvikling" },
  { q: "ledighed i Vejle over tid", f: LEDIG, k: ["630"], aar: [2013, 2014, 2015, 2016, 2017], op: "udvikling" },
  { q: "udvikling i ældreudgifter i Horsens", f: AELDRE, k: ["615"], aar: [2018, 2019], op: "udvikling" },
  {
    q: "skatteprocent Aarhus og Odense siden 2016",
    f: SKAT,
    k: ["751", "461"],
    aar: [2016, 2017, 2018, 2019],
    op: "udvikling"
  },
  // mean / median across a region
  { q: "gennemsnitlig skatteprocent i Region Syddanmark 2018", f: SKAT, aar: [2018], op: "gennemsnit", reg: SYD },
  { q: "median udgift pr elev i region nordjylland 2017", f: PR_ELEV, aar: [2017], op: "median", reg: NORD },
  { q: "gennemsnit af klassekvotient for alle kommuner 2019", f: KLASSE, aar: [2019], op: "gennemsnit" },
  { q: "medianen af ledighed i Region Hovedstaden 2016", f: LEDIG, aar: [2016], op: "median", reg: HOV },
  { q: "gns. indbyggertal i region midtjylland", f: INDB, aar: [2019], op: "gennemsnit", reg: MIDT },
  // map
  { q: "vis skatteprocent 2018 som kort", f: SKAT, aar: [2018], op: "kort" },
  // follow-ups
  {
    q: "og Herning?",
    prev: ["Hvad bruger Aalborg pr. elev i folkeskolen?"],
    f: PR_ELEV,
    k: ["657"],
    aar: [2019],
    op: "vaerdi"
  },
  {
    q: "siden 2014",
    prev: ["Hvad bruger Aalborg pr. elev i folkeskolen?"],
    f: PR_ELEV,
    k: ["851"],
    aar: [2014, 2015, 2016, 2017, 2018, 2019],
    op: "udvikling"
  },
  {
    q: "i forhold til landet",
    prev: ["Hvad bruger Aalborg pr. elev i folkeskolen?"],
    f: PR_ELEV,
    k: ["851"],
    aar: [2019],
    op: "vaerdi",
    sam: "landet"
  },
  { q: "vis det som kort", prev: ["skatteprocent i Herning 2017"], f: SKAT, aar: [2017], op: "kort" },
  { q: "i 2015?", prev: ["skatteprocent i Herning 2017"], f: SKAT, k: ["657"], aar: [2015], op: "vaerdi" },
  {
    q: "og klassekvotienten?",
    prev: ["udgift pr elev i Randers 2018"],
    f: KLASSE,
    k: ["730"],
    aar: [2018],
    op: "vaerdi"
  },
  {
    q: "i Region Syddanmark",
    prev: ["Hvilke kommuner har flest indbyggere?"],
    f: INDB,
    aar: [2019],
    op: "rangering",
    ret: "hoejest",
    n: 10,
    reg: SYD
  },
  {
    q: "og laveste?",
    prev: ["top 5 højeste skatteprocent 2018"],
    f: SKAT,
    aar: [2018],
    op: "rangering",
    ret: "lavest",
    n: 5
  },
  {
    q: "og Kolding",
    prev: ["Sammenlign skatteprocenten i Aarhus og Aalborg"],
    f: SKAT,
    k: ["751", "851", "621"],
    aar: [2019],
    op: "sammenligning"
  },
  {
    q: "og Odense?",
    prev: ["ledighed i Vejle over tid"],
    f: LEDIG,
    k: ["461"],
    aar: [2013, 2014, 2015, 2016, 2017],
    op: "udvikling"
  },
  { q: "hvad med Kbh", prev: ["klassekvotient Vejle 2019"], f: KLASSE, k: ["101"], aar: [2019], op: "vaerdi" },
  {
    q: "og i 2016?",
    prev: ["Hvilke kommuner har den laveste skatteprocent i 2019?"],
    f: SKAT,
    aar: [2016],
    op: "rangering",
    ret: "lavest",
    n: 10
  },
  {
    q: "og i Aarhus?",
    prev: ["Hvad er skatteprocenten i Kbh?", "i forhold til landet"],
    f: SKAT,
    k: ["751"],
    aar: [2019],
    op: "vaerdi",
    sam: "landet"
  },
  { q: "ledigheden", prev: ["skatteprocent i Herning 2017"], f: LEDIG, k: ["657"], aar: [2017], op: "vaerdi" },
  // a municipality against its comparison group (kdk_placeringer; expected means from sammenligningsgrupper + noegletal)
  {
    q: "Hvordan ligger Aarhus i forhold til sin sammenligningsgruppe på udgifter pr. elev?",
    f: PR_ELEV,
    k: ["751"],
    aar: [2019],
    op: "vaerdi",
    sam: "gruppe",
    grp: { omraade: "folkeskole", aar: 2018 }
  },
  {
    q: "udgift pr elev Herning 2017 i forhold til sammenligningsgruppen",
    f: PR_ELEV,
    k: ["657"],
    aar: [2017],
    op: "vaerdi",
    sam: "gruppe",
    grp: { omraade: "folkeskole", aar: 2018 }
  },
  {
    q: "Hvordan ligger Odense i forhold til sammenlignelige kommuner på klassekvotient i 2018?",
    f: KLASSE,
    k: ["461"],
    aar: [2018],
    op: "vaerdi",
    sam: "gruppe",
    grp: { omraade: "folkeskole", aar: 2018 }
  },
  {
    q: "ældreudgifter Lolland sammenlignet med sammenligningsgruppen 2018",
    f: AELDRE,
    k: ["360"],
    aar: [2018],
    op: "vaerdi",
    sam: "gruppe",
    grp: { omraade: "aeldre", aar: 2018 }
  },
  {
    q: "skatteprocent i Gentofte i forhold til gruppen",
    f: SKAT,
    k: ["157"],
    aar: [2019],
    op: "vaerdi",
    sam: "gruppe",
    grp: { omraade: "serviceudgifter", aar: 2018 }
  },
  {
    q: "i forhold til sammenligningsgruppen",
    prev: ["Hvad bruger Aalborg pr. elev i folkeskolen?"],
    f: PR_ELEV,
    k: ["851"],
    aar: [2019],
    op: "vaerdi",
    sam: "gruppe",
    grp: { omraade: "folkeskole", aar: 2018 }
  },
  {
    q: "og Herning?",
    prev: ["Hvordan ligger Aarhus i forhold til sin sammenligningsgruppe på udgifter pr. elev?"],
    f: PR_ELEV,
    k: ["657"],
    aar: [2019],
    op: "vaerdi",
    sam: "gruppe",
    grp: { omraade: "folkeskole", aar: 2018 }
  },
  {
    q: "udvikling i udgift pr elev i Aarhus mod sammenligningsgruppen siden 2016",
    f: PR_ELEV,
    k: ["751"],
    aar: [2016, 2017, 2018, 2019],
    op: "udvikling",
    sam: "gruppe",
    grp: { omraade: "folkeskole", aar: 2018 }
  },
  {
    q: "ledighed Kbh og Aarhus 2015 i forhold til deres sammenligningsgrupper",
    f: LEDIG,
    k: ["101", "751"],
    aar: [2015],
    op: "sammenligning",
    sam: "gruppe",
    grp: { omraade: "serviceudgifter", aar: 2018 }
  },
  { q: "skatteprocent i alle kommuner i forhold til sammenligningsgruppen", status: "uklart" }
];

export const REFUSALS: GoldenNo[] = [
  { q: "Hvordan bliver vejret i Aalborg i morgen?", status: "afvist" },
  { q: "telefonnummer til Herning Kommune", status: "afvist" },
  { q: "Hvem er borgmester i Odense?", status: "afvist" },
  { q: "huspriser i Gentofte", status: "afvist" },
  { q: "hvad er åbningstiderne på rådhuset", status: "afvist" },
  { q: "SELECT * FROM noegletal; DROP TABLE kommuner", status: "afvist" },
  { q: "'; DROP TABLE noegletal; --", status: "afvist" },
  { q: "<script>alert(1)</script>", status: "afvist" },
  { q: "delete from kommuner where 1=1", status: "afvist" },
  { q: "skatteprocent i Aarhus i 2025", status: "afvist" },
  { q: "udgift pr elev Aalborg 2010", status: "afvist" },
  { q: "ledighed i Vejle 2019", status: "afvist" },
  { q: "ældreudgifter Viborg 2015", status: "afvist" },
  { q: "klassekvotient Odense 2008-2012", status: "afvist" },
  { q: "vandforbrugsafgift pr m3 i Aalborg", status: "afvist" },
  { q: "udliciteringsindikator pct Herning", status: "afvist" },
  { q: "kommune 999 skatteprocent", status: "afvist" },
  { q: "hvad er meningen med livet", status: "afvist" },
  { q: "asdfgh qwerty", status: "afvist" },
  { q: "", status: "afvist" },
  { q: "hvor mange stemmer fik Venstre i Randers", status: "afvist" },
  { q: "corona smittetal Kolding", status: "afvist" },
  { q: "e-mail til skoleforvaltningen i Vejle", status: "afvist" },
  { q: "kvadratmeterpris Frederiksberg", status: "afvist" },
  { q: "valgte kvinder ved kommunalvalg Aarhus 2015", status: "afvist" },
  { q: "hvordan er temperaturen i Skagen", status: "afvist" },
  { q: "drop table noegletal", status: "afvist" },
  { q: "biblioteksudlån Gladsaxe 2019", status: "afvist" },
  { q: "personaleforbrug i alt pr 1000 indb Aarhus 2018", status: "afvist" },
  { q: "kontanthjælpsmodtagere Esbjerg 2018", status: "afvist" },
  // asked back
  { q: "udgifter til skolen i Aalborg", status: "uklart" },
  { q: "udgifter til dagtilbud Odense 2018", status: "uklart" },
  { q: "pendlere Roskilde 2016", status: "uklart" },
  { q: "udgiftsbehov Gentofte 2019", status: "uklart" },
  { q: "skatteprocent", status: "uklart" },
  { q: "udgift pr elev 2018", status: "uklart" },
  { q: "klassekvotient", status: "uklart" },
  { q: "ledighed 2016", status: "uklart" },
  { q: "takst Aarhus", status: "uklart" },
  { q: "pladser i daginstitutioner Vejle", status: "uklart" },
  { q: "udgift til folkeskolen Herning", status: "uklart" },
  { q: "andel årige Aalborg", status: "uklart" }
];

/** [id, titel, years] of every key figure with data, for part B (filled in by the test from the catalogue). */
export const B_KOMMUNER: [string, string][] = [
  ["101", "København"],
  ["751", "aarhus"],
  ["851", "Aalborg"],
  ["461", "odense"],
  ["657", "Herning"],
  ["810", "Bronderslev"],
  ["147", "frederiksberg"],
  ["400", "Bornholm"],
  ["630", "Vejle"],
  ["860", "hjoerring"],
  ["330", "Slagelse"],
  ["575", "Vejen"]
];

export function partB(figurer: { id: string; titel: string; aar: number[]; enhed: string }[]): GoldenOk[] {
  return figurer
    .filter((f) => f.aar.length && f.enhed !== "ja/nej")
    .map((f, i) => {
      const [kode, navn] = B_KOMMUNER[i % B_KOMMUNER.length];
      const y = f.aar[i % f.aar.length];
      const titel =
        i % 3 === 0
          ? f.titel.toLowerCase()
          : i % 3 === 1
            ? f.titel.replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa")
            : f.titel;
      const q = i % 2 === 0 ? `${titel} ${navn} ${y}` : `${navn} ${titel} i ${y}`;
      return { q, f: f.id, k: [kode], aar: [y], op: "vaerdi" as const };
    });
}
