/**
 * The StatBank tables kommunetal refreshes, described by what we need of them rather than
 * by a hard-coded copy of DST's variables: each spec reads `tableinfo`, checks that the
 * variables and values we rely on are still there (a clear Danish message when DST has
 * changed the table), and selects the values to fetch.
 */
import { StatbankError, type TableInfo, type TableInfoVariable } from "./statbank.js";

export interface Selection {
  /** variable id → selected value ids, in DST's order */
  variables: { code: string; values: string[] }[];
  /** the time variable's id (requests are chunked over it) */
  time: string;
}

export interface TableSpec {
  id: string;
  /** file name inside the snapshot folder */
  file: string;
  /** what the table gives the site, in Danish (for the provenance file and messages) */
  purpose: string;
  select(info: TableInfo, kommunekoder: readonly string[], from?: string): Selection;
}

function variable(info: TableInfo, id: string): TableInfoVariable {
  const v = info.variables.find((x) => x.id.toUpperCase() === id.toUpperCase());
  if (!v) {
    const have = info.variables.map((x) => x.id).join(", ");
    throw new StatbankError(
      `DST har ændret tabellen ${info.id}: variablen ${id} findes ikke længere (tabellen har ${have}). Opdateringen er stoppet; det gamle øjebliksbillede er uændret.`
    );
  }
  return v;
}

function requireValues(info: TableInfo, v: TableInfoVariable, ids: string[]): void {
  const have = new Set(v.values.map((x) => x.id));
  const missing = ids.filter((id) => !have.has(id));
  if (missing.length) {
    throw new StatbankError(
      `DST har ændret tabellen ${info.id}: variablen ${v.id} mangler ${missing.join(", ")}. Opdateringen er stoppet; det gamle øjebliksbillede er uændret.`
    );
  }
}

function timeVariable(info: TableInfo): TableInfoVariable {
  const t = info.variables.find((v) => v.time);
  if (!t) throw new StatbankError(`DST's tabel ${info.id} har ingen tidsvariabel i tableinfo`);
  return t;
}

/** The five regions, 081-085 in DST's area codes. */
export const REGION_CODE = /^08[1-5]$/;

/** The national total is "0" in some tables and "000" in others; DST names it "Hele landet". */
export function isNational(value: { id: string; text: string }): boolean {
  return value.id === "0" || value.id === "000" || value.text === "Hele landet";
}

function areas(info: TableInfo, kommunekoder: readonly string[]): { code: string; values: string[] } {
  const omr = variable(info, "OMRÅDE");
  requireValues(info, omr, [...kommunekoder]);
  const wanted = new Set(kommunekoder);
  const values = omr.values.filter((v) => wanted.has(v.id) || isNational(v) || REGION_CODE.test(v.id)).map((v) => v.id);
  if (!omr.values.some(isNational))
    throw new StatbankError(`DST har ændret tabellen ${info.id}: OMRÅDE har ikke længere "Hele landet"`);
  return { code: omr.id, values };
}

function times(info: TableInfo, from?: string): { code: string; values: string[] } {
  const t = timeVariable(info);
  const values = t.values.map((v) => v.id).filter((id) => !from || id >= from);
  if (values.length === 0) throw new StatbankError(`DST's tabel ${info.id} har ingen perioder fra ${from}`);
  return { code: t.id, values };
}

/** NGLK "Udvalgte kommunale regnskabstal": every key figure, gross/net, both price units. */
export const NGLK: TableSpec = {
  id: "NGLK",
  file: "nglk.csv",
  purpose: "kommunale regnskabsnøgletal 2008-seneste år, i løbende og faste priser",
  select(info, kommunekoder, from) {
    const noegle = variable(info, "BNØGLE");
    const brutnet = variable(info, "BRUTNETUDG");
    const pris = variable(info, "PRISENHED");
    // the deflator needs both price units; net expenditure is what the pages show
    requireValues(info, pris, ["AARPRIS"]);
    if (!pris.values.some((v) => /PRIS$/.test(v.id) && v.id !== "AARPRIS")) {
      throw new StatbankError(
        `DST har ændret tabellen NGLK: PRISENHED har ingen faste priser ved siden af AARPRIS (har ${pris.values.map((v) => v.id).join(", ")})`
      );
    }
    requireValues(info, brutnet, ["NET"]);
    if (noegle.values.length === 0) throw new StatbankError("DST's tabel NGLK har ingen nøgletal i BNØGLE");
    const time = times(info, from);
    return {
      variables: [
        areas(info, kommunekoder),
        { code: noegle.id, values: noegle.values.map((v) => v.id) },
        { code: brutnet.id, values: brutnet.values.map((v) => v.id) },
        { code: pris.id, values: pris.values.map((v) => v.id) },
        time
      ],
      time: time.code
    };
  }
};

/** FOLK1A: population on the first day of the quarter by municipality and single year of age. */
export const FOLK1A: TableSpec = {
  id: "FOLK1A",
  file: "folk1a.csv",
  purpose: "befolkning pr. kvartal efter kommune og alder (nævnere: pr. indbygger, pr. 0-17-årig, pr. 67+-årig …)",
  select(info, kommunekoder, from) {
    const alder = variable(info, "ALDER");
    const years = alder.values.filter((v) => /^\d+$/.test(v.id)).map((v) => v.id);
    if (years.length < 100)
      throw new StatbankError(`DST har ændret tabellen FOLK1A: ALDER har kun ${years.length} etårige aldre`);
    // sex and marital status are summed by DST (eliminated); refuse if that is no longer allowed
    for (const id of ["KØN", "CIVILSTAND"]) {
      const v = info.variables.find((x) => x.id.toUpperCase() === id);
      if (v && !v.elimination)
        throw new StatbankError(`DST har ændret tabellen FOLK1A: ${id} kan ikke længere summeres væk (elimination)`);
    }
    const time = times(info, from);
    return { variables: [areas(info, kommunekoder), { code: alder.id, values: years }, time], time: time.code };
  }
};

export const TABLES: Record<string, TableSpec> = { NGLK, FOLK1A };
