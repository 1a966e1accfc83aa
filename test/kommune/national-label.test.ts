/**
 * The audit's catalogue findings: for the 29 figures without a national row in the source the catalogue said
 * "kommunetal beregner ikke et" while 19 of them showed a computed average everywhere. An unweighted mean of the
 * municipalities is not a national rate: it is called "gennemsnit af kommunerne (uvægtet)" in the catalogue, the
 * rankings file and the page texts, never "landstal". Also: yes/no figures have a 7-year national series (the
 * number answering yes), and counts keep the source's decimals.
 */

import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { catalogueNationalNote, nationalSourceText } from "../../common/kommune/texts.js";
import { nationalFigure } from "../../common/vocabulary.js";
import { buildNoegletal } from "../../loaders/datasets.js";
import { buildKommuneModel, buildPage, buildPlaceringer, isYesNo } from "../../loaders/kommune.js";

const LABEL = "gennemsnit af kommunerne (uvægtet)";

describe("figures without a national row in the source", () => {
  const { katalog } = buildNoegletal();
  const without = katalog.filter((k) => k.landstal === null);
  const shownMean = without.filter((k) => !isYesNo(k) && k.antal_vaerdier > 0);

  test("29 figures, 19 of them with values and not yes/no (the audit's counts)", () => {
    expect(without).toHaveLength(29);
    expect(shownMean).toHaveLength(19);
  });

  test("the catalogue says what is shown, and no sentence contradicts another", () => {
    for (const k of without) {
      const text = `${k.landstal_metode} ${catalogueNationalNote(k)}`;
      expect(text, k.id).not.toMatch(/beregner ikke/);
      if (isYesNo(k)) expect(text, k.id).toMatch(/svaret ja/);
      else {
        expect(k.landstal_metode, k.id).toContain(LABEL);
        expect(text, k.id).toMatch(/ikke et landstal/);
      }
    }
  });

  test("the rankings file calls the mean by its name, for exactly those 19 figures", () => {
    const rows = buildPlaceringer({});
    const labelled = new Set(rows.filter((r) => r.landstal_kilde === LABEL).map((r) => r.id));
    expect([...labelled].sort()).toEqual(shownMean.map((k) => k.id).sort());
    expect(rows.some((r) => r.landstal_kilde === "beregnet")).toBe(false);
  });

  test("the page text names it, and a hand-computed case matches (Andel udpendlere, latest year, over its municipalities)", () => {
    const k = katalog.find((x) => x.id === "andel-udpendlere")!;
    const fy = buildKommuneModel().figures.get(k.id)!.get(k.aar_til!)!;
    expect(fy.numeric.size).toBeGreaterThan(90);
    const vals = [...fy.numeric.values()];
    expect(fy.national.vaerdi).toBeCloseTo(vals.reduce((s, v) => s + v, 0) / vals.length, 12);
    expect(nationalSourceText(fy.national)).toContain(LABEL);
    expect(nationalSourceText(fy.national)).not.toMatch(/landstal[^;]*uvægtet/);
  });

  test("the pages say it too (no 'uvægtet gennemsnit' called a national figure)", () => {
    // the page's texts live in its view module (the house rule)
    const page = readFileSync("src/noegletal.md", "utf-8") + readFileSync("common/views/noegletal.ts", "utf-8");
    expect(page).not.toContain('"beregnet"');
    expect(page).toContain("Gennemsnit af kommunerne (uvægtet)");
  });
});

test("yes/no figures have a national series: the number of municipalities answering yes, every year with answers", () => {
  const model = buildKommuneModel();
  const page = buildPage("101", model, { kommuner: model.kommuner });
  const yesNo = page.omraader.flatMap((a) => a.figurer).filter((f) => f.janej);
  expect(yesNo.length).toBeGreaterThan(0);
  const { values } = buildNoegletal();
  for (const f of yesNo)
    model.years.forEach((y, i) => {
      // hand count from the cells: municipalities with status ja
      const cells = values.filter((v) => v.id === f.id && v.aar === y);
      const answered = cells.filter((v) => v.status === "ja" || v.status === "nej").length;
      expect(f.serie.land[i], `${f.id} ${y}`).toBe(answered ? cells.filter((v) => v.status === "ja").length : null);
    });
  // before the fix the series was empty for every yes/no figure
  expect(yesNo.flatMap((f) => f.serie.land).filter((x) => x !== null).length).toBeGreaterThan(3);
});

