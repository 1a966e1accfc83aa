/**
 * The notebook in a URL hash: JSON → deflate-raw (CompressionStream, in every current
 * browser and Node ≥ 18) → base64url. Decoding is strict: a size limit before and after
 * decompression, then validateNotebook, so a link carries only SQL, text and settings.
 */
import { type Notebook, NotebookError, validateNotebook } from "./state.js";

export const HASH_KEY = "nb";
/** limits on an encoded link and on the decompressed JSON */
export const MAX_ENCODED = 60_000;
export const MAX_JSON = 400_000;

export function toBase64Url(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new NotebookError("linket indeholder tegn, der ikke hører til en notesbog");
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    throw new NotebookError("linket er ikke gyldigt base64url");
  }
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit: number
): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new NotebookError(`notesbogen er for stor (over ${limit} byte)`);
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) out.set(p, o), (o += p.length);
  return out;
}

/** The notebook as a compact URL-safe string. */
export async function encodeNotebook(nb: Notebook): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(validateNotebook(nb)));
  return toBase64Url(await pipe(json, new CompressionStream("deflate-raw"), Infinity));
}

/** Decode and validate; throws NotebookError (Danish) on anything that is not exactly a notebook. */
export async function decodeNotebook(text: string): Promise<Notebook> {
  if (text.length > MAX_ENCODED)
    throw new NotebookError(`linket er for langt (${text.length} tegn, højst ${MAX_ENCODED})`);
  const bytes = fromBase64Url(text);
  let json: Uint8Array;
  try {
    json = await pipe(bytes, new DecompressionStream("deflate-raw"), MAX_JSON);
  } catch (e) {
    if (e instanceof NotebookError) throw e;
    throw new NotebookError("linket kunne ikke pakkes ud (ikke en kommunetal-notesbog)");
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(json));
  } catch {
    throw new NotebookError("linkets indhold er ikke gyldig JSON");
  }
  return validateNotebook(value);
}

/** `#nb=…` for a notebook. */
export async function notebookHash(nb: Notebook): Promise<string> {
  return `#${HASH_KEY}=${await encodeNotebook(nb)}`;
}

/** The encoded notebook in a location hash, or null when there is none. */
export function hashPayload(hash: string): string | null {
  const m = /^#?(?:.*&)?nb=([^&]*)/.exec(hash);
  return m ? m[1] : null;
}
