/**
 * The command line: `npm run --silent groups -- … --json` prints exactly one JSON
 * object with the promised fields, the same numbers as the engine (and so as R, see
 * golden.test.ts), and fails with a clear message and a non-zero exit on bad input.
 */

import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { AREA_DEFINITIONS } from "../../loaders/areas.js";
import { parseArgs, runCli, summary } from "../../loaders/cli/groups.js";
import { candidatesFor, omissionReason, omittedFor } from "../../loaders/groups.js";

const ARGS = [
  "--outcome",
  "udg-til-folkeskolen-pr-6-16-aarig",
  "--vars",
  "andel-6-16-aarige,sociooekonomisk-indeks,udgiftsbehov-landet-pr-indb,andel-almennyttige-boliger,andel-25-64-aarige-uden-erhvervsuddannelse",
  "--year",
  "2018"
];

function npm(args: string[]) {
  return spawnSync("npm", ["run", "--silent", "groups", "--", ...args], {
    encoding: "utf-8",
    env: { ...process.env, npm_config_loglevel: "silent" }
  });
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
    expect(out.omitted).toEqual([]); // explicit --vars: nothing left out
    expect(Object.keys(out.neighbours)).toHaveLength(98);
    expect(out.neighbours["101"]).toHaveLength(10);
    // the uneducated share is not significant at 0.05 here: backward elimination removes it
    expect(out.kept).toEqual([
      "andel-6-16-aarige",
      "sociooekonomisk-indeks",
      "udgiftsbehov-landet-pr-indb",
      "andel-almennyttige-boliger"
    ]);
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

  test("--area: default candidates without values in the year are listed as omitted, with the reason", () => {
    const out = runCli(parseArgs(["--area", "folkeskole", "--year", "2018", "--json"]));
    const folkeskole = AREA_DEFINITIONS.find((a) => a.id === "folkeskole")!;
    expect(folkeskole.variabler).toHaveLength(12);
    expect(out.candidates as unknown[]).toHaveLength(10);
    expect(out.omitted).toEqual([
      { id: "fuldtidsledige-pr-100-17-64-66-aarige", reason: "ingen værdier i 2018 (nøgletallet slutter 2017)" },
      {
        id: "boern-af-enlige-forsoergere-pr-100-0-17-aarige",
        reason: "ingen værdier i 2018 (nøgletallet slutter 2017)"
      }
    ]);
    // candidates + omitted = the area's defaults, in the same order
    const used = (out.candidates as { id: string }[]).map((c) => c.id);
    expect(used).toEqual(candidatesFor(folkeskole, 2018).map((v) => v.id));
    expect(new Set([...used, ...(out.omitted as { id: string }[]).map((o) => o.id)])).toEqual(
      new Set(folkeskole.variabler.map((v) => v.id))
    );
    // 2019: social housing ends 2018 as well
    expect(omittedFor(folkeskole, 2019).map((o) => [o.id, o.reason])).toContainEqual([
      "andel-almennyttige-boliger",
      "ingen værdier i 2019 (nøgletallet slutter 2018)"
    ]);
    expect(omittedFor(folkeskole, 2017)).toEqual([]);
    expect(omissionReason("findes-ikke", 2018)).toMatch(/^ingen værdier i 2018/);
    // the text mode says the same
    const text = summary(out);
    expect(text).toContain(
      "Standardvariable udeladt i 2018:\n  fuldtidsledige-pr-100-17-64-66-aarige: ingen værdier i 2018 (nøgletallet slutter 2017)\n"
    );
  });

  test("text mode: Danish numbers, α = 0,05", () => {
    const r = npm(ARGS);
    expect(r.status, r.stderr).toBe(0);
    const first = r.stdout.split("\n")[0];
    expect(first).toContain("α = 0,05");
    expect(first).toContain("R² = 0,206");
    expect(first).not.toContain("0.05");
    // β of the intercept with thousands separator and decimal comma
    expect(r.stdout).toMatch(/^\(Intercept\)\s+\d{1,3}\.\d{3},\d\s/m);
    // no English decimals (0.2058, 1074.6) anywhere
    expect(r.stdout).not.toMatch(/\d+\.\d{4,}|\d{4,}\.\d/);
  });

  test("--help: Danish help with every option, its default and an example, on stdout, exit 0", () => {
    const r = npm(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/Brug:/);
    const help = r.stdout;
    expect(help).toMatch(/^npm run groups: sammenligningsgrupper efter FLIS-metoden/);
    expect(help).toContain("Brug: npm run --silent groups -- ");
    // every option the parser accepts is documented
    for (const flag of [
      "--outcome",
      "--vars",
      "--year",
      "--area",
      "--alpha",
      "--method",
      "--top",
      "--log",
      "--weights"
    ])
      expect(help, flag).toMatch(new RegExp(`^  ${flag} <`, "m"));
    for (const flag of ["--bootstrap", "--seed", "--reselect", "--json", "--help, -h"])
      expect(help, flag).toMatch(new RegExp(`^  ${flag}`, "m"));
    // defaults, from the code (α 0.05, beta, top 10, standard year 2018), and the areas and methods by id
    expect(help).toContain("Standard: 0.05");
    expect(help).toContain("Standard: beta");
    expect(help).toContain("Standard: 10.");
    expect(help).toContain("Standard med --area: 2018");
    for (const a of AREA_DEFINITIONS) expect(help).toContain(a.id);
    expect(help).toContain("beta, euclid, mahalanobis, need, weights");
    // the README's example
    expect(help).toContain("--outcome udg-til-folkeskolen-pr-elev");
    expect(help.split("\n").length).toBeGreaterThan(25);
    expect(parseArgs(["-h"]).help).toBe(true);
  });

  test("--year without data: says the year has no data for the area, not that --vars is missing", () => {
    const r = npm(["--area", "folkeskole", "--year", "2012"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      "Fejl: året 2012 har ingen data for området folkeskole (udg-til-folkeskolen-pr-6-16-aarig har data for 2013-2019); vælg et andet --year"
    );
    expect(r.stderr).not.toContain("--vars mangler");
    // the same with an explicit outcome, in-process
    expect(() =>
      runCli(parseArgs(["--outcome", "udg-til-folkeskolen-pr-elev", "--vars", "andel-6-16-aarige", "--year", "2020"]))
    ).toThrow(
      "året 2020 har ingen data for udfaldet udg-til-folkeskolen-pr-elev (udg-til-folkeskolen-pr-elev har data for 2013-2019)"
    );
  });

  test("bad input fails with a clear message and a non-zero exit", () => {
    const unknown = npm(["--outcome", "findes-ikke", "--vars", "andel-6-16-aarige", "--year", "2018", "--json"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/Ukendt nøgletal: findes-ikke/);
    expect(unknown.stdout).toBe("");
    const usage = npm(["--year"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/Brug:/);
    expect(usage.stdout).toBe("");
    expect(() => parseArgs(["--method", "manhattan"])).toThrow(/--method/);
  });
});
