/**
 * The sections of /sammenligningsgrupper, built from the page's model
 * (common/views/sammenligningsgrupper.ts calculatorModel / groupView). Each section is either
 * its result or, when the calculation failed, the same section greyed out with disabled
 * exports (staleCard), so an error never sits next to a previous result. Nothing is computed
 * here beyond formatting; the page only wires its inputs to the view and these functions.
 */
import type { FeatureCollection, Geometry } from "geojson";
import { formatNumber } from "../../common/format.js";
import {
  allGroupsColumns,
  type CalculatorContext,
  type CalculatorModel,
  computedNote as calculationNote,
  ELIMINATION_COLUMNS,
  EXCLUDED_COLUMNS,
  formatSignificant,
  type GroupView,
  groupColumns,
  levelColumns,
  matrixColumns,
  matrixRows,
  type OutcomePrices,
  regressionColumns,
  STABILITY_COLUMNS,
  stabilityHeading,
  standardFileRows,
  VARIABLE_COLUMNS,
  yearColumns,
  yearKindNote
} from "../../common/views/sammenligningsgrupper.js";
import { el } from "../kommune/dom.js";
import type { KommuneProps } from "../map.js";
import * as C from "./calculator.js";
import { actualPredicted, groupMap, matrixHeatmap } from "./charts.js";

/** Framework's `resize(render)`: redraws at the container's width. */
export type Resize = (render: (width: number) => Node) => Node;
type Features = FeatureCollection<Geometry, KommuneProps>;

/**
 * An input (Inputs.checkbox …) folded in a <details> with a summary line, and an optional note after it.
 * The wrapper's `value` is the input's, and the input's events bubble through it, so `view()` reads it.
 */
export function foldout<T>(
  input: HTMLElement & { value: T },
  summary: string,
  o: { open?: boolean; note?: string; noteId?: string } = {}
): HTMLElement & { value: T } {
  const box = el(
    "div",
    { class: "kt-foldout" },
    el("details", { class: "kt-vars", open: !!o.open }, el("summary", {}, summary), input),
    o.note ? el("p", { class: "kt-muted", id: o.noteId ?? null }, o.note) : null
  ) as unknown as HTMLElement & { value: T };
  Object.defineProperty(box, "value", { get: () => input.value, set: (v: T) => (input.value = v) });
  return box;
}

/** The label of a candidate variable: its title, and "(ikke standard)" when it is not one of the area's. */
export function variableLabel(titel: (id: string) => string, defaults: readonly string[]): (id: string) => HTMLElement {
  return (id) =>
    el(
      "span",
      {},
      titel(id),
      defaults.includes(id) ? null : [" ", el("span", { class: "kt-muted" }, "(ikke standard)")]
    );
}

/** The sentence on the price basis under the switch. */
export function priceNote(p: OutcomePrices): HTMLElement {
  return el(
    "p",
    { class: "kt-small kt-muted", "data-priser-note": "", "data-priser-faktor": p.fixed ? p.factor : null },
    p.note
  );
}

/** Right under the settings: how the calculation went, or the error in words. */
export function computedNote(m: CalculatorModel, ctx: CalculatorContext): HTMLElement {
  const b = m.beregning;
  return b.ok
    ? el("p", { class: "kt-muted", id: "kt-beregnet" }, calculationNote(b.result, b.ms))
    : C.errorCard(b.error, ctx.titel);
}

