// @vitest-environment jsdom
/**
 * fixAccessibility/accessiblePage repair what Observable Inputs and Plot render into a
 * page; axe-core found each of these in the built site (test/e2e/a11y.test.ts).
 */

import * as Plot from "@observablehq/plot";
import { describe, expect, test } from "vitest";
import { accessiblePage, fixAccessibility } from "../../components/a11y.js";

// Inputs ships no type declarations: import it by a computed name and type what we use
const INPUTS = "@observablehq/inputs";
const Inputs = (await import(INPUTS)) as {
  range(extent: number[], o: object): HTMLElement;
  table(rows: object[], o: object): HTMLElement;
};

describe("fixAccessibility", () => {
  test("a range slider gets its form's label; a table's checkboxes and scroll box get names and a tab stop", () => {
    const root = document.createElement("div");
    root.append(Inputs.range([3, 20], { label: "Gruppestørrelse N", step: 1, value: 10 }));
    root.append(Inputs.table([{ a: 1 }, { a: 2 }], { label: "Rækker" }));
    const range = root.querySelector("input[type=range]")!;
    expect(range.hasAttribute("aria-label")).toBe(false); // what Inputs 0.12 renders
    fixAccessibility(root);
    expect(range.getAttribute("aria-label")).toBe("Gruppestørrelse N (skyder)");
    const boxes = Array.from(root.querySelectorAll("table input[type=checkbox]")).map((b) =>
      b.getAttribute("aria-label")
    );
    expect(boxes[0]).toBe("Vælg alle rækker");
    expect(boxes.slice(1)).toEqual(["Vælg række 1", "Vælg række 2"]);
    const scroll = root.querySelector("form[class$='-table']") as HTMLFormElement;
    expect(scroll.tabIndex).toBe(0);
  });

  test("Plot's aria-label on mark groups is removed, the chart's own label kept", () => {
    const svg = Plot.plot({
      ariaLabel: "Søjler",
      marks: [Plot.barY([1, 2, 3]), Plot.ruleY([0])]
    }) as unknown as SVGSVGElement;
    const root = document.createElement("div");
    root.append(svg);
    expect(svg.querySelectorAll("g[aria-label]").length).toBeGreaterThan(0);
    fixAccessibility(root);
    expect(svg.querySelectorAll("g[aria-label]")).toHaveLength(0);
    expect(svg.getAttribute("aria-label")).toBe("Søjler");
  });

  test("accessiblePage also repairs what is rendered later", async () => {
    accessiblePage(document);
    const svg = Plot.plot({ marks: [Plot.dot([1, 2])] }) as unknown as SVGSVGElement;
    document.body.append(svg);
    await new Promise((ok) => setTimeout(ok, 0));
    expect(svg.querySelectorAll("g[aria-label]")).toHaveLength(0);
  });
});
