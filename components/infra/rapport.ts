/**
 * Browser components of the general report for all 98 (/infrastruktur/rapport): the three
 * steps' KPI cards. Tables use components/infra/ui.ts (Demodata badge, CSV/XLSX export).
 */
import { formatShare } from "../../common/format.js";
import type { RapportKpi } from "../../common/views/infrastruktur-rapport.js";
import { el } from "../kommune/dom.js";
import { type Ctx, demoBadge } from "./ui.js";

/** One card per step: the country's KPI, the spread over the municipalities and a sentence. */
export function kpiKort(kpier: readonly RapportKpi[], ctx: Ctx): HTMLElement {
  return el(
    "div",
    { class: "kt-cards kt-infra-headline kt-infra-kpier" },
    kpier.map((k) =>
      el(
        "section",
        { class: "card", "data-trin": k.trin },
        el("h2", {}, `Trin ${k.trin}: ${k.navn}`),
        el("p", { class: "big" }, formatShare(k.vaerdi, 0)),
        el("p", { class: "kt-small" }, k.kpi, "."),
        el(
          "p",
          { class: "kt-small" },
          `Kommunerne (${k.antal_kommuner}): median ${formatShare(k.median, 0)}, fra ${formatShare(k.min, 0)} til ${formatShare(k.max, 0)}. `,
          k.tekst,
          " ",
          demoBadge(ctx)
        )
      )
    )
  );
}