/** The selected municipality's group, with the group's mean of the outcome. */
export function groupSection(m: CalculatorModel, g: GroupView, bootstrap: string, resamples: number): HTMLElement {
  const { s, r } = m;
  if (!r) return C.staleCard("gruppe", `Gruppen for ${s.kommune.navn}`);
  if (!m.iModel) return el("p", { class: "kt-error", "data-section": "gruppe" }, m.ikkeIModel);
  const card = C.groupCard(g.gruppe, {
    kommune: s.kommune.navn,
    omraade: s.omraade.navn,
    aar: s.aar,
    unit: m.afstandsenhed,
    decimals: m.afstandDecimaler,
    resamples,
    bootstrap,
    exportColumns: groupColumns(m.afstandsenhed, m.udfaldEnhed),
    filename: `sammenligningsgruppe-${s.omraade.id}-${s.aar}-${s.kommune.kommunekode}`
  });
  if (g.gennemsnit !== null)
    card.insertBefore(
      el(
        "p",
        { class: "kt-gruppe-gennemsnit", "data-gruppe-gennemsnit": g.gennemsnit },
        `Gruppens gennemsnit (${s.kommune.navn} ikke medregnet): ${m.udfaldTitel} `,
        el("strong", {}, formatSignificant(g.gennemsnit)),
        ` ${m.udfaldEnhed}.`
      ),
      card.querySelector(".kt-table-scroll")
    );
  return card;
}

/** The group on the map. */
export function mapSection(
  m: CalculatorModel,
  g: GroupView,
  features: Features,
  ctx: CalculatorContext,
  resize: Resize
) {
  const { s, r } = m;
  if (!(r && m.iModel))
    return C.staleCard("kort", "Gruppen på kortet", r ? `${s.kommune.navn} er ikke med i beregningen` : undefined);
  const group = g.gruppe.map((x) => ({ kommunekode: x.kommunekode, rank: x.rang, distance: x.afstand }));
  return C.card(
    "kort",
    "Gruppen på kortet",
    `${s.kommune.navn} (blå) og de ${s.N} mest sammenlignelige, nummereret efter rang`,
    resize((width) =>
      groupMap(features, s.kommune.kommunekode, group, { width: Math.min(width, 640), names: ctx.navnMap })
    )
  );
}

/** Every municipality's group, for export. */
export function allGroupsSection(m: CalculatorModel, g: GroupView): HTMLElement {
  const { s, r } = m;
  if (!r)
    return el(
      "p",
      { class: "kt-stale", "aria-disabled": "true", "data-section": "alle" },
      "Alle kommuners grupper: intet resultat med disse indstillinger. ",
      C.disabledExports()
    );
  return el(
    "p",
    { "data-section": "alle" },
    `Alle ${r.n} kommuners grupper med disse indstillinger (${formatNumber(g.alle.length, 0)} rækker): `,
    C.exports(() => g.alle, allGroupsColumns(m.afstandsenhed), {
      title: `Sammenligningsgrupper, ${s.omraade.navn}, ${m.udfaldTitel}, ${s.aar}`,
      filename: `sammenligningsgrupper-${s.omraade.id}-${s.aar}`
    })
  );
}

/** The regression table and every step of the elimination. */
export function regressionSection(m: CalculatorModel, ctx: CalculatorContext): DocumentFragment {
  const { s, r } = m;
  const fragment = document.createDocumentFragment();
  if (!r || !m.summary) {
    fragment.append(
      C.staleCard("regression", "Regressionen"),
      C.staleCard("eliminering", "Alle trin i den baglæns eliminering")
    );
    return fragment;
  }
  fragment.append(
    C.regressionCard(m.regression, {
      outcomeTitle: m.udfaldTitel,
      aar: s.aar,
      alpha: s.alpha,
      n: r.n,
      candidates: r.candidates.length,
      kept: r.kept.length,
      r2: r.model.r2,
      summary: m.summary,
      exportColumns: regressionColumns(m.udfaldEnhed),
      filename: `regression-${s.omraade.id}-${s.aar}`,
      titel: ctx.titel
    }),
    C.eliminationDetails(m.eliminering, ELIMINATION_COLUMNS, {
      title: `Baglæns eliminering: ${m.udfaldTitel}, ${s.aar}`,
      filename: `eliminering-${s.omraade.id}-${s.aar}`
    })
  );
  return fragment;
}

