/**
 * KLE conformance of the cases in the indexes (issue #11, "Data standard conformance"): for the
 * KLE-tagged cases an IT system delivers to Sags- og dokumentindeks or Ydelsesindeks, the share
 * whose KLE number
 *   - findes: exists in KLE (the current catalogue, OS2KLE 3.23, or a number KLE had and retired),
 *   - aktuel: was not retired on the date the stock was counted (opgjort_dato),
 *   - niveau: is at the level the index requires (both indexes: emne, NN.NN.NN),
 * and `overens`: all three. Measured on cases (antal_sager), per IT system and municipality,
 * per IT system over all municipalities, and per municipality over all its systems.
 *
 * Case counts are suppressed before publication (counts 1-4 hidden as "<5", plus secondary
 * suppression), and a share is published only when the cases it leaves out are not hidden.
 * Pure TypeScript (Node and browser).
 */
import { type Finding, finding } from "../rules/index.js";
import { CASES_MAX_HIDDEN, SUPPRESSED } from "./suppress.js";

export type KleNiveau = "hovedgruppe" | "gruppe" | "emne";
const RANG: Record<KleNiveau, number> = { hovedgruppe: 1, gruppe: 2, emne: 3 };

/**
 * The level each index requires. Both require emne level: a case is journalised on a KLE emne
 * (NN.NN.NN); a hovedgruppe (NN) or gruppe (NN.NN) alone does not say what the case is about.
 * An index not listed here is held to emne level too.
 */
export const INDEKS_NIVEAU: Readonly<Record<string, KleNiveau>> = {
  "Sags- og dokumentindeks": "emne",
  Ydelsesindeks: "emne"
};

export const NIVEAU_TEKST: Record<KleNiveau, string> = {
  hovedgruppe: "hovedgruppe (NN)",
  gruppe: "gruppe (NN.NN)",
  emne: "emne (NN.NN.NN)"
};

/** A retired number: the KLE edition that removed it. */
export interface Udgaaet {
  nr: string;
  /** the KLE edition it disappeared in, e.g. "KLE 2025 Feb" */
  udgaaet_i_kle: string;
}

export interface KleCatalogue {
  /** current numbers at every level (emner, and the grupper and hovedgrupper they belong to) */
  aktuelle: ReadonlySet<string>;
  /** retired numbers (not current) → the date KLE retired them (YYYY-MM-DD) and the edition */
  udgaaede: ReadonlyMap<string, { dato: string; kle: string }>;
  /** a short Danish name of the catalogue, for messages */
  navn: string;
}

const MONTHS: Record<string, string> = { Feb: "02", Aug: "08" };

/** "KLE 2025 Feb" → "2025-02-01" (KLE is published twice a year, February and August). */
export function kleUdgaveDato(udgave: string): string {
  const m = /^KLE (\d{4}) (\w{3})$/.exec(udgave.trim());
  const month = m ? (MONTHS[m[2]] ?? null) : null;
  if (!m || !month) throw new Error(`ukendt KLE-udgave "${udgave}" (forventede fx "KLE 2025 Feb")`);
  return `${m[1]}-${month}-01`;
}

/** The catalogue from the current emne numbers and the retired numbers (any level). */
export function kleCatalogue(emner: readonly string[], udgaaede: readonly Udgaaet[], navn = "KLE"): KleCatalogue {
  const aktuelle = new Set<string>();
  for (const e of emner) {
    aktuelle.add(e);
    aktuelle.add(e.slice(0, 5));
    aktuelle.add(e.slice(0, 2));
  }
  const retired = new Map<string, { dato: string; kle: string }>();
  for (const u of udgaaede)
    if (!aktuelle.has(u.nr)) retired.set(u.nr, { dato: kleUdgaveDato(u.udgaaet_i_kle), kle: u.udgaaet_i_kle });
  return { aktuelle, udgaaede: retired, navn };
}

/** The level a number is written at, or null when it is no KLE number at all. */
export function kleNiveau(nr: string): KleNiveau | null {
  if (/^\d{2}\.\d{2}\.\d{2}$/.test(nr)) return "emne";
  if (/^\d{2}\.\d{2}$/.test(nr)) return "gruppe";
  if (/^\d{2}$/.test(nr)) return "hovedgruppe";
  return null;
}

