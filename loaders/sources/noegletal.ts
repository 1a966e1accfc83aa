/**
 * The noegletal.dk export parser lives in common/validate/noegletal-export.ts (pure: the build, `npm run validate`
 * and the browser check of /datakvalitet read the file with the same code). Here: the build's stopping variant.
 */
import {
  inspectNoegletal,
  type NoegletalOptions,
  type ParsedNoegletal
} from "../../common/validate/noegletal-export.js";
import { stopOnErrors } from "../lib/rules.js";

export * from "../../common/validate/noegletal-export.js";

/**
 * Parse the raw export; stops on the first rule broken (see common/rules).
 * @param bytes the file as read from disk (ISO-8859-1 normally; the encoding is decided from the bytes)
 * @param file  the file name used in error messages
 * @param validCodes the municipality codes to accept; rows with other codes are rejected and reported
 * @throws {InputError} naming file, line, column and rule
 */
export function parseNoegletal(
  bytes: Uint8Array,
  file: string,
  validCodes?: Set<string>,
  options: Omit<NoegletalOptions, "validCodes"> = {}
): ParsedNoegletal {
  const { parsed, findings } = inspectNoegletal(bytes, file, { ...options, validCodes });
  stopOnErrors(findings);
  return parsed!;
}
