import { expect, test } from "vitest";
import { csvDanish } from "../../common/export.js";
import { KOMMUNER_EXPORT_COLUMNS, KOMMUNER_SOURCE } from "../../common/views/kommuner.js";
import type { Kommune } from "../../common/vocabulary.js";

test("the municipality list exports code as text and area with one decimal comma", () => {
  const k: Kommune = {
    kommunekode: "101",
    kommunekode_4: "0101",
    navn: "København",
    officielt_navn: "Københavns Kommune",
    regionskode: "1084",
    regionsnavn: "Region Hovedstaden",
    kommunegruppekode: "1",
    kommunegruppe: "Hovedstadskommuner",
    areal_km2: 86.39,
    center_lon: 12.5,
    center_lat: 55.7
  };
  const lines = csvDanish([k], KOMMUNER_EXPORT_COLUMNS, { title: "Danmarks kommuner", source: KOMMUNER_SOURCE })
    .slice(1)
    .split("\r\n");
  expect(lines[0]).toBe("Kommunekode;Kommune;Regionskode;Region;DST-kommunegruppe;Areal (km²)");
  expect(lines[1]).toBe("101;København;1084;Region Hovedstaden;Hovedstadskommuner;86,4");
});
