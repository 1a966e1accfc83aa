/**
 * The datasets the site is built from, as typed rows. Each `build*` reads the raw
 * files in data/raw (or $KOMMUNETAL_DATA), parses them, reconciles what it read with
 * what it returns, and logs the reconciliation to stderr. The thin entries in
 * src/data/ turn these rows into Parquet or JSON.
 */

import {
  type CellStatus,
  type KatalogRow,
  type KeyFigureRow,
  type Kommune,
  type NationalRow,
  type YearKind,
  type YearSource,
  yearKind
} from "../common/vocabulary.js";
import { parseDawaKommuner } from "./sources/dawa.js";
import { type Befolkning, parseFolk1am } from "./sources/folk1am.js";
import { parseKomgrp } from "./sources/komgrp.js";
import { type ParsedNoegletal, parseNoegletal } from "./sources/noegletal.js";

export type { KatalogRow, Kommune, NationalRow };

import { ENCODING_LABEL } from "../common/rules/index.js";
import { RAW, shown } from "./lib/paths.js";
import { reconcile } from "./lib/report.js";
import { readRaw } from "./lib/rules.js";
import { AREAS, areaOf, uniqueIds, unitOf } from "./noegletal-katalog.js";
import { privacyOf, SMALL_COUNT_MAX, suppressSmallCounts } from "./privacy.js";

const log = (text: string) => process.stderr.write(text + "\n");

let kommunerMemo: Kommune[] | undefined;

/** The 98 municipalities: DAWA master data joined with DST's municipality groups. */
export function buildKommuner(): Kommune[] {
  if (kommunerMemo) return kommunerMemo;
  const dawa = parseDawaKommuner(readRaw(RAW.dawaKommuner), shown(RAW.dawaKommuner));
  const groups = parseKomgrp(
    readRaw(RAW.komgrp),
    shown(RAW.komgrp),
    new Set(dawa.kommuner.map((k) => k.kommunekode)),
    new Map(dawa.kommuner.map((k) => [k.kommunekode, k.navn]))
  );
  const groupByCode = new Map(groups.map((g) => [g.kommunekode, g]));
  const missing = dawa.kommuner.filter((k) => !groupByCode.has(k.kommunekode));
  if (missing.length)
    throw new Error(
      `${shown(RAW.komgrp)}: ingen kommunegruppe for ${missing.map((k) => `${k.kommunekode} ${k.navn}`).join(", ")}`
    );
  const areal = officialArea();
  const official = parsedNoegletal().names;
  const rows = dawa.kommuner
    .map((k) => {
      const g = groupByCode.get(k.kommunekode)!;
      return {
        kommunekode: k.kommunekode,
        kommunekode_4: k.kommunekode_4,
        navn: k.navn,
        officielt_navn: official[k.kommunekode] ?? `${k.navn} Kommune`,
        regionskode: k.regionskode,
        regionsnavn: k.regionsnavn,
        kommunegruppekode: g.gruppekode,
        kommunegruppe: g.gruppe,
        areal_km2: areal.get(k.kommunekode) ?? null,
        center_lon: k.center_lon,
        center_lat: k.center_lat
      };
    })
    .sort((a, b) => a.kommunekode.localeCompare(b.kommunekode));
  log(
    reconcile({
      loader: "kommuner",
      unit: "DAWA-objekter",
      read: dawa.read,
      written: rows.length,
      rejected: dawa.rejected
    })
  );
  if (rows.length !== 98) throw new Error(`${shown(RAW.dawaKommuner)}: forventede 98 kommuner, fandt ${rows.length}`);
  kommunerMemo = rows;
  return rows;
}

function officialArea(): Map<string, number> {
  const p = parsedNoegletal();
  const fig = p.figures.find((f) => /^Areal \(km2\)/.test(f.titel));
  const out = new Map<string, number>();
  if (!fig) return out;
  for (const v of p.values)
    if (v.nr === fig.nr && v.vaerdi !== null && v.status === "ok") out.set(v.kommunekode, v.vaerdi); // years ascending: latest wins
  return out;
}

let parsedMemo: ParsedNoegletal | undefined;

