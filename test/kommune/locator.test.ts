/**
 * The static locator maps of the municipality pages (loaders/locator.ts): one small SVG
 * per municipality, accessible, with the municipality inside the map, rings for the
 * ones too small to see, and the same bytes on every build.
 */
import { describe, expect, it } from "vitest";
import { buildKommuner } from "../../loaders/datasets.js";
import { buildGeo } from "../../loaders/geo.js";
import { LOCATOR_HEIGHT, LOCATOR_WIDTH, locatorSvgs, locatorZip } from "../../loaders/locator.js";

const kommuner = buildKommuner();
const names = new Map(kommuner.map((k) => [k.kommunekode, k.officielt_navn]));
// the same boundaries as the interactive maps (loaders/geo.ts's default simplification)
const topo = buildGeo(new Set(kommuner.map((k) => k.kommunekode)));
const svgs = locatorSvgs(topo, names);

/** every number in a path's d attribute, as x,y pairs */
function points(d: string): [number, number][] {
  const nums = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < nums.length; i += 2) out.push([nums[i], nums[i + 1]]);
  return out;
}

describe("locator maps", () => {
  it("one per municipality, named in Danish for screen readers", () => {
    expect(svgs.size).toBe(98);
    expect(svgs.get("851")).toMatch(/<title>Danmarkskort med Aalborg Kommune markeret<\/title>/);
    expect(svgs.get("101")).toMatch(/role="img" aria-label="Danmarkskort med Københavns Kommune markeret"/);
  });

  it("small enough for a light page (under 40 kB each before compression)", () => {
    for (const [kode, svg] of svgs) expect(svg.length, kode).toBeLessThan(40_000);
  });

  it("draws the municipality inside the map, different for each", () => {
    const highlighted = new Set<string>();
    for (const [kode, svg] of svgs) {
      const paths = [...svg.matchAll(/<path d="([^"]*)"/g)].map((m) => m[1]);
      expect(paths, kode).toHaveLength(2);
      expect(paths[1].length, kode).toBeGreaterThan(10);
      for (const [x, y] of points(paths[1])) {
        expect(x, kode).toBeGreaterThanOrEqual(-0.1);
        expect(x, kode).toBeLessThanOrEqual(LOCATOR_WIDTH + 0.1);
        expect(y, kode).toBeGreaterThanOrEqual(-0.1);
        expect(y, kode).toBeLessThanOrEqual(LOCATOR_HEIGHT + 0.1);
      }
      // no municipality collapses to a point (Frederiksberg is the smallest: about 2 px)
      const xs = points(paths[1]).map((p) => p[0]);
      expect(Math.max(...xs) - Math.min(...xs), kode).toBeGreaterThan(1);
      highlighted.add(paths[1]);
    }
    expect(highlighted.size).toBe(98);
  });

  it("rings the municipalities too small to see (Læsø, Frederiksberg), not the large ones (Aalborg)", () => {
    expect(svgs.get("825")).toMatch(/<circle /);
    expect(svgs.get("147")).toMatch(/<circle /);
    expect(svgs.get("851")).not.toMatch(/<circle /);
  });

  it("gives the same bytes on every build", async () => {
    const a = await locatorZip(topo, names);
    const b = await locatorZip(topo, names);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
