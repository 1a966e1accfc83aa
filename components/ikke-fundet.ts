/**
 * The DOM of the 404 page (src/404.md): the hint for the address and the list of the site's sections.
 * What they say is computed in common/views/ikke-fundet.ts; the search reuses the front page's views and list.
 */
import type { KommuneRef, SECTIONS } from "../common/views/ikke-fundet.js";
import { el } from "./kommune/dom.js";

/** The hint, and the municipalities the address may have meant as links to their pages. */
export function hintBlock(hint: { tekst: string; forslag: readonly KommuneRef[] }): HTMLElement {
  return el(
    "div",
    { "data-hint": "" },
    el("p", {}, hint.tekst),
    hint.forslag.length
      ? el(
          "ul",
          { class: "kt-kommuneliste" },
          hint.forslag.map((k) =>
            el(
              "li",
              {},
              el("a", { href: `./kommune/${k.kommunekode}` }, k.navn),
              " ",
              el("span", { class: "kt-muted" }, k.kommunekode)
            )
          )
        )
      : null
  );
}

/** The site's main sections as links with a line each. */
export function sectionList(sections: typeof SECTIONS): HTMLElement {
  return el(
    "ul",
    {},
    sections.map((s) => el("li", {}, el("a", { href: s.href }, s.titel), `: ${s.tekst}`))
  );
}
