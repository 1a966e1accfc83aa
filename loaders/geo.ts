/**
 * Municipality boundaries for maps: the DAGI GeoJSON (99 features incl. Christiansø,
 * 1.65 MB) becomes a TopoJSON of the 98 municipalities keyed by 3-digit kommunekode,
 * simplified (5 % quantile of triangle areas kept out) and quantised to about 120 KB,
 * small enough for every page.
 */
import { readFileSync } from "node:fs";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";
import type { Objects, Topology } from "topojson-specification";
import { RAW, shown } from "./lib/paths.js";
import { reconcile } from "./lib/report.js";
import { InputError } from "./lib/text.js";

interface Feature {
  type: "Feature";
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

function dropZ(coords: unknown): unknown {
  if (Array.isArray(coords) && typeof coords[0] === "number") return coords.slice(0, 2);
  return Array.isArray(coords) ? coords.map(dropZ) : coords;
}

/** Twice the signed planar area of a ring (x = lon, y = lat): positive when counterclockwise. */
function signedArea(ring: number[][]): number {
  let s = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % n];
    s += x1 * y2 - x2 * y1;
  }
  return s;
}

/**
 * Wind polygons the way d3-geo (and so Plot) expects: exterior rings clockwise, holes
 * counterclockwise. DAGI's GeoJSON follows RFC 7946 (the opposite), which d3-geo reads
 * as "the whole globe except the municipality": every map came out as one filled box.
 */
export function rewindForD3(geometry: { type: string; coordinates: unknown }): { type: string; coordinates: unknown } {
  const polygon = (rings: number[][][]) => rings.map((r, i) => ((i === 0) === signedArea(r) > 0 ? [...r].reverse() : r));
  if (geometry.type === "Polygon") return { type: "Polygon", coordinates: polygon(geometry.coordinates as number[][][]) };
  if (geometry.type === "MultiPolygon") return { type: "MultiPolygon", coordinates: (geometry.coordinates as number[][][][]).map(polygon) };
  return geometry;
}

export function buildGeo(validCodes: Set<string>, keep = 0.05): Topology {
  const file = shown(RAW.geo);
  let data: { features?: Feature[] };
  try {
    data = JSON.parse(readFileSync(RAW.geo, "utf-8"));
  } catch (error) {
    throw new InputError(file, 1, 1, `ikke gyldig GeoJSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(data.features)) throw new InputError(file, 1, 1, "forventede en FeatureCollection med features");
  const rejected: { reason: string }[] = [];
  const features: Feature[] = [];
  data.features.forEach((f, i) => {
    const code = String(f.properties?.lau_1 ?? "").padStart(3, "0");
    if (!/^\d{3}$/.test(code)) throw new InputError(file, 1, 1, `feature nr. ${i + 1} har ingen gyldig lau_1 (kommunekode)`);
    if (!validCodes.has(code)) {
      rejected.push({ reason: `${code} ${f.properties?.navn ?? ""} er ikke en af de 98 kommuner` });
      return;
    }
    features.push({ type: "Feature", properties: { kommunekode: code, navn: f.properties.navn }, geometry: rewindForD3({ type: f.geometry.type, coordinates: dropZ(f.geometry.coordinates) }) });
  });
  const missing = [...validCodes].filter((c) => !features.some((f) => f.properties.kommunekode === c));
  if (missing.length) throw new Error(`${file}: ingen grænse for kommune ${missing.join(", ")}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const raw = topology({ kommuner: { type: "FeatureCollection", features } as any }, 1e5) as unknown as Topology<Objects<object>>;
  const pre = presimplify(raw);
  const topo = simplify(pre, quantile(pre, keep)) as unknown as Topology;
  process.stderr.write(reconcile({ loader: "geo", unit: "features", read: data.features.length, written: features.length, rejected }) + "\n");
  return topo;
}
