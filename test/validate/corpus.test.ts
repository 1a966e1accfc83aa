/**
 * The malformed-file corpus (test/fixtures/malformed/cases.ts) through `npm run validate`'s own
 * code, in process: every file gives its exit code and its rule with the expected message (and
 * line); no file crashes; every clean base gives no file-level finding and exit 0; the committed
 * files are exactly what make.ts writes. A few real subprocess runs check exit codes and output.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { RULES } from "../../common/rules/index.js";
import { formatReport, runValidate, validateFile, validatePaths } from "../../loaders/cli/validate.js";
import { CASES } from "../fixtures/malformed/cases.js";
import { BASE_FILES, bases, makeCase } from "../fixtures/malformed/make.js";

const DIR = "test/fixtures/malformed";

/** Rules about a file's form; the series rules of common/validate are tested by their own tests. */
const FILE_RULES = Object.keys(RULES).filter((id) => /^(fil|form|tal|kode|navn|infra|fuldstaendig)\./.test(id));

test("the corpus has at least 30 malformed files, both key-figure and infrastructure, with unique names", () => {
  expect(CASES.length).toBeGreaterThanOrEqual(30);
  expect(CASES.filter((c) => c.base === "noegletal" || c.base === "tabel").length).toBeGreaterThanOrEqual(15);
  expect(CASES.filter((c) => c.base !== "noegletal" && c.base !== "tabel").length).toBeGreaterThanOrEqual(15);
  expect(new Set(CASES.map((c) => c.file)).size).toBe(CASES.length);
  for (const c of CASES) expect(c.rule in RULES, `${c.file}: rule ${c.rule} is registered`).toBe(true);
});

test("the committed files are what make.ts writes", async () => {
  const b = bases();
  for (const [kind, name] of Object.entries(BASE_FILES))
    expect(readFileSync(join(DIR, name)).equals(b[kind as keyof typeof b])).toBe(true);
  for (const c of CASES) {
    const made = await makeCase(c, b[c.base]);
    // exceljs stamps the workbook with the time it was written: compare XLSX files by their magic only
    if (c.rule === "fil.binaer" && /XLSX/.test(c.message.source))
      expect(readFileSync(join(DIR, c.file)).subarray(0, 4)).toEqual(made.subarray(0, 4));
    else expect(readFileSync(join(DIR, c.file)).equals(made), c.file).toBe(true);
  }
});

describe("clean bases: no finding about the file's form", () => {
  test.each(Object.values(BASE_FILES))("%s", async (name) => {
    const r = await validateFile(join(DIR, name));
    expect(r.laesbar).toBe(true);
    expect(r.raekker).toBeGreaterThan(0);
    expect(r.fund.filter((f) => FILE_RULES.includes(f.regel))).toEqual([]);
  });
});

describe("every malformed file gives its rule and message", () => {
  test.each(CASES.map((c) => [c.file, c] as const))("%s", async (_name, c) => {
    const result = await validatePaths([join(DIR, c.file)]);
    expect(result.exitkode, `${c.file}: ${JSON.stringify(result.filer[0].fund.slice(0, 3))}`).toBe(c.exit);
    const hits = result.filer[0].fund.filter((f) => f.regel === c.rule && c.message.test(f.besked));
    expect(
      hits.length,
      `${c.file}: ${result.filer[0].fund.map((f) => `${f.regel}: ${f.besked}`).join("\n")}`
    ).toBeGreaterThan(0);
    if (c.line !== undefined) expect(hits.map((h) => h.linje)).toContain(c.line);
    for (const f of result.filer[0].fund) {
      // every finding is explained (why and likely cause) and names the file
      expect(f.forklaring.length, f.regel).toBeGreaterThan(0);
      expect(f.aarsag.length, f.regel).toBeGreaterThan(0);
      expect(f.fil).toBe(join(DIR, c.file));
    }
    // the text report names the rule and the message
    const text = formatReport(result);
    expect(text).toContain(`[${c.rule}]`);
    expect(text).toMatch(/Opsummering: 1 fil, /);
  });
});

