/**
 * The 404 page (src/404.md): where to go from an address that does not exist. Pure: the page
 * passes `location.pathname` and the municipalities; what it shows is computed here.
 */
import { fold, plain, searchNames } from "../kommune/names.js";

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
  // each path segment against every name and alias of common/kommune/names.ts (folded: æøå spelled out)
  const segments = path
    .split("/")
    .map((p) => fold(p))
    .filter(Boolean);
  const forslag = kommuner.filter((k) =>
    searchNames(k).some((n) => n.length >= 3 && segments.some((seg) => seg.includes(n) || plain(seg) === plain(n)))
  );
  return {
    tekst: forslag.length ? "Mente du en af disse kommuner?" : "Adressen findes ikke på kommunetal.",
    forslag
  };
}
