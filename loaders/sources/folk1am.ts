/**
 * DST StatBank export of FOLK1AM ("Befolkningen den 1. i måneden"): `OMRÅDE;TID;INDHOLD`,
 * UTF-8 with BOM, CRLF. OMRÅDE is DST's area *name* ("Hele landet", "Region …",
 * municipality names), so rows are matched to codes by name. "Hele landet" is kept apart
 * as the national total; regions and names that are not one of the 98 municipalities
 * (Christiansø) are rejected with a reason.
 *
 * Rules (common/rules): field count, one row per area and month (form.dublet), every
 * month from the first to the last for every municipality (fuldstaendig.maaned), all
 * municipalities present (fuldstaendig.kommuner), plausible counts (tal.interval), and
 * "Hele landet" equal to the sum of the areas below it that are not regions: the 98
 * municipalities and Christiansø (konsistens.sum; DST's national total includes Christiansø,
 * which the loaders reject as not a municipality, so it is summed here before it is dropped).
 */
import { decodeDetected, type Finding, fieldCountFinding, finding, rangeOfUnit } from "../../common/rules/index.js";
import { encodingFinding, stopOnErrors } from "../lib/rules.js";
import { columnOf, InputError, splitRows } from "../lib/text.js";

export interface Befolkning {
  kommunekode: string;
  /** DST month code, e.g. "2024M01" */
  maaned: string;
  befolkning: number;
}

export interface Folk1amParsed {
  rows: Befolkning[];
  national: { maaned: string; befolkning: number }[];
  rejected: { line: number; reason: string }[];
  read: number;
}

/** The DST month after `m` ("2023M12" → "2024M01"). */
export function nextMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mm = Number(m.slice(5));
  return mm === 12 ? `${y + 1}M01` : `${y}M${String(mm + 1).padStart(2, "0")}`;
}

/** Check and parse, returning every finding (for a validator); `parsed` null when unreadable. */
export function inspectFolk1am(
  bytes: Uint8Array,
  file: string,
  codeByName: Map<string, string>
): { parsed: Folk1amParsed | null; findings: Finding[] } {
  const findings: Finding[] = [];
  try {
    return { parsed: walk(bytes, file, codeByName, findings), findings };
  } catch (error) {
    if (error instanceof InputError) return { parsed: null, findings: [...findings, error.toFinding()] };
    throw error;
  }
}

/** Parse; stops with file, line, column and rule on the first rule broken. */
export function parseFolk1am(bytes: Uint8Array, file: string, codeByName: Map<string, string>): Folk1amParsed {
  const { parsed, findings } = inspectFolk1am(bytes, file, codeByName);
  stopOnErrors(findings);
  return parsed!;
}

