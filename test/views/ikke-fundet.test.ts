import { expect, test } from "vitest";
import { hintFor, SECTIONS } from "../../common/views/ikke-fundet.js";

const K = [
  { kommunekode: "101", navn: "København" },
  { kommunekode: "751", navn: "Aarhus" },
  { kommunekode: "825", navn: "Læsø" }
];

test("an unknown municipality code says so; 411 is Christiansø", () => {
  expect(hintFor("/kommune/999", K)).toEqual({ tekst: "Der er ingen kommune med koden 999.", forslag: [] });
  expect(hintFor("/kommune/411", K).tekst).toMatch(/Christiansø er ikke en kommune/);
});

test("a 4-digit code finds its municipality", () => {
  expect(hintFor("/kommune/0101", K)).toEqual({
    tekst: "Kommunekoden skrives med 3 cifre: 101 er København.",
    forslag: [K[0]]
  });
});

test("a name in the path (also Århus, Læsø in URL encoding) suggests the municipality", () => {
  expect(hintFor("/aarhus", K).forslag).toEqual([K[1]]);
  expect(hintFor("/kommune/%C3%85rhus", K).forslag).toEqual([K[1]]);
  expect(hintFor("/kommune/L%C3%A6s%C3%B8", K).forslag).toEqual([K[2]]);
  expect(hintFor("/noget/helt/andet", K)).toEqual({ tekst: "Adressen findes ikke på kommunetal.", forslag: [] });
  // the aliases of common/kommune/names.ts, one table for search, Spørg and this page
  expect(hintFor("/kbh", K).forslag).toEqual([K[0]]);
  expect(hintFor("/kommune/Laeso", K).forslag).toEqual([K[2]]);
});

test("the sections link relative to the site root", () => {
  for (const s of SECTIONS) expect(s.href.startsWith("./")).toBe(true);
});
