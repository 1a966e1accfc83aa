// The browser's file validation of /datakvalitet (common/views/datakvalitet-fil.ts), run in Node: Danish findings
// with file:line:column for malformed files, chunk boundaries that do not change the result, and the monthly sums of
// a real-format extract checked against native DuckDB SQL over the same CSV.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import {
  type FileResult,
  FileValidator,
  parseNumber,
  splitLine,
  validateFileBytes
} from "../../common/views/datakvalitet-fil.js";
import { cliFileContext } from "../../loaders/cli/validate.js";
import { readKle, readKleUdgaaede } from "../../loaders/infra/build.js";

const dawa = JSON.parse(readFileSync("data/raw/dawa/kommuner_dataforsyningen_2024.json", "utf-8")) as {
  kode: string;
  udenforkommuneinddeling: boolean;
}[];
const kommunekoder = dawa.filter((k) => !k.udenforkommuneinddeling).map((k) => k.kode.slice(1));

const enc = (s: string) => new TextEncoder().encode(s);
const run = (name: string, text: string | Uint8Array, chunk?: number): FileResult =>
  validateFileBytes(typeof text === "string" ? enc(text) : text, { fileName: name, kommunekoder }, chunk);
const rulesOf = (r: FileResult) => r.findings.map((f) => f.rule);
const find = (r: FileResult, rule: string) => r.findings.find((f) => f.rule === rule);

const HEADER = "id;kommunekode;aar;vaerdi;status";

describe("helpers", () => {
  it("splits quoted fields", () => {
    expect(splitLine('a;"b;c";"d ""e""";', ";")).toEqual(["a", "b;c", 'd "e"', ""]);
  });
  it("reads Danish and plain numbers, refuses what is not one", () => {
    expect(parseNumber("1.234,5", true)).toBe(1234.5);
    expect(parseNumber("-0,25", true)).toBe(-0.25);
    expect(parseNumber("1234.5", false)).toBe(1234.5);
    expect(parseNumber("", true)).toBeNull();
    expect(parseNumber("..", true)).toBeNull();
    expect(parseNumber("12 345", true)).toBeNull();
    // a decimal point in a decimal-comma file is not a number (1.234 is a thousands separator, 12.5 is not)
    expect(parseNumber("12.5", true)).toBeNull();
    expect(parseNumber("1.234", true)).toBe(1234);
  });
});

