import { describe, expect, it } from "vitest";
import {
  CONTRACTS,
  checkHeader,
  checkRow,
  contractOfFile,
  detectFormat,
  isKlarmeldingStatus,
  valueProblem
} from "../../common/infra/contracts.js";

const SP = CONTRACTS.serviceplatformen;
const HEADER = SP.columns.map((c) => c.name);
const enc = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from([...s].map((ch) => ch.charCodeAt(0)));

describe("contracts", () => {
  it("matches file names to contracts by prefix, .csv or .csv.gz", () => {
    expect(contractOfFile("serviceplatformen_2024.csv")?.kind).toBe("serviceplatformen");
    expect(contractOfFile("x/stoettesystemer_a.csv.gz")?.kind).toBe("stoettesystemer");
    expect(contractOfFile("klarmelding.xlsx")).toBeUndefined();
    expect(contractOfFile("README.md")).toBeUndefined();
  });

  it("detects UTF-8 with BOM, ';' and plain numbers", () => {
    const f = detectFormat(
      enc(
        "\uFEFF" +
          HEADER.join(";") +
          "\n2022-04;12345678;K;101;L;S;00000000-0000-0000-0000-000000000000;SF1470;N;D;1234\n"
      ),
      SP
    );
    expect(f).toMatchObject({ encoding: "utf-8", bom: true, delimiter: ";", decimal: "almindelig" });
    expect(f.description).toBe('tegnsæt UTF-8 med BOM, skilletegn ";", almindelige tal (uden tusindtalsseparator)');
  });

  it("detects ISO-8859-1, ',' and Danish thousands separators", () => {
    const text =
      HEADER.join(",") +
      "\n2022-04,12345678,Køge Kommune,259,L,S,00000000-0000-0000-0000-000000000000,SF1470,N,D,1.234.567\n";
    const f = detectFormat(latin1(text), SP);
    expect(f).toMatchObject({ encoding: "latin-1", bom: false, delimiter: ",", decimal: "dansk" });
    expect(f.description).toContain("ISO-8859-1");
    expect(f.description).toContain("danske tal");
  });

  it("reports a missing or misspelt column with its position", () => {
    const header = HEADER.map((h) => (h === "antal_kald" ? "Antal_Kald" : h)).filter((h) => h !== "service_nr");
    const findings = checkHeader(header, SP, "serviceplatformen_x.csv");
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ["infra.kolonner", 1, 0],
      ["infra.kolonner", 1, 10]
    ]);
    expect(findings[0].message).toContain('den påkrævede kolonne "service_nr" mangler');
    expect(findings[1].message).toContain('kolonne 10 hedder "Antal_Kald"; navnet skal staves præcis "antal_kald"');
  });

  it("accepts extra columns and reports duplicated ones", () => {
    expect(checkHeader([...HEADER, "ekstra"], SP, "f.csv")).toEqual([]);
    expect(checkHeader([...HEADER, "maaned"], SP, "f.csv")[0].message).toBe(
      'f.csv:1: kolonnen "maaned" står to gange (kolonne 1 og 12)'
    );
  });

  it("checks each value against its type and code list (Danish messages with file:line:column)", () => {
    const codes = new Set(["101", "259"]);
    const row = ["2022-13", "1234567", "K", "999", "L", "S", "not-a-uuid", "1470", "N", "D", "-5"];
    const findings = checkRow(row, HEADER, SP, "sp.csv", 7, codes);
    expect(findings.map((f) => f.message)).toEqual([
      'sp.csv:7:1: "maaned" er "2022-13"; den skal være en måned som 2022-04',
      'sp.csv:7:2: "myndighed_cvr" er "1234567"; den skal være et CVR-nummer med 8 cifre',
      'sp.csv:7:4: "kommunekode" er "999", som ikke er en af de 98 kommunekoder',
      'sp.csv:7:7: "it_system_id" er "not-a-uuid"; den skal være et UUID som 3f2504e0-4f89-11d3-9a0c-0305e82c3301',
      'sp.csv:7:8: "service_nr" er "1470"; den skal være et servicenummer som SF1470',
      'sp.csv:7:11: "antal_kald" er "-5"; den skal være et helt tal ≥ 0 (fx 1234 eller 1.234)'
    ]);
    expect(
      findings.every((f) => f.rule === "infra.vaerdi" && f.severity === "fejl" && f.file === "sp.csv" && f.line === 7)
    ).toBe(true);
  });

  it("allows an empty kommunekode (non-municipal authority) but not an empty required value", () => {
    const spec = SP.columns.find((c) => c.name === "kommunekode")!;
    expect(valueProblem("", spec)).toBeUndefined();
    expect(valueProblem(" ", SP.columns[2])).toBe('"myndighed_navn" er tom; den skal være en tekst, der ikke er tom');
  });

  it("reports a row with the wrong number of fields", () => {
    const f = checkRow(["2022-04", "x"], HEADER, SP, "sp.csv", 3);
    expect(f).toEqual([
      {
        rule: "infra.felter",
        severity: "fejl",
        message: "sp.csv:3: rækken har 2 felter, men overskriften har 11",
        file: "sp.csv",
        line: 3,
        column: 3
      }
    ]);
  });

  it("knows the klarmelding statuses, Forløb N included, and real calendar dates", () => {
    expect(isKlarmeldingStatus("Forløb 12")).toBe(true);
    expect(isKlarmeldingStatus("Ikke klarmeldt")).toBe(true);
    expect(isKlarmeldingStatus("klarmeldt")).toBe(false);
    const dato = CONTRACTS.klarmelding.columns.find((c) => c.name === "dato")!;
    expect(valueProblem("2023-02-30", dato)).toBe('"dato" er "2023-02-30", som ikke er en dato i kalenderen');
    expect(valueProblem("2024-02-29", dato)).toBeUndefined();
  });

  it("refuses a count too large for the BIGINT it is stored as (2^63 - 1 is the largest that fits)", () => {
    const antal = CONTRACTS.stoettesystemer.columns.find((c) => c.name === "antal_kald")!;
    expect(valueProblem("9223372036854775807", antal, undefined, "almindelig")).toBeUndefined();
    expect(valueProblem("9223372036854775808", antal, undefined, "almindelig")).toBe(
      '"antal_kald" er "9223372036854775808", som er større end det største tal, der kan gemmes (9223372036854775807)'
    );
    // Danish thousands separators are stripped first: 9.223.372.036.854.775.808 is the same number
    expect(valueProblem("9.223.372.036.854.775.808", antal, undefined, "dansk")).toContain("større end");
  });
});