test("counts keep the source's decimals: whole counts 0; schools 1 because the source has halves (58,5)", () => {
  const { katalog, values } = buildNoegletal();
  const dec = (id: string) => katalog.find((k) => k.id === id)!.decimaler;
  expect(dec("antal-normalklasser")).toBe(0);
  expect(dec("antal-biblioteker")).toBe(0);
  expect(dec("antal-koebte-pladser-i-dagtilbud-over-kom-graenser")).toBe(0);
  expect(dec("antal-folkeskoler")).toBe(1);
  // København 2014 in the raw file: "58,5"
  expect(values.find((v) => v.id === "antal-folkeskoler" && v.kommunekode === "101" && v.aar === 2014)!.vaerdi).toBe(
    58.5
  );
  expect(katalog.find((k) => k.id === "antal-folkeskoler")!.noter).toMatch(/brøkdele/);
});

test("data/README describes the key-figure file's line endings as they are (LF, no CR)", () => {
  const raw = readFileSync("data/raw/noegletal/noegletal_dk_2013-2019_raw.csv");
  expect(raw.includes(0x0d)).toBe(false);
  const readme = readFileSync("data/README.md", "utf-8");
  const section = readme.slice(readme.indexOf("## raw/noegletal/"), readme.indexOf("## raw/dst/folk1am"));
  expect(section).toContain("LF line endings (no CR)");
  expect(section).not.toContain("CRLF");
});

describe("the development chart's national line on a municipality page", () => {
  test("leaves out years whose national figure is of another kind than the table's, and lists them", () => {
    // independently from the parsed source: figures whose source national row ("Gennemsnit"/"I alt") is missing in
    // some years that have municipality values; in those years the rule would fall back to a computed mean
    const n = buildNoegletal();
    const nationalYears = new Map<string, Set<number>>();
    for (const r of n.national) {
      const id = r.id;
      if (!nationalYears.has(id)) nationalYears.set(id, new Set());
      nationalYears.get(id)!.add(r.aar);
    }
    const page = buildPage("825", buildKommuneModel(), { kommuner: buildKommuneModel().kommuner });
    let checked = 0;
    for (const a of page.omraader)
      for (const f of a.figurer) {
        if (f.janej || f.land.kilde === "I alt") continue;
        const k = n.katalog.find((x) => x.id === f.id)!;
        const withValues = k.aar_med_data.split(",").map(Number);
        const own = nationalYears.get(f.id) ?? new Set<number>();
        const gaps =
          f.land.kilde === "Gennemsnit" ? withValues.filter((y) => !own.has(y)) : withValues.filter((y) => own.has(y)); // a computed mean in the latest year: years with a source row differ
        expect(f.landAndetAar, f.id).toEqual(gaps);
        for (const y of gaps) expect(f.serie.land[page.aar.indexOf(y)], `${f.id} ${y}`).toBeNull();
        if (gaps.length) checked++;
      }
    // the 2013-2019 source has a national row in every year with data for each figure that has one at all
    expect(checked, "figures with a gap year on the page").toBe(0);
  });

  test("a year without the source's Gennemsnit is not drawn as 'landstal' (one year removed by hand)", () => {
    const model = buildKommuneModel();
    const id = "udg-til-folkeskolen-pr-elev";
    const years = model.figures.get(id)!;
    // the source's row for 2015 removed: the rule falls back to the unweighted mean of the municipalities that year
    const y2015 = years.get(2015)!;
    const patched = new Map(years);
    patched.set(2015, { ...y2015, national: nationalFigure(y2015.cells.values(), undefined) });
    const figures = new Map(model.figures);
    figures.set(id, patched);
    const page = buildPage("825", { ...model, figures }, { kommuner: model.kommuner });
    const f = page.omraader.flatMap((a) => a.figurer).find((x) => x.id === id)!;
    expect(f.land.kilde).toBe("Gennemsnit");
    expect(f.landAndetAar).toEqual([2015]);
    expect(f.serie.land[page.aar.indexOf(2015)]).toBeNull();
    // the other years keep the source's figure
    expect(f.serie.land[page.aar.indexOf(2016)]).toBe(years.get(2016)!.national.vaerdi);
    expect(patched.get(2015)!.national.kilde).toBe(LABEL);
  });
});
