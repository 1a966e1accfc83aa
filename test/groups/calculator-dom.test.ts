// @vitest-environment jsdom
/**
 * The calculator's DOM (components/groups/calculator.ts): a greyed section has disabled
 * export buttons and says why; tables are keyboard-reachable named regions with Danish
 * numbers; the error card is announced (role=alert) and names the variables.
 */
import { describe, expect, test, vi } from "vitest";
import { GroupsError } from "../../common/groups/index.js";
import type { GroupRow } from "../../common/views/sammenligningsgrupper.js";
import { groupColumns } from "../../common/views/sammenligningsgrupper.js";
import {
  bootstrapProgress,
  disabledExports,
  errorCard,
  groupCard,
  resultTable,
  staleCard
} from "../../components/groups/calculator.js";

// components/download.ts imports exceljs through Framework's npm: protocol, which vitest cannot resolve;
// its buttons are tested in the browser (test/e2e/groups.test.ts). Here: two enabled buttons like it makes.
vi.mock("../../components/download.js", () => ({
  exportButtons: () => {
    const wrap = document.createElement("div");
    for (const kind of ["csv", "xlsx"]) {
      const b = document.createElement("button");
      b.dataset.export = kind;
      wrap.append(b);
    }
    return wrap;
  }
}));

describe("stale sections", () => {
  test("a greyed card: title, reason, two disabled export buttons, aria-disabled", () => {
    const c = staleCard("regression", "Regressionen");
    expect(c.className).toBe("card kt-stale");
    expect(c.getAttribute("aria-disabled")).toBe("true");
    expect(c.dataset.section).toBe("regression");
    expect(c.querySelector("h2")?.textContent).toBe("Regressionen");
    expect(c.textContent).toContain("Intet resultat med disse indstillinger: se fejlen under indstillingerne.");
    const buttons = Array.from(c.querySelectorAll("button"));
    expect(buttons.map((b) => [b.dataset.export, b.disabled])).toEqual([
      ["csv", true],
      ["xlsx", true]
    ]);
    // a click on a disabled button does nothing (no onclick at all)
    expect(buttons.every((b) => b.onclick === null)).toBe(true);
    expect(disabledExports().querySelectorAll("button:disabled")).toHaveLength(2);
  });
  test("the error card is an alert naming the variables by title", () => {
    const e = new GroupsError("none-kept", "Ingen af de valgte variable er signifikante.", ["a", "b"]);
    const c = errorCard(e, (id) => ({ a: "Andel A", b: "Andel B" })[id] ?? id);
    expect(c.getAttribute("role")).toBe("alert");
    expect(c.textContent).toContain("Ingen af de valgte variable er signifikante.");
    expect(c.textContent).toContain("Det drejer sig om: Andel A; Andel B.");
  });
});

describe("tables", () => {
  test("a named, focusable scroll region with header cells and formatted values", () => {
    const t = resultTable(
      [
        { navn: "Aabenraa", x: 1234.5 },
        { navn: "Ærø", x: 0.5 }
      ],
      [
        { key: "navn", label: "Kommune" },
        { key: "x", label: "Værdi", numeric: true, format: (v) => (v as number).toLocaleString("da-DK") }
      ],
      { label: "Eksempel" }
    );
    expect(t.getAttribute("role")).toBe("region");
    expect(t.getAttribute("aria-label")).toBe("Eksempel");
    expect(t.tabIndex).toBe(0);
    expect(Array.from(t.querySelectorAll("th[scope=col]")).map((th) => th.textContent)).toEqual(["Kommune", "Værdi"]);
    expect(Array.from(t.querySelectorAll("tbody tr")).map((tr) => tr.textContent)).toEqual([
      "Aabenraa1.234,5",
      "Ærø0,5"
    ]);
    expect(t.querySelectorAll("td.kt-num")).toHaveLength(2);
  });
  test("the group card: distances in whole kroner, probabilities in per cent or 'beregnes …', enabled exports", () => {
    const rows: GroupRow[] = [
      {
        rang: 1,
        kommunekode: "147",
        navn: "Frederiksberg",
        afstand: 1234.56,
        gensidig: true,
        sandsynlighed: 0.876,
        faktisk: 1,
        forventet: 2
      },
      {
        rang: 2,
        kommunekode: "151",
        navn: "Ballerup",
        afstand: 2000,
        gensidig: false,
        sandsynlighed: null,
        faktisk: 1,
        forventet: 2
      }
    ];
    const c = groupCard(rows, {
      kommune: "København",
      omraade: "Folkeskole",
      aar: 2018,
      unit: "forventet udgift, kr. pr. elev",
      decimals: 0,
      resamples: 1000,
      bootstrap: "running",
      exportColumns: groupColumns("forventet udgift, kr. pr. elev", "kr. pr. elev"),
      filename: "x"
    });
    expect(c.querySelector("h2")?.textContent).toBe("Gruppen for København: folkeskole, 2018");
    const cells = Array.from(c.querySelectorAll("tbody tr")).map((tr) =>
      Array.from(tr.querySelectorAll("td")).map((td) => td.textContent)
    );
    expect(cells).toEqual([
      ["1", "Frederiksberg", "147", "1.235", "ja", "88 %"],
      ["2", "Ballerup", "151", "2.000", "nej", "beregnes …"]
    ]);
    expect(c.querySelectorAll("button[data-export]:not(:disabled)")).toHaveLength(2);
  });
  test("bootstrap progress says how far it is, and when done how many draws were used", () => {
    const run = bootstrapProgress({ status: "running", done: 250, total: 1000, ms: 0, message: null, result: null });
    expect(run.dataset.status).toBe("running");
    expect(run.textContent).toBe("Beregner 250 af 1.000 gentagelser …");
    const done = bootstrapProgress({
      status: "done",
      done: 1000,
      total: 1000,
      ms: 2500,
      message: null,
      result: { used: 998, failed: 2 }
    });
    expect(done.textContent).toContain("Færdig: 998 af 1.000 gentagelser brugt (2 kunne ikke bruges");
    expect(done.textContent).toContain("2,5 s i en baggrundstråd");
  });
});
