/**
 * ASCII slug of a Danish text: lower case, æ→ae, ø→oe, å→aa, accents dropped, `+` →
 * "plus", every other run of non-alphanumerics → one dash. Used for key-figure ids and
 * file names, in Node and in the browser.
 *
 * @example asciiSlug("Udgifter til ældre pr. 67+-årig") // "udgifter-til-aeldre-pr-67plus-aarig"
 */
export function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\+/g, "plus")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
