/**
 * The areas ("områder") for which kommunetal computes default comparison groups: each
 * with its outcome (net operating expenditure per relevant inhabitant, a key figure)
 * and its default candidate structural variables ("rammebetingelser"), with the reason
 * each is a candidate. Ids are key-figure catalogue ids (loaders/noegletal-katalog.ts).
 *
 * Candidates follow the FLIS/KL practice: variables a municipality cannot change in
 * the short run and that plausibly drive spending in the area. The regression then
 * decides which of them matter (backward elimination at α = 0.05). A candidate is
 * used in a year only if the year has it: unemployment and single parents stop in
 * 2017, social housing in 2018. Skewed variables (density, population size, non-western
 * citizens) are log-transformed.
 *
 * Not included, on purpose: choices the municipality makes itself (school size, class
 * size, places in day care, nursing-home places), and figures that are themselves
 * expenditure. Area and population size are not both used with density: log density
 * = log population − log area, so the three are (almost) collinear.
 *
 * Pure data, no imports: used by the loader, the command line and the tests.
 */

export interface Candidate {
  id: string;
  log?: boolean;
  /** why it is a candidate, in Danish */
  begrundelse: string;
}

export interface AreaDefinition {
  id: string;
  navn: string;
  /** outcome key-figure id */
  udfald: string;
  /**
   * the outcome's unit, as the catalogue has it (loaders/noegletal-katalog.ts unitOf; a test checks they agree):
   * the β-weighted distance and the `need` distance read in this unit of predicted expenditure
   */
  enhed: string;
  /**
   * the page areas (loaders/noegletal-katalog.ts AREAS) whose key figures are compared within this area's group
   * on the municipality pages; a page area in no list is compared within `serviceudgifter`
   */
  sideomraader: string[];
  beskrivelse: string;
  variabler: Candidate[];
}

/** The default year: the latest year with accounts (2019 in the export is budget). */
export const STANDARD_AAR = 2018;

/** Years of the key-figure export for which default groups are computed. */
export const AAR = [2013, 2014, 2015, 2016, 2017, 2018, 2019];

const SOCIO: Candidate[] = [
  {
    id: "sociooekonomisk-indeks",
    begrundelse: "Samlet mål for sociale forhold, der driver udgifter (indgår i udligningen)."
  },
  { id: "udgiftsbehov-landet-pr-indb", begrundelse: "Udligningssystemets beregnede udgiftsbehov pr. indbygger." },
  { id: "beskatningsgrundlag-pr-indb", begrundelse: "Skattegrundlag pr. indbygger: kommunens økonomiske råderum." },
  {
    id: "andel-25-64-aarige-uden-erhvervsuddannelse",
    begrundelse: "Uddannelsesniveau: andel uden erhvervsuddannelse."
  },
  {
    id: "andel-25-64-aarige-med-videregaaende-uddannelse",
    begrundelse: "Uddannelsesniveau: andel med videregående uddannelse."
  },
  { id: "andel-almennyttige-boliger", begrundelse: "Andel almene boliger (socialt boligbyggeri); findes til 2018." },
  { id: "fuldtidsledige-pr-100-17-64-66-aarige", begrundelse: "Ledighed; findes til 2017." },
  { id: "boern-af-enlige-forsoergere-pr-100-0-17-aarige", begrundelse: "Børn af enlige forsørgere; findes til 2017." },
  {
    id: "statsborgere-fra-ikke-vestlige-lande-pr-10-000-indb",
    log: true,
    begrundelse: "Statsborgere fra ikke-vestlige lande (logaritmeret, skæv fordeling)."
  }
];

const GEO: Candidate[] = [
  {
    id: "befolkningstaethed-indb-km2",
    log: true,
    begrundelse: "Befolkningstæthed (logaritmeret): afstande og stordriftsfordele."
  },
  { id: "befolkningsandel-i-bymaessig-bebyggelse", begrundelse: "Andel af befolkningen, der bor i byer." }
];

/** The area whose group compares the figures of the other page areas. */
export const GENERAL_AREA = "serviceudgifter";

