/**
 * Units and areas (the audit): each comparison-group area's outcome unit comes from its definition, and agrees with
 * the catalogue's unit of the outcome figure (read from the title by loaders/noegletal-katalog.ts); adult social
 * figures (førtidspension, kontanthjælp …) are not compared within the group built for children and young people
 * with special needs.
 */
import { describe, expect, test } from "vitest";
import { METHODS } from "../../common/groups/index.js";
import { AREA_DEFINITIONS, comparisonAreaOfPageArea } from "../../loaders/areas.js";
import { buildNoegletal } from "../../loaders/datasets.js";
import { buildGroupDefaults } from "../../loaders/groups.js";

const { katalog } = buildNoegletal();
const byId = new Map(katalog.map((k) => [k.id, k]));

describe("outcome units", () => {
  test("written by hand per area: per pupil aged 6-16, per 0-13, per 18+, per 0-17, per inhabitant", () => {
    expect(Object.fromEntries(AREA_DEFINITIONS.map((a) => [a.id, a.enhed]))).toEqual({
      folkeskole: "kr. pr. 6-16-årig",
      dagtilbud: "kr. pr. 0-13-årig",
      aeldre: "kr. pr. 18+-årig",
      "boern-unge": "kr. pr. 0-17-årig",
      administration: "kr. pr. indbygger",
      serviceudgifter: "kr. pr. indbygger"
    });
  });

  test("each agrees with the catalogue's unit of the outcome figure", () => {
    for (const a of AREA_DEFINITIONS) expect(byId.get(a.udfald)?.enhed, a.id).toBe(a.enhed);
  });

  test("the published areas carry the unit, and the distance is no longer described as per inhabitant", () => {
    for (const a of buildGroupDefaults().areas)
      expect(a.enhed, a.id).toBe(AREA_DEFINITIONS.find((d) => d.id === a.id)!.enhed);
    expect(METHODS.find((m) => m.id === "beta")!.beskrivelse).not.toMatch(/pr\. indbygger/);
  });
});

describe("which group a key figure is compared within", () => {
  const groupOf = (id: string) => comparisonAreaOfPageArea(byId.get(id)!.omraade);

  test("adult social figures are not in the children's group", () => {
    for (const id of [
      "foertidspensionister-pr-100-17-64-66-aarige",
      "udg-til-foertidspension-pr-17-64-66-aarig",
      "kontanthjaelpsmodtagere-mv-pr-100-17-64-aarige",
      "udg-til-kontanthjaelp-og-revalidering-pr-17-64-66-aarig",
      "udg-til-sygedagpenge-pr-17-64-66-aarig",
      "udg-til-voksne-med-saerlige-behov-pr-18-66-aarig"
    ])
      expect(groupOf(id), id).toBe("serviceudgifter");
  });

  test("the children's figures are, and nothing else is", () => {
    const inChildren = katalog
      .filter((k) => comparisonAreaOfPageArea(k.omraade) === "boern-unge")
      .map((k) => k.id)
      .sort();
    expect(inChildren).toEqual([
      "indt-fra-den-centr-ref-ordn-vedr-b-u-pr-0-17-aarig",
      "udg-til-boern-og-unge-med-saerlige-behov-pr-0-17-aarig"
    ]);
  });

  test("every area's own outcome is compared within its own group", () => {
    for (const a of AREA_DEFINITIONS) expect(groupOf(a.udfald), a.id).toBe(a.id);
  });
});
