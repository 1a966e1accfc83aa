/**
 * The /data page: every published table with its content, source and column dictionary.
 * The Danish column texts are written once here; the column names, their order and
 * their types come from the table schemas (loaders/schemas.ts, *-schema.ts), joined by
 * `tableDictionary` in the loader entry src/data/tabeller.json.ts, which fails the build
 * when a schema column has no text or a text names no column. Tested in test/views/data.test.ts.
 */

import { formatNumber } from "../format.js";
import { KATALOG_HEADERS, type KatalogRow } from "../vocabulary.js";

/** Column types as the schemas name them (loaders/lib/parquet.ts). */
export type ColumnType = "STRING" | "DOUBLE" | "INT32" | "BOOLEAN";

/** A column type in the words of the dictionary. */
export const TYPE_TEXT: Record<ColumnType, string> = {
  STRING: "tekst",
  DOUBLE: "tal",
  INT32: "heltal",
  BOOLEAN: "ja/nej"
};

const NOEGLETAL_SOURCE = "Social- og Indenrigsministeriet, Kommunale Nøgletal (noegletal.dk)";

export interface TableText {
  /** file name without extension: /filer/<navn>.parquet and .csv */
  navn: string;
  indhold: string;
  kilde: string;
  /** column → Danish description; `{aar}` is replaced by the data's years ("2013–2019") */
  kolonner: Record<string, string>;
}