function parsedNoegletal(): ParsedNoegletal {
  if (!parsedMemo) {
    const dawa = parseDawaKommuner(readRaw(RAW.dawaKommuner), shown(RAW.dawaKommuner));
    parsedMemo = parseNoegletal(
      readRaw(RAW.noegletal),
      shown(RAW.noegletal),
      new Set(dawa.kommuner.map((k) => k.kommunekode)),
      {
        namesByCode: new Map(dawa.kommuner.map((k) => [k.kommunekode, k.navn]))
      }
    );
  }
  return parsedMemo;
}

/** A cell of the long key-figure table as published: the vocabulary's row and its year's kind (common/vocabulary.ts yearKind). */
export type NoegletalRow = KeyFigureRow & { aarstype: YearKind };

/** A national row as published, with its year's kind. */
export type PublishedNationalRow = NationalRow & { aarstype: YearKind };

export interface Noegletal {
  values: NoegletalRow[];
  national: PublishedNationalRow[];
  katalog: KatalogRow[];
  years: number[];
  generated: string | null;
}

export const NOEGLETAL_KILDE =
  "Social- og Indenrigsministeriet, Kommunale Nøgletal (noegletal.dk), udtræk 3. september 2019";

/** What the unweighted mean of the municipalities is called wherever it is shown (never "landstal"). */
export { UNWEIGHTED_MEAN } from "../common/vocabulary.js";

import { UNWEIGHTED_MEAN } from "../common/vocabulary.js";
/** What a yes/no figure shows in place of a national figure. */
export const NATIONAL_YES_COUNT = "antallet af kommuner, der har svaret ja";

let noegletalMemo: Noegletal | undefined;

