/**
 * The defect corpus (test/fixtures/defects/cases.ts): every planted defect, one per
 * copy of the real raw files, run through the same loader code the build runs
 * (loaders/sources/check.ts, called by scripts/build.ts before Framework starts). Each
 * must be refused with its rule id and message, reported (warning, same output), or
 * rejected into the reconciliation with its reason. The clean snapshot passes with no
 * finding at all. Prints "N af M plantede fejl afvises eller rapporteres" and checks
 * that README.md states the same count.
 */

import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { SourcePart } from "../../loaders/sources/check.js";
import { CASES, type DefectCase, PATHS, type SourceFile } from "../fixtures/defects/cases.js";

const RAW = resolve("data/raw");
const TMP = resolve("test/.tmp/defects");
const PARTS: Record<SourceFile, SourcePart[]> = {
  noegletal: ["noegletal"],
  folk1am: ["befolkning"],
  komgrp: ["kommuner"],
  dawa: ["kommuner"],
  geo: ["geo"]
};

/** Write a copy of data/raw with the case's defect planted (other files are symlinks). */
function plant(c: DefectCase): string {
  const dir = join(TMP, c.id);
  rmSync(dir, { recursive: true, force: true });
  for (const [key, rel] of Object.entries(PATHS) as [SourceFile, string][]) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    if (key !== c.file) {
      symlinkSync(join(RAW, rel), join(dir, rel));
      continue;
    }
    if (c.remove) continue;
    const original = readFileSync(join(RAW, rel));
    let out: Buffer = original;
    if (c.bytes) out = c.bytes(original);
    if (c.lines) {
      const latin1 = c.file === "noegletal";
      let text = latin1 ? original.toString("latin1") : original.toString("utf-8");
      const bom = text.startsWith("\uFEFF");
      if (bom) text = text.slice(1);
      const eol = text.includes("\r\n") ? "\r\n" : "\n";
      const endsWithEol = text.endsWith(eol);
      const lines = text.split(eol);
      if (endsWithEol) lines.pop();
      const changed = (bom ? "\uFEFF" : "") + c.lines(lines).join(eol) + (endsWithEol ? eol : "");
      out = Buffer.from(changed, latin1 ? "latin1" : "utf-8");
    }
    writeFileSync(join(dir, rel), out);
  }
  return dir;
}

interface Outcome {
  error: { name: string; rule?: string; line?: number; message: string } | null;
  log: string;
  /** a fingerprint of what the loaders return, to compare with the clean snapshot */
  output: string | null;
}

/** Run the loaders over a raw folder in a fresh module graph (RAW paths and memos are per process). */
async function runLoaders(dir: string, parts: SourcePart[]): Promise<Outcome> {
  process.env.KOMMUNETAL_DATA = dir;
  vi.resetModules();
  let log = "";
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    log += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
    return true;
  });
  try {
    const { checkSources } = await import("../../loaders/sources/check.js");
    checkSources(parts);
    const datasets = await import("../../loaders/datasets.js");
    const output = parts.includes("noegletal")
      ? JSON.stringify([
          datasets.buildNoegletal().values,
          datasets.buildNoegletal().katalog.map((k) => [k.id, k.titel, k.enhed])
        ])
      : parts.includes("befolkning")
        ? JSON.stringify(datasets.buildBefolkning())
        : JSON.stringify(datasets.buildKommuner());
    return { error: null, log, output };
  } catch (error) {
    const e = error as { name: string; rule?: string; line?: number; message: string };
    return { error: { name: e.name, rule: e.rule, line: e.line, message: e.message }, log, output: null };
  } finally {
    spy.mockRestore();
    delete process.env.KOMMUNETAL_DATA;
  }
}

const clean = new Map<string, Outcome>();
const handled: string[] = [];

beforeAll(async () => {
  for (const parts of [["noegletal"], ["befolkning"], ["kommuner"], ["geo"]] as SourcePart[][])
    clean.set(parts.join(), await runLoaders(RAW, parts));
}, 120_000);

afterAll(() => {
  rmSync(TMP, { recursive: true, force: true });
  const line = `${handled.length} af ${CASES.length} plantede fejl afvises eller rapporteres`;
  process.stdout.write(`\n[defekter] ${line}\n`);
});

test("the clean snapshot passes every rule, with no warning", () => {
  for (const [parts, o] of clean) {
    expect(o.error, parts).toBeNull();
    expect(o.log, parts).not.toMatch(/Advarsel|Fejl/);
  }
  // the reconciliation still adds up exactly
  expect(clean.get("noegletal")!.log).toContain(
    "[noegletal] læst 17791 datalinjer (kommuner og landstal), skrevet 17791, afvist 0"
  );
  expect(clean.get("noegletal")!.log).toContain("tegnsæt ISO-8859-1 (Latin-1) (afgjort ud fra filens bytes)");
});

test("the corpus is large and covers every class", () => {
  expect(CASES.length).toBeGreaterThanOrEqual(45);
  expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
  expect(new Set(CASES.map((c) => c.klasse))).toEqual(
    new Set(["form", "fuldstændighed", "navne og koder", "tal", "tegnsæt", "filer og JSON"])
  );
  for (const file of Object.keys(PATHS))
    expect(
      CASES.some((c) => c.file === file),
      file
    ).toBe(true);
});

describe("each planted defect", () => {
  test.each(CASES.map((c) => [c.id, c] as const))(
    "%s",
    async (_id, c) => {
      const o = await runLoaders(plant(c), PARTS[c.file]);
      const e = c.expect;
      if ("refused" in e) {
        expect(o.error, "the loaders must stop").not.toBeNull();
        expect(o.error!.name).toBe("InputError");
        expect(o.error!.rule).toBe(e.refused);
        expect(o.error!.message).toMatch(e.message);
        expect(o.error!.message).toContain(`[regel ${e.refused}]`);
        if (e.line !== undefined) expect(o.error!.line).toBe(e.line);
      } else if ("reported" in e) {
        expect(o.error).toBeNull();
        expect(o.log).toMatch(
          new RegExp(`Advarsel: .*${e.message.source}.*\\[regel ${e.reported.replace(".", "\\.")}\\]`)
        );
        // the same ids, titles, units, values and statuses (so privacy suppression is the same) as the clean snapshot
        expect(o.output).toBe(clean.get(PARTS[c.file].join())!.output);
      } else {
        expect(o.error).toBeNull();
        expect(o.log).toMatch(e.rejected);
      }
      handled.push(c.id);
    },
    60_000
  );
});

test("README states the count this test computes", () => {
  // runs last: every case above that passed is counted
  const line = `${handled.length} af ${CASES.length} plantede fejl afvises eller rapporteres`;
  expect(readFileSync("README.md", "utf-8")).toContain(line);
});
