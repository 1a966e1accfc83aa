/**
 * Municipality boundaries for maps: the DAGI GeoJSON (99 features incl. Christiansø,
 * 1.65 MB) becomes a TopoJSON of the 98 municipalities keyed by 3-digit kommunekode,
 * simplified (5 % quantile of triangle areas kept out) and quantised to about 120 KB,
 * small enough for every page.
 */
import { readFileSync } from "node:fs";
import { geoArea } from "d3-geo";
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

/**
 * d3-geo (and so Plot) reads polygons on the sphere: an exterior ring must run clockwise,
 * or the polygon is taken to cover the rest of the globe. GeoJSON (RFC 7946) prescribes
 * the opposite. Reverse every polygon whose spherical area exceeds a hemisphere.
 */
function rewindForD3(geometry: { type: string; coordinates: unknown }): { type: string; coordinates: unknown } {
  const fix = (rings: number[][][]) => (geoArea({ type: "Polygon", coordinates: rings }) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings);
  if (geometry.type === "Polygon") return { type: "Polygon", coordinates: fix(geometry.coordinates as number[][][]) };
  if (geometry.type === "MultiPolygon") return { type: "MultiPolygon", coordinates: (geometry.coordinates as number[][][][]).map(fix) };
  return geometry;
}

function dropZ(coords: unknown): unknown {
  if (Array.isArray(coords) && typeof coords[0] === "number") return coords.slice(0, 2);
  return Array.isArray(coords) ? coords.map(dropZ) : coords;
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
