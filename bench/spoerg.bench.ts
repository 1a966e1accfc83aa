/**
 * Spørg: parse + compile SQL, median per question over the golden set, in Node. Baseline measured in the
 * same run: normalise() of the same questions (the cheapest step), so the ratio says what parsing adds.
 * Run: npm run bench -- spoerg (or npx tsx bench/spoerg.bench.ts).
 */
import { performance } from "node:perf_hooks";
import { spoergKatalog } from "../common/spoerg/katalog.js";
import { buildIndex, parse } from "../common/spoerg/parse.js";
import { compileSql } from "../common/spoerg/sql.js";
import { normalise } from "../common/spoerg/text.js";
import { buildKommuner, buildNoegletal } from "../loaders/datasets.js";
import { HAND, partB, REFUSALS } from "../test/spoerg/golden.js";

const idx = buildIndex(spoergKatalog(buildNoegletal().katalog, buildKommuner()));
const questions = [...HAND, ...REFUSALS, ...partB(idx.katalog.figurer)].map((g) => g.q);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

function timeEach(fn: (q: string) => void, rounds = 5): number {
  const per: number[] = [];
  for (const q of questions) {
    const t: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      fn(q);
      t.push(performance.now() - t0);
    }
    per.push(median(t));
  }
  return median(per);
}

for (const q of questions) {
  const p = parse(idx, q);
  if (p.status === "ok") compileSql(p.forstaaet);
} // warm-up
const base = timeEach((q) => {
  normalise(q);
});
const full = timeEach((q) => {
  const p = parse(idx, q);
  if (p.status === "ok") compileSql(p.forstaaet);
});
console.log(
  `spoerg: ${questions.length} spørgsmål; parse+SQL median ${full.toFixed(3)} ms pr. spørgsmål; ` +
    `baseline normalise() ${base.toFixed(4)} ms; forhold ${(full / base).toFixed(0)}×; mål < 5 ms: ${full < 5 ? "ja" : "nej"}`
);