function walk(bytes: Uint8Array, file: string, codeByName: Map<string, string>, findings: Finding[]): Folk1amParsed {
  const { text, encoding } = decodeDetected(bytes);
  const enc = encodingFinding(file, encoding, ["utf-8-bom", "utf-8"]);
  if (enc) findings.push(enc);
  const rows = splitRows(text, file);
  const header = rows[0]?.cells.map((c) => c.trim());
  const [iOmr, iTid, iInd] = ["OMRÅDE", "TID", "INDHOLD"].map((h) => header?.indexOf(h) ?? -1);
  if (iOmr < 0 || iTid < 0 || iInd < 0)
    throw new InputError(
      file,
      1,
      1,
      `overskriften skal være OMRÅDE;TID;INDHOLD, fandt "${rows[0]?.cells.join(";")}"`,
      "form.overskrift"
    );
  const width = header!.length;
  const range = rangeOfUnit("personer");
  const out: Befolkning[] = [];
  const national: { maaned: string; befolkning: number }[] = [];
  const rejected: { line: number; reason: string }[] = [];
  const seen = new Map<string, number>();
  const monthsOf = new Map<string, Set<string>>();
  const lineOf = new Map<string, number>();
  const allMonths = new Set<string>();
  /** per month: the sum of every area row that is neither a region nor the national total */
  const areaSum = new Map<string, number>();
  const nationalLine = new Map<string, { line: number; column: number }>();
  let read = 0;
  const lastLine = rows.length ? rows[rows.length - 1].line : 1;
  for (const row of rows.slice(1)) {
    if (row.cells.every((c) => c.trim() === "")) continue;
    if (row.cells.length !== width) {
      findings.push(fieldCountFinding(file, row, width, lastLine, 1));
      continue;
    }
    read++;
    const omr = row.cells[iOmr].trim();
    const tid = row.cells[iTid]?.trim() ?? "";
    const raw = row.cells[iInd]?.trim() ?? "";
    if (!/^\d{4}M(0[1-9]|1[0-2])$/.test(tid))
      throw new InputError(
        file,
        row.line,
        columnOf(row, iTid),
        `"${tid}" er ikke en DST-måned som 2024M01`,
        "tal.celle"
      );
    if (!/^-?\d+$/.test(raw))
      throw new InputError(file, row.line, columnOf(row, iInd), `"${raw}" er ikke et antal personer`, "tal.celle");
    const befolkning = Number(raw);
    if (befolkning < range.min || befolkning > range.max) {
      findings.push(
        finding("tal.interval", file, `${raw} for ${omr} ${tid} er uden for det plausible interval (${range.tekst})`, {
          line: row.line,
          column: columnOf(row, iInd),
          periode: tid
        })
      );
    }
    const key = `${omr}/${tid}`;
    if (seen.has(key)) {
      findings.push(
        finding("form.dublet", file, `${omr} ${tid} står to gange (første gang linje ${seen.get(key)})`, {
          line: row.line,
          column: 1,
          periode: tid
        })
      );
      read--;
      continue;
    }
    seen.set(key, row.line);
    allMonths.add(tid);
    if (omr === "Hele landet") {
      national.push({ maaned: tid, befolkning });
      nationalLine.set(tid, { line: row.line, column: columnOf(row, iInd) });
      read--; // kept apart, not a municipality row
      continue;
    }
    if (!/^Region /.test(omr)) areaSum.set(tid, (areaSum.get(tid) ?? 0) + befolkning);
    const kode = codeByName.get(omr);
    if (!kode) {
      rejected.push({ line: row.line, reason: `"${omr}" er ikke en af de 98 kommuner` });
      continue;
    }
    const months = monthsOf.get(kode) ?? new Set<string>();
    months.add(tid);
    monthsOf.set(kode, months);
    if (!lineOf.has(kode)) lineOf.set(kode, row.line);
    out.push({ kommunekode: kode, maaned: tid, befolkning });
  }
  // every month from the first to the last, for every municipality
  const sorted = [...allMonths].sort();
  if (sorted.length) {
    for (let m = sorted[0]; m < sorted[sorted.length - 1]; m = nextMonth(m)) {
      if (!allMonths.has(nextMonth(m)))
        findings.push(
          finding(
            "fuldstaendig.maaned",
            file,
            `måneden ${nextMonth(m)} mangler helt i serien ${sorted[0]}–${sorted[sorted.length - 1]}`,
            { periode: nextMonth(m) }
          )
        );
    }
  }
  for (const [kode, months] of monthsOf) {
    const missing = sorted.filter((m) => !months.has(m));
    if (missing.length) {
      findings.push(
        finding(
          "fuldstaendig.maaned",
          file,
          `kommune ${kode} mangler ${missing.length} måned(er): ${missing.slice(0, 6).join(", ")}`,
          { line: lineOf.get(kode), column: 1, kommunekode: kode, periode: missing[0] }
        )
      );
    }
  }
  const names = new Map([...codeByName].map(([n, k]) => [k, n]));
  const absent = [...names.keys()].filter((k) => !monthsOf.has(k));
  if (absent.length) {
    findings.push(
      finding(
        "fuldstaendig.kommuner",
        file,
        `ingen befolkningstal for ${absent.map((k) => `${k} ${names.get(k)}`).join(", ")} (stavemåden i OMRÅDE skal svare til DAWA's navn)`
      )
    );
  }
  // the source's own total: a lost, doubled or altered municipality row shows here
  for (const n of national) {
    const sum = areaSum.get(n.maaned) ?? 0;
    if (sum !== n.befolkning) {
      findings.push(
        finding(
          "konsistens.sum",
          file,
          `Hele landet ${n.maaned} er ${n.befolkning}, men kommunerne og Christiansø summer til ${sum} (forskel ${n.befolkning - sum})`,
          { ...nationalLine.get(n.maaned), periode: n.maaned }
        )
      );
    }
  }
  return { rows: out, national, rejected, read };
}