/** The published tables, in the order the page lists them. */
export const TABLES: readonly TableText[] = [
  {
    navn: "kommuner",
    indhold: "De 98 kommuner med region og DST-kommunegruppe",
    kilde: "DAWA/Dataforsyningen; Danmarks Statistik (KOMGRP); areal fra noegletal.dk",
    kolonner: {
      kommunekode: "3 cifre, fx 101 (hold den som tekst)",
      kommunekode_4: "4 cifre som i DAGI/DAWA, fx 0101",
      navn: "kommunens navn",
      officielt_navn: "navnet som ministeriet skriver det, fx Københavns Kommune",
      regionskode: "fx 1084",
      regionsnavn: "fx Region Hovedstaden",
      kommunegruppekode: "DST-kommunegruppe 1–5",
      kommunegruppe: "fx Landkommuner",
      areal_km2: "areal i km² (nøgletallet Areal, seneste år)",
      center_lon: "længdegrad for kommunens midtpunkt",
      center_lat: "breddegrad for kommunens midtpunkt"
    }
  },
  {
    navn: "noegletal",
    indhold: "Alle nøgletal for alle kommuner og år, lang form (én række pr. nøgletal, kommune og år)",
    kilde: NOEGLETAL_SOURCE,
    kolonner: {
      id: "nøgletallets id (se noegletal-katalog)",
      kommunekode: "3 cifre",
      aar: "{aar}",
      vaerdi: "tom hvis værdien mangler (aldrig 0 for manglende); ja/nej som 1/0",
      status:
        "ok, nul (rent nul), mangler (M), udefineret (U), ikke_indberettet (tom celle), ikke_tilgaengelig (..), ja, nej, undertrykt (et antal personer fra 1 til 4, skjult af kommunetal og vist som <5)",
      aarstype: "regnskab eller budget: hvad årets tal er (se Om: udtrækket fra september 2019 har 2019 som budgettal)"
    }
  },
  {
    navn: "noegletal-landstal",
    indhold: "Kildens egne landstal (rækkerne I alt og Gennemsnit)",
    kilde: NOEGLETAL_SOURCE,
    kolonner: {
      id: "nøgletallets id",
      aar: "år",
      vaerdi: "landstallet; tomt hvis det mangler",
      status: "som i noegletal",
      type: "I alt (sum) eller Gennemsnit",
      aarstype: "regnskab eller budget, som i noegletal"
    }
  },
  {
    navn: "noegletal-katalog",
    indhold: "Dokumentation af hvert nøgletal",
    kilde: NOEGLETAL_SOURCE,
    kolonner: {
      id: "stabilt id afledt af titlen",
      nr: "nummer i kildefilen",
      titel: "fuld titel som i kilden",
      enhed: "enhed læst ud af titlen",
      omraade: "områdets id",
      omraade_navn: "område",
      aar_fra: "første år med data",
      aar_til: "seneste år med data",
      aar_med_data: "årene med data, kommasepareret",
      antal_vaerdier: "kommuneværdier i alt",
      decimaler: "visningspræcision i kilden",
      landstal: "I alt, Gennemsnit eller tom (intet landstal i kilden)",
      landstal_metode: "hvordan landstallet er dannet",
      taeller_personer: "sand, når nøgletallet tæller personer (eller sager om personer); så vises antal 1-4 som <5",
      undertrykkelse: "hvorfor nøgletallet undertrykkes eller ej (loaders/privacy.ts)",
      noter: "kildens fodnoter",
      kilde: "kilde",
      linje_i_kilde: "titlens linje i kildefilen",
      seneste_regnskabsaar:
        "seneste år med data, hvis tal er regnskabstal (det år, sider der sammenligner kommuner, viser først)",
      budgetaar: "år med data, hvis tal er budgettal, kommasepareret (tom hvis ingen)"
    }
  },
  {
    navn: "befolkning",
    indhold: "Befolkningen den 1. i måneden pr. kommune",
    kilde: "Danmarks Statistik, FOLK1AM",
    kolonner: {
      kommunekode: "3 cifre",
      maaned: "DST-månedskode, fx 2024M01",
      befolkning: "personer"
    }
  },
  {
    navn: "kdk-placeringer",
    indhold:
      "Kend din Kommune: placering, landstal og gennemsnit for sammenligningsgruppen pr. nøgletal, kommune og år (det kommunesiderne viser)",
    kilde: `${NOEGLETAL_SOURCE}; beregninger: kommunetal`,
    kolonner: {
      id: "nøgletallets id",
      kommunekode: "3 cifre",
      aar: "år",
      vaerdi: "kommunens værdi; tom hvis den mangler",
      status: "som i noegletal",
      rang: "placering, 1 = højeste værdi blandt kommunerne med en værdi; lige store værdier deler den bedste placering; tom for ja/nej og manglende",
      antal_med_vaerdi: "kommuner med en værdi (hvad placeringen er ud af); for ja/nej: kommuner med svar",
      landstal: "kildens landstal; hvor kilden intet har: uvægtet gennemsnit af kommunerne; ja/nej: antal ja",
      landstal_kilde: "I alt, Gennemsnit, gennemsnit af kommunerne (uvægtet) eller antal ja",
      sammenligningsgruppe: "den gruppe, gennemsnittet er taget over",
      gruppe_gns: "uvægtet gennemsnit af de øvrige kommuner i gruppen med en værdi (kommunen selv indgår ikke)",
      gruppe_antal_med_vaerdi: "hvor mange af gruppens kommuner der havde en værdi",
      gruppe_stoerrelse: "gruppens kommuner ud over kommunen selv"
    }
  },
  {
    navn: "sammenligningsgrupper",
    indhold:
      "Standard-sammenligningsgrupperne: for hvert område og år de 10 mest sammenlignelige kommuner for hver kommune (se siden Sammenligningsgrupper for metoden)",
    kilde: `${NOEGLETAL_SOURCE}; beregninger: kommunetal`,
    kolonner: {
      omraade: "områdets id: folkeskole, dagtilbud, aeldre, boern-unge, administration, serviceudgifter",
      aar: "året, gruppen er beregnet for",
      kommunekode: "kommunen, gruppen tilhører",
      rang: "1 = mest sammenlignelig … 10",
      nabo: "den sammenlignelige kommunes kode",
      afstand: "statistisk afstand (beta: kr. pr. indbygger i forventet udgift)",
      gensidig: "kommunen er også i naboens top 10"
    }
  },
  {
    navn: "sammenligningsgrupper-modeller",
    indhold: "Hvert trin i den baglæns eliminering i hver regression bag standardgrupperne",
    kilde: `${NOEGLETAL_SOURCE}; beregninger: kommunetal`,
    kolonner: {
      omraade: "områdets id",
      aar: "år",
      trin: "eliminationstrin, 1 = alle kandidater",
      variabel: "nøgletallets id, eller (Intercept)",
      beta: "koefficient på standardiseret variabel",
      se: "standardfejl",
      t: "t-værdi",
      p: "tosidet p-værdi",
      vif: "variansinflationsfaktor; tom for skæringen",
      fjernet: "variablen fjernes efter dette trin",
      n: "kommuner i modellen",
      r2: "R²",
      adj_r2: "justeret R²"
    }
  },
  {
    navn: "infrastruktur-kle-overensstemmelse",
    indhold:
      "KLE i indeksene: andelen af de KLE-opmærkede sager, hvis KLE-nummer findes i KLE, var aktuelt på opgørelsesdatoen og er på det niveau, indekset kræver (emne), pr. it-system og kommune (Demodata, indtil rigtige udtræk bruges)",
    kilde:
      "Udtræk af Sags- og dokumentindeks og Ydelsesindeks (indekssager_*.csv; uden rigtige udtræk: Demodata); KLE fra OS2KLE 3.23 (KLE 2026 Feb) og udgåede numre fra OS2KLE's ændringsfiler; beregninger: kommunetal",
    kolonner: {
      omfang: "system (et it-system i alle kommuner), kommune (alle kommunens systemer) eller kommune-system",
      kommunekode: "3 cifre; tom på system-rækker",
      it_system: "it-systemet, der har leveret sagerne; tomt på kommune-rækker",
      opgjort_dato: "datoen bestanden er opgjort (seneste i udtrækket)",
      sager: "KLE-opmærkede sager; tom når 1-4 (status <5)",
      sager_afvigende:
        "sager med et KLE-nummer, der ikke overholder standarden; tom når 1-4, eller hvis en sum ellers ville afsløre et skjult tal",
      andel_findes:
        "andel af sagerne, hvis nummer findes i KLE (nu eller tidligere); tom når de afvigende sager er skjult",
      andel_aktuel: "andel af sagerne, hvis nummer ikke var udgået på opgørelsesdatoen",
      andel_niveau: "andel af sagerne på det niveau, indekset kræver (emne, NN.NN.NN)",
      andel_overens: "andel af sagerne, der overholder alle tre krav",
      afvigende_numre: "de KLE-numre, der ikke overholder standarden, adskilt af mellemrum (uden antal)",
      status: "<5 når et tal i rækken er skjult, ellers tom",
      demodata: "sand, når tallene er genererede demodata"
    }
  }
];

