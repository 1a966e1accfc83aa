/**
 * The municipality list on /kommune/: a plain table whose column headers sort it (buttons, so the keyboard can too;
 * aria-sort says the order). The order is computed in common/views/kommuner.ts (Danish collation), because
 * Inputs.table sorts by code points and has no comparator option. The chosen order survives a new search.
 */
import {
  ariaSort,
  DEFAULT_LIST_SORT,
  LIST_COLUMNS,
  type ListSort,
  nextSort,
  sortMunicipalities
} from "../../common/views/kommuner.js";
import type { Kommune } from "../../common/vocabulary.js";
import { el } from "./dom.js";

let current: ListSort = DEFAULT_LIST_SORT;

type Row = Pick<Kommune, "navn" | "kommunekode" | "regionsnavn" | "kommunegruppe">;

export function municipalityList(rows: readonly Row[]): HTMLElement {
  const tbody = el("tbody");
  const headers = LIST_COLUMNS.map((c) => {
    const button = el(
      "button",
      { type: "button", class: "kt-sort", "data-sort": c.key },
      c.label,
      el("span", { "aria-hidden": "true", class: "kt-sort-mark" })
    );
    button.addEventListener("click", () => {
      current = nextSort(current, c.key);
      draw();
    });
    return el("th", { scope: "col", "data-col": c.key }, button);
  });
  const draw = () => {
    headers.forEach((th, i) => {
      const s = ariaSort(current, LIST_COLUMNS[i].key);
      th.setAttribute("aria-sort", s);
      const mark = th.querySelector(".kt-sort-mark");
      if (mark) mark.textContent = s === "ascending" ? " ▴" : s === "descending" ? " ▾" : "";
    });
    tbody.replaceChildren(
      ...sortMunicipalities(rows, current).map((k) =>
        el(
          "tr",
          { "data-kommune": k.kommunekode },
          el("td", {}, el("a", { href: `./${k.kommunekode}` }, k.navn)),
          el("td", { class: "kt-num" }, k.kommunekode),
          el("td", {}, k.regionsnavn),
          el("td", {}, k.kommunegruppe)
        )
      )
    );
    if (!rows.length)
      tbody.append(el("tr", {}, el("td", { colspan: LIST_COLUMNS.length }, "Ingen kommuner passer på søgningen.")));
  };
  draw();
  return el(
    "div",
    { class: "kt-scroll kt-kommuneliste-tabel" },
    el(
      "table",
      { class: "kt-list" },
      el(
        "caption",
        { class: "kt-small kt-muted" },
        `${rows.length} kommuner. Klik på en kolonneoverskrift for at sortere (dansk alfabetisk orden).`
      ),
      el("thead", {}, el("tr", {}, headers)),
      tbody
    )
  );
}
