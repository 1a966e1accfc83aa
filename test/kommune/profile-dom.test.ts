// @vitest-environment jsdom
/**
 * The profile's DOM (components/kommune/profile.ts) in jsdom: one item per highlight with its sentence and links,
 * a dot strip whose marks sit where a hand calculation puts them, and the chart's text alternative.
 */
import { describe, expect, it } from "vitest";
import type { ProfileChart, ProfileView } from "../../common/views/kommune.js";
import { dotStrip, profileSection } from "../../components/kommune/profile.js";

const chart: ProfileChart = {
  gruppe: [10, 20],
  kommune: 50,
  land: 30,
  landNavn: "landstallet",
  lo: 10,
  hi: 50,
  alt: "X: kommunen 50; gruppen 10 til 20; landstallet 30."
};

describe("dot strip", () => {
  it("places the marks on a linear scale from lo to hi inside 6 px padding", () => {
    const svg = dotStrip(chart, { width: 150, height: 22 });
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe(chart.alt);
    const cx = [...svg.querySelectorAll("circle")].map((c) => Number(c.getAttribute("cx")));
    // x(v) = 6 + (v − 10) / 40 · 138: 10 → 6, 20 → 40.5, 50 → 144
    expect(cx).toEqual([6, 40.5, 144]);
    // the country: 30 → 6 + 20 / 40 · 138 = 75
    expect(Number(svg.querySelector(".kt-dotstrip-land")!.getAttribute("x1"))).toBe(75);
  });
});

describe("profile section", () => {
  it("one item per highlight, with the sentence, the table anchor and the figure link; the method stated", () => {
    const view: ProfileView = {
      antal: 1,
      tom: null,
      omraader: [
        {
          id: "skole",
          navn: "Skole",
          punkter: [
            {
              id: "a",
              anker: "figur-a",
              tabelHref: "#figur-a",
              figurHref: "../noegletal?id=a&kommune=825",
              titel: "A",
              saetning: "A: 50 i 2019.",
              chart
            }
          ]
        }
      ]
    };
    const s = profileSection(view);
    expect(s.querySelector("h2")!.textContent).toBe("Hvad skiller sig ud");
    expect(s.querySelector("h3")!.textContent).toBe("Skole");
    const li = s.querySelector("li[data-profil=a]")!;
    expect(li.querySelector("[data-saetning]")!.textContent).toBe("A: 50 i 2019.");
    expect(li.querySelector("a.kt-profile-row")!.getAttribute("href")).toBe("#figur-a");
    expect(li.querySelector("a:not(.kt-profile-row)")!.getAttribute("href")).toBe("../noegletal?id=a&kommune=825");
    expect(s.textContent).toContain("1,4826 · MAD");
  });

  it("says so when nothing stands out", () => {
    const s = profileSection({ antal: 0, tom: "Intet nøgletal skiller sig ud.", omraader: [] });
    expect(s.querySelectorAll("li")).toHaveLength(0);
    expect(s.textContent).toContain("Intet nøgletal skiller sig ud.");
  });
});