export interface TableDictionary {
  navn: string;
  indhold: string;
  kilde: string;
  /** [column, type in words, description] in schema order */
  kolonner: [string, string, string][];
}

/**
 * Join the texts with the schemas: columns in schema order with their type in words.
 * Throws (in Danish) when a table has no schema, a schema column has no text, or a
 * text names a column the schema does not have.
 */
export function tableDictionary(
  schemas: Record<string, Record<string, ColumnType | undefined>>,
  years: readonly number[],
  tables: readonly TableText[] = TABLES
): TableDictionary[] {
  const yearText = years.length ? `${years[0]}–${years[years.length - 1]}` : "";
  return tables.map((t) => {
    const schema = schemas[t.navn];
    if (!schema) throw new Error(`data-siden: tabellen ${t.navn} har intet skema`);
    const cols = Object.entries(schema).filter((e): e is [string, ColumnType] => e[1] !== undefined);
    const missing = cols.filter(([c]) => !(c in t.kolonner)).map(([c]) => c);
    if (missing.length)
      throw new Error(
        `data-siden: tabellen ${t.navn} mangler en beskrivelse af kolonnen ${missing.join(", ")} (common/views/data.ts)`
      );
    const extra = Object.keys(t.kolonner).filter((c) => !(c in schema));
    if (extra.length)
      throw new Error(`data-siden: tabellen ${t.navn} beskriver kolonnen ${extra.join(", ")}, som skemaet ikke har`);
    return {
      navn: t.navn,
      indhold: t.indhold,
      kilde: t.kilde,
      kolonner: cols.map(([c, type]) => [c, TYPE_TEXT[type], t.kolonner[c].replace("{aar}", yearText)])
    };
  });
}

/**
 * The infrastructure aggregates (issue #8; loaders/infra/aggregates.ts, schemas in loaders/infra/README.md) as they
 * stand in the workspace database (filer/kommunetal.duckdb) under SQL names with `_` (infrastruktur_kald_maaned …).
 * `kilde` is completed by the loader: demo data (the default build) are labelled Demodata in every description.
 */
