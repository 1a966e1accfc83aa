/**
 * The /data page: every published table with its content, source and column dictionary.
 * The Danish column texts are written once here; the column names, their order and
 * their types come from the table schemas (loaders/schemas.ts, *-schema.ts), joined by
 * `tableDictionary` in the loader entry src/data/tabeller.json.ts, which fails the build
 * when a schema column has no text or a text names no column. Tested in test/views/data.test.ts.
 */

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
