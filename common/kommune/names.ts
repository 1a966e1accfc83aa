/**
 * Municipality names in Danish order, and the other names people search by.
 *
 * - Order: `Intl.Collator("da")` (CLDR's Danish collation): æ, ø, å after z, and a double
 *   "aa" counts as "å", so Aabenraa, Aalborg and Aarhus sort under Å, at the end.
 * - Search: names are compared folded (lower case; æ → ae, ø → oe, å → aa; hyphens and
 *   dots as spaces), so "Århus" finds Aarhus, "Laesoe" finds Læsø and "Hoeje Taastrup"
 *   finds Høje-Taastrup. `ALIASES` adds the names that folding cannot find: short forms
 *   ("Kbh"), historic names of the municipalities merged in 2007 ("Brønderslev-Dronninglund",
 *   "Frederiksværk-Hundested"), the names of a municipality's main towns where people use
 *   them for the municipality ("Nykøbing Falster" for Guldborgsund), and English names.
 *   One table, used by the front-page search, the /kommune list, the site search and Spørg
 *   (common/spoerg/parse.ts, which leaves out `WORD_ALIASES` when it reads free text).
 */

export const daCollator = new Intl.Collator("da");

/** Danish order of two names. */
export function compareDanish(a: string, b: string): number {
  return daCollator.compare(a, b);
}

/** A copy sorted by name in Danish order (ties by kommunekode). */
export function sortByName<T extends { navn: string; kommunekode?: string }>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) => compareDanish(a.navn, b.navn) || (a.kommunekode ?? "").localeCompare(b.kommunekode ?? "")
  );
}

/** Other names by kommunekode. The official name itself ("Aarhus") is always searched too. */
export const ALIASES: Readonly<Record<string, readonly string[]>> = {
  "101": ["Kbh", "Kbh.", "København K", "Kjøbenhavn", "Copenhagen", "Cph", "Københavns Kommune", "Hovedstaden"],
  "147": ["Frb", "Frb."],
  "169": ["Taastrup", "Hedehusene"],
  "173": ["Lyngby", "Kongens Lyngby", "Kgs. Lyngby"],
  "185": ["Kastrup"],
  "190": ["Farum", "Værløse"],
  "217": ["Elsinore"],
  "230": ["Holte", "Birkerød", "Søllerød"],
  "240": ["Ølstykke", "Stenløse", "Smørum"],
  "260": ["Frederiksværk-Hundested", "Frederiksværk", "Hundested"],
  "270": ["Helsinge", "Græsted-Gilleleje", "Gilleleje"],
  "320": ["Fakse"],
  "360": ["Nakskov", "Maribo"],
  "376": ["Nykøbing Falster", "Nykøbing F."],
  "400": ["Bornholms Regionskommune", "Bornholms Kommune", "Rønne"],
  "430": ["Fåborg-Midtfyn", "Faaborg", "Ringe"],
  "480": ["Nordfyn", "Bogense"],
  "492": ["Ærøskøbing", "Marstal"],
  "561": ["Esbjerg-Fanø"],
  "580": ["Åbenrå"],
  "706": ["Ebeltoft", "Rønde"],
  "707": ["Grenaa", "Grenå"],
  "710": ["Hinnerup", "Hadsten"],
  "751": ["Århus", "Aros"],
  "756": ["Ikast", "Brande"],
  "760": ["Ringkøbing", "Skjern"],
  "773": ["Mors", "Nykøbing Mors", "Nykøbing M."],
  "810": ["Brønderslev-Dronninglund", "Dronninglund"],
  "820": ["Vesthimmerland", "Aars", "Års"],
  "840": ["Støvring", "Skørping"],
  "846": ["Hobro", "Mariager"],
  "849": ["Aabybro", "Åbybro", "Fjerritslev"],
  "851": ["Ålborg", "Nørresundby"]
};

/**
 * Aliases that are also everyday Danish words ("Års" = a year's, "Ringe" = poor, "Mors" = mother's): a name
 * search finds them, but a parser of whole sentences (Spørg) must not read them as a municipality.
 */
export const WORD_ALIASES: ReadonlySet<string> = new Set(["Års", "Aars", "Ringe", "Mors"]);

/** Folded for search: lower case, æ/ø/å as ae/oe/aa, accents off, punctuation and hyphens as spaces. */
export function fold(text: string): string {
  return text
    .toLocaleLowerCase("da")
    .replace(/æ/g, "ae")
    .replace(/[øö]/g, "oe")
    .replace(/å/g, "aa")
    .replace(/ä/g, "ae")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[-.,/]+/g, " ")
    .replace(/\bkommune\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Folded further for keyboards without æ, ø, å ("Kobenhavn", "Arhus", "Laeso"): oe → o, aa → a, ae → a. */
export function plain(text: string): string {
  return fold(text).replace(/oe/g, "o").replace(/aa/g, "a").replace(/ae/g, "a");
}

export interface NameRef {
  kommunekode: string;
  navn: string;
}

/** Every name a municipality is found by, folded: its name, code and aliases. */
export function searchNames(k: NameRef): string[] {
  return [k.navn, ...(ALIASES[k.kommunekode] ?? [])].map(fold);
}

/**
 * How well a query finds a municipality: 3 = a name or alias exactly, or the code; 2 = a
 * name or alias starts with the query; 1 = the query occurs in one; 0 = not at all.
 */
export function nameScore(k: NameRef, query: string): number {
  const q = fold(query);
  if (!q) return 1;
  if (/^\d{1,4}$/.test(q)) {
    const code = q.replace(/^0+(?=\d{3})/, "");
    return k.kommunekode === code ? 3 : k.kommunekode.startsWith(code) ? 2 : 0;
  }
  const score = (n: string, q: string) =>
    n === q ? 3 : n.startsWith(q) || n.split(" ").some((w) => w.startsWith(q)) ? 2 : n.includes(q) ? 1 : 0;
  const names = [k.navn, ...(ALIASES[k.kommunekode] ?? [])];
  let best = 0;
  for (const n of names) best = Math.max(best, score(fold(n), q), score(plain(n), plain(query)));
  return best;
}

/** The municipalities a query finds, best first, then in Danish order; all of them (Danish order) for an empty query. */
export function findMunicipalities<T extends NameRef>(rows: readonly T[], query: string): T[] {
  const scored = rows.map((k) => ({ k, s: nameScore(k, query) })).filter((x) => x.s > 0);
  return scored.sort((a, b) => b.s - a.s || compareDanish(a.k.navn, b.k.navn)).map((x) => x.k);
}

/** The aliases as words for a site-search entry (searched as typed, so also folded). */
export function aliasKeywords(k: NameRef): string {
  const names = [k.navn, ...(ALIASES[k.kommunekode] ?? [])];
  return [...new Set([...names, ...names.map(fold)])].join(" ");
}

/** The municipality with code `kode` (e.g. from the address), else the one with code `fallback` (pages' defaults). */
export function byCodeOr<T extends { kommunekode: string }>(
  rows: readonly T[],
  kode: string | null,
  fallback: string
): T {
  const found = rows.find((k) => k.kommunekode === kode) ?? rows.find((k) => k.kommunekode === fallback);
  if (!found) throw new Error(`kommunekoden ${fallback} findes ikke blandt kommunerne`);
  return found;
}

/** "Aarhus (751)": how a municipality is named in the pages' select boxes. */
export function nameWithCode(k: NameRef): string {
  return `${k.navn} (${k.kommunekode})`;
}
