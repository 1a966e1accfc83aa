/**
 * DAWA/Dataforsyningen `/kommuner` and `/regioner` responses (JSON arrays). Christiansø
 * (0411) is not a municipality; DAWA marks it `udenforkommuneinddeling: true`. It is
 * returned among the rejected objects with that reason, never silently dropped.
 *
 * Rules (common/rules): valid JSON (fil.json), every object with code, name, region and a
 * visual centre inside Denmark (dawa.felt), no code twice (form.dublet), exactly the
 * expected number of municipalities (fuldstaendig.kommuner, 98).
 */
import { decodeDetected, type Finding, finding } from "../../common/rules/index.js";
import { parseJson, stopOnErrors } from "../lib/rules.js";

export interface DawaKommune {
  kommunekode: string;
  kommunekode_4: string;
  navn: string;
  regionskode: string;
  regionsnavn: string;
  center_lon: number;
  center_lat: number;
}

export interface DawaParsed {
  kommuner: DawaKommune[];
  rejected: { reason: string }[];
  read: number;
}

/** Denmark's bounding box with a margin (WGS84): a centre outside it is a broken object. */
const DK = { lon: [7.5, 15.5], lat: [54.4, 57.9] };

/** Where an object starts in the JSON text (JSON arrays have no useful row; find the code). */
function lineOfCode(text: string, kode: string): { line?: number; column?: number } {
  const i =
    text.indexOf(`"kode": "${kode}"`) >= 0 ? text.indexOf(`"kode": "${kode}"`) : text.indexOf(`"kode":"${kode}"`);
  if (i < 0) return {};
  const before = text.slice(0, i);
  return { line: before.split("\n").length, column: i - before.lastIndexOf("\n") };
}

export function parseDawaKommuner(bytes: Uint8Array, file: string, expectedCount = 98): DawaParsed {
  const { text } = decodeDetected(bytes);
  const data = parseJson(text, file, "DAWA /kommuner");
  const findings: Finding[] = [];
  if (!Array.isArray(data)) {
    findings.push(
      finding("fil.json", file, "forventede en JSON-liste af kommuner (svaret fra Dataforsyningens /kommuner)", {
        line: 1,
        column: 1
      })
    );
    stopOnErrors(findings);
  }
  const list = data as Record<string, unknown>[];
  const kommuner: DawaKommune[] = [];
  const rejected: { reason: string }[] = [];
  const seen = new Set<string>();
  list.forEach((o, i) => {
    const kode = o?.kode;
    const bad = (reason: string) =>
      findings.push(
        finding(
          "dawa.felt",
          file,
          `element nr. ${i + 1}: ${reason}`,
          typeof kode === "string" ? lineOfCode(text, kode) : {}
        )
      );
    if (typeof kode !== "string" || !/^\d{4}$/.test(kode))
      return bad(`"kode" skal være 4 cifre, fandt ${JSON.stringify(kode)}`);
    if (seen.has(kode)) {
      findings.push(
        finding("form.dublet", file, `element nr. ${i + 1}: kode ${kode} forekommer to gange`, {
          ...lineOfCode(text, kode),
          kommunekode: kode.slice(1)
        })
      );
      return;
    }
    seen.add(kode);
    if (typeof o.navn !== "string" || o.navn === "") return bad(`"navn" mangler for kode ${kode}`);
    if (o.udenforkommuneinddeling === true) {
      rejected.push({ reason: `${kode} ${o.navn} ligger uden for kommuneinddelingen (ikke en kommune)` });
      return;
    }
    const region = o.region as { kode?: string; navn?: string } | undefined;
    if (!region?.kode || !region?.navn) return bad(`region mangler for ${kode} ${o.navn}`);
    const center = o.visueltcenter as unknown;
    const ok = Array.isArray(center) && typeof center[0] === "number" && typeof center[1] === "number";
    if (!ok) return bad(`"visueltcenter" mangler eller er ikke [længde, bredde] for ${kode} ${o.navn}`);
    const [lon, lat] = center as number[];
    if (lon < DK.lon[0] || lon > DK.lon[1] || lat < DK.lat[0] || lat > DK.lat[1])
      return bad(`"visueltcenter" [${lon}, ${lat}] for ${kode} ${o.navn} ligger ikke i Danmark`);
    kommuner.push({
      kommunekode: kode.slice(1),
      kommunekode_4: kode,
      navn: o.navn,
      regionskode: region.kode,
      regionsnavn: region.navn,
      center_lon: lon,
      center_lat: lat
    });
  });
  if (kommuner.length !== expectedCount && findings.length === 0) {
    findings.push(
      finding("fuldstaendig.kommuner", file, `forventede ${expectedCount} kommuner, fandt ${kommuner.length}`)
    );
  }
  stopOnErrors(findings);
  return { kommuner, rejected, read: list.length };
}
