/**
 * How the build loaders apply the rules of common/rules: findings are collected by the
 * check functions; `stopOnErrors` turns the first `fejl` into an InputError (the build
 * stops with file, line, column and rule id) and writes `advarsel`s to stderr. Missing
 * files and broken JSON get a Danish message with the path and what to do.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname } from "node:path";
import { type Encoding, type Finding, formatFinding, RULES } from "../../common/rules/index.js";
import { encodingWarning } from "../../common/validate/file.js";
import { shown } from "./paths.js";
import { InputError } from "./text.js";

/** Throw the first error among the findings (naming how many more there are); log the warnings. */
export function stopOnErrors(
  findings: Finding[],
  log: (s: string) => void = (s) => process.stderr.write(s + "\n")
): void {
  for (const f of findings) if (f.severity === "advarsel") log(`Advarsel: ${formatFinding(f)}`);
  const errors = findings.filter((f) => f.severity === "fejl");
  if (errors.length === 0) return;
  const first = errors[0];
  const more =
    errors.length > 1
      ? ` (og ${errors.length - 1} fejl mere, fx ${errors
          .slice(1, 4)
          .map((e) => `linje ${e.line ?? "?"} [${e.rule}]`)
          .join(", ")})`
      : "";
  throw new InputError(
    first.file,
    first.line ?? 1,
    first.column ?? 1,
    `${first.message}${more}. Sandsynlig årsag: ${RULES[first.rule].aarsag}`,
    first.rule
  );
}

/**
 * Read a raw file; a missing one is an InputError naming the path, the expected file name
 * and what to do (never a bare ENOENT).
 */
export function readRaw(path: string): Uint8Array {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new InputError(
      shown(path),
      1,
      1,
      `filen mangler. Forventede filen "${basename(path)}" i mappen ${shown(dirname(path))}. Læg den dér (samme navn), ` +
        `eller sæt KOMMUNETAL_DATA til en mappe med samme opbygning som data/raw`,
      "fil.mangler"
    );
  }
  return readFileSync(path);
}

/** Parse JSON text; a syntax error names the file, the line and the column. */
export function parseJson(text: string, file: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const msg = (error as Error).message;
    const pos = /position (\d+)/.exec(msg);
    let line = 1;
    let column = 1;
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      line = before.split("\n").length;
      column = before.length - before.lastIndexOf("\n");
    }
    throw new InputError(
      file,
      line,
      column,
      `ikke gyldig JSON (${what}): ${msg}. Hent filen igen; den er måske afkortet`,
      "fil.json"
    );
  }
}

/** A warning when a file's encoding is not the one its source normally uses. */
export function encodingFinding(file: string, found: Encoding, expected: Encoding[]): Finding | null {
  return encodingWarning(file, found, expected, " som kilden plejer");
}