export interface KleCheck {
  niveau: KleNiveau | null;
  findes: boolean;
  aktuel: boolean;
  niveau_ok: boolean;
  overens: boolean;
  /** for a retired number: the edition that retired it */
  udgaaet_i?: string;
}

/** Check one KLE number delivered to `indeks`, counted on `dato` (YYYY-MM-DD). */
export function checkKle(nr: string, indeks: string, dato: string, cat: KleCatalogue): KleCheck {
  const niveau = kleNiveau(nr);
  const current = niveau !== null && cat.aktuelle.has(nr);
  const retired = niveau !== null && !current ? cat.udgaaede.get(nr) : undefined;
  const findes = current || retired !== undefined;
  const aktuel = current || (retired !== undefined && dato < retired.dato);
  const krav = INDEKS_NIVEAU[indeks] ?? "emne";
  const niveau_ok = niveau !== null && RANG[niveau] >= RANG[krav];
  return {
    niveau,
    findes,
    aktuel,
    niveau_ok,
    overens: findes && aktuel && niveau_ok,
    ...(retired ? { udgaaet_i: retired.kle } : {})
  };
}

/**
 * `kle_gyldig` of the table infrastruktur-kle: the number exists in KLE and was not retired before the day the cases
 * were counted (the same rule as the "aktuel" check: a number retired on or before `dato` is not valid; one retired
 * later was valid that day). The level is measured apart (kle.niveau).
 */
export function kleGyldig(nr: string, dato: string, cat: KleCatalogue): boolean {
  const c = checkKle(nr, "", dato, cat);
  return c.findes && c.aktuel;
}

/** Why a number breaks the standard, in Danish ("" when it conforms). */
export function kleGrund(nr: string, indeks: string, dato: string, cat: KleCatalogue): string {
  const c = checkKle(nr, indeks, dato, cat);
  const why: string[] = [];
  if (!c.findes) why.push("findes ikke i KLE");
  else if (!c.aktuel) why.push(`udgået med ${c.udgaaet_i}`);
  if (!c.niveau_ok && c.niveau !== null)
    why.push(`${NIVEAU_TEKST[c.niveau]}; indekset kræver ${NIVEAU_TEKST[INDEKS_NIVEAU[indeks] ?? "emne"]}`);
  return why.join("; ");
}

/** One row of the index extract (indekssager_*.csv) as the conformance needs it. */
export interface KleSagRow {
  opgjort_dato: string;
  kle_nr: string;
  indeks: string;
  it_system: string;
  /** null or "" for a non-municipal authority */
  kommunekode: string | null;
  antal_sager: number;
  /** where the row is, for findings */
  file?: string;
  line?: number;
  /** 1-based column of kle_nr in the file (default 2, its place in the contract) */
  column?: number;
}

export const CHECKS = ["findes", "aktuel", "niveau", "overens"] as const;
export type Check = (typeof CHECKS)[number];

export type Omfang = "land" | "system" | "kommune" | "kommune-system";

/** Unsuppressed tally of one group. */
export interface KleTally {
  omfang: Omfang;
  /** "" on system rows (all 98 municipalities) */
  kommunekode: string;
  /** "" on municipality rows (all its systems) */
  it_system: string;
  opgjort_dato: string;
  sager: number;
  /** cases failing each check */
  afvigende: Record<Check, number>;
  /** the distinct numbers failing any check, sorted */
  afvigende_numre: string[];
}

/**
 * Tally the cases of the latest counting date per municipality × system, per system (the
 * municipalities together; non-municipal authorities are left out), per municipality and
 * for the country (all 98).
 * Rows of other dates are ignored (the indexes are a stock; the latest count is the state).
 */
