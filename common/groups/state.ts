/**
 * The comparison-group page's settings in the URL query string, so a result can be
 * shared by copying the address: `?omraade=folkeskole&aar=2018&kommune=101&vars=a,b
 * &log=b&alpha=0.05&metode=beta&n=10&vaegte=a:2,b:1&gentagelser=1000&seed=1&genvalg=1`.
 * Unknown or malformed values are ignored (the page falls back to its defaults).
 */
import type { DistanceMethod } from "./distance.js";

export interface PageState {
  omraade?: string;
  aar?: number;
  kommune?: string;
  vars?: string[];
  log?: string[];
  alpha?: number;
  metode?: DistanceMethod;
  n?: number;
  vaegte?: Record<string, number>;
  gentagelser?: number;
  seed?: number;
  genvalg?: boolean;
}

const METHOD_IDS = ["beta", "euclid", "mahalanobis", "need", "weights"];
const ID = /^[a-z0-9-]+$/;

function list(v: string | null): string[] | undefined {
  if (v === null) return undefined;
  return v.split(",").filter((x) => ID.test(x));
}

function num(v: string | null, ok: (x: number) => boolean): number | undefined {
  if (v === null || v.trim() === "") return undefined;
  const x = Number(v);
  return Number.isFinite(x) && ok(x) ? x : undefined;
}

/** Parse a query string (with or without the leading "?"). */
export function parseState(search: string): PageState {
  const p = new URLSearchParams(search);
  const s: PageState = {};
  const omraade = p.get("omraade");
  if (omraade && ID.test(omraade)) s.omraade = omraade;
  s.aar = num(p.get("aar"), (x) => Number.isInteger(x) && x > 1900 && x < 2100);
  const kommune = p.get("kommune");
  if (kommune && /^\d{3}$/.test(kommune)) s.kommune = kommune;
  s.vars = list(p.get("vars"));
  s.log = list(p.get("log"));
  s.alpha = num(p.get("alpha"), (x) => x > 0 && x <= 1);
  const m = p.get("metode");
  if (m && METHOD_IDS.includes(m)) s.metode = m as DistanceMethod;
  s.n = num(p.get("n"), (x) => Number.isInteger(x) && x >= 1 && x <= 97);
  const w = p.get("vaegte");
  if (w) {
    const out: Record<string, number> = {};
    for (const pair of w.split(",")) {
      const [id, v] = pair.split(":");
      const x = Number(v);
      if (ID.test(id ?? "") && Number.isFinite(x) && x >= 0) out[id] = x;
    }
    s.vaegte = out;
  }
  s.gentagelser = num(p.get("gentagelser"), (x) => Number.isInteger(x) && x >= 10 && x <= 100000);
  s.seed = num(p.get("seed"), (x) => Number.isInteger(x));
  const g = p.get("genvalg");
  if (g !== null) s.genvalg = g === "1" || g === "true";
  for (const k of Object.keys(s) as (keyof PageState)[]) if (s[k] === undefined) delete s[k];
  return s;
}

/** Serialise settings to a query string (without "?"), in a fixed, readable order. */
export function stateToSearch(s: PageState): string {
  const parts: [string, string][] = [];
  if (s.omraade) parts.push(["omraade", s.omraade]);
  if (s.aar !== undefined) parts.push(["aar", String(s.aar)]);
  if (s.kommune) parts.push(["kommune", s.kommune]);
  if (s.vars) parts.push(["vars", s.vars.join(",")]);
  if (s.log?.length) parts.push(["log", s.log.join(",")]);
  if (s.alpha !== undefined) parts.push(["alpha", String(s.alpha)]);
  if (s.metode) parts.push(["metode", s.metode]);
  if (s.n !== undefined) parts.push(["n", String(s.n)]);
  if (s.vaegte && Object.keys(s.vaegte).length)
    parts.push([
      "vaegte",
      Object.entries(s.vaegte)
        .map(([k, v]) => `${k}:${v}`)
        .join(",")
    ]);
  if (s.gentagelser !== undefined) parts.push(["gentagelser", String(s.gentagelser)]);
  if (s.seed !== undefined) parts.push(["seed", String(s.seed)]);
  if (s.genvalg !== undefined) parts.push(["genvalg", s.genvalg ? "1" : "0"]);
  // ids and numbers need no escaping except ":" and "," which we keep readable
  return parts.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ",").replace(/%3A/g, ":")}`).join("&");
}
