/** URL state: round trip, size, and strict refusal of anything but SQL, text and settings. */
import { describe, expect, test } from "vitest";
import {
  decodeNotebook,
  encodeNotebook,
  fromBase64Url,
  hashPayload,
  MAX_ENCODED,
  notebookHash,
  toBase64Url
} from "../../common/notebook/codec.js";
import { errorLine, substituteParams } from "../../common/notebook/params.js";
import {
  emptyNotebook,
  type Notebook,
  NotebookError,
  usesParams,
  validateNotebook
} from "../../common/notebook/state.js";

const nb: Notebook = {
  v: 1,
  title: "Skoleudgifter – Læsø & Aalborg",
  params: { kommune: "825", aar: 2018 },
  cells: [
    { type: "text", text: "# Overskrift\n\nÆble, øl og år: `kode` <script>alert(1)</script>" },
    {
      type: "sql",
      sql: "SELECT aar, vaerdi FROM noegletal WHERE kommunekode = $kommune AND aar <= $aar ORDER BY aar",
      chart: "linje"
    },
    { type: "sql", sql: "SELECT 'it''s' AS x, 1.5 AS y", chart: "auto" }
  ]
};

async function deflateJson(value: unknown): Promise<string> {
  const stream = new Blob([JSON.stringify(value)]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

describe("URL codec", () => {
  test("round trip is exact", async () => {
    const text = await encodeNotebook(nb);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeNotebook(text)).toEqual(nb);
    const hash = await notebookHash(nb);
    expect(await decodeNotebook(hashPayload(hash)!)).toEqual(nb);
    expect(hashPayload("#x=1&nb=abc")).toBe("abc");
    expect(hashPayload("#foo")).toBeNull();
  });

  test("compression: a 10-cell notebook fits in a short link (< 2,000 characters)", async () => {
    const big: Notebook = {
      ...nb,
      cells: Array.from({ length: 10 }, (_, i) => ({
        type: "sql" as const,
        sql: `SELECT k.navn, n.vaerdi FROM noegletal n JOIN kommuner k USING (kommunekode) WHERE n.id = 'serviceudgifter-pr-indb' AND n.aar = ${2010 + i} ORDER BY 2 DESC`,
        chart: "soejler" as const
      }))
    };
    const json = JSON.stringify(big).length;
    const text = await encodeNotebook(big);
    expect(text.length).toBeLessThan(2000);
    expect(text.length).toBeLessThan(json / 2);
  });

  test("base64url round trip of all byte values", () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  });

  test("refuses extra fields, scripts and unknown cell types", async () => {
    const bad: unknown[] = [
      { ...nb, script: "alert(1)" },
      { ...nb, cells: [{ type: "js", code: "fetch('https://evil.example')" }] },
      { ...nb, cells: [{ type: "sql", sql: "SELECT 1", chart: "auto", onload: "x" }] },
      { ...nb, cells: [{ type: "text", text: "x", html: "<img src=https://evil.example/x.png>" }] },
      { ...nb, cells: [{ type: "sql", sql: "SELECT 1", chart: "https://evil.example" }] },
      { ...nb, params: { kommune: "101' OR 1=1 --", aar: 2018 } },
      { ...nb, params: { kommune: "101", aar: "2018; DROP" } },
      { ...nb, params: { kommune: "101", aar: 2018, url: "x" } },
      { ...nb, v: 2 },
      { ...nb, cells: [{ type: "sql", sql: 42, chart: "auto" }] },
      [nb],
      null
    ];
    for (const b of bad) {
      expect(() => validateNotebook(b)).toThrow(NotebookError);
      const text = await deflateJson(b);
      await expect(decodeNotebook(text)).rejects.toThrow(NotebookError);
    }
  });

  test("refuses garbage, non-JSON and oversized input with a Danish message", async () => {
    await expect(decodeNotebook("ikke base64!")).rejects.toThrow(/tegn/);
    await expect(decodeNotebook("AAAA")).rejects.toThrow(NotebookError);
    await expect(decodeNotebook(toBase64Url(new TextEncoder().encode("{}")))).rejects.toThrow(/pakkes ud/);
    await expect(decodeNotebook("A".repeat(MAX_ENCODED + 1))).rejects.toThrow(/for langt/);
    // a small link that inflates to a huge JSON (zip bomb) is stopped while decompressing
    const bomb = await deflateJson({
      v: 1,
      title: "x".repeat(2_000_000),
      params: { kommune: null, aar: null },
      cells: []
    });
    expect(bomb.length).toBeLessThan(MAX_ENCODED);
    await expect(decodeNotebook(bomb)).rejects.toThrow(/for stor/);
    const notJson = new Blob(["not json"]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    await expect(
      decodeNotebook(toBase64Url(new Uint8Array(await new Response(notJson).arrayBuffer())))
    ).rejects.toThrow(/JSON/);
  });

  test("the empty notebook is valid and uses $kommune", () => {
    expect(validateNotebook(emptyNotebook())).toEqual(emptyNotebook());
    expect(usesParams(emptyNotebook())).toEqual({ kommune: true, aar: false });
    expect(usesParams(nb)).toEqual({ kommune: true, aar: true });
  });
});

describe("parameters", () => {
  test("substituted as a quoted code and an integer", () => {
    expect(
      substituteParams("WHERE k = $kommune AND aar = $aar AND x = $kommunekode", { kommune: "851", aar: 2019 })
    ).toBe("WHERE k = '851' AND aar = 2019 AND x = $kommunekode");
  });
  test("invalid or missing values are refused, never spliced in", () => {
    expect(() => substituteParams("$kommune", { kommune: "1' OR '1'='1", aar: null })).toThrow(NotebookError);
    expect(() => substituteParams("$aar", { kommune: null, aar: null })).toThrow(/år/);
    expect(substituteParams("SELECT 1", { kommune: null, aar: null })).toBe("SELECT 1");
  });
  test("DuckDB's error line", () => {
    expect(errorLine('Parser Error: syntax error at or near "FORM"\n\nLINE 2: FORM x\n        ^')).toBe(2);
    expect(errorLine("Catalog Error: Table with name x does not exist!")).toBeNull();
  });
});
