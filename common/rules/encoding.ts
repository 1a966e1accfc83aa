/**
 * Decide a text file's encoding from its bytes, never from what the source usually uses:
 * a byte-order mark (UTF-8, UTF-16 LE/BE), else valid UTF-8, else ISO-8859-1 (every byte
 * sequence is valid ISO-8859-1). Pure: TextDecoder exists in Node and browsers.
 */
export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "ascii" | "iso-8859-1";

export const ENCODING_LABEL: Record<Encoding, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 med BOM",
  "utf-16le": "UTF-16 (little endian)",
  "utf-16be": "UTF-16 (big endian)",
  ascii: "ASCII (kun tegn under 128)",
  "iso-8859-1": "ISO-8859-1 (Latin-1)"
};

export function detectEncoding(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8-bom";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return "ascii";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "utf-8";
  } catch {
    return "iso-8859-1";
  }
}

/** Decode with the detected encoding; the BOM is dropped. */
export function decodeDetected(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const encoding = detectEncoding(bytes);
  let text: string;
  switch (encoding) {
    case "utf-8-bom":
      text = new TextDecoder("utf-8").decode(bytes.subarray(3));
      break;
    case "utf-16le":
      text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
      break;
    case "utf-16be":
      text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
      break;
    case "iso-8859-1":
      text = new TextDecoder("latin1").decode(bytes);
      break;
    default:
      text = new TextDecoder("utf-8").decode(bytes);
  }
  return { text, encoding };
}
