/**
 * Municipality boundaries for maps: the DAGI GeoJSON (99 features incl. Christiansø,
 * 1.65 MB) becomes a TopoJSON of the 98 municipalities keyed by 3-digit kommunekode,
 * simplified (5 % quantile of triangle areas kept out) and quantised to about 120 KB,
 * small enough for every page.
 */
import { geoArea } from "d3-geo";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";
import type { Objects, Topology } from "topojson-specification";
import { RAW, shown } from "./lib/paths.js";
import { reconcile } from "./lib/report.js";
import { parseJson, readRaw } from "./lib/rules.js";
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
  const fix = (rings: number[][][]) =>
    geoArea({ type: "Polygon", coordinates: rings }) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
  if (geometry.type === "Polygon") return { type: "Polygon", coordinates: fix(geometry.coordinates as number[][][]) };
  if (geometry.type === "MultiPolygon")
    return { type: "MultiPolygon", coordinates: (geometry.coordinates as number[][][][]).map(fix) };
  return geometry;
}

function dropZ(coords: unknown): unknown {
  if (Array.isArray(coords) && typeof coords[0] === "number") return coords.slice(0, 2);
  return Array.isArray(coords) ? coords.map(dropZ) : coords;
}

export function buildGeo(validCodes: Set<string>, keep = 0.05): Topology {
  const file = shown(RAW.geo);
  const data = parseJson(new TextDecoder().decode(readRaw(RAW.geo)), file, "GeoJSON") as { features?: Feature[] };
  if (!Array.isArray(data?.features))
    throw new InputError(file, 1, 1, "forventede en FeatureCollection med features", "fil.json");
  const seen = new Set<string>();
  const rejected: { reason: string }[] = [];
  const features: Feature[] = [];
  data.features.forEach((f, i) => {
    const code = String(f.properties?.lau_1 ?? "").padStart(3, "0");
    if (!/^\d{3}$/.test(code))
      throw new InputError(file, 1, 1, `feature nr. ${i + 1} har ingen gyldig lau_1 (kommunekode)`, "geo.feature");
    if (seen.has(code))
      throw new InputError(file, 1, 1, `feature nr. ${i + 1}: kommune ${code} har mere end én grænse`, "geo.feature");
    seen.add(code);
    if (!["Polygon", "MultiPolygon"].includes(f.geometry?.type) || !Array.isArray(f.geometry?.coordinates)) {
      throw new InputError(
        file,
        1,
        1,
        `feature nr. ${i + 1} (${code}) har ingen polygon (geometry.type ${JSON.stringify(f.geometry?.type)})`,
        "geo.feature"
      );
    }
    if (!validCodes.has(code)) {
      rejected.push({ reason: `${code} ${f.properties?.navn ?? ""} er ikke en af de 98 kommuner` });
      return;
    }
    features.push({
      type: "Feature",
      properties: { kommunekode: code, navn: f.properties.navn },
      geometry: rewindForD3({ type: f.geometry.type, coordinates: dropZ(f.geometry.coordinates) })
    });
  });
  const missing = [...validCodes].filter((c) => !features.some((f) => f.properties.kommunekode === c));
  if (missing.length) throw new InputError(file, 1, 1, `ingen grænse for kommune ${missing.join(", ")}`, "geo.feature");
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const raw = topology({ kommuner: { type: "FeatureCollection", features } as any }, 1e5) as unknown as Topology<
    Objects<object>
  >;
  const pre = presimplify(raw);
  const topo = simplify(pre, quantile(pre, keep)) as unknown as Topology;
  process.stderr.write(
    reconcile({ loader: "geo", unit: "features", read: data.features.length, written: features.length, rejected }) +
      "\n"
  );
  return topo;
}