export const AREA_DEFINITIONS: AreaDefinition[] = [
  {
    id: "folkeskole",
    navn: "Folkeskole",
    udfald: "udg-til-folkeskolen-pr-6-16-aarig",
    enhed: "kr. pr. 6-16-årig",
    sideomraader: ["skole"],
    beskrivelse: "Nettodriftsudgifter til folkeskolen pr. 6-16-årig.",
    variabler: [
      { id: "andel-6-16-aarige", begrundelse: "Andel i skolealderen: stordriftsfordele ved mange elever." },
      ...GEO,
      ...SOCIO
    ]
  },
  {
    id: "dagtilbud",
    navn: "Dagtilbud",
    udfald: "udg-netto-til-dagtilbud-pr-0-13-aarig",
    enhed: "kr. pr. 0-13-årig",
    sideomraader: ["dagtilbud"],
    beskrivelse: "Nettoudgifter til dagtilbud pr. 0-13-årig.",
    variabler: [
      { id: "andel-0-5-aarige", begrundelse: "Andel i førskolealderen, der bruger dagtilbud mest." },
      ...GEO,
      ...SOCIO
    ]
  },
  {
    id: "aeldre",
    navn: "Ældre og voksne med særlige behov",
    udfald: "udg-til-aeldre-samt-voksne-m-saerl-behov-pr-18plus-aarig",
    enhed: "kr. pr. 18+-årig",
    sideomraader: ["aeldre"],
    beskrivelse: "Udgifter til ældre samt voksne med særlige behov pr. 18+-årig.",
    variabler: [
      { id: "andel-67plus-aarige", begrundelse: "Andel ældre (67+), der bruger ældreplejen." },
      ...GEO,
      ...SOCIO
    ]
  },
  {
    id: "boern-unge",
    navn: "Børn og unge med særlige behov",
    udfald: "udg-til-boern-og-unge-med-saerlige-behov-pr-0-17-aarig",
    enhed: "kr. pr. 0-17-årig",
    // only the children's figures: adult social figures (førtidspension, kontanthjælp …) are in page area `social`
    sideomraader: ["boern-unge"],
    beskrivelse: "Udgifter til børn og unge med særlige behov pr. 0-17-årig.",
    variabler: [{ id: "andel-0-17-aarige", begrundelse: "Andel børn og unge." }, ...GEO, ...SOCIO]
  },
  {
    id: "administration",
    navn: "Administration",
    udfald: "udg-til-ledelse-og-adm-pr-indb",
    enhed: "kr. pr. indbygger",
    sideomraader: ["administration"],
    beskrivelse: "Udgifter til ledelse og administration pr. indbygger.",
    variabler: [
      {
        id: "indbyggertal-1-januar",
        log: true,
        begrundelse: "Kommunens størrelse (logaritmeret): stordriftsfordele i administrationen."
      },
      ...GEO,
      { id: "andel-0-17-aarige", begrundelse: "Aldersstruktur: børn og unge." },
      { id: "andel-67plus-aarige", begrundelse: "Aldersstruktur: ældre." },
      ...SOCIO
    ]
  },
  {
    id: "serviceudgifter",
    navn: "Serviceudgifter i alt",
    udfald: "serviceudgifter-pr-indb",
    enhed: "kr. pr. indbygger",
    // the general group: every page area not listed elsewhere (struktur, oekonomi, skat, social, kultur, forsyning)
    sideomraader: [],
    beskrivelse: "Serviceudgifter pr. indbygger (alle serviceområder).",
    variabler: [
      { id: "andel-0-17-aarige", begrundelse: "Aldersstruktur: børn og unge." },
      { id: "andel-67plus-aarige", begrundelse: "Aldersstruktur: ældre." },
      { id: "indbyggertal-1-januar", log: true, begrundelse: "Kommunens størrelse (logaritmeret)." },
      ...GEO,
      ...SOCIO
    ]
  }
];

/** The comparison-group area whose group a page area's key figures are compared within (see `sideomraader`). */
export function comparisonAreaOfPageArea(pageArea: string): string {
  return AREA_DEFINITIONS.find((a) => a.sideomraader.includes(pageArea))?.id ?? GENERAL_AREA;
}
