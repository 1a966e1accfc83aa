import { type Finding, finding, type RuleId } from "./rules/index.js";

/**
 * Reading the raw text files: decoding, splitting lines and `;`-separated cells while
 * keeping track of where each cell came from, so that every error can name the file,
 * the line and the column a person should open.
 */

/**
 * An error in an input file, located to file, line and column (both 1-based), with the id
 * of the rule it breaks (common/rules).
 */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
    readonly rule: RuleId = "tal.celle"
  ) {
    super(`${file}:${line}:${column}: ${reason} [regel ${rule}]`);
    this.name = "InputError";
  }

  /** The same error as a finding (for a validator that reports instead of stopping). */
  toFinding(): Finding {
    return finding(this.rule, this.file, this.reason, { line: this.line, column: this.column });
  }
}

/** One row of a `;`-separated file with its 1-based line number. */
export interface Row {
  line: number;
  cells: string[];
  /** 1-based column where each cell starts in the raw line (set when the line has quotes) */
  starts?: number[];
}

/** Decode bytes as UTF-8 (dropping a byte-order mark) or ISO-8859-1. */
export function decode(bytes: Uint8Array, encoding: "utf-8" | "latin1"): string {
  if (encoding === "latin1") return new TextDecoder("latin1").decode(bytes);
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Split a `;`-separated text into rows. Handles CRLF and LF, double-quoted cells with
 * `;` or doubled quotes inside. A quote left open at the end of a line is an error.
 */
export function splitRows(text: string, file: string, separator = ";"): Row[] {
  const rows: Row[] = [];
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (!raw.includes('"')) {
      rows.push({ line, cells: raw.split(separator) });
      return;
    }
    const cells: string[] = [];
    const starts: number[] = [1];
    let cell = "";
    let quoted = false;
    let quoteStart = 0;
    for (let i = 0; i < raw.length; i++) {
      const ch = raw[i];
      if (quoted) {
        if (ch === '"' && raw[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"' && cell === "") {
        quoted = true;
        quoteStart = i;
      } else if (ch === separator) {
        cells.push(cell);
        starts.push(i + 2);
        cell = "";
      } else cell += ch;
    }
    if (quoted) throw new InputError(file, line, quoteStart + 1, "anførselstegn åbnet men ikke lukket", "form.linje");
    cells.push(cell);
    rows.push({ line, cells, starts });
  });
  return rows;
}

/** 1-based character column where cell `index` of a row starts (for error messages). */
export function columnOf(cells: string[] | Row, index: number, separator = ";"): number {
  if (!Array.isArray(cells)) {
    if (cells.starts) return cells.starts[index];
    cells = cells.cells;
  }
  let column = 1;
  for (let i = 0; i < index; i++) column += cells[i].length + separator.length;
  return column;
}