export function kleConformance(rows: readonly KleSagRow[], cat: KleCatalogue): KleTally[] {
  const muni = rows.filter((r) => r.kommunekode);
  const latest =
    muni
      .map((r) => r.opgjort_dato)
      .sort()
      .at(-1) ?? "";
  const groups = new Map<string, KleTally & { numre: Set<string> }>();
  const add = (omfang: Omfang, kommunekode: string, it_system: string, r: KleSagRow, c: KleCheck) => {
    const key = `${omfang}|${kommunekode}|${it_system}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        omfang,
        kommunekode,
        it_system,
        opgjort_dato: latest,
        sager: 0,
        afvigende: { findes: 0, aktuel: 0, niveau: 0, overens: 0 },
        afvigende_numre: [],
        numre: new Set()
      };
      groups.set(key, g);
    }
    g.sager += r.antal_sager;
    if (!c.findes) g.afvigende.findes += r.antal_sager;
    if (!c.aktuel) g.afvigende.aktuel += r.antal_sager;
    if (!c.niveau_ok) g.afvigende.niveau += r.antal_sager;
    if (!c.overens) {
      g.afvigende.overens += r.antal_sager;
      g.numre.add(r.kle_nr);
    }
  };
  for (const r of muni) {
    if (r.opgjort_dato !== latest) continue;
    const c = checkKle(r.kle_nr, r.indeks, r.opgjort_dato, cat);
    const k = r.kommunekode as string;
    add("kommune-system", k, r.it_system, r, c);
    add("system", "", r.it_system, r, c);
    add("kommune", k, "", r, c);
    add("land", "", "", r, c);
  }
  const order: Record<Omfang, number> = { land: 0, system: 1, kommune: 2, "kommune-system": 3 };
  const coll = new Intl.Collator("da");
  return [...groups.values()]
    .map(({ numre, ...g }) => ({ ...g, afvigende_numre: [...numre].sort() }))
    .sort(
      (a, b) =>
        order[a.omfang] - order[b.omfang] ||
        a.kommunekode.localeCompare(b.kommunekode) ||
        coll.compare(a.it_system, b.it_system)
    );
}

/** The published row (table infrastruktur-kle-overensstemmelse). */
export interface KleOverensRow {
  omfang: Omfang;
  kommunekode: string;
  it_system: string;
  opgjort_dato: string;
  /** null when hidden ("<5") */
  sager: number | null;
  sager_afvigende: number | null;
  andel_findes: number | null;
  andel_aktuel: number | null;
  andel_niveau: number | null;
  andel_overens: number | null;
  afvigende_numre: string;
  status: string;
}

const hiddenCount = (n: number) => n >= 1 && n <= CASES_MAX_HIDDEN;

/**
 * Suppress and publish. A count (cases, or cases failing a check) from 1 to 4 is hidden;
 * secondary suppression: a municipality's row is the sum of its system rows, a system's row
 * the sum of its municipality rows, and the country the sum of the municipality rows and of
 * the system rows, so in every such group with exactly one hidden count (per check), the
 * smallest other non-zero count is hidden too, until no group has exactly one. A share is published
 * only when both its total and its failing count are visible.
 */
export function publishConformance(tallies: readonly KleTally[]): KleOverensRow[] {
  type Cell = { t: KleTally; hidden: Record<"sager" | Check, boolean> };
  const cells: Cell[] = tallies.map((t) => ({
    t,
    hidden: {
      sager: hiddenCount(t.sager),
      findes: hiddenCount(t.afvigende.findes),
      aktuel: hiddenCount(t.afvigende.aktuel),
      niveau: hiddenCount(t.afvigende.niveau),
      overens: hiddenCount(t.afvigende.overens)
    }
  }));
  const value = (c: Cell, m: "sager" | Check) => (m === "sager" ? c.t.sager : c.t.afvigende[m]);
  // the groups whose sum is published: a municipality's systems, a system's municipalities (both
  // kommune-system cells), all municipality rows and all system rows (both sum to the country)
  const groupings: ((c: Cell) => string | null)[] = [
    (c) => (c.t.omfang === "kommune-system" ? `k|${c.t.kommunekode}` : null),
    (c) => (c.t.omfang === "kommune-system" ? `s|${c.t.it_system}` : null),
    (c) => (c.t.omfang === "kommune" || c.t.omfang === "system" ? c.t.omfang : null)
  ];
  for (const m of ["sager", ...CHECKS] as const) {
    for (let changed = true; changed; ) {
      changed = false;
      for (const key of groupings) {
        const groups = new Map<string, Cell[]>();
        for (const c of cells) {
          const k = key(c);
          if (k !== null) (groups.get(k) ?? groups.set(k, []).get(k)!).push(c);
        }
        for (const g of groups.values()) {
          if (g.filter((c) => c.hidden[m]).length !== 1) continue;
          const next = g
            .filter((c) => !c.hidden[m] && value(c, m) > 0)
            .sort(
              (x, y) =>
                value(x, m) - value(y, m) ||
                x.t.kommunekode.localeCompare(y.t.kommunekode) ||
                x.t.it_system.localeCompare(y.t.it_system)
            )[0];
          if (next) {
            next.hidden[m] = true;
            changed = true;
          }
        }
      }
    }
  }
  return cells.map(({ t, hidden }) => {
    const share = (m: Check) =>
      hidden.sager || hidden[m] || t.sager === 0 ? null : (t.sager - t.afvigende[m]) / t.sager;
    const anyHidden = Object.values(hidden).some(Boolean);
    return {
      omfang: t.omfang,
      kommunekode: t.kommunekode,
      it_system: t.it_system,
      opgjort_dato: t.opgjort_dato,
      sager: hidden.sager ? null : t.sager,
      sager_afvigende: hidden.sager || hidden.overens ? null : t.afvigende.overens,
      andel_findes: share("findes"),
      andel_aktuel: share("aktuel"),
      andel_niveau: share("niveau"),
      andel_overens: share("overens"),
      afvigende_numre: t.afvigende_numre.join(" "),
      status: anyHidden ? SUPPRESSED : ""
    };
  });
}

/**
 * The worst systems: system rows (all municipalities) with at least `minSager` cases, by
 * the share of conforming cases, lowest first (ties: more cases first, then name).
 */
export function worstSystems(rows: readonly KleOverensRow[], n = 10, minSager = 100): KleOverensRow[] {
  const coll = new Intl.Collator("da");
  return rows
    .filter((r) => r.omfang === "system" && r.andel_overens !== null && (r.sager ?? 0) >= minSager)
    .sort(
      (a, b) =>
        (a.andel_overens as number) - (b.andel_overens as number) ||
        (b.sager ?? 0) - (a.sager ?? 0) ||
        coll.compare(a.it_system, b.it_system)
    )
    .slice(0, n);
}

/**
 * Findings for every extract row whose KLE number breaks the standard: `kle.findes` (no such
 * number in KLE), else `kle.aktuel` (retired before the counting date); and `kle.niveau`
 * (not at the level the index requires). All rows, every date, with file and line when given.
 */
export function kleFindings(rows: readonly KleSagRow[], cat: KleCatalogue, file = "indekssager"): Finding[] {
  const out: Finding[] = [];
  for (const r of rows) {
    const c = checkKle(r.kle_nr, r.indeks, r.opgjort_dato, cat);
    if (c.overens) continue;
    const where = {
      line: r.line,
      column: r.line === undefined ? undefined : (r.column ?? 2),
      kommunekode: r.kommunekode || undefined,
      periode: r.opgjort_dato
    };
    const what = `${r.antal_sager} sager i ${r.indeks} fra ${r.it_system}`;
    if (!c.findes)
      out.push(
        finding("kle.findes", r.file ?? file, `KLE-nummeret ${r.kle_nr} findes ikke i ${cat.navn} (${what})`, where)
      );
    else if (!c.aktuel)
      out.push(
        finding(
          "kle.aktuel",
          r.file ?? file,
          `KLE-nummeret ${r.kle_nr} udgik med ${c.udgaaet_i} og var ikke aktuelt ${r.opgjort_dato} (${what})`,
          where
        )
      );
    if (!c.niveau_ok && c.niveau !== null)
      out.push(
        finding(
          "kle.niveau",
          r.file ?? file,
          `KLE-nummeret ${r.kle_nr} er på ${NIVEAU_TEKST[c.niveau]}, men ${r.indeks} kræver ${NIVEAU_TEKST[INDEKS_NIVEAU[r.indeks] ?? "emne"]} (${what})`,
          where
        )
      );
  }
  return out;
}
