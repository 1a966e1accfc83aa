/**
 * The DOM of the front page (/): the municipality search's result and the map card's heading. What they say is
 * computed in common/views/forside.ts.
 */
import type { SearchResult } from "../common/views/forside.js";
import type { YearKind } from "../common/vocabulary.js";
import { el } from "./kommune/dom.js";

/** The hits as links to the municipality pages, "no hit", or a hint to narrow the search. */
export function searchResults(
  result: SearchResult<{ kommunekode: string; navn: string; regionsnavn: string }>
): HTMLElement {
  if (result.kind === "ingen") return el("p", { class: "kt-muted" }, "Ingen kommune passer på søgningen.");
  if (result.kind === "mange")
    return el(
      "p",
      { class: "kt-muted" },
      "Skriv for at indsnævre, eller se alle på siden ",
      el("a", { href: "./kommune/" }, "Kend din kommune"),
      "."
    );
  return el(
    "ul",
    { class: "kt-kommuneliste" },
    result.kommuner.map((k) =>
      el(
        "li",
        {},
        el("a", { href: `./kommune/${k.kommunekode}` }, k.navn),
        " ",
        el("span", { class: "kt-muted" }, `${k.kommunekode} · ${k.regionsnavn}`)
      )
    )
  );
}

/** The map's year in the heading, with its kind as `data-aarstype`. */
export function yearTag(aarTekst: string, aarstype: YearKind): HTMLElement {
  return el("span", { "data-aarstype": aarstype }, aarTekst);
}