export const INFRA_TABLES: readonly TableText[] = [
  {
    navn: "infrastruktur-kald-maaned",
    indhold:
      "Serviceplatformen-kald pr. kommune og måned med kald pr. indbygger (alle 98 kommuner og måneder; 0 kald står som 0)",
    kilde: "KOMBIT Serviceplatformen; Danmarks Statistik, FOLK1AM",
    kolonner: {
      kommunekode: "3 cifre",
      navn: "kommunens navn",
      maaned: "måned, ÅÅÅÅ-MM",
      kald: "kald fra kommunens egen myndighed i måneden (kald er ikke personer)",
      indbyggere: "befolkningen, der divideres med (FOLK1AM den 1. i måneden, ellers nærmeste måned)",
      indbyggere_maaned: "FOLK1AM-måneden, befolkningen er fra",
      kald_pr_indbygger: "kald / indbyggere",
      demodata: "sand, når tallene er genererede demodata"
    }
  },
  {
    navn: "infrastruktur-land-maaned",
    indhold: "Serviceplatformen-kald pr. måned for hele landet",
    kilde: "KOMBIT Serviceplatformen; Danmarks Statistik, FOLK1AM",
    kolonner: {
      maaned: "måned, ÅÅÅÅ-MM",
      kald_kommuner: "kald fra de 98 kommuner i alt",
      kald_alle_myndigheder: "kald fra alle myndigheder, også ikke-kommunale (fx Udbetaling Danmark)",
      indbyggere: "befolkningen i de 98 kommuner",
      indbyggere_maaned: "FOLK1AM-måneden, befolkningen er fra",
      kald_pr_indbygger: "kald_kommuner / indbyggere (forholdet mellem summer)",
      demodata: "sand, når tallene er genererede demodata"
    }
  },
  {
    navn: "infrastruktur-dataomraade",
    indhold: "Serviceplatformen-kald pr. kommune, dataområde og måned (kun kombinationer med kald)",
    kilde: "KOMBIT Serviceplatformen",
    kolonner: {
      kommunekode: "3 cifre",
      dataomraade: "dataområde, fx Person eller Ydelse",
      maaned: "måned, ÅÅÅÅ-MM",
      kald: "kald i måneden",
      demodata: "sand, når tallene er genererede demodata"
    }
  },
  {
    navn: "infrastruktur-service",
    indhold: "Kald pr. kommune og service de seneste 12 måneder",
    kilde: "KOMBIT Serviceplatformen",
    kolonner: {
      kommunekode: "3 cifre",
      service_nr: "servicens nummer, fx SF1520",
      service_navn: "servicens navn",
      dataomraade: "dataområde",
      kald_12m: "kald de seneste 12 måneder i udtrækket",
      antal_it_systemer: "antal forskellige it-systemer, der kalder servicen",
      demodata: "sand, når tallene er genererede demodata"
    }
  },
  {
    navn: "infrastruktur-itsystem",
    indhold: "Kald pr. kommune og it-system (hele perioden og de seneste 12 måneder)",
    kilde: "KOMBIT Serviceplatformen",
    kolonner: {
      kommunekode: "3 cifre",
      it_system_id: "it-systemets id (UUID)",
      it_system: "it-systemets navn",
      leverandoer: "leverandør",
      kald_12m: "kald de seneste 12 måneder; tom, når systemet ikke har kaldt i perioden (fx udskiftet)",
      antal_services: "antal forskellige services, systemet kalder",
      foerste_maaned: "første måned med kald",
      sidste_maaned: "seneste måned med kald",
      demodata: "sand, når tallene er genererede demodata"
    }
  },
  {
    navn: "infrastruktur-system-service",
    indhold: "It-system × service de seneste 12 måneder: hvilke kommuner kalder servicen fra systemet",
    kilde: "KOMBIT Serviceplatformen",
    kolonner: {
      it_system_id: "it-systemets id (UUID)",
      it_system: "it-systemets navn",
      service_nr: "servicens nummer",
      service_navn: "servicens navn",
      kommuner_der_kalder: "antal kommuner, der kalder servicen fra systemet",
      kald_12m: "kald de seneste 12 måneder",
      kommunekoder: "koderne på de kommuner, der kalder, kommasepareret",
      demodata: "sand, når tallene er genererede demodata"
    }
  },
  {
    navn: "infrastruktur-stoette-time",
    indhold: "Kald til støttesystemerne pr. ugedag og time på dagen (alle myndigheder)",
    kilde: "KOMBIT støttesystemer",
    kolonner: {
      stoettesystem: "støttesystemets navn",
      ugedag: "1 = mandag … 7 = søndag (ISO)",
      time_paa_dagen: "time på dagen, 0–23",
      kald: "kald i alt i de timer, udtrækket dækker",
      antal_timer: "hvor mange sådanne klokketimer udtrækket dækker",
      kald_pr_time: "kald / antal_timer: gennemsnit pr. time",
      demodata: "sand, når tallene er genererede demodata"
    }
  },
  {
    navn: "infrastruktur-kle",
    indhold: "Sager pr. kommune, KLE-emne og indeks på seneste opgørelsesdato; antal 1-4 er skjult (<5)",
    kilde: "KOMBIT Sags- og dokumentindeks og Ydelsesindeks; KLE (OS2KLE v3.23)",
    kolonner: {
      kommunekode: "3 cifre",
      kle_nr: "KLE-nummer, NN.NN.NN",
      kle_titel: "emnets titel i KLE v3.23; tom, når nummeret er udgået eller ukendt",
      kle_gyldig: "falsk, når nummeret ikke findes i KLE eller var udgået på opgørelsesdatoen",
      indeks: "Sags- og dokumentindeks eller Ydelsesindeks",
      antal_sager: "antal sager; tom, når tallet er skjult",
      status: "tom, eller <5 når antallet er 1-4 eller skjult af sekundær diskretionering",
      opgjort_dato: "opgørelsesdato, ÅÅÅÅ-MM-DD",
      demodata: "sand, når tallene er genererede demodata"
    }
  },
  {
    navn: "infrastruktur-klarmelding",
    indhold: "Klarmelding: hvilke integrationer hvert SKI-system er klarmeldt til",
    kilde: "KOMBIT klarmeldingsoversigt",
    kolonner: {
      ski_system: "SKI-systemets navn",
      leverandoer: "leverandør",
      integration: "integrationen, fx SF1470 Sags- og Dokumentindeks",
      service_nr: "SF-nummeret fra integrationen",
      status: "fx Klarmeldt, Delvist klarmeldt, Ikke klarmeldt",
      dato: "dato for status",
      demodata: "sand, når tallene er genererede demodata"
    }
  },
  {
    navn: "infrastruktur-systemanvendelse",
    indhold: "Hvilke SKI-systemer hver kommune bruger",
    kilde: "SKI-aftaler (systemanvendelse)",
    kolonner: {
      kommunekode: "3 cifre",
      ski_system: "SKI-systemets navn",
      leverandoer: "leverandør",
      ydelsesomraade: "ydelsesområde",
      demodata: "sand, når tallene er genererede demodata"
    }
  },
  {
    navn: "infrastruktur-potentiale",
    indhold:
      "Potentialeanalysen: én række pr. kommune × SKI-system, kommunen bruger × integration, systemet har (eller burde have)",
    kilde: "KOMBIT Serviceplatformen og klarmelding; SKI-aftaler",
    kolonner: {
      kommunekode: "3 cifre",
      ski_system: "SKI-systemets navn",
      leverandoer: "leverandør",
      integration: "integrationen",
      service_nr: "SF-nummeret",
      status: "klarmeldingsstatus (Klarmeldt og Delvist klarmeldt tæller som klarmeldt)",
      kald_12m: "systemets kald til servicen for kommunen de seneste 12 måneder",
      tilsluttet: "kald_12m > 0",
      kommuner_tilsluttet: "kommuner med systemet, der er tilsluttet integrationen",
      kommuner_med_systemet: "kommuner, der bruger systemet",
      demodata: "sand, når tallene er genererede demodata"
    }
  }
];

