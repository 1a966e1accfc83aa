/** Area rules: titles that used to land in the wrong area because a rule matched inside a word. */
import { describe, expect, test } from "vitest";
import { areaOf } from "../../loaders/noegletal-katalog.js";

describe("areaOf", () => {
  test.each([
    ["Anmeldte voldsforbrydelser pr. 1.000 indb.", "struktur"], // "voldSFOrbrydelser" is not SFO
    ["Udg. til introduktionsforløb for udlændinge pr. indb.", "social"], // "introduktionSFOrløb"
    ["Udg. til transport og infrastruktur pr. indb.", "oekonomi"], // "tranSPORT" is not sport
    ["Langfristet gæld ekskl. ældrebol. pr. 1/1 pr. indb.", "skat"], // debt, not elder care
    ["Førtidspensionister pr. 100 17-64/66-årige", "social"], // not "pensionist" elder care
    ["Udg. til decentral led. og adm. pr. indb.", "administration"],
    ["Udg. (brutto) til skattefinansieret anlæg pr. indb.", "oekonomi"],
    ["Pladser i SFO pr. 100 6-13-årige", "dagtilbud"],
    ["Månedl. takst for SFO for 6-9-årige", "dagtilbud"],
    ["Udg. til sport og fritid pr. indb.", "kultur"],
    ["Udg. til folkeskolen pr. elev", "skole"],
    ["Udgifter til ældre pr. 67+-årig", "aeldre"],
    ["Udg. til central ledelse og adm. pr. indb.", "administration"]
  ])("%s → %s", (titel, area) => {
    expect(areaOf(titel)).toBe(area);
  });
});
