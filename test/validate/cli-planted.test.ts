/**
 * End to end: `npm run validate` on the planted demo set (`npm run demodata -- --plant all`, valrules'
 * manifest planted.json) finds every planted anomaly at its municipality, through the file readers,
 * the ingest and the rules engine, and says the files are Demodata. Where a file-level rule catches a
 * planted anomaly before the series rules see it, the manifest's rule maps to that rule (written below).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { formatReport, type ValidateResult, validatePaths } from "../../loaders/cli/validate.js";

/** Planted rule → the rules that report it in the command line (the ingest refuses a repeated key first). */
const ALSO: Record<string, string[]> = {
  "form.dublet": ["form.dublet", "infra.noegle"],
  "konsistens.negativ": ["konsistens.negativ", "tal.interval"]
};

let dir: string;
let result: ValidateResult;
let planted: { id: string; rule: string; kommunekode?: string; periode?: string; file: string }[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "validate-planted-"));
  const p = spawnSync("npx", ["tsx", "loaders/infra/demo.ts", "--seed", "1", "--out", dir, "--plant", "all"], {
    encoding: "utf-8"
  });
  expect(p.status, p.stderr).toBe(0);
  const manifest = JSON.parse(readFileSync(join(dir, "planted.json"), "utf-8"));
  planted = Array.isArray(manifest) ? manifest : manifest.anomalies;
  const files = [...new Set(planted.map((a) => a.file))].map((f) => join(dir, f));
  result = await validatePaths(files);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("every planted anomaly is reported at its municipality", () => {
  expect(planted.length).toBeGreaterThan(10);
  const all = result.filer.flatMap((f) => f.fund);
  const missed = planted.filter(
    (a) =>
      !all.some(
        (f) =>
          (ALSO[a.rule] ?? [a.rule]).includes(f.regel) &&
          f.fil.endsWith(a.file) &&
          (!a.kommunekode || f.kommunekode === a.kommunekode)
      )
  );
  expect(missed).toEqual([]);
  expect(result.exitkode).toBe(1);
});

test("the planted files are reported as Demodata", () => {
  for (const f of result.filer) expect(f.demodata, f.fil).toBe(true);
  expect(formatReport(result)).toMatch(/Demodata: filen er genererede demodata/);
});
