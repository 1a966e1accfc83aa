/**
 * The building blocks of a municipality page (/kommune/<kode>): one collapsible section per
 * area with a table of its key figures (latest value, rank, national figure, group mean,
 * development), the filter box over them, and the header. What they show is computed in
 * common/views/kommune.ts (exports, labels, filter, header facts).
 */

import { formatValue } from "../../common/format.js";
import {
  GROUP_MEAN_RULE,
  groupCountText,
  groupValueText,
  nationalSourceText,
  nationalValueText,
  rankText
} from "../../common/kommune/texts.js";
import type { PageArea, PageData, PageFigure } from "../../common/kommune/types.js";
import {
  figureHref,
  filterFigures,
  filterSummary,
  headerFacts as headerFactsView,
  NATIONAL_COLUMN,
  nationalLabel,
  nationalLineNote,
  rowAnchor,
  searchText
} from "../../common/views/kommune.js";
import { yearLabel } from "../../common/vocabulary.js";
import { el } from "./dom.js";
import { sparkline } from "./sparkline.js";

function valueCell(f: PageFigure): HTMLElement {
  const missing = f.vaerdi === null && !f.janej;
  const text = formatValue(f.vaerdi, f.status, f.decimaler);
  return el(
    "td",
    { class: `kt-num${missing ? " kt-missing" : ""}`, "data-col": "vaerdi", "data-status": f.status },
    text
  );
}

function figureRow(page: PageData, area: PageArea, f: PageFigure): HTMLElement {
  const groupCount = groupCountText(f);
  const hasNationalLine = !f.janej && f.land.kilde !== "I alt";
  const lineNote = nationalLineNote(f);
  return el(
    "tr",
    { "data-figur": f.id, id: rowAnchor(f.id), "data-search": searchText(f, area) },
    el(
      "td",
      {},
      el("a", { href: figureHref(f.id, page.kode) }, f.fuldTitel),
      el(
        "div",
        { class: "kt-muted kt-small" },
        f.enhed,
        f.fuldTitel === f.titel ? null : el("span", { class: "kt-source-title" }, ` · i kilden: ${f.titel}`)
      )
    ),
    el("td", { class: "kt-num", "data-aarstype": f.aarstype }, yearLabel(f.aar, f.aarstype)),
    valueCell(f),
    el(
      "td",
      { class: `kt-num${f.rank === null ? " kt-missing" : ""}`, "data-col": "rang" },
      rankText(f.rank, f.antal, f.janej)
    ),
    el(
      "td",
      {
        class: `kt-num${f.land.vaerdi === null ? " kt-missing" : ""}`,
        "data-col": "landstal",
        title: nationalSourceText(f.land)
      },
      nationalValueText(f),
      el("div", { class: "kt-muted kt-small", "data-col": "landstal-kilde" }, nationalLabel(f.land))
    ),
    el(
      "td",
      { class: `kt-num${f.gruppe.gns === null ? " kt-missing" : ""}`, "data-col": "gruppe" },
      groupValueText(f),
      groupCount ? el("div", { class: "kt-muted kt-small" }, groupCount) : null
    ),
    el(
      "td",
      { class: "kt-sparkcell" },
      f.janej
        ? el(
            "span",
            { class: "kt-muted kt-small" },
            page.aar
              .map(
                (y, i) =>
                  `${y}: ${formatValue(f.serie.v[i], f.serie.s[i])}${f.serie.land[i] === null ? "" : ` (${f.serie.land[i]} kommuner ja)`}`
              )
              .join(", ")
          )
        : [
            sparkline(
              page.aar,
              { v: f.serie.v, land: hasNationalLine ? f.serie.land : null, gruppe: f.serie.gruppe },
              { decimals: f.decimaler, unit: f.enhed, landLabel: hasNationalLine ? nationalLabel(f.land) : undefined }
            ),
            lineNote ? el("div", { class: "kt-muted kt-small" }, lineNote) : null
          ]
    )
  );
}

/** The table of one area's key figures. */
export function areaTable(page: PageData, area: PageArea): HTMLTableElement {
  return el(
    "table",
    { class: "kt-kdk-table", "data-omraade": area.id },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", {}, "Nøgletal"),
        el("th", { class: "kt-num" }, "År"),
        el("th", { class: "kt-num" }, page.navn),
        el("th", { class: "kt-num", title: "1 = højeste værdi" }, "Placering"),
        el(
          "th",
          {
            class: "kt-num",
            title: "Kildens landstal, eller gennemsnit af kommunerne (uvægtet) hvor kilden intet har"
          },
          NATIONAL_COLUMN
        ),
        el("th", { class: "kt-num", title: GROUP_MEAN_RULE }, "Gruppegns."),
        el("th", {}, `${page.aar[0]}–${page.aar[page.aar.length - 1]}`)
      )
    ),
    el(
      "tbody",
      {},
      area.figurer.map((f) => figureRow(page, area, f))
    )
  );
}

/** Who is in the area's comparison group, as a collapsible list (ranked for the engine's groups). */
export function groupNote(page: PageData, area: PageArea): HTMLElement {
  const ranked = area.gruppe.kilde === "flis";
  const names = ranked
    ? area.gruppe.medlemmer.map((k, i) => `${i + 1}. ${page.navne[k] ?? k}`)
    : area.gruppe.medlemmer.map((k) => page.navne[k] ?? k).sort((a, b) => a.localeCompare(b, "da"));
  return el(
    "details",
    { class: "kt-group-note" },
    el(
      "summary",
      {},
      "Sammenligningsgruppe: ",
      el("strong", {}, area.gruppe.navn),
      ` (${area.gruppe.medlemmer.length} kommuner)`
    ),
    el("p", { class: "kt-small" }, area.gruppe.beskrivelse, " ", GROUP_MEAN_RULE),
    el("p", { class: "kt-small" }, names.join(", "))
  );
}

