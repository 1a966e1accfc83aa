/**
 * Parse once per build (loaders/ingest.ts): the cache holds exactly what the build* functions return, a loader entry
 * run with a fresh cache parses no raw file, and its output is byte-identical to one computed without the cache.
 */

import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { buildBefolkning, buildKommuner, buildNoegletal } from "../../loaders/datasets.js";
import { buildGroupDefaults } from "../../loaders/groups.js";
import { fingerprint, INGEST_DIR, readIngest, runIngest } from "../../loaders/ingest.js";

const entry = (name: string) =>
  spawnSync(process.execPath, ["--import", "tsx", join("src", "data", `${name}.ts`)], {
    encoding: "buffer",
    maxBuffer: 64 * 1024 * 1024
  });

describe("ingest cache", () => {
  test("round trip: the cache equals the rows the loaders build", () => {
    runIngest();
    const data = readIngest();
    expect(data).not.toBeNull();
    expect(data!.kommuner).toEqual(buildKommuner());
    expect(data!.noegletal).toEqual(buildNoegletal());
    expect(data!.befolkning).toEqual(buildBefolkning());
    expect(data!.groups).toEqual(buildGroupDefaults());
  });

  test("the fingerprint follows the data folder setting", () => {
    const a = fingerprint();
    const saved = process.env.KOMMUNETAL_DATA;
    try {
      process.env.KOMMUNETAL_DATA = "/somewhere/else";
      expect(fingerprint()).not.toBe(a);
    } finally {
      if (saved === undefined) delete process.env.KOMMUNETAL_DATA;
      else process.env.KOMMUNETAL_DATA = saved;
    }
    expect(fingerprint()).toBe(a);
  });

  test("an entry with a fresh cache parses nothing and writes the same bytes as one without", () => {
    runIngest();
    const cached = entry("noegletal-katalog.csv");
    expect(cached.status, cached.stderr.toString()).toBe(0);
    expect(cached.stderr.toString()).not.toMatch(/\[(noegletal|kommuner)\] læst/);
    rmSync(INGEST_DIR, { recursive: true, force: true });
    const fresh = entry("noegletal-katalog.csv");
    expect(fresh.status, fresh.stderr.toString()).toBe(0);
    // without a cache the entry runs the ingest itself (npm run dev) and leaves the cache for the next one
    expect(fresh.stderr.toString()).toContain("intet friskt mellemlager");
    expect(existsSync(join(INGEST_DIR, "manifest.json"))).toBe(true);
    expect(Buffer.compare(cached.stdout, fresh.stdout)).toBe(0);
  });
});
