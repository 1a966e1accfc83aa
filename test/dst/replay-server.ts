/**
 * A local stand-in for StatBank API v1 (127.0.0.1 only) that answers `tableinfo` (JSON)
 * and `data` (CSV, `;`, value codes, `INDHOLD` last, `..` for missing) in DST's
 * documented formats, from the fixture table descriptions in test/fixtures/statbank/.
 * Values are a deterministic function of the key (documented below), so a test can
 * compute any cell independently. Faults are injected per `data` request: 429 (with
 * Retry-After), 500, a time-out (answer held back) and a truncated body.
 *
 * Fixture values (invented for tests, not DST figures):
 *  - NGLK: AARPRIS = 10.000 + 37·(kode mod 97) + 101·(index of BNØGLE) + 250·(år − 2008),
 *    for BRUT one third more; 08PRIS = round(AARPRIS / (1 + 0,02·(år − 2008))).
 *    Region and national rows are the mean of the codes' formula at kode 0.
 *  - FOLK1A: persons = 100 + (kode mod 50) + alder mod 7 + quarter index; 0 for alder > 110.
 *  - `missing`: keys (joined with "|") answered as `..`.
 */

import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { TableInfo } from "../../loaders/dst/statbank.js";

export type Fault = "429" | "500" | "timeout" | "truncate" | null;

export interface ReplayOptions {
  /** faults for the 1st, 2nd, … `data` request; null or past the end = answer normally */
  faults?: Fault[];
  /** applied to a table's description before answering tableinfo (e.g. drop a variable) */
  alterInfo?: (info: TableInfo) => TableInfo;
  /** keys answered as `..` */
  missing?: Set<string>;
  /** add to a value, per key, to simulate a revision */
  revise?: Map<string, number>;
}

export interface Replay {
  url: string;
  dataRequests: number;
  bodies: unknown[];
  close(): Promise<void>;
}

const FIXTURES = join("test", "fixtures", "statbank");

export function fixtureInfo(table: string): TableInfo {
  return JSON.parse(readFileSync(join(FIXTURES, `${table.toLowerCase()}.tableinfo.json`), "utf-8")) as TableInfo;
}

/** The fixture value of one key, as written in the CSV (see the module comment). */
export function fixtureValue(table: string, info: TableInfo, key: Record<string, string>): string {
  const kode = /^\d+$/.test(key["OMRÅDE"]) && Number(key["OMRÅDE"]) > 100 ? Number(key["OMRÅDE"]) : 0;
  if (table === "NGLK") {
    const year = Number(key["Tid"]);
    const idx = info.variables.find((v) => v.id === "BNØGLE")!.values.findIndex((v) => v.id === key["BNØGLE"]);
    let v = 10_000 + 37 * (kode % 97) + 101 * idx + 250 * (year - 2008);
    if (key["BRUTNETUDG"] === "BRUT") v = Math.round((v * 4) / 3);
    if (key["PRISENHED"] !== "AARPRIS") v = Math.round(v / (1 + 0.02 * (year - 2008)));
    return String(v);
  }
  const quarters = info.variables.find((v) => v.time)!.values.map((v) => v.id);
  const age = Number(key["ALDER"]);
  return String(age > 110 ? 0 : 100 + (kode % 50) + (age % 7) + quarters.indexOf(key["Tid"]));
}

export async function startReplay(options: ReplayOptions = {}): Promise<Replay> {
  const replay = { url: "", dataRequests: 0, bodies: [] as unknown[], close: async () => {} };
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const fn = (req.url ?? "").replace(/^\/v1\//, "").replace(/\/$/, "");
      let body: { table?: string; variables?: { code: string; values: string[] }[]; format?: string };
      try {
        body = JSON.parse(raw);
      } catch {
        res.writeHead(400).end('{"errorTypeCode":"PARSE","message":"Ugyldig JSON"}');
        return;
      }
      let info: TableInfo;
      try {
        info = fixtureInfo(body.table ?? "");
      } catch {
        res.writeHead(400).end(`{"errorTypeCode":"TABLE-NOTFOUND","message":"Tabellen '${body.table}' findes ikke"}`);
        return;
      }
      if (options.alterInfo) info = options.alterInfo(structuredClone(info));
      if (fn === "tableinfo") {
        res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(info));
        return;
      }
      if (fn !== "data") {
        res.writeHead(404).end();
        return;
      }
      const fault = options.faults?.[replay.dataRequests] ?? null;
      replay.dataRequests++;
      replay.bodies.push(body);
      if (fault === "429") return void res.writeHead(429, { "retry-after": "0" }).end("For mange forespørgsler");
      if (fault === "500") return void res.writeHead(500).end("Intern fejl");
      // variables not asked for are eliminated (DST sums them), which must be allowed
      const selected = info.variables.flatMap((v) => {
        const asked = body.variables?.find((x) => x.code === v.id);
        if (!asked) return v.elimination ? [] : [{ id: v.id, values: ["__fejl__"] }];
        return [{ id: v.id, values: asked.values }];
      });
      if (selected.some((s) => s.values[0] === "__fejl__"))
        return void res.writeHead(400).end('{"message":"En variabel kan ikke elimineres"}');
      const lines = [[...selected.map((s) => (s.id === "Tid" ? "TID" : s.id)), "INDHOLD"].join(";")];
      const walk = (i: number, key: Record<string, string>) => {
        if (i === selected.length) {
          const k = selected.map((s) => key[s.id]).join("|");
          let value = options.missing?.has(k) ? ".." : fixtureValue(info.id, info, key);
          if (value !== ".." && options.revise?.has(k)) value = String(Number(value) + options.revise.get(k)!);
          lines.push([...selected.map((s) => key[s.id]), value].join(";"));
          return;
        }
        for (const v of selected[i].values) walk(i + 1, { ...key, [selected[i].id]: v });
      };
      walk(0, {});
      let text = "\uFEFF" + lines.join("\r\n") + "\r\n";
      if (fault === "truncate") text = text.slice(0, Math.floor(text.length / 2));
      if (fault === "timeout") {
        const t = setTimeout(() => res.writeHead(200).end(text), 15_000);
        res.on("close", () => clearTimeout(t));
        return;
      }
      res.writeHead(200, { "content-type": "text/csv; charset=utf-8" }).end(text);
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  replay.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  replay.close = () =>
    new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    });
  return replay;
}
