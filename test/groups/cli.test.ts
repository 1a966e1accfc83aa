/**
 * The command line: `npm run --silent groups -- … --json` prints exactly one JSON
 * object with the promised fields, the same numbers as the engine (and so as R, see
 * golden.test.ts), and fails with a clear message and a non-zero exit on bad input.
 */
import { describe, expect, test } from "vitest";
import { spawnSync } from "node:child_process";
import { parseArgs, runCli } from "../../loaders/cli/groups.js";

const ARGS = ["--outcome", "udg-til-folkeskolen-pr-6-16-aarig", "--vars", "andel-6-16-aarige,sociooekonomisk-indeks,udgiftsbehov-landet-pr-indb,andel-almennyttige-boliger,andel-25-64-aarige-uden-erhvervsuddannelse", "--year", "2018"];

function npm(args: string[]) {
  return spawnSync("npm", ["run", "--silent", "groups", "--", ...args], { encoding: "utf-8", env: { ...process.env, npm_config_loglevel: "silent" } });
}

describe("npm run groups", () => {
  test("--json prints one JSON object with the promised fields", () => {
    const r = npm([...ARGS, "--json"]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.n).toBe(98);
    for (const key of ["r2", "adjR2", "coefficients", "excluded", "neighbours"]) expect(out).toHaveProperty(key);
    expect(out.coefficients[0].id).toBe("(Intercept)");
    for (const c of out.coefficients) for (const k of ["id", "beta", "se", "t", "p"]) expect(c).toHaveProperty(k);
    expect(out.excluded).toEqual([]);
    expect(Object.keys(out.neighbours)).toHaveLength(98);
    expect(out.neighbours["101"]).toHaveLength(10);
    // the uneducated share is not significant at 0.05 here: backward elimination removes it
    expect(out.kept).toEqual(["andel-6-16-aarige", "sociooekonomisk-indeks", "udgiftsbehov-landet-pr-indb", "andel-almennyttige-boliger"]);
    // same final model as R's lm() in golden.test.ts: R² 0.205823623696794
    expect(out.r2).toBeCloseTo(0.205823623696794, 12);
    // and the same neighbours for 101 as R's β-weighted distance
    expect(out.neighbours["101"].join(" ")).toBe("461 751 851 260 707 813 561 730 479 370");
  });

  test("options reach the engine", () => {
    const out = runCli(parseArgs([...ARGS, "--alpha", "1", "--method", "euclid", "--top", "5", "--json"]));
    expect(out.alpha).toBe(1);
    expect(out.method).toBe("euclid");
    expect((out.kept as string[]).length).toBe(5);
    expect((out.neighbours as Record<string, string[]>)["851"]).toHaveLength(5);
    const boot = runCli(parseArgs([...ARGS, "--bootstrap", "20", "--seed", "1"]));
    expect((boot.bootstrap as { used: number }).used).toBeGreaterThan(15);
    const area = runCli(parseArgs(["--area", "aeldre", "--json"]));
    expect(area.outcome).toBe("udg-til-aeldre-samt-voksne-m-saerl-behov-pr-18plus-aarig");
    expect(area.year).toBe(2018);
  });

  test("bad input fails with a clear message and a non-zero exit", () => {
    const unknown = npm(["--outcome", "findes-ikke", "--vars", "andel-6-16-aarige", "--year", "2018", "--json"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/Ukendt nøgletal: findes-ikke/);
    expect(unknown.stdout).toBe("");
    const usage = npm(["--year"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/Brug:/);
    expect(() => parseArgs(["--method", "manhattan"])).toThrow(/--method/);
  });
});