/** A legend for the small charts. */
export function sparkLegend(): HTMLElement {
  return el(
    "p",
    { class: "kt-small kt-muted kt-spark-legend" },
    el("span", { class: "kt-key kt-key-kommune" }),
    " kommunen  ",
    el("span", { class: "kt-key kt-key-land" }),
    ` hele landet, som i kolonnen "${NATIONAL_COLUMN}" (ikke vist for summer og i år, hvor kilden har et andet tal)  `,
    el("span", { class: "kt-key kt-key-gruppe" }),
    " gruppegennemsnit. Brud i linjen: ingen værdi det år."
  );
}

/** The header's facts, each with its date (the key figures' population and the latest monthly one). */
export function headerFacts(page: PageData): HTMLElement {
  return el(
    "dl",
    { class: "kt-facts" },
    headerFactsView(page).map((f) => [el("dt", {}, f.label), el("dd", { "data-fact": f.key }, f.value)])
  );
}

/** The areas the reader has opened: a section drawn again (after a switch of prices) opens as it was. */
const openAreas = new Set<string>();

/** One area: heading, then its group note, table and exports in a closed <details> (opened by links and print). */
export function areaSection(page: PageData, area: PageArea, exports: HTMLElement): HTMLElement {
  const details = el(
    "details",
    { class: "kt-area-details", "data-omraade": area.id },
    el("summary", {}, `Vis ${area.figurer.length} nøgletal`, el("span", { class: "kt-filter-count" })),
    groupNote(page, area),
    areaTable(page, area),
    exports
  );
  details.open = openAreas.has(area.id);
  details.addEventListener("toggle", () => {
    if (details.open) openAreas.add(area.id);
    else openAreas.delete(area.id);
  });
  return el(
    "section",
    { class: "kt-area", id: `omraade-${area.id}`, "data-omraade": area.id },
    el("h2", {}, area.navn),
    details
  );
}

/** Run the filter box again over sections drawn anew (the box keeps its query; the new rows do not know it). */
export function reapplyFilter(): void {
  const input = document.getElementById("kt-figure-filter") as HTMLInputElement | null;
  if (input?.value.trim()) input.dispatchEvent(new Event("input"));
}

/** The search box over every figure: hides rows and areas without a match and opens the areas with one. */
export function figureFilter(page: PageData): HTMLElement {
  const total = page.omraader.reduce((s, a) => s + a.figurer.length, 0);
  const input = el("input", {
    type: "search",
    id: "kt-figure-filter",
    placeholder: "fx folkeskole, ældre, pr. indbygger",
    autocomplete: "off"
  });
  const status = el("p", {
    class: "kt-small kt-muted",
    role: "status",
    "aria-live": "polite",
    "data-filter-status": ""
  });
  const toggle = (open: boolean) => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>("details.kt-area-details")) d.open = open;
  };
  input.addEventListener("input", () => {
    const q = input.value;
    const found = filterFigures(page, q);
    const active = Boolean(q.trim());
    for (const a of page.omraader) {
      const ids = new Set(found.get(a.id));
      const section = document.getElementById(`omraade-${a.id}`);
      if (!section) continue;
      for (const tr of section.querySelectorAll<HTMLElement>("tr[data-figur]"))
        tr.hidden = active && !ids.has(tr.getAttribute("data-figur") ?? "");
      section.hidden = active && ids.size === 0;
      const details = section.querySelector<HTMLDetailsElement>("details.kt-area-details");
      if (details && active) details.open = ids.size > 0;
      const count = section.querySelector(".kt-filter-count");
      if (count) count.textContent = active ? ` (${ids.size} passer)` : "";
    }
    status.textContent = filterSummary(found, total, q);
  });
  const openAll = el("button", { type: "button", "data-action": "open-all" }, "Vis alle områder");
  const closeAll = el("button", { type: "button", "data-action": "close-all" }, "Skjul alle områder");
  openAll.addEventListener("click", () => toggle(true));
  closeAll.addEventListener("click", () => toggle(false));
  return el(
    "div",
    { class: "kt-figure-filter kt-noprint" },
    el("label", { for: "kt-figure-filter" }, "Søg i kommunens nøgletal "),
    input,
    " ",
    openAll,
    " ",
    closeAll,
    status
  );
}

/** Open the area that holds the target of a link (#omraade-… or a row #figur-…) and scroll to it. */
export function openTarget(hash: string): void {
  if (!hash || hash.length < 2) return;
  const target = document.getElementById(decodeURIComponent(hash.slice(1)));
  if (!target) return;
  const details = target.matches("section.kt-area")
    ? target.querySelector<HTMLDetailsElement>("details.kt-area-details")
    : target.closest<HTMLDetailsElement>("details.kt-area-details");
  if (details) details.open = true;
  target.scrollIntoView();
  if (target.matches("tr")) {
    target.classList.add("kt-target");
    setTimeout(() => target.classList.remove("kt-target"), 2500);
  }
}

// A printed page must say who is in each comparison group: open the lists before printing
// (the content of a closed <details> is not printed).
if (typeof window !== "undefined") {
  window.addEventListener("beforeprint", () => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>("details.kt-group-note, details.kt-area-details"))
      d.open = true;
  });
  window.addEventListener("hashchange", () => openTarget(window.location.hash));
}
