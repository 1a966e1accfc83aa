/**
 * The locator map of each municipality page, drawn at build time as a small static SVG
 * (Denmark in grey, the municipality filled), so the page needs neither Plot, d3 nor the
 * boundaries in the browser. Same projection as the interactive maps
 * (components/map.ts): transverse Mercator rotated to 11° E, 56° N, fitted to the 98
 * municipalities. Coordinates are rounded to 0.1 px, which is invisible at this size.
 */

import { geoPath, geoTransverseMercator } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import JSZip from "jszip";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

interface Props {
  kommunekode: string;
  navn: string;
}

export const LOCATOR_WIDTH = 240;
export const LOCATOR_HEIGHT = Math.round(LOCATOR_WIDTH * 0.78);
/** the site's accent colour (src/style.css --kt-accent) and the grey of the base map */
const FILL = "#1f5f8b";
const BASE = "#e5e5e5";

/** below this size in px a municipality gets a ring of radius RING around it */
export const SMALL = 12;
const RING = 10;

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** One SVG per kommunekode. `names` gives the official name used in the accessible title. */
export function locatorSvgs(topo: Topology, names: Map<string, string>): Map<string, string> {
  const fc = feature(topo, topo.objects.kommuner as GeometryCollection<Props>) as FeatureCollection<Geometry, Props>;
  const projection = geoTransverseMercator().rotate([-11, -56]).fitSize([LOCATOR_WIDTH, LOCATOR_HEIGHT], fc);
  const path = geoPath(projection).digits(1);
  const base = path(fc) ?? "";
  const out = new Map<string, string>();
  for (const f of fc.features as Feature<Geometry, Props>[]) {
    const kode = f.properties.kommunekode;
    const name = names.get(kode) ?? f.properties.navn;
    const title = `Danmarkskort med ${name} markeret`;
    // a municipality smaller than a few pixels (Læsø, Fanø, Samsø …) also gets a ring, or it cannot be seen
    const [[x0, y0], [x1, y1]] = path.bounds(f);
    const [cx, cy] = path.centroid(f);
    const ring =
      Math.max(x1 - x0, y1 - y0) < SMALL
        ? `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${RING}" fill="none" stroke="${FILL}" stroke-width="1.5"/>`
        : "";
    out.set(
      kode,
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${LOCATOR_WIDTH} ${LOCATOR_HEIGHT}" width="${LOCATOR_WIDTH}" height="${LOCATOR_HEIGHT}" role="img" aria-label="${escapeXml(title)}">` +
        `<title>${escapeXml(title)}</title>` +
        `<path d="${base}" fill="${BASE}" stroke="#fff" stroke-width="0.4"/>` +
        `<path d="${path(f) ?? ""}" fill="${FILL}" stroke="#000" stroke-width="1"/>` +
        ring +
        `</svg>\n`
    );
  }
  return out;
}

/** All 98 as one zip of `<kode>.svg` (the page reads only its own member). */
export async function locatorZip(topo: Topology, names: Map<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  const date = new Date(Date.UTC(2019, 8, 3));
  for (const [kode, svg] of [...locatorSvgs(topo, names)].sort((a, b) => a[0].localeCompare(b[0])))
    zip.file(`${kode}.svg`, svg, { date });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