/** All key figures in long format, the national rows apart, and the catalogue. */
export function buildNoegletal(): Noegletal {
  if (noegletalMemo) return noegletalMemo;
  const p = parsedNoegletal();
  const ids = uniqueIds(p.figures.map((f) => f.titel));
  const idOf = (nr: number) => ids[nr - 1];
  // the year's kind, by the one rule (common/vocabulary.ts): the export's date decides which years are budget
  const yearSource: YearSource = { kilde: "noegletal.dk", udtrukket: p.generated, seneste: Math.max(...p.years) };
  const kindOf = new Map(p.years.map((y) => [y, yearKind(y, yearSource)]));
  const values: NoegletalRow[] = p.values.map((v) => ({
    id: idOf(v.nr),
    kommunekode: v.kommunekode,
    aar: v.aar,
    vaerdi: v.vaerdi,
    status: v.status,
    aarstype: kindOf.get(v.aar)!
  }));
  const national: PublishedNationalRow[] = p.national.map((v) => ({
    id: idOf(v.nr),
    aar: v.aar,
    vaerdi: v.vaerdi,
    status: v.status,
    type: v.type,
    aarstype: kindOf.get(v.aar)!
  }));
  // privacy: small counts of persons are hidden here, before anything is written; decided per figure id
  const privacy = new Map(p.figures.map((f) => [idOf(f.nr), privacyOf(idOf(f.nr), unitOf(f.titel))]));
  const personCounts = new Set([...privacy].filter(([, d]) => d.personer).map(([id]) => id));
  const withTotal = new Set(p.figures.filter((f) => f.national === "I alt").map((f) => idOf(f.nr)));
  const suppressed = suppressSmallCounts(values, personCounts, withTotal);
  const population = new Map<string, number>();
  const popFig = p.figures.find((f) => /^Indbyggertal/.test(f.titel));
  for (const v of p.values)
    if (popFig && v.nr === popFig.nr && v.vaerdi !== null) population.set(`${v.kommunekode}/${v.aar}`, v.vaerdi);

  const areaName = new Map(AREAS.map((a) => [a.id, a.navn]));
  const katalog: KatalogRow[] = p.figures.map((f) => {
    const own = p.values.filter((v) => v.nr === f.nr);
    const years = [...new Set(own.filter((v) => v.vaerdi !== null).map((v) => v.aar))].sort();
    const omraade = areaOf(f.titel);
    return {
      id: idOf(f.nr),
      nr: f.nr,
      titel: f.titel,
      enhed: unitOf(f.titel),
      omraade,
      omraade_navn: areaName.get(omraade) ?? omraade,
      aar_fra: years[0] ?? null,
      aar_til: years[years.length - 1] ?? null,
      aar_med_data: years.join(","),
      seneste_regnskabsaar: years.filter((y) => kindOf.get(y) === "regnskab").pop() ?? null,
      budgetaar: years.filter((y) => kindOf.get(y) === "budget").join(","),
      antal_vaerdier: own.filter((v) => v.vaerdi !== null).length,
      decimaler: f.decimaler,
      landstal: f.national,
      landstal_metode: nationalMethod(
        f.national,
        unitOf(f.titel),
        own,
        p.national.filter((n) => n.nr === f.nr),
        population
      ),
      taeller_personer: privacy.get(idOf(f.nr))!.personer,
      undertrykkelse: privacy.get(idOf(f.nr))!.undertrykkelse,
      noter:
        [
          ...f.noter.map((n) => `(${n}) ${p.notes[n] ?? "note uden tekst i kilden"}`),
          ...(personCounts.has(idOf(f.nr))
            ? [
                `Antal personer fra 1 til ${SMALL_COUNT_MAX} vises som <5 (diskretionering i kommunetal, før data publiceres).`
              ]
            : []),
          ...(unitOf(f.titel) === "antal" && f.decimaler > 0
            ? [
                "Kilden angiver brøkdele for nogle kommuner (fx 58,5); den forklarer ikke hvorfor. " +
                  `Derfor vises tallet med ${f.decimaler} decimal, som i kilden.`
              ]
            : [])
        ].join(" ") || null,
      kilde: NOEGLETAL_KILDE,
      linje_i_kilde: f.linje
    };
  });

  const perYear = p.years.map(
    (y) => `${y}: ${values.filter((v) => v.aar === y && v.vaerdi !== null).length} celler med værdi`
  );
  const statusCounts = new Map<string, number>();
  for (const v of values) statusCounts.set(v.status, (statusCounts.get(v.status) ?? 0) + 1);
  log(
    reconcile({
      loader: "noegletal",
      unit: "datalinjer (kommuner og landstal)",
      read: p.dataRowsRead,
      written: values.length / p.years.length + national.length / p.years.length,
      rejected: p.rejected,
      details: [
        `tegnsæt ${ENCODING_LABEL[p.encoding]} (afgjort ud fra filens bytes); alle regler i common/rules overholdt`,
        `talformat dansk (1.234,5): ${Object.entries(p.numberFormats)
          .sort()
          .map(([f, n]) => `${f.replace("decimal:", "") + (f.startsWith("decimal:") ? " decimal(er)" : "")} ${n}`)
          .join(", ")} talceller`,
        `${p.figures.length} nøgletal, ${values.length} kommuneceller, ${national.length} landstalsceller`,
        `celler pr. status: ${[...statusCounts].map(([s, n]) => `${s} ${n}`).join(", ")}`,
        `diskretionering: ${suppressed.primary} små antal (1-${SMALL_COUNT_MAX}) og ${suppressed.secondary} sekundært skjult i ${personCounts.size} nøgletal, der tæller personer`,
        ...perYear,
        `årstype (common/vocabulary.ts yearKind, udtræk «${p.generated ?? "uden dato"}»): ${p.years.map((y) => `${y} ${kindOf.get(y)}`).join(", ")}`
      ]
    })
  );
  noegletalMemo = { values, national, katalog, years: p.years, generated: p.generated };
  return noegletalMemo;
}

/**
 * Describe how the source's national figure is formed. "I alt" rows are sums. For
 * "Gennemsnit" rows the export does not say; we compare them, in every year with
 * data, with the unweighted mean of the municipalities and with the population-weighted
 * mean (weights: Indbyggertal 1. januar), and say which one the source matches.
 */