describe("key-figure files: the command line's checks (common/validate/file.ts), whole", () => {
  // the context the build writes into datakvalitet.json; every malformed key-figure file of the corpus is run
  // through both paths by test/validate/corpus-worker.test.ts
  let ctx: ReturnType<typeof cliFileContext> | undefined;
  const kf = (name: string, text: string | Uint8Array, chunk?: number): FileResult => {
    ctx ??= cliFileContext();
    return validateFileBytes(
      typeof text === "string" ? enc(text) : text,
      { fileName: name, kommunekoder: ctx.kommunekoder, katalog: ctx.katalog, noegletal: ctx },
      chunk
    );
  };
  const ID = "indbyggertal-1-januar";
  it("reads a clean table: every row used, no file-level finding", () => {
    const r = kf("noegletal.csv", `\uFEFF${HEADER}\r\n${ID};101;2018;602481;ok\r\n${ID};101;2019;;mangler\r\n`);
    expect(r.kind).toBe("tabel");
    expect(r.rows).toBe(2);
    expect(r.findings.filter((f) => f.line !== undefined)).toEqual([]);
  });
  it("names Christiansø, a 4-digit code, '..', a decimal point, an unknown status and a duplicate, with line", () => {
    const r = kf(
      "n.csv",
      [
        HEADER,
        `${ID};411;2018;1;ok`, // line 2: Christiansø
        `${ID};0101;2018;1;ok`, // line 3: 4 digits
        `${ID};101;2018;..;ok`, // line 4
        `${ID};147;2018;12.5;ok`, // line 5: decimal point in a ; file
        `${ID};151;2018;1;ukendt`, // line 6
        `${ID};153;2018;1;ok`,
        `${ID};153;2018;2;ok` // line 8: duplicate key
      ].join("\r\n") + "\r\n"
    );
    const at = (line: number) => r.findings.find((f) => f.line === line)!;
    expect(at(2)).toMatchObject({ rule: "kode.kommune" });
    expect(at(2).message).toContain("411 er Christiansø");
    expect(at(3).message).toContain('"0101" har 4 cifre (DAWA-form)');
    expect(at(4)).toMatchObject({ rule: "tal.celle", column: 32 });
    expect(at(5).rule).toBe("tal.format");
    expect(at(6).message).toContain('status "ukendt" er ukendt');
    expect(at(8)).toMatchObject({ rule: "form.dublet", kommunekode: "153", periode: "2018" });
    expect(r.findings.filter((f) => f.subject === "fil").every((f) => f.message.startsWith("n.csv:"))).toBe(true);
  });
  it("refuses an empty file, an xlsx renamed .csv and an unknown header, in Danish", () => {
    expect(find(run("tom.csv", ""), "fil.tom")?.message).toContain("filen er tom (0 byte)");
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(find(run("regneark.csv", xlsx), "fil.binaer")?.message).toContain("regneark (XLSX)");
    const u = run("x.csv", "a,b,c\n1,2,3\n");
    expect(rulesOf(u)).toEqual(["form.overskrift"]);
    expect(u.findings[0].message).toContain("passer hverken til nøgletallenes formater");
  });
  it("gives the same findings whatever the chunk size (a multi-byte ø split across chunks)", () => {
    const text = `${HEADER}\nø;411;2018;1;ok\n${ID};101;2018;a;ok\n${ID};101;2018;1;ok\n${ID};101;2018;1;ok`;
    // msRegler is a time, not a result
    const strip = ({ msRegler: _ms, ...r }: FileResult) => r;
    const whole = strip(kf("c.csv", text));
    expect(whole.kind).toBe("tabel");
    for (const chunk of [1, 2, 3, 7, 64]) expect(strip(kf("c.csv", text, chunk))).toEqual(whole);
  });
});

