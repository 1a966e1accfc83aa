/**
 * The refresh from Statistics Denmark, proven against a local replay server that speaks
 * StatBank API v1's documented formats (test/dst/replay-server.ts): retries on 429, 500
 * and time-outs, refusal of a truncated body and of a changed table, chunking under the
 * cell limit, the provenance file, the change report, and the all-or-nothing swap.
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DAWA_KODER } from "../../loaders/dst/kommunekoder.js";
import { parseStatbankCsv } from "../../loaders/dst/parse.js";
import { describeChanges, type Provenance, refresh } from "../../loaders/dst/snapshot.js";
import { chunkValues, StatbankClient, StatbankError } from "../../loaders/dst/statbank.js";
import { InputError } from "../../loaders/lib/text.js";
import { fixtureInfo, fixtureValue, type Replay, type ReplayOptions, startReplay } from "./replay-server.js";

const KODER = DAWA_KODER();
let out: string;
let replay: Replay | undefined;

beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), "kommunetal-opdater-"));
});
afterEach(async () => {
  await replay?.close();
  replay = undefined;
  rmSync(out, { recursive: true, force: true });
});

async function run(
  options: ReplayOptions = {},
  extra: { tables?: string[]; cellLimit?: number; retries?: number } = {}
) {
  replay = await startReplay(options);
  const client = new StatbankClient({
    baseUrl: replay.url,
    retries: extra.retries ?? 3,
    backoffMs: 1,
    timeoutMs: 4_000,
    sleep: async () => {}
  });
  const result = await refresh({
    client,
    apiUrl: replay.url,
    out,
    tables: extra.tables ?? ["NGLK", "FOLK1A"],
    kommunekoder: KODER,
    cellLimit: extra.cellLimit,
    now: () => new Date("2026-11-23T12:00:00Z")
  });
  return { result, client };
}

function snapshotFiles(): Record<string, string> {
  const dir = join(out, "statbank");
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), "utf-8")]));
}

describe("chunking under DST's cell limit", () => {
  it("splits the time values so rows × columns stays under the limit (hand calculation)", () => {
    // 3 areas × 2 figures = 6 rows per period; 3 variables + INDHOLD = 4 columns → 24 cells per period;
    // a limit of 100 cells allows floor(100 / 24) = 4 periods per request: 10 periods → 4 + 4 + 2
    const chunks = chunkValues(
      [
        { code: "OMRÅDE", values: ["0", "101", "147"] },
        { code: "BNØGLE", values: ["DRI", "FOL"] },
        { code: "Tid", values: ["2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"] }
      ],
      "Tid",
      100
    );
    expect(chunks.map((c) => c.length)).toEqual([4, 4, 2]);
    expect(chunks.flat()).toHaveLength(10);
  });

  it("refuses a selection where one period alone is over the limit", () => {
    expect(() =>
      chunkValues(
        [
          { code: "A", values: ["1", "2", "3"] },
          { code: "Tid", values: ["2020"] }
        ],
        "Tid",
        5
      )
    ).toThrow(/over DST's grænse/);
  });

  it("a chunked fetch writes the same file as one request", async () => {
    const whole = (await run({}, { tables: ["NGLK"] })).result;
    const one = snapshotFiles()["nglk.csv"];
    await replay!.close();
    rmSync(join(out, "statbank"), { recursive: true });
    const { result } = await run({}, { tables: ["NGLK"], cellLimit: 60_000 });
    expect(result.tables[0].requests).toBeGreaterThan(whole.tables[0].requests);
    // 104 areas × 12 figures × 2 × 2 = 4,992 rows per year × 6 columns = 29,952 cells: 2 years per request
    expect(replay!.dataRequests).toBe(Math.ceil(17 / 2));
    expect(snapshotFiles()["nglk.csv"]).toBe(one);
  });
});

describe("a successful refresh", () => {
  it("writes both tables, every selected combination, and values equal to the source's", async () => {
    const { result } = await run();
    const files = snapshotFiles();
    expect(Object.keys(files).sort()).toEqual(["folk1a.csv", "kilde.json", "nglk.csv"]);
    // NGLK: national + 5 regions + 98 municipalities = 104 areas × 12 × 2 × 2 × 17 years
    expect(result.tables.find((t) => t.table === "NGLK")!.rows).toBe(104 * 12 * 2 * 2 * 17);
    // FOLK1A: "000" + 5 regions + 98 (Christiansø 411 is not selected) × 126 ages × 8 quarters
    expect(result.tables.find((t) => t.table === "FOLK1A")!.rows).toBe(104 * 126 * 8);
    expect(files["folk1a.csv"]).not.toMatch(/^411;/m);
    // one cell checked against the fixture formula: Aalborg (851), FOL, NET, AARPRIS, 2019
    // 10,000 + 37·(851 mod 97 = 75) + 101·2 + 250·11 = 10,000 + 2,775 + 202 + 2,750 = 15,727
    expect(files["nglk.csv"]).toMatch(/^851;FOL;NET;AARPRIS;2019;15727$/m);
    const info = fixtureInfo("NGLK");
    expect(
      fixtureValue("NGLK", info, { OMRÅDE: "851", BNØGLE: "FOL", BRUTNETUDG: "NET", PRISENHED: "AARPRIS", Tid: "2019" })
    ).toBe("15727");
  });

  it("writes a provenance file with table, variables, request bodies, DST's updated and the fetch time", async () => {
    await run();
    const p = JSON.parse(snapshotFiles()["kilde.json"]) as Provenance;
    const nglk = p.tabeller.NGLK;
    expect(nglk.kilde).toBe("Kilde: Danmarks Statistik");
    expect(nglk.opdateret_hos_dst).toBe("2025-06-20T08:00:00");
    expect(nglk.hentet).toBe("2026-11-23T12:00:00.000Z");
    expect(nglk.variabler.map((v) => v.id)).toEqual(["OMRÅDE", "BNØGLE", "BRUTNETUDG", "PRISENHED", "Tid"]);
    expect(nglk.perioder).toEqual({ foerste: "2008", seneste: "2024", antal: 17 });
    expect(nglk.forespoergsler).toHaveLength(1);
    expect(p.tabeller.FOLK1A.variabler.map((v) => v.id)).toEqual(["OMRÅDE", "ALDER", "Tid"]);
  });

  it("reports new periods and revised values since the last snapshot, per figure", async () => {
    await run({}, { tables: ["NGLK"] });
    await replay!.close();
    // the second answer revises two FOL values and one DRI value
    const revise = new Map([
      ["101|FOL|NET|AARPRIS|2018", 10],
      ["147|FOL|NET|AARPRIS|2018", -3],
      ["101|DRI|NET|AARPRIS|2017", 1]
    ]);
    const { result } = await run(
      {
        revise,
        alterInfo: (i) => ({
          ...i,
          variables: i.variables.map((v) =>
            v.time ? { ...v, values: [...v.values, { id: "2025", text: "2025" }] } : v
          )
        })
      },
      { tables: ["NGLK"] }
    );
    const fol = result.tables[0].changes.find((c) => c.series === "FOL")!;
    expect(fol.newPeriods).toEqual(["2025"]);
    expect(fol.revised).toBe(2);
    expect(result.tables[0].changes.find((c) => c.series === "DRI")!.revised).toBe(1);
    expect(result.tables[0].changes.find((c) => c.series === "SER")!.revised).toBe(0);
    const text = describeChanges(result).join("\n");
    expect(text).toMatch(/FOL: nye perioder 2025, 2 reviderede værdier/);
  });

  it("keeps a table that was not refreshed this time", async () => {
    await run();
    const before = snapshotFiles()["folk1a.csv"];
    await replay!.close();
    await run({}, { tables: ["NGLK"] });
    expect(snapshotFiles()["folk1a.csv"]).toBe(before);
    expect(Object.keys((JSON.parse(snapshotFiles()["kilde.json"]) as Provenance).tabeller).sort()).toEqual([
      "FOLK1A",
      "NGLK"
    ]);
  });
});

describe("faults: retried, reported, and never a half-written snapshot", () => {
  it.each([["429"], ["500"], ["timeout"], ["truncate"]] as const)(
    "a single %s is retried and the refresh succeeds",
    async (fault) => {
      const { result, client } = await run({ faults: [fault] }, { tables: ["NGLK"] });
      expect(result.tables[0].rows).toBe(104 * 12 * 2 * 2 * 17);
      // tableinfo + the failed data request + the retried one
      expect(client.requests).toBe(3);
    }
  );

  it("a body that stays truncated is refused after the retries and the previous snapshot is untouched", async () => {
    await run({}, { tables: ["NGLK"] });
    const before = snapshotFiles();
    await replay!.close();
    await expect(
      run({ faults: ["truncate", "truncate", "truncate", "truncate"] }, { tables: ["NGLK"] })
    ).rejects.toThrow(/afkortet eller ufuldstændigt svar/);
    expect(snapshotFiles()).toEqual(before);
    expect(readdirSync(out)).toEqual(["statbank"]);
  });

  it("a changed variable stops the refresh with a Danish message and leaves the snapshot as it was", async () => {
    await run();
    const before = snapshotFiles();
    await replay!.close();
    const dropped = (i: ReturnType<typeof fixtureInfo>) => ({
      ...i,
      variables: i.variables.filter((v) => v.id !== "BNØGLE")
    });
    const err = await run({ alterInfo: dropped }).catch((e) => e);
    expect(err).toBeInstanceOf(StatbankError);
    expect(err.message).toMatch(/DST har ændret tabellen NGLK: variablen BNØGLE findes ikke længere/);
    expect(snapshotFiles()).toEqual(before);
    expect(readdirSync(out)).toEqual(["statbank"]);
  });

  it("a municipality missing from OMRÅDE is a changed table, not a smaller snapshot", async () => {
    const noLaesoe = (i: ReturnType<typeof fixtureInfo>) => ({
      ...i,
      variables: i.variables.map((v) =>
        v.id === "OMRÅDE" ? { ...v, values: v.values.filter((x) => x.id !== "825") } : v
      )
    });
    await expect(run({ alterInfo: noLaesoe }, { tables: ["NGLK"] })).rejects.toThrow(/OMRÅDE mangler 825/);
    expect(existsSync(join(out, "statbank"))).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });

  it("a municipality without any data is refused by the loaders' own check", async () => {
    const info = fixtureInfo("NGLK");
    const missing = new Set<string>();
    for (const b of info.variables[1].values)
      for (const n of ["BRUT", "NET"])
        for (const p of ["AARPRIS", "08PRIS"])
          for (let y = 2008; y <= 2024; y++) missing.add(`825|${b.id}|${n}|${p}|${y}`);
    await expect(run({ missing }, { tables: ["NGLK"] })).rejects.toThrow(/1 kommuner har ingen tal i OMRÅDE \(825\)/);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe("reading an extract back (the loaders' rules)", () => {
  const selection = {
    variables: [
      { code: "OMRÅDE", values: ["0", ...KODER] },
      { code: "Tid", values: ["2023", "2024"] }
    ],
    time: "Tid"
  };
  const good = ["OMRÅDE;TID;INDHOLD", ...["0", ...KODER].flatMap((k) => [`${k};2023;1,5`, `${k};2024;2,5`])];

  it("accepts a complete extract and reports its decimal convention", () => {
    const e = parseStatbankCsv(good.join("\n"), "x.csv", selection, KODER);
    expect(e.cells).toHaveLength(198);
    expect(e.decimal).toBe("komma");
    expect(e.cells[2]).toEqual({ key: ["101", "2023"], value: 1.5 });
  });

  const cases: [string, (l: string[]) => string[], RegExp][] = [
    [
      "a wrong header",
      (l) => ["OMRÅDE;AAR;INDHOLD", ...l.slice(1)],
      /x\.csv:1:1: overskriften er "OMRÅDE;AAR;INDHOLD"/
    ],
    ["a duplicate key", (l) => [...l.slice(0, 4), l[3], ...l.slice(4)], /x\.csv:5:1: rækken 101;2023 findes to gange/],
    ["an unknown code", (l) => [l[0], "999;2023;1,0", ...l.slice(2)], /x\.csv:2:1: "999" er ikke en værdi af OMRÅDE/],
    ["a missing row", (l) => l.slice(0, -1), /forespørgslen valgte 198 kombinationer/],
    [
      "mixed decimal signs",
      (l) => [...l.slice(0, 3), "101;2024;2.5", ...l.slice(4)],
      /x\.csv:4:10: decimaltegnet skifter/
    ],
    [
      "a shifted row",
      (l) => [...l.slice(0, 3), "101;2024;2,5;7", ...l.slice(4)],
      /x\.csv:4:1: rækken har 4 felter, overskriften 3/
    ],
    [
      "text for a number",
      (l) => [...l.slice(0, 3), "101;2024;mange", ...l.slice(4)],
      /x\.csv:4:10: "mange" er ikke et tal/
    ]
  ];
  it.each(cases)("refuses %s with file, line and column", (_name, edit, message) => {
    const err = (() => {
      try {
        parseStatbankCsv(edit(good).join("\n"), "x.csv", selection, KODER);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(message);
  });
});

describe("npm run opdater", () => {
  const cli = (args: string[]) =>
    spawnSync(join("node_modules", ".bin", "tsx"), ["loaders/cli/opdater.ts", ...args], {
      encoding: "utf-8",
      env: { ...process.env, KOMMUNETAL_STATBANK_URL: "" }
    });

  it("--help prints the usage in Danish and exits 0", () => {
    const r = cli(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Henter tabeller fra Danmarks Statistiks Statistikbank/);
  });

  it("fetches from the replay server, prints what changed and exits 0", async () => {
    replay = await startReplay();
    const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((ok) => {
      // spawn asynchronously: the replay server runs in this process
      import("node:child_process").then(({ execFile }) =>
        execFile(
          join("node_modules", ".bin", "tsx"),
          ["loaders/cli/opdater.ts", "--api", replay!.url, "--ud", out, "--tabeller", "NGLK"],
          (err, stdout, stderr) =>
            ok({
              status: err ? ((err as NodeJS.ErrnoException & { code?: number }).code as unknown as number) : 0,
              stdout,
              stderr
            })
        )
      );
    });
    expect(r.stderr).toMatch(/Nyt øjebliksbillede/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /NGLK: 84\.864 rækker hentet i 2 forespørgsler, perioder 2008–2024\n {2}første øjebliksbillede/
    );
    expect(existsSync(join(out, "statbank", "nglk.csv"))).toBe(true);
  });

  it("without a reachable server it fails with a Danish message and changes nothing", () => {
    const r = cli(["--api", "http://127.0.0.1:9/v1", "--ud", out, "--forsoeg", "0", "--timeout", "2"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/lykkedes ikke efter 1 forsøg/);
    expect(r.stderr).toMatch(/Intet er ændret/);
    expect(readdirSync(out)).toEqual([]);
  });

  it("an unknown table is a usage error (exit 2)", () => {
    const r = cli(["--tabeller", "XYZ"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/ukendt tabel XYZ/);
  });
});
