/**
 * The site's footer: on every page, which data snapshot the site is built from (source, extract or
 * fetch date, years, and which years are accounts and which budget), the sources and the privacy line.
 * Read by observablehq.config.ts once per build; `footerHtml` is pure and unit-tested.
 */
import { type YearKind, yearKind, yearKindNote } from "../common/vocabulary.js";
import { buildNoegletal } from "./datasets.js";
import { readSnapshot } from "./dst/nglk.js";
import { useIngest } from "./ingest.js";

export interface FooterInput {
  /** the noegletal.dk export's date line ("Social- og Indenrigsministeriet d. 03. september 2019") or null */
  generated: string | null;
  /** the export's years with their kind */
  years: { aar: number; kind: YearKind }[];
  /** tables refreshed from StatBank (`npm run opdater`), empty for the embedded snapshot */
  statbank: { tabel: string; foerste: string; seneste: string; hentet: string }[];
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** "Social- og Indenrigsministeriet d. 03. september 2019" → "3. september 2019"; null when unreadable. */
export function exportDate(generated: string | null): string | null {
  const m = generated ? /(\d{1,2})\.\s*([a-zæøå]+)\s+(\d{4})\s*$/i.exec(generated.trim()) : null;
  return m ? `${Number(m[1])}. ${m[2].toLowerCase()} ${m[3]}` : null;
}

/** The footer as HTML (Framework puts it at the bottom of every page). */
export function footerHtml(input: FooterInput): string {
  const date = exportDate(input.generated);
  const span = input.years.length ? `${input.years[0].aar}–${input.years[input.years.length - 1].aar}` : "ingen år";
  const note = yearKindNote(input.years);
  const parts = [`Øjebliksbillede: noegletal.dk, udtræk ${date ?? "uden dato"}, ${span}${note ? ` (${note})` : ""}`];
  if (input.statbank.length) {
    const tables = input.statbank.map((t) => `${t.tabel} ${t.foerste}–${t.seneste}`).join(", ");
    const fetched = [...new Set(input.statbank.map((t) => t.hentet.slice(0, 10)))].sort().join(", ");
    const nglk = input.statbank.some((t) => t.tabel === "NGLK") ? " (NGLK er regnskabstal)" : "";
    parts.push(`Danmarks Statistik: ${tables}, hentet ${fetched}${nglk}`);
  } else {
    parts.push("ikke opdateret fra Danmarks Statistik (npm run opdater)");
  }
  return [
    `<p class="kt-snapshot" data-snapshot="${input.statbank.length ? "opdateret" : "indbygget"}">`,
    `kommunetal · ${esc(parts.join(" · "))} · <a href="/om">Om tallene</a></p>`,
    "<p>Kilde: Social- og Indenrigsministeriet (noegletal.dk), Danmarks Statistik, SDFI/DAGI · ",
    "Åbne data, ingen login, intet sendes nogen steder hen.</p>"
  ].join("");
}

/** What the footer needs, read from the ingest cache and the StatBank snapshot folder. */
export function footerInput(): FooterInput {
  useIngest(["noegletal"]);
  const n = buildNoegletal();
  const source = { kilde: "noegletal.dk" as const, udtrukket: n.generated, seneste: Math.max(...n.years) };
  const snapshot = readSnapshot();
  return {
    generated: n.generated,
    years: n.years.map((aar) => ({ aar, kind: yearKind(aar, source) })),
    statbank: snapshot
      ? Object.values(snapshot.provenance.tabeller).map((t) => ({
          tabel: t.tabel,
          foerste: t.perioder.foerste,
          seneste: t.perioder.seneste,
          hentet: t.hentet
        }))
      : []
  };
}

/** The footer for the build; a plain one if the data cannot be read (the build's source check reports why). */
export function siteFooter(): string {
  try {
    return footerHtml(footerInput());
  } catch (e) {
    process.stderr.write(`[footer] øjebliksbilledet kunne ikke læses til sidefoden: ${(e as Error).message}\n`);
    return footerHtml({ generated: null, years: [], statbank: [] });
  }
}
