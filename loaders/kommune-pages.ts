/**
 * The data of the 98 municipality pages as one zip of `<kode>.json` files. Framework
 * extracts each member at build time (`FileAttachment("../data/kommune/101.json")`), so
 * a page downloads only its own municipality (about 90 kB) and never the whole data
 * set or DuckDB-WASM. One loader process computes all 98, which keeps the build fast.
 */
import JSZip from "jszip";
import { buildAllPages, type GroupContext, type PageData } from "./kommune.js";

/** Round computed means for transport; source values are kept as they are. */
function round(x: number | null, decimals: number): number | null {
  if (x === null) return null;
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** Computed means (national when computed, group means) rounded to the figure's decimals + 2. */
export function compact(page: PageData): PageData {
  for (const a of page.omraader)
    for (const f of a.figurer) {
      const d = f.decimaler + 2;
      f.gruppe.gns = round(f.gruppe.gns, d);
      f.serie.gruppe = f.serie.gruppe.map((x) => round(x, d));
      if (f.land.kilde === "gennemsnit af kommunerne (uvægtet)") {
        f.land.vaerdi = round(f.land.vaerdi, d);
        f.serie.land = f.serie.land.map((x) => round(x, d));
      }
    }
  for (const h of page.profil) {
    const d = h.decimaler + 2;
    h.zGruppe = round(h.zGruppe, 3);
    h.zLand = round(h.zLand, 3);
    h.score = round(h.score, 3) as number;
    h.gruppeGns = round(h.gruppeGns, d);
    h.forskelGruppe = round(h.forskelGruppe, d);
    h.pctGruppe = round(h.pctGruppe, 3);
    h.pctLand = round(h.pctLand, 3);
    h.landRef = round(h.landRef, d) as number;
    h.landMedian = round(h.landMedian, d) as number;
    if (h.udvikling) h.udvikling.pct = round(h.udvikling.pct, 3) as number;
  }
  return page;
}

export async function buildPagesZip(ctx?: Partial<GroupContext>): Promise<Uint8Array> {
  const zip = new JSZip();
  // a fixed date keeps the zip byte-identical between builds
  const date = new Date(Date.UTC(2019, 8, 3));
  for (const page of buildAllPages(ctx)) zip.file(`${page.kode}.json`, JSON.stringify(compact(page)), { date });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
