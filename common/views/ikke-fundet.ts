/**
 * The 404 page (src/404.md): where to go from an address that does not exist. Pure: the page
 * passes `location.pathname` and the municipalities; what it shows is computed here.
 */

/** The site's main sections, linked from the 404 page (relative to the site root: the 404 page has <base href="/">). */
export const SECTIONS: readonly { href: string; titel: string; tekst: string }[] = [
  { href: "./", titel: "Forside", tekst: "Danmarkskort og søgning efter kommune" },
  { href: "./kommune/", titel: "Kend din kommune", tekst: "alle 98 kommuner, hver med sine nøgletal" },
  { href: "./noegletal", titel: "Nøgletal", tekst: "kataloget over alle nøgletal" },
  { href: "./sammenlign", titel: "Sammenlign to kommuner", tekst: "to kommuner side om side" },
  { href: "./sammenligningsgrupper", titel: "Sammenligningsgrupper", tekst: "find lignende kommuner" },
  { href: "./data", titel: "Data og filer", tekst: "alle tabeller som CSV og Parquet" },
  { href: "./om", titel: "Om kommunetal", tekst: "kilder, licenser og privatliv" }
];

export interface KommuneRef {
  kommunekode: string;
  navn: string;
}

/** Lower-case, without accents and with æøå spelled out, for matching a path against names. */
function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-");
}

/**
 * A Danish hint for the address that was not found, and the municipalities it may have meant:
 * `/kommune/999` → no municipality has code 999; a path naming a municipality (`/aarhus`, `/kommune/Århus`)
 * → that municipality's page.
 */
export function hintFor(pathname: string, kommuner: readonly KommuneRef[]): { tekst: string; forslag: KommuneRef[] } {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // keep the raw path
  }
  const code = /\/(?:kommune|infrastruktur)\/(\d+)\/?$/.exec(path)?.[1];
  if (code !== undefined) {
    const hit = kommuner.find((k) => k.kommunekode === code.padStart(3, "0") || `0${k.kommunekode}` === code);
    if (hit) return { tekst: `Kommunekoden skrives med 3 cifre: ${hit.kommunekode} er ${hit.navn}.`, forslag: [hit] };
    return {
      tekst: `Der er ingen kommune med koden ${code}${code === "411" ? " (Christiansø er ikke en kommune)" : ""}.`,
      forslag: []
    };
  }
  const folded = fold(path);
  const alias: Record<string, string> = { aarhus: "Aarhus", arhus: "Aarhus", aabenraa: "Aabenraa", aalborg: "Aalborg" };
  const forslag = kommuner.filter((k) => {
    const n = fold(k.navn);
    return (
      n.length >= 3 &&
      (folded.includes(n) || Object.entries(alias).some(([a, v]) => v === k.navn && folded.includes(a)))
    );
  });
  return {
    tekst: forslag.length ? "Mente du en af disse kommuner?" : "Adressen findes ikke på kommunetal.",
    forslag
  };
}