test("--rules keeps only the named rules", async () => {
  const r = await runValidate([join(DIR, "noegletal-tabel_dublet.csv"), "--rules", "kode.kommune", "--json"]);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).filer[0].fund).toEqual([]);
  const d = await runValidate([join(DIR, "noegletal-tabel_dublet.csv"), "--rules=form.dublet", "--json"]);
  expect(d.code).toBe(1);
  expect(JSON.parse(d.stdout).filer[0].fund.map((f: { regel: string }) => f.regel)).toEqual(["form.dublet"]);
});

test("a bad command line is refused in Danish with exit 2", async () => {
  expect(await runValidate([])).toMatchObject({
    code: 2,
    stderr: expect.stringMatching(/angiv en fil eller en mappe/)
  });
  expect(await runValidate(["x.csv", "--rules", "ingen.regel"])).toMatchObject({
    code: 2,
    stderr: expect.stringMatching(/ukendt regel: ingen\.regel/)
  });
  expect(await runValidate(["x.csv", "--format", "pdf"])).toMatchObject({
    code: 2,
    stderr: expect.stringMatching(/ukendt format "pdf"/)
  });
  expect(await runValidate(["findes/ikke.csv"])).toMatchObject({
    code: 2,
    stderr: expect.stringMatching(/findes ikke/)
  });
  const help = await runValidate(["--help"]);
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/^Brug: npm run --silent validate/);
  expect(help.stdout).toMatch(/Eksempel:/);
});

test("--format reads a file whose name and header say nothing", async () => {
  // the serviceplatformen base with a header the detector cannot place (two columns renamed) and a neutral name
  const r = await runValidate([
    join(DIR, "serviceplatformen_overskrift.csv"),
    "--format",
    "serviceplatformen",
    "--json"
  ]);
  expect(JSON.parse(r.stdout).filer[0].format).toBe("serviceplatformen");
});

test("a folder: every file, one summary; an unreadable file makes the exit code 2", async () => {
  const r = await validatePaths([DIR]);
  expect(r.filer.length).toBe(CASES.length + Object.keys(BASE_FILES).length);
  expect(r.exitkode).toBe(2);
  expect(r.opsummering.ulaeselige).toBe(CASES.filter((c) => c.exit === 2).length);
});

describe("real processes: exit codes and output", () => {
  const run = (...args: string[]) =>
    spawnSync("npx", ["tsx", "loaders/cli/validate.ts", ...args], {
      encoding: "utf-8",
      env: { ...process.env, NO_COLOR: "1" }
    });
  test("errors: exit 1, a Danish report with why and likely cause", () => {
    const p = run(join(DIR, "noegletal_dublet.csv"));
    expect(p.status).toBe(1);
    expect(p.stdout).toMatch(/FEJL +\[form\.dublet\] .*noegletal_dublet\.csv: linje 8, kolonne \d+, kommune 147/);
    expect(p.stdout).toMatch(/Hvorfor: Ingen nøgle/);
    expect(p.stdout).toMatch(/Sandsynlig årsag: En række er kopieret/);
    expect(p.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
  test("warnings only: exit 0", () => {
    const p = run(join(DIR, "noegletal_utf8.csv"));
    expect(p.status).toBe(0);
    expect(p.stdout).toMatch(/ADVARSEL \[fil\.tegnsaet\]/);
  });
  test("an .xlsx renamed .csv: exit 2 with a Danish message, no stack trace", () => {
    const p = run(join(DIR, "noegletal_xlsx.csv"), "--json");
    expect(p.status).toBe(2);
    expect(p.stderr).toMatch(/regneark \(XLSX\)/);
    expect(p.stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse(p.stdout).filer[0]).toMatchObject({ laesbar: false, fund: [{ regel: "fil.binaer" }] });
  });
  test("a missing path: exit 2", () => {
    const p = run("findes/ikke");
    expect(p.status).toBe(2);
    expect(p.stderr).toMatch(/validate: findes\/ikke findes ikke/);
  });
});