function nationalMethod(
  type: "I alt" | "Gennemsnit" | null,
  enhed: string,
  own: { kommunekode: string; aar: number; vaerdi: number | null; status: CellStatus }[],
  nationalRows: { aar: number; vaerdi: number | null }[],
  population: Map<string, number>
): string {
  if (type === null && enhed === "ja/nej")
    return `Kilden har intet landstal for dette nøgletal; kommunetal viser ${NATIONAL_YES_COUNT}.`;
  if (type === null)
    return (
      `Kilden har intet landstal for dette nøgletal. kommunetal viser i stedet ${UNWEIGHTED_MEAN}, taget over kommunerne med en værdi ` +
      "for året; det er ikke et landstal (ikke vægtet med indbyggere eller andre nævnere)."
    );
  if (type === "I alt") return 'Kildens egen række "I alt": summen over alle kommuner.';
  let errUnweighted = 0;
  let errWeighted = 0;
  let n = 0;
  for (const nat of nationalRows) {
    if (nat.vaerdi === null) continue;
    const cells = own.filter(
      (v) => v.aar === nat.aar && v.vaerdi !== null && (v.status === "ok" || v.status === "nul")
    );
    if (cells.length < 90) continue;
    const mean = cells.reduce((s, v) => s + v.vaerdi!, 0) / cells.length;
    let ws = 0;
    let w = 0;
    for (const v of cells) {
      const pop = population.get(`${v.kommunekode}/${v.aar}`);
      if (pop) {
        ws += pop * v.vaerdi!;
        w += pop;
      }
    }
    const scale = Math.max(Math.abs(nat.vaerdi), 1e-9);
    errUnweighted += Math.abs(mean - nat.vaerdi) / scale;
    errWeighted += Math.abs(ws / w - nat.vaerdi) / scale;
    n++;
  }
  const base = 'Kildens egen række "Gennemsnit" (landsgennemsnit); kilden oplyser ikke, hvordan det er dannet.';
  if (n === 0) return base;
  const u = errUnweighted / n;
  const wgt = errWeighted / n;
  const pct = (x: number) => (x * 100).toLocaleString("da-DK", { maximumFractionDigits: 1 });
  if (wgt < u && wgt < 0.02)
    return `${base} Det ligger tættest på et befolkningsvægtet gennemsnit af kommunerne (gns. afvigelse ${pct(wgt)} %, uvægtet ${pct(u)} %), dvs. et forholdstal af summer.`;
  if (u <= wgt && u < 0.02)
    return `${base} Det ligger tættest på et uvægtet gennemsnit af de 98 kommuner (gns. afvigelse ${pct(u)} %, befolkningsvægtet ${pct(wgt)} %).`;
  return `${base} Det svarer hverken til et uvægtet (afvigelse ${pct(u)} %) eller et befolkningsvægtet gennemsnit (${pct(wgt)} %); sandsynligvis et forholdstal af summer med en anden nævner.`;
}

let befolkningMemo: { rows: Befolkning[]; national: { maaned: string; befolkning: number }[] } | undefined;

/** Population on the 1st of each month per municipality (DST FOLK1AM). */
export function buildBefolkning(): { rows: Befolkning[]; national: { maaned: string; befolkning: number }[] } {
  if (befolkningMemo) return befolkningMemo;
  const kommuner = buildKommuner();
  const codeByName = new Map(kommuner.map((k) => [k.navn, k.kommunekode]));
  const parsed = parseFolk1am(readRaw(RAW.folk1am), shown(RAW.folk1am), codeByName);
  const months = [...new Set(parsed.rows.map((r) => r.maaned))].sort();
  const perCode = new Set(parsed.rows.map((r) => r.kommunekode));
  const notFound = kommuner.filter((k) => !perCode.has(k.kommunekode));
  if (notFound.length)
    throw new Error(
      `${shown(RAW.folk1am)}: ingen befolkningstal for ${notFound.map((k) => `${k.kommunekode} ${k.navn}`).join(", ")} (stavemåden i OMRÅDE skal svare til DAWA's navn)`
    );
  log(
    reconcile({
      loader: "befolkning",
      unit: "rækker (ekskl. Hele landet)",
      read: parsed.read,
      written: parsed.rows.length,
      rejected: parsed.rejected,
      details: [
        `${months.length} måneder ${months[0]}–${months[months.length - 1]}, ${parsed.national.length} landstal`
      ]
    })
  );
  befolkningMemo = { rows: parsed.rows, national: parsed.national };
  return befolkningMemo;
}

/**
 * Seed the memoised datasets with rows computed earlier in the same build (loaders/ingest.ts), so a loader
 * process does not parse the raw files again. Only for the ingest cache; the rows must be what the build*
 * functions above return.
 */
export function primeDatasets(d: {
  kommuner?: Kommune[];
  noegletal?: Noegletal;
  befolkning?: { rows: Befolkning[]; national: { maaned: string; befolkning: number }[] };
}): void {
  if (d.kommuner) kommunerMemo = d.kommuner;
  if (d.noegletal) noegletalMemo = d.noegletal;
  if (d.befolkning) befolkningMemo = d.befolkning;
}