/** Actual against predicted, and the structurally corrected level. */
export function levelSection(m: CalculatorModel, g: GroupView, ctx: CalculatorContext, resize: Resize): HTMLElement {
  const { s, r } = m;
  if (!r) return C.staleCard("niveau", "Faktisk mod forventet ud fra rammebetingelserne");
  const group = g.gruppe.map((x) => x.kommunekode);
  return el(
    "div",
    { class: "grid grid-cols-2", style: "grid-auto-rows: auto;" },
    C.card(
      "faktisk-forventet",
      "Faktisk mod forventet ud fra rammebetingelserne",
      `${m.udfaldTitel}, ${s.aar}. Over den stiplede linje ligger kommunen højere end forventet.`,
      resize((width) =>
        actualPredicted(r, { width, names: ctx.navnMap, highlight: s.kommune.kommunekode, group, unit: m.udfaldEnhed })
      )
    ),
    C.card(
      "niveau",
      "Strukturelt korrigeret niveau",
      `Faktisk minus forventet (${m.udfaldEnhed}); positiv = højere end rammebetingelserne tilsiger`,
      C.levelTable(m.niveau),
      C.exports(m.niveau, levelColumns(m.udfaldEnhed), {
        title: `Strukturelt korrigeret niveau: ${m.udfaldTitel}, ${s.aar}`,
        filename: `korrigeret-niveau-${s.omraade.id}-${s.aar}`
      })
    )
  );
}

/** The 98 × 98 heatmap and the two matrix exports. */
export function matrixSection(
  m: CalculatorModel,
  ctx: CalculatorContext,
  value: "distance" | "rank",
  order: "need" | "code",
  resize: Resize
): HTMLElement {
  const { s, r } = m;
  if (!r) return C.staleCard("matrix", "Afstands- og rangmatrix");
  const where = `${s.omraade.navn}, ${s.aar}`;
  const matrixExport = (kind: "distance" | "rank", text: string, title: string, filename: string, sheet: string) =>
    el(
      "div",
      { class: "kt-matrix-export" },
      el("span", {}, text),
      " ",
      C.exports(() => matrixRows(r, ctx.navn, kind), matrixColumns(r, ctx.navn, kind), { title, filename, sheet })
    );
  return C.card(
    "matrix",
    `Hver række er en kommune; farven viser ${value === "rank" ? "rangen" : "afstanden"} til hver af de andre`,
    [
      `Rækker og søjler sorteret efter ${order === "need" ? "forventet niveau (kommuner med ens struktur ligger tæt)" : "kommunekode"}.`,
      `${s.kommune.navn}s række er markeret. Hold musen over en celle for detaljer.`
    ].join(" "),
    resize((width) =>
      matrixHeatmap(r, {
        width,
        names: ctx.navnMap,
        value,
        order,
        highlight: s.kommune.kommunekode,
        top: s.N,
        unit: m.afstandsenhed
      })
    ),
    matrixExport(
      "distance",
      `Hele afstandsmatricen (${r.n} × ${r.n}):`,
      `Afstandsmatrix (${m.afstandsenhed}): ${where}`,
      `afstandsmatrix-${s.omraade.id}-${s.aar}`,
      "Afstande"
    ),
    matrixExport(
      "rank",
      "Hele rangmatricen:",
      `Rangmatrix (1 = mest sammenlignelig, 0 = kommunen selv): ${where}`,
      `rangmatrix-${s.omraade.id}-${s.aar}`,
      "Rang"
    )
  );
}

/** The bootstrap's progress, or why there is none. */
export function progressSection(state: Parameters<typeof C.bootstrapProgress>[0] | null): HTMLElement {
  return state
    ? C.bootstrapProgress(state)
    : el(
        "p",
        { class: "kt-muted kt-stale", "aria-disabled": "true" },
        "Ingen bootstrap: intet resultat med disse indstillinger."
      );
}

