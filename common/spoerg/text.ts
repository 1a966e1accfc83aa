/** Text normalisation and fuzzy token matching for Spørg (pure; Node and browser). */

/** Lowercase, æøå → ae/oe/aa, accents dropped, punctuation to spaces (digits, "+" and "-" between digits kept). */
export function normalise(text: string): string {
  let s = text.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa");
  s = s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  s = s.replace(/(\d)\s*-\s*(\d)/g, "$1-$2").replace(/(\d)\.(\d{3})\b/g, "$1$2");
  s = s.replace(/\+/g, "plus ").replace(/(\d)-(\d)/g, "$1§$2");
  s = s.replace(/[^a-z0-9§]+/g, " ").replace(/§/g, "-");
  return s.replace(/\s+/g, " ").trim();
}

export function tokens(text: string): string[] {
  const n = normalise(text);
  return n ? n.split(" ") : [];
}

/** Levenshtein distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < best) best = cur[j];
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** Misspellings allowed for a word of this length: none under 5 letters, 1 up to 7, 2 from 8. */
export function allowedEdits(word: string): number {
  return word.length < 5 ? 0 : word.length < 8 ? 1 : 2;
}

/** Does token `t` match word `w` exactly or within the allowed misspellings (digits must match exactly)? */
export function fuzzyEqual(t: string, w: string): boolean {
  if (t === w) return true;
  if (/\d/.test(t) || /\d/.test(w)) return false;
  const k = Math.min(allowedEdits(w), allowedEdits(t));
  return k > 0 && editDistance(t, w, k) <= k;
}