// ---------------------------------------------------------------------------------------------------------------
// The page /data itself: file sizes and the catalogue table (headers from common/vocabulary.ts KATALOG_HEADERS).

/** A file's size as the page prints it: "1.234 kB" (whole kB, Danish grouping); "" when unknown. */
export function fileSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return "";
  return `${formatNumber(bytes / 1024, 0)} kB`;
}

/** The catalogue's columns in the table on /data (the export has them all: common/views/noegletal.ts catalogueColumns). */
export const CATALOGUE_TABLE_COLUMNS = [
  "nr",
  "titel",
  "enhed",
  "omraade_navn",
  "aar_fra",
  "aar_til",
  "landstal"
] as const satisfies readonly (keyof KatalogRow)[];

/** Headers of the catalogue table, from the one vocabulary. */
export function catalogueTableHeader(): Record<(typeof CATALOGUE_TABLE_COLUMNS)[number], string> {
  return Object.fromEntries(CATALOGUE_TABLE_COLUMNS.map((c) => [c, KATALOG_HEADERS[c]])) as Record<
    (typeof CATALOGUE_TABLE_COLUMNS)[number],
    string
  >;
}

/** A year cell of the catalogue table: "–" when the figure has no data. */
export function yearCell(y: number | null): string {
  return y === null ? "–" : String(y);
}
