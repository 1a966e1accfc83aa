/** Full titles: the source's abbreviations written out, each expected title written by hand. */
import { describe, expect, it } from "vitest";
import { fullTitle } from "../../common/kommune/titles.js";

describe("fullTitle", () => {
  it.each([
    ["Udg. til folkeskolen pr. elev", "Udgifter til folkeskolen pr. elev"],
    [
      "Udg. til ældre samt voksne m. særl. behov pr. 18+-årig",
      "Udgifter til ældre samt voksne med særlige behov pr. 18+-årig"
    ],
    ["Udg. (netto) til dagtilbud pr. 0-13-årig", "Nettoudgifter til dagtilbud pr. 0-13-årig"],
    ["Nettodriftsudgifter pr. indb.", "Nettodriftsudgifter pr. indbygger"],
    ["Anmeldte voldsforbrydelser pr. 1.000 indb.", "Anmeldte voldsforbrydelser pr. 1.000 indbygger"],
    ["Udg. til decentral led. og adm. pr. indb.", "Udgifter til decentral ledelse og administration pr. indbygger"],
    [
      "Udg. til akt.bestemt medfinans. af sundh.v. pr. indb.",
      "Udgifter til aktivitetsbestemt medfinansiering af sundhedsvæsenet pr. indbygger"
    ],
    [
      "Indt. fra den centr. ref.ordn. vedr. b/u pr. 0-17-årig",
      "Indtægter fra den centrale refusionsordning vedrørende børn og unge pr. 0-17-årig"
    ],
    ["Antal købte pladser i dagtilbud over kom.grænser", "Antal købte pladser i dagtilbud over kommunegrænser"],
    ["Befolkningstæthed (indb/km2)", "Befolkningstæthed (indbyggere pr. km²)"],
    ["Betaling for forplejning på plejehjem pr. mnd (abs)", "Betaling for forplejning på plejehjem pr. måned"],
    [
      "Pladser i plejehjem/pl.centre pr. 1.000 65+/67+-årige",
      "Pladser i plejehjem og plejecentre pr. 1.000 65+/67+-årige"
    ],
    [
      "Udg. til privatskoler, efterskoler m.fl. pr. 6-16-årig",
      "Udgifter til privatskoler, efterskoler med flere pr. 6-16-årig"
    ],
    [
      "Langfristet gæld ekskl. ældrebol. pr. 1/1 pr. indb.",
      "Langfristet gæld ekskl. ældreboliger pr. indbygger (1. januar)"
    ],
    [
      "Månedl. takst for SFO (10-13) eft. skoleref.(kun 2014)",
      "Månedlig takst for SFO (10-13) efter skolereformen (kun 2014)"
    ],
    ["Udskrivningsprocent", "Udskrivningsprocent"]
  ])("%s → %s", (source, full) => {
    expect(fullTitle(source)).toBe(full);
  });

  it("leaves words that only contain an abbreviation alone", () => {
    // "indb." inside "Nettodriftsudgifter pr. indbygger" must not expand twice
    expect(fullTitle("Nettodriftsudgifter pr. indbygger")).toBe("Nettodriftsudgifter pr. indbygger");
  });
});
