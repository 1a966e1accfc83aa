/**
 * Validation rules: one registry, one place. Every check a loader makes on a raw file is
 * one of these rules, with a stable id, a Danish explanation, a severity and a likely
 * cause. Check functions (here and in loaders/sources/*) return `Finding`s; the caller
 * decides what to do with them: the build loaders stop on the first `fejl`
 * (loaders/lib/rules.ts), a validator or a browser page can list them instead.
 *
 * Pure TypeScript: no DOM, no Node APIs (shared by Node and the browser).
 */

import { ENCODING_LABEL, type Encoding } from "./encoding.js";

export type Severity = "fejl" | "advarsel";

export interface Rule {
  id: string;
  severity: Severity;
  /** what the rule demands, in Danish */
  forklaring: string;
  /** the usual reason a file breaks it, in Danish */
  aarsag: string;
}

/** A rule broken at a place in a file. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  file: string;
  line?: number;
  column?: number;
  kommunekode?: string;
  periode?: string;
}

const rule = (id: string, severity: Severity, forklaring: string, aarsag: string): Rule => ({
  id,
  severity,
  forklaring,
  aarsag
});

/** The registry. The order is the order of the table in data/README.md. */
export const RULES = {
  "fil.mangler": rule(
    "fil.mangler",
    "fejl",
    "Filen findes på den forventede sti med det forventede navn.",
    "Filen er ikke lagt i mappen, har fået et andet navn, eller KOMMUNETAL_DATA peger forkert."
  ),
  "fil.json": rule(
    "fil.json",
    "fejl",
    "En JSON-fil kan læses som JSON og har den forventede opbygning.",
    "Filen er afkortet under download eller er en fejlside (HTML) i stedet for data."
  ),
  "fil.tegnsaet": rule(
    "fil.tegnsaet",
    "advarsel",
    "Tegnsættet afgøres af filens bytes (UTF-8, UTF-8 med BOM, UTF-16, ISO-8859-1) og rapporteres, når det ikke er kildens sædvanlige.",
    "Filen er gemt igen i et regneark eller en editor med et andet tegnsæt."
  ),
  "fil.afkortet": rule(
    "fil.afkortet",
    "fejl",
    "Filen slutter ikke midt i en blok eller en celle; afslutningen (tegnforklaringen) er med.",
    "Download eller kopiering er afbrudt."
  ),
  "fil.tom": rule(
    "fil.tom",
    "fejl",
    "Filen indeholder data: den er hverken tom eller kun en overskrift.",
    "Udtrækket er lavet med et filter, der intet fandt, eller filen er gemt, før data var hentet."
  ),
  "fil.binaer": rule(
    "fil.binaer",
    "fejl",
    "Filen er en tekstfil (CSV), ikke et regneark (XLSX), et zip-arkiv eller en anden binær fil.",
    "En Excel-projektmappe er omdøbt til .csv i stedet for at blive gemt som CSV, eller den forkerte fil er valgt."
  ),
  "fil.format": rule(
    "fil.format",
    "fejl",
    "Filens format kan genkendes ud fra overskriften og navnet (noegletal.dk-eksport, FOLK1AM, kommunetals egne tabeller eller et af infrastrukturudtrækkene).",
    "Overskriften er ændret, eller filen er et andet udtræk end de kendte; angiv formatet med --format."
  ),
  "form.skilletegn": rule(
    "form.skilletegn",
    "fejl",
    "Felterne er adskilt med formatets skilletegn (semikolon i danske filer; infrastrukturudtræk må bruge semikolon eller komma).",
    "Filen er gemt med engelske regionale indstillinger (komma) eller som tabulatorsepareret tekst."
  ),
  "form.kolonner": rule(
    "form.kolonner",
    "fejl",
    "Overskriften har formatets kolonner med de rigtige navne i den rigtige rækkefølge.",
    "En kolonne er omdøbt, flyttet eller slettet i et regneark, eller udtrækket er lavet med en anden version af formatet."
  ),
  "form.linjeskift": rule(
    "form.linjeskift",
    "advarsel",
    "Alle linjer slutter ens (Windows CRLF eller Unix LF), ikke en blanding.",
    "Filen er sat sammen af flere filer eller rettet i en editor med andre indstillinger."
  ),
  "form.linjelaengde": rule(
    "form.linjelaengde",
    "fejl",
    "Ingen linje er urimeligt lang (højst 10.000 tegn).",
    "Linjeskift er gået tabt (fx Mac-linjeskift CR alene), eller binære data er sat ind i filen."
  ),
  "kode.kommune": rule(
    "kode.kommune",
    "fejl",
    "Kommunekoden er en af de 98 kommunekoder med 3 cifre; Christiansø (411), regioner og 4-cifrede koder (0101) er ikke kommunekoder her.",
    "Koden er skrevet med 4 cifre som i DAWA, Christiansø eller en region er med i udtrækket, eller koden er tastet forkert."
  ),
  "kode.liste": rule(
    "kode.liste",
    "fejl",
    "Koder findes i deres kodeliste: nøgletallets id i kataloget, årstal med data, status blandt kommunetals statusser.",
    "Filen er fra en anden version af kataloget, eller en kode er rettet eller stavet forkert i hånden."
  ),
  "infra.kolonner": rule(
    "infra.kolonner",
    "fejl",
    "Et infrastrukturudtræk har alle kontraktens kolonner med de præcise navne (ekstra kolonner beholdes).",
    "En kolonne er omdøbt eller mangler, eller filen er et andet udtræk end navnet siger."
  ),
  "infra.felter": rule(
    "infra.felter",
    "fejl",
    "Hver række i et infrastrukturudtræk har lige så mange felter som overskriften.",
    "Et skilletegn i en tekst uden anførselstegn, eller en afkortet række."
  ),
  "infra.vaerdi": rule(
    "infra.vaerdi",
    "fejl",
    "Hver værdi i et infrastrukturudtræk følger kontrakten: måned, CVR, UUID, servicenummer, hele tal ≥ 0, kendte koder.",
    "En måned eller dato skrevet i et andet format, et negativt eller decimaltal, eller en kode uden for kodelisten."
  ),
  "infra.noegle": rule(
    "infra.noegle",
    "fejl",
    "Ingen række i et infrastrukturudtræk gentager kontraktens nøgle (fx måned, myndighed, it-system, service).",
    "Samme udtræk er indlæst to gange, eller perioder overlapper mellem to filer."
  ),
  "form.overskrift": rule(
    "form.overskrift",
    "fejl",
    "Overskriftens årstal er udfyldte, unikke og fortløbende.",
    "En kolonne er flyttet, slettet eller kopieret i et regneark."
  ),
  "form.felter": rule(
    "form.felter",
    "fejl",
    "Hver datarække har præcis lige så mange felter som overskriften.",
    "Et ekstra eller manglende semikolon, fx et tal skrevet med semikolon."
  ),
  "form.linje": rule(
    "form.linje",
    "fejl",
    "Hver linje er en titel, en overskrift, en datarække, et landstal eller en note.",
    "Tekst indsat ved en fejl, eller to filer sat sammen."
  ),
  "form.blok": rule(
    "form.blok",
    "fejl",
    "Hvert nøgletal (blok) forekommer én gang.",
    "Samme udtræk er sat ind to gange."
  ),
  "form.dublet": rule(
    "form.dublet",
    "fejl",
    "Ingen nøgle (kommune, nøgletal, periode) forekommer to gange.",
    "En række er kopieret; med to værdier ville den sidste vinde i stilhed."
  ),
  "form.raekker": rule(
    "form.raekker",
    "fejl",
    "Hver blok har præcis én række pr. kommune (98).",
    "En række er slettet, eller udtrækket er lavet for et udvalg af kommuner."
  ),
  "navn.kode": rule(
    "navn.kode",
    "fejl",
    "En kommunes navn passer til dens kode (og er det samme i hele filen).",
    "Rækker er byttet om eller navne er rettet i hånden."
  ),
  "tal.celle": rule(
    "tal.celle",
    "fejl",
    "Hver celle er et tal eller en af kildens koder (-, M, U, .., JA, NEJ).",
    "Tekst i en talcelle, eller et tal med mellemrum."
  ),
  "tal.format": rule(
    "tal.format",
    "fejl",
    "Én talformatering pr. fil (dansk: 1.234,5) og pr. nøgletal samme antal decimaler; engelsk format (1,234.5) afvises.",
    "Filen er gemt med engelske regionale indstillinger, eller en celle er rettet i hånden."
  ),
  "tal.interval": rule(
    "tal.interval",
    "fejl",
    "Værdien ligger i det plausible interval for nøgletallets enhed (fx ingen negative personer, andele 0-100, promille 0-1000).",
    "Forkert decimaltegn, en fejltastning eller en celle fra et andet nøgletal."
  ),
  "tal.landstal": rule(
    "tal.landstal",
    "fejl",
    "Kildens egen række I alt er summen af kommunerne (inden for 0,1 %), og Gennemsnit ligger mellem mindste og største kommune.",
    "En kommunes værdi er ændret eller forskudt i forhold til kildens landstal."
  ),
  "fuldstaendig.kommuner": rule(
    "fuldstaendig.kommuner",
    "fejl",
    "Alle 98 kommunekoder er med (præcis én gang).",
    "Udtrækket mangler kommuner, eller en kode er skrevet forkert."
  ),
  "fuldstaendig.maaned": rule(
    "fuldstaendig.maaned",
    "fejl",
    "Befolkningsserien har alle måneder fra første til sidste, for hver kommune.",
    "Udtrækket er lavet med et hul i tidsperioden."
  ),
  "fuldstaendig.aar": rule(
    "fuldstaendig.aar",
    "advarsel",
    "Et nøgletal har en værdi for kommunen i hvert år, hvor mindst halvdelen af de andre kommuner har en.",
    "Kommunen har ikke indberettet for året, eller indberetningen er gået tabt undervejs."
  ),
  "serie.niveauskift": rule(
    "serie.niveauskift",
    "advarsel",
    "En værdi ligger ikke langt fra kommunens egen historik (robust z-score mod median og MAD af de foregående perioder).",
    "Ændret opgørelse eller registreringspraksis, et systemskifte eller en fejl i en leverance."
  ),
  "serie.nul": rule(
    "serie.nul",
    "advarsel",
    "En serie falder ikke pludselig til (næsten) nul, når kommunens historik ligger klart over nul.",
    "En leverance er gået tabt, typisk efter et leverandørskifte, eller en integration er holdt op med at virke."
  ),
  "serie.stopper": rule(
    "serie.stopper",
    "advarsel",
    "En serie, kommunen har haft værdier i, fortsætter til den seneste periode, som andre kommuner har.",
    "Systemet er udfaset eller en integration er holdt op med at levere uden at en afløser leverer."
  ),
  "afvig.gruppe": rule(
    "afvig.gruppe",
    "advarsel",
    "Værdien ligger ikke langt fra kommunens sammenligningsgruppe (robust z-score mod gruppens median og MAD).",
    "En reel forskel, som bør kunne forklares, eller en fejl i kommunens registrering."
  ),
  "afvig.land": rule(
    "afvig.land",
    "advarsel",
    "Værdien ligger ikke langt fra alle kommunerne (robust z-score mod landets median og MAD).",
    "En reel særstilling, som bør kunne forklares, eller en fejl i kommunens registrering."
  ),
  "afvig.enhed": rule(
    "afvig.enhed",
    "advarsel",
    "Værdien er ikke omkring 1.000 gange større eller mindre end kommunens sædvanlige niveau.",
    "En enhedsfejl: tal i kroner i stedet for tusind kroner (eller omvendt), eller et forkert decimaltegn."
  ),
  "konsistens.negativ": rule(
    "konsistens.negativ",
    "fejl",
    "Et antal (personer, sager, kald) er aldrig negativt.",
    "En fortegnsfejl, en korrektion bogført som negativ række, eller en celle fra et andet nøgletal."
  ),
  "konsistens.sum": rule(
    "konsistens.sum",
    "fejl",
    "En total er lig summen af sine dele (inden for afrundingen).",
    "En del mangler eller er talt to gange, eller totalen er opgjort på et andet tidspunkt end delene."
  ),
  "konsistens.pr_indbygger": rule(
    "konsistens.pr_indbygger",
    "fejl",
    "Et tal pr. indbygger er lig tælleren divideret med befolkningen (inden for 2 %).",
    "Tælleren eller befolkningen er fra et andet år, eller nøgletallet er regnet på et andet grundlag."
  ),
  "diskretion.smaatal": rule(
    "diskretion.smaatal",
    "fejl",
    "Et offentliggjort antal personer eller sager er ikke mellem 1 og 4 (diskretionering).",
    "Udtrækket er lavet uden diskretionering, eller små tal er ikke skjult, før de offentliggøres."
  ),
  "dawa.felt": rule(
    "dawa.felt",
    "fejl",
    "Hvert DAWA-objekt har kode, navn, region og et visuelt center i Danmark.",
    "Et ufuldstændigt svar fra Dataforsyningen eller et felt omdøbt."
  ),
  "geo.feature": rule(
    "geo.feature",
    "fejl",
    "Hver kommune har netop én grænse (feature) med gyldig kode og polygon.",
    "En forkert eller afkortet GeoJSON-fil."
  ),
  // --- KLE conformance of the cases in the indexes (issue #11; common/infra/kle.ts) ---
  "kle.findes": rule(
    "kle.findes",
    "advarsel",
    "Sagens KLE-nummer findes i KLE (det aktuelle KLE eller et nummer, KLE har haft og siden nedlagt).",
    "It-systemet lader brugeren skrive et frit nummer, har en egen lokal tilføjelse til KLE, eller nummeret er tastet forkert."
  ),
  "kle.aktuel": rule(
    "kle.aktuel",
    "advarsel",
    "Sagens KLE-nummer var ikke udgået af KLE på opgørelsesdatoen.",
    "It-systemet har ikke opdateret sin KLE-liste (KLE udgives i februar og august), eller gamle sager er ikke omklassificeret efter en lovændring, fx Barnets Lov."
  ),
  "kle.niveau": rule(
    "kle.niveau",
    "advarsel",
    "Sagens KLE-nummer er på det niveau, indekset kræver (emne: NN.NN.NN).",
    "It-systemet klassificerer kun på hovedgruppe eller gruppe, eller emnet er skåret af ved overførslen til indekset."
  )
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

/** Make a finding for a rule; severity comes from the registry unless given. */
export function finding(
  id: RuleId,
  file: string,
  message: string,
  where: { line?: number; column?: number; kommunekode?: string; periode?: string; severity?: Severity } = {}
): Finding {
  const { severity, ...rest } = where;
  return { rule: id, severity: severity ?? RULES[id].severity, message, file, ...rest };
}

/**
 * A data row whose field count differs from the header's: `fil.afkortet` when it is the
 * file's last line and too short (the file was cut), otherwise `form.felter`.
 */
export function fieldCountFinding(
  file: string,
  row: { line: number; cells: readonly string[] },
  width: number,
  lastLine: number,
  column: number
): Finding {
  const truncated = row.line === lastLine && row.cells.length < width;
  return finding(
    truncated ? "fil.afkortet" : "form.felter",
    file,
    truncated
      ? `filen slutter midt i en række (${row.cells.length} af ${width} felter)`
      : `linjen har ${row.cells.length} felter, forventede ${width} som overskriften`,
    { line: row.line, column }
  );
}

/** One line, e.g. `data/raw/x.csv:12:4: … [regel form.felter]`. */
export function formatFinding(f: Finding): string {
  const at = f.line !== undefined ? `:${f.line}:${f.column ?? 1}` : "";
  return `${f.file}${at}: ${f.message} [regel ${f.rule}]`;
}

export const errorsOf = (findings: Finding[]): Finding[] => findings.filter((f) => f.severity === "fejl");

export * from "./encoding.js";
export * from "./numbers.js";

/** A warning when the encoding is not one the format is written in. */
export function encodingWarning(file: string, found: Encoding, expected: Encoding[], habit = ""): Finding | null {
  if (expected.includes(found)) return null;
  return finding(
    "fil.tegnsaet",
    file,
    `tegnsættet er ${ENCODING_LABEL[found]} (afgjort ud fra filens bytes), ikke ${expected.map((e) => ENCODING_LABEL[e]).join(" eller ")}${habit}; filen er læst som ${ENCODING_LABEL[found]}`
  );
}