describe("infrastructure extracts", () => {
  const HEAD =
    "maaned;myndighed_cvr;myndighed_navn;kommunekode;leverandoer;it_system;it_system_id;service_nr;service_navn;dataomraade;antal_kald";
  const row = (m: string, kode: string, service: string, kald: string, id = "6b96227d-6c15-4da5-a367-f57cbdb7c241") =>
    `${m};29189854;K;${kode};L;S;${id};${service};Navn;Område;${kald}`;
  it("checks every row against the contract: Christiansø, a non-UUID, a negative count", () => {
    const r = run(
      "serviceplatformen_x.csv",
      [
        HEAD,
        row("2022-01", "411", "SF1470", "5"),
        row("2022-01", "101", "SF1470", "5", "abc"),
        row("2022-02", "101", "SF1470", "-3")
      ].join("\n")
    );
    expect(r.kind).toBe("serviceplatformen");
    expect(r.kilde).toBe("infrastruktur");
    const at = (line: number) => r.findings.find((f) => f.line === line)!;
    expect(at(2).message).toContain('"411", som ikke er en af de 98 kommunekoder');
    expect(at(3).message).toContain("it_system_id");
    expect(at(4).message).toContain("antal_kald");
    expect(r.used).toBe(0);
  });
  it("finds duplicate keys", () => {
    const r = run(
      "serviceplatformen_x.csv",
      [HEAD, row("2022-01", "101", "SF1470", "5"), row("2022-01", "101", "SF1470", "6")].join("\n")
    );
    expect(find(r, "infra.noegle")?.line).toBe(3);
    expect(find(r, "infra.noegle")?.message).toContain("gentager nøglen");
  });
  it("sums calls per municipality × month × service exactly as native DuckDB does (first 20,000 rows of the demo extract)", async () => {
    const all = gunzipSync(readFileSync("data/demo/infrastruktur/serviceplatformen_seed1.csv.gz")).toString("utf-8");
    const text = all.split("\n").slice(0, 20_001).join("\n");
    const dir = mkdtempSync(join(tmpdir(), "dq-"));
    const csv = join(dir, "serviceplatformen_test.csv");
    writeFileSync(csv, text);
    const v = new FileValidator({ fileName: "serviceplatformen_test.csv", kommunekoder });
    const bytes = enc(text);
    for (let i = 0; i < bytes.length; i += 65_536) v.push(bytes.subarray(i, i + 65_536));
    const r = v.finish();
    expect(r.rows).toBe(20_000);
    expect(r.findings.filter((f) => f.line !== undefined)).toEqual([]);
    const mine = new Map(
      v
        .infraRows()
        .filter((x) => x.subjectKind === "service")
        .map((x) => [`${x.kommunekode}|${x.maaned}|${x.subject}`, x.kald])
    );
    const con = await (await DuckDBInstance.create()).connect();
    const res = await con.runAndReadAll(`
      SELECT kommunekode, maaned, service_nr, sum(antal_kald)::DOUBLE AS kald
      FROM read_csv('${csv}', delim=';', header=true, all_varchar=true,
                    columns={'maaned':'VARCHAR','myndighed_cvr':'VARCHAR','myndighed_navn':'VARCHAR','kommunekode':'VARCHAR',
                             'leverandoer':'VARCHAR','it_system':'VARCHAR','it_system_id':'VARCHAR','service_nr':'VARCHAR',
                             'service_navn':'VARCHAR','dataomraade':'VARCHAR','antal_kald':'BIGINT'})
      WHERE kommunekode IS NOT NULL AND kommunekode <> '' GROUP BY ALL`);
    const golden = res.getRowObjectsJS() as { kommunekode: string; maaned: string; service_nr: string; kald: number }[];
    expect(golden.length).toBeGreaterThan(100);
    expect(mine.size).toBe(golden.length);
    for (const g of golden) expect(mine.get(`${g.kommunekode}|${g.maaned}|${g.service_nr}`)).toBe(g.kald);
    // the monthly totals are the sums of their services
    const totals = v.infraRows().filter((x) => x.subjectKind === "total");
    expect(totals.reduce((s, x) => s + x.kald, 0)).toBe(golden.reduce((s, g) => s + g.kald, 0));
  }, 60_000);
});

