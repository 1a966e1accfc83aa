// Unit tests of Spørg's text handling, parser and SQL templates on a small hand-made catalogue.
import { describe, expect, it } from "vitest";
import { buildIndex, parse } from "../../common/spoerg/parse.js";
import { compileSql } from "../../common/spoerg/sql.js";
import { editDistance, fuzzyEqual, normalise } from "../../common/spoerg/text.js";
import type { Forstaaet, SpoergKatalog } from "../../common/spoerg/types.js";

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
      id: "udg-til-folkeskolen-pr-elev",
      titel: "Udg. til folkeskolen pr. elev",
      enhed: "kr. pr. elev",
      omraade: "skole",
      aar: [2014, 2015],
      decimaler: 0
    },
    { id: "gammel-til-2006", titel: "Gammel (til 2006)", enhed: "kr.", omraade: "skat", aar: [], decimaler: 0 }
  ],
  kommuner: [
    {
      kommunekode: "101",
      navn: "København",
      officielt_navn: "Københavns Kommune",
      regionskode: "1084",
      regionsnavn: "Region Hovedstaden"
    },
    {
      kommunekode: "810",
      navn: "Brønderslev",
      officielt_navn: "Brønderslev Kommune",
      regionskode: "1081",
      regionsnavn: "Region Nordjylland"
    },
    {
      kommunekode: "851",
      navn: "Aalborg",
      officielt_navn: "Aalborg Kommune",
      regionskode: "1081",
      regionsnavn: "Region Nordjylland"
    }
  ]
};
const idx = buildIndex(KAT);
const ok = (q: string, prev?: Forstaaet) => {
  const r = parse(idx, q, prev);
  if (r.status !== "ok") throw new Error(`${q}: ${r.status} ${r.begrundelse}`);
  return r.forstaaet;
};

describe("text", () => {
  it("normalises Danish letters, punctuation and number formats", () => {
    expect(normalise("Hvad er SKATTEPROCENTEN i Århus, 2015-2018?")).toBe("hvad er skatteprocenten i aarhus 2015-2018");
    expect(normalise("pr. 1.000 65+/67+-årige")).toBe("pr 1000 65plus 67plus aarige");
    expect(normalise("Brønderslev; Sjælland")).toBe("broenderslev sjaelland");
  });
  it("edit distance by hand", () => {
    expect(editDistance("kobenhavn", "koebenhavn")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(fuzzyEqual("bronderslev", "broenderslev")).toBe(true);
    expect(fuzzyEqual("skat", "skot")).toBe(false); // short words must match exactly
  });
});

describe("parser", () => {
  it("understands one value with misspelled municipality and default year", () => {
    const f = ok("skatteprocent Kobenhavn");
    expect(f).toMatchObject({
      noegletal: ["udskrivningsprocent"],
      kommuner: ["101"],
      aar: [2015],
      operation: "vaerdi",
      aarAutomatisk: true
    });
  });
  it("ranks within a region and reads direction and top N", () => {
    expect(ok("top 2 laveste skatteprocent i Region Nordjylland 2014")).toMatchObject({
      operation: "rangering",
      region: "1081",
      retning: "lavest",
      antal: 2,
      aar: [2014]
    });
  });
  it("compares and follows up", () => {
    const a = ok("pr. elev Aalborg og Bronderslev 2015");
    expect(a).toMatchObject({ operation: "sammenligning", kommuner: ["851", "810"] });
    const b = ok("siden 2014", ok("pr elev Aalborg 2015"));
    expect(b).toMatchObject({ operation: "udvikling", kommuner: ["851"], aar: [2014, 2015] });
    expect(ok("i forhold til landet", b)).toMatchObject({ sammenlign: "landet", aar: [2014, 2015] });
  });
  it("refuses years without data, figures without data, code and unknown things", () => {
    expect(parse(idx, "skatteprocent Aalborg 2019").status).toBe("afvist");
    expect(parse(idx, "gammel Aalborg").status).toBe("afvist");
    expect(parse(idx, "'; DROP TABLE noegletal; --").status).toBe("afvist");
    expect(parse(idx, "vejret i Aalborg").status).toBe("afvist");
    expect(parse(idx, "skatteprocent").status).toBe("uklart");
  });
});

describe("municipality aliases come from common/kommune/names.ts", () => {
  it("every alias of the one table is a phrase, as written and without æ/ø/å; everyday words are not", async () => {
    const { aliasPhrases } = await import("../../common/spoerg/parse.js");
    const { ALIASES, WORD_ALIASES } = await import("../../common/kommune/names.js");
    const phrases = new Map(aliasPhrases());
    // by hand: "Kbh." → "kbh", "Århus" → "aarhus" and "arhus", "Dronninglund" → "dronninglund"
    expect([phrases.get("kbh"), phrases.get("aarhus"), phrases.get("arhus"), phrases.get("dronninglund")]).toEqual([
      "101",
      "751",
      "751",
      "810"
    ]);
    for (const [kode, aliases] of Object.entries(ALIASES))
      for (const a of aliases) if (!WORD_ALIASES.has(a)) expect(phrases.get(normalise(a)), a).toBe(kode);
    // "Års" (a year's) is a Vesthimmerland alias in the name search, never in a sentence
    expect(phrases.has("aars")).toBe(false);
  });
  it("the parser reads a name-search alias and leaves everyday words alone", () => {
    expect(ok("skatteprocent Dronninglund 2015").kommuner).toEqual(["810"]);
    expect(ok("skatteprocent Cph 2015").kommuner).toEqual(["101"]);
    expect(ok("sidste års skatteprocent i Aalborg").kommuner).toEqual(["851"]);
  });
});

describe("SQL templates", () => {
  it("inline only validated values", () => {
    const q = ok("skatteprocent Aalborg 2014");
    expect(compileSql(q)).toContain("n.id = 'udskrivningsprocent'");
    expect(() => compileSql({ ...q, kommuner: ["101'; DROP TABLE x; --"] })).toThrow(/Ugyldig/);
    expect(() => compileSql({ ...q, noegletal: ["x' OR 1=1"] })).toThrow(/Ugyldig/);
  });
});
