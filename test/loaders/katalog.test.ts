import { describe, expect, test } from "vitest";
import { areaOf, slugOf, uniqueIds, unitOf } from "../../loaders/noegletal-katalog.js";

describe("areaOf: the area of a key figure from its title", () => {
  test.each([
    ["Indbyggertal 1. januar", "struktur"],
    ["Anmeldte voldsforbrydelser pr. 1.000 indb.", "struktur"], // not "SFO"
    ["Udg. til transport og infrastruktur pr. indb.", "oekonomi"], // not "sport"
    ["Udg. til sport og fritid pr. indb.", "kultur"],
    ["Langfristet gæld ekskl. ældrebol. pr. 1/1 pr. indb.", "skat"], // not elder care
    ["Udg. til ældre samt voksne m. særl. behov pr. 18+-årig", "aeldre"],
    ["Udg. til børn og unge med særlige behov pr. 0-17-årig", "boern-unge"],
    ["Indt. fra den centr. ref.ordn. vedr. b/u pr. 0-17-årig", "boern-unge"],
    ["Indt., centr. ref.ordn., voksne/hand. pr. 18-66-årig", "social"],
    ["Udg. til voksne med særlige behov pr. 18-66-årig", "social"],
    ["Førtidspensionister pr. 100 17-64/66-årige", "social"],
    ["Månedl. takst for SFO for 6-9-årige", "dagtilbud"],
    ["Udg. til folkeskolen pr. elev", "skole"],
    ["Udg. til decentral led. og adm. pr. indb.", "administration"],
    ["Udskrivningsprocent", "skat"],
    ["Vandforbrugsafgift pr. m3 (abs) (til 2010)", "forsyning"],
    ["Nettodriftsudgifter pr. indb.", "oekonomi"]
  ])("%s → %s", (title, area) => expect(areaOf(title)).toBe(area));
});

describe("unitOf: the unit from the wording of the title", () => {
  test.each([
    ["Indbyggertal 1. januar", "personer"],
    ["Andel 0-2-årige", "pct."],
    ["Befolkningsandel i bymæssig bebyggelse", "pct."],
    ["Areal (km2) (abs)", "km²"],
    ["Befolkningstæthed (indb/km2)", "indbyggere pr. km²"],
    ["Socioøkonomisk indeks", "indeks (landsgennemsnit = 1,00)"],
    ["Grundskyldpromille", "promille"],
    ["Udg. til folkeskolen pr. elev", "kr. pr. elev"],
    ["Nettodriftsudgifter pr. indb.", "kr. pr. indbygger"],
    ["Udgifter til ældre pr. 67+-årig", "kr. pr. 67+-årig"],
    ["Langfristet gæld pr. 1/1 pr. indb.", "kr. pr. indbygger (1. januar)"],
    ["Fuldtidsledige pr. 100 17-64/66-årige", "pr. 100 17-64/66-årige"],
    ["Statsborgere fra ikke-vestlige lande pr. 10.000 indb.", "pr. 10.000 indb."],
    ["Gennemsnitlig klassekvotient", "elever pr. klasse"],
    ["Tilskud til pasning af egne børn? (til 2017)", "ja/nej"],
    ["Månedlig takst for dagplejeplads for 0-2-årige", "kr."],
    ["Antal folkeskoler", "antal"],
    ["Noget helt ukendt", "ikke angivet i kilden"]
  ])("%s → %s", (title, unit) => expect(unitOf(title)).toBe(unit));
});

test("ids are readable ASCII slugs and unique", () => {
  expect(slugOf("Udgifter til ældre pr. 67+-årig")).toBe("udgifter-til-aeldre-pr-67plus-aarig");
  expect(slugOf("Socioøkonomisk indeks")).toBe("sociooekonomisk-indeks");
  expect(uniqueIds(["A b", "A-b", "C"])).toEqual(["a-b", "a-b-2", "c"]);
});
