// The /spoerg view module: chip changes and the reproducing link.
import { describe, expect, it } from "vitest";
import { buildIndex, parse } from "../../common/spoerg/parse.js";
import type { Forstaaet, SpoergKatalog } from "../../common/spoerg/types.js";
import { changeQuery, shareLink } from "../../common/views/spoerg.js";

const KAT: SpoergKatalog = {
  figurer: [
    {
      id: "udskrivningsprocent",
      titel: "Udskrivningsprocent",
      enhed: "pct.",
      omraade: "skat",
      aar: [2013, 2014, 2015],
      decimaler: 2
    },
    {
      id: "udgifter-til-aeldre-pr-67plus-aarig",
      titel: "Udgifter til ældre pr. 67+-årig",
      enhed: "kr.",
      omraade: "aeldre",
      aar: [2018, 2019],
      decimaler: 0
    }
  ],
  kommuner: [
    {
      kommunekode: "851",
      navn: "Aalborg",
      officielt_navn: "Aalborg Kommune",
      regionskode: "1081",
      regionsnavn: "Region Nordjylland"
    },
    {
      kommunekode: "657",
      navn: "Herning",
      officielt_navn: "Herning Kommune",
      regionskode: "1082",
      regionsnavn: "Region Midtjylland"
    }
  ]
};
const idx = buildIndex(KAT);
const q = (parse(idx, "skatteprocent Aalborg 2014") as { forstaaet: Forstaaet }).forstaaet;

describe("views/spoerg", () => {
  it("changes municipality and year without touching the rest", () => {
    expect(changeQuery(idx, q, { kommune: [0, "657"] })).toMatchObject({
      kommuner: ["657"],
      aar: [2014],
      noegletal: ["udskrivningsprocent"]
    });
    expect(changeQuery(idx, q, { aar: 2015 }).aar).toEqual([2015]);
    expect(q.kommuner).toEqual(["851"]); // the original is not mutated
  });
  it("moves the year into a new figure's range", () => {
    expect(changeQuery(idx, q, { figur: "udgifter-til-aeldre-pr-67plus-aarig" }).aar).toEqual([2019]);
  });
  it("builds a link that reproduces the conversation", () => {
    expect(shareLink("/spoerg", ["skatteprocent Aalborg", "og Herning?"])).toBe(
      "/spoerg?q=skatteprocent+Aalborg&q=og+Herning%3F"
    );
  });
});