/** Stability per municipality, once the bootstrap is done. */
export function stabilitySection(
  m: CalculatorModel,
  g: GroupView,
  boot: { used: number; seed: number } | null
): HTMLElement {
  const { s, r } = m;
  if (!r) return C.staleCard("stabilitet", "Stabilitet pr. kommune");
  if (!boot)
    return el(
      "p",
      { class: "kt-muted", "data-section": "stabilitet" },
      "Stabiliteten pr. kommune vises, når bootstrap er færdig."
    );
  return C.card(
    "stabilitet",
    "Stabilitet pr. kommune",
    stabilityHeading(),
    C.stabilityTable(g.stabilitet),
    C.exports(g.stabilitet, STABILITY_COLUMNS, {
      title: `Stabilitet af sammenligningsgrupperne: ${s.omraade.navn}, ${s.aar} (${boot.used} gentagelser, seed ${boot.seed})`,
      filename: `stabilitet-${s.omraade.id}-${s.aar}`
    }),
    g.valgtAndel ? el("p", {}, g.valgtAndel) : null
  );
}

/** The municipality's group in each year with the same settings. */
export function yearSection(m: CalculatorModel): HTMLElement {
  const { s, r } = m;
  if (!r) return C.staleCard("aar", "Gruppen over årene");
  return C.card(
    "aar",
    "Gruppen over årene",
    `${s.kommune.navn}s gruppe med de samme indstillinger i hvert år, og hvor mange af medlemmerne der også er i gruppen i ${s.aar}`,
    C.yearTable(m.aarene, s.aar, s.N),
    C.exports(m.aarene, yearColumns(s.aar), {
      title: `${s.kommune.navn}s sammenligningsgruppe over årene: ${s.omraade.navn}`,
      filename: `gruppe-over-aar-${s.omraade.id}-${s.kommune.kommunekode}`
    }),
    el("p", { class: "kt-muted" }, yearKindNote(s.omraade.aar, s.omraade.standardaar).trim())
  );
}

/** Municipalities left out for missing data. */
export function excludedSection(m: CalculatorModel, ctx: CalculatorContext): HTMLElement {
  const { s, r } = m;
  if (!r) return C.staleCard("udeladt", "Udeladte kommuner");
  return el(
    "div",
    { id: "kt-udeladt", "data-section": "udeladt" },
    r.excluded.length
      ? [
          el(
            "p",
            {},
            el("strong", {}, `Udeladt pga. manglende data (${r.excluded.length} kommuner):`),
            ` ${m.udeladte.map((e) => `${e.navn} (mangler ${e.mangler})`).join("; ")}.`
          ),
          C.exports(m.udeladte, EXCLUDED_COLUMNS, {
            title: `Kommuner udeladt pga. manglende data: ${s.omraade.navn}, ${s.aar}`,
            filename: `udeladte-${s.omraade.id}-${s.aar}`,
            sheet: "Udeladt"
          })
        ]
      : el(
          "p",
          {},
          `Alle ${ctx.koder.length} kommuner har data for udfaldet og alle valgte variable i ${s.aar}; ingen er udeladt.`
        )
  );
}

/** The candidates' means and standard deviations and why each is a candidate. */
export function variableSection(m: CalculatorModel): HTMLElement {
  const { s, r } = m;
  if (!r) return C.staleCard("variable", "Kandidatvariable");
  return C.card(
    "variable",
    "Kandidatvariable",
    "Gennemsnit og standardafvigelse over kommunerne i modellen (af logaritmen, hvis logaritmeret), og hvorfor de er kandidater",
    C.variableTable(m.variable, formatSignificant),
    C.exports(m.variable, VARIABLE_COLUMNS, {
      title: `Kandidatvariable: ${s.omraade.navn}, ${s.aar}`,
      filename: `variable-${s.omraade.id}-${s.aar}`
    })
  );
}

/** The published default-group files, with their sizes. */
export function standardFiles(files: Record<string, { size: number }>): HTMLElement {
  const sizes = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, f.size]));
  return el(
    "ul",
    {},
    standardFileRows(sizes).map((f) =>
      el("li", {}, el("a", { href: `./filer/${f.fil}` }, el("code", {}, `filer/${f.fil}`)), ` (${f.kb}): ${f.tekst}`)
    )
  );
}

/** The command line that repeats the calculation (in current prices: the command line has no price option). */
export function cliSection(m: CalculatorModel): HTMLElement {
  return C.cliBlock(m.cli);
}
