/**
 * DAWA/Dataforsyningen `/kommuner` and `/regioner` responses (JSON arrays). Christiansø
 * (0411) is not a municipality; DAWA marks it `udenforkommuneinddeling: true`. It is
 * returned among the rejected objects with that reason, never silently dropped.
 */
import { InputError, decode } from "../lib/text.js";

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

function fail(file: string, index: number, reason: string): never {
  // JSON has no useful line for an array element; name the element instead
  throw new InputError(file, 1, 1, `element nr. ${index + 1}: ${reason}`);
}

export function parseDawaKommuner(bytes: Uint8Array, file: string): DawaParsed {
  let data: unknown;
  try {
    data = JSON.parse(decode(bytes, "utf-8"));
  } catch (error) {
    throw new InputError(file, 1, 1, `ikke gyldig JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) throw new InputError(file, 1, 1, "forventede en JSON-liste af kommuner");
  const kommuner: DawaKommune[] = [];
  const rejected: { reason: string }[] = [];
  data.forEach((o: Record<string, unknown>, i) => {
    const kode = o?.kode;
    if (typeof kode !== "string" || !/^\d{4}$/.test(kode)) fail(file, i, `"kode" skal være 4 cifre, fandt ${JSON.stringify(kode)}`);
    if (typeof o.navn !== "string" || o.navn === "") fail(file, i, `"navn" mangler for kode ${kode}`);
    const region = o.region as { kode?: string; navn?: string } | undefined;
    if (o.udenforkommuneinddeling === true) {
      rejected.push({ reason: `${kode} ${o.navn} ligger uden for kommuneinddelingen (ikke en kommune)` });
      return;
    }
    if (!region?.kode || !region?.navn) fail(file, i, `region mangler for ${kode} ${o.navn}`);
    const center = o.visueltcenter as number[] | undefined;
    kommuner.push({
      kommunekode: kode.slice(1),
      kommunekode_4: kode,
      navn: o.navn,
      regionskode: region.kode,
      regionsnavn: region.navn,
      center_lon: center?.[0] ?? NaN,
      center_lat: center?.[1] ?? NaN
    });
  });
  return { kommuner, rejected, read: data.length };
}