describe("KLE conformance of a dropped index extract (indekssager_*.csv)", () => {
  it("kle.findes, kle.aktuel and kle.niveau per rule equal native DuckDB SQL over every row of the demo extract", async () => {
    const path = "data/demo/infrastruktur/indekssager_seed1.csv.gz";
    const bytes = gunzipSync(readFileSync(path));
    const r = validateFileBytes(bytes, {
      fileName: "indekssager_seed1.csv",
      kommunekoder,
      kle: { emner: readKle().map((k) => k.emne_nr), udgaaede: readKleUdgaaede(), navn: "KLE" }
    });
    const got: Record<string, number> = { "kle.findes": 0, "kle.aktuel": 0, "kle.niveau": 0 };
    for (const f of r.findings) if (f.rule in got) got[f.rule]++;
    const emner = "data/raw/kle/kle_emner_os2kle_v3.23.csv";
    const udg = "data/raw/kle/kle_udgaaede_os2kle.csv";
    const instance = await DuckDBInstance.create(":memory:");
    const con = await instance.connect();
    try {
      const sql = `
        WITH x AS (SELECT kle_nr, opgjort_dato::DATE AS dato FROM read_csv('${path}', delim=';', header=true, all_varchar=true)),
        akt AS (SELECT emne_nr AS nr FROM read_csv('${emner}', header=true, all_varchar=true)
                UNION SELECT gruppe_nr FROM read_csv('${emner}', header=true, all_varchar=true)
                UNION SELECT hovedgruppe_nr FROM read_csv('${emner}', header=true, all_varchar=true)),
        udg AS (SELECT nr, make_date(split_part(udgaaet_i_kle, ' ', 2)::INT, CASE split_part(udgaaet_i_kle, ' ', 3) WHEN 'Feb' THEN 2 ELSE 8 END, 1) AS d
                FROM read_csv('${udg}', header=true, all_varchar=true) WHERE nr NOT IN (SELECT nr FROM akt)),
        c AS (SELECT (x.kle_nr IN (SELECT nr FROM akt) OR udg.nr IS NOT NULL) AS findes,
                     (x.kle_nr IN (SELECT nr FROM akt) OR (udg.nr IS NOT NULL AND x.dato < udg.d)) AS aktuel,
                     regexp_full_match(x.kle_nr, '[0-9]{2}(\\.[0-9]{2})?') AS over_emne
              FROM x LEFT JOIN udg ON udg.nr = x.kle_nr)
        SELECT count(*) FILTER (WHERE NOT findes)::INTEGER AS "kle.findes",
               count(*) FILTER (WHERE findes AND NOT aktuel)::INTEGER AS "kle.aktuel",
               count(*) FILTER (WHERE over_emne)::INTEGER AS "kle.niveau" FROM c`;
      const expected = (await con.runAndReadAll(sql)).getRowObjectsJS()[0];
      expect(got).toEqual(expected);
      expect(Object.values(got).every((n) => n > 0)).toBe(true);
      const one = r.findings.find((f) => f.rule === "kle.aktuel")!;
      expect(one.message).toMatch(/^indekssager_seed1\.csv:\d+:2: KLE-nummeret /);
    } finally {
      con.closeSync();
      instance.closeSync();
    }
  });
});

describe("kle.* on the command line", () => {
  it("npm run validate on the demo index extract gives the browser's kle.* findings: same rule, line and column", async () => {
    const path = "data/demo/infrastruktur/indekssager_seed1.csv.gz";
    const browser = validateFileBytes(gunzipSync(readFileSync(path)), {
      fileName: "indekssager_seed1.csv",
      kommunekoder,
      kle: { emner: readKle().map((k) => k.emne_nr), udgaaede: readKleUdgaaede(), navn: "KLE" }
    }).findings.filter((f) => f.rule.startsWith("kle."));
    const { validatePaths } = await import("../../loaders/cli/validate.js");
    const cli = (await validatePaths([path])).filer[0].fund.filter((f) => f.regel.startsWith("kle."));
    // the browser's count per rule equals native DuckDB's over every row (the test above)
    expect(cli.length).toBe(browser.length);
    expect(cli.map((f) => `${f.regel}@${f.linje}:${f.kolonne}`)).toEqual(
      browser.map((f) => `${f.rule}@${f.line}:${f.column}`)
    );
  }, 120_000);
});

describe("the raw noegletal.dk export, whole", () => {
  it("gives exactly the command line's findings per rule (the series rules' findings are not capped)", async () => {
    const raw = "data/raw/noegletal/noegletal_dk_2013-2019_raw.csv";
    const ctx = cliFileContext();
    const r = validateFileBytes(readFileSync(raw), {
      fileName: raw,
      kommunekoder: ctx.kommunekoder,
      katalog: ctx.katalog,
      noegletal: ctx
    });
    const { validatePaths } = await import("../../loaders/cli/validate.js");
    const cli = (await validatePaths([raw])).filer[0].fund;
    const count = (rules: string[]) => {
      const m: Record<string, number> = {};
      for (const x of rules) m[x] = (m[x] ?? 0) + 1;
      return m;
    };
    expect(r.kind).toBe("noegletal");
    expect(r.findings.length).toBeGreaterThan(2000);
    expect(count(r.findings.map((f) => f.rule))).toEqual(count(cli.map((f) => f.regel)));
  });
});
