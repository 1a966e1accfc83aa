/**
 * What /om computes from /filer/statbank.json: the sentence on prices, and the table of the
 * difference between the noegletal.dk export and Statistics Denmark's NGLK where both have a
 * figure's year (loaders/dst/join.ts). Pure and typed; tested in test/views/om.test.ts.
 */
import { formatNumber } from "../format.js";

export interface StatbankOm {
  prisindeks: { grundlag: string; basisaar: number } | null;
  faste_priser_utilgaengelige: string | null;
  aarstype_regel: string;
  nglk_koblinger: { noegle: string; id: string; note: string }[];
  overlap:
    | {
        id: string;
        noegle: string;
        aar: number;
        aarstype: "regnskab" | "budget";
        n: number;
        gns_forskel: number;
        gns_abs_forskel_pct: number;
        stoerste_abs_forskel_pct: number;
      }[]
    | null;
}

/** The sentence on current and fixed prices. */
export function priceStatement(s: Pick<StatbankOm, "prisindeks" | "faste_priser_utilgaengelige">): string {
  if (!s.prisindeks) return `Alle nøgletal vises i løbende priser. ${s.faste_priser_utilgaengelige ?? ""}`.trim();
  return (
    `Nøgletal i kroner kan vises i løbende eller faste priser (kontakten på forsiden, nøgletalssiden, kommunesiderne og i beregneren af sammenligningsgrupper). ` +
    `Faste priser beregnes med et prisindeks afledt af ${s.prisindeks.grundlag} (${s.prisindeks.basisaar} = 100), fra den seneste «npm run opdater»; ` +
    "tallene vises i priserne for det seneste viste år. Andre nøgletal (andele, antal, indeks) ændres ikke."
  );
}

/** The overlap table's header and rows as display text (Danish numbers); null when there is no refreshed snapshot. */
export function overlapTable(
  s: Pick<StatbankOm, "overlap" | "nglk_koblinger">,
  titel: (id: string) => string
): { kolonner: string[]; raekker: string[][] } | null {
  if (!s.overlap) return null;
  return {
    kolonner: [
      "Nøgletal",
      "NGLK",
      "År",
      "Kommuner",
      "Gns. forskel (noegletal.dk − NGLK), kr.",
      "Gns. afvigelse, pct.",
      "Største afvigelse, pct."
    ],
    raekker: s.overlap.map((o) => [
      titel(o.id),
      o.noegle,
      o.aarstype === "budget" ? `${o.aar} (budget)` : String(o.aar),
      String(o.n),
      formatNumber(o.gns_forskel, 1),
      formatNumber(o.gns_abs_forskel_pct, 2),
      formatNumber(o.stoerste_abs_forskel_pct, 2)
    ])
  };
}

/** One line per NGLK figure joined onto a noegletal.dk figure: "SER → Serviceudgifter pr. indb. (note)". */
export function nglkLinkLines(s: Pick<StatbankOm, "nglk_koblinger">, titel: (id: string) => string): string[] {
  return s.nglk_koblinger.map((m) => `${m.noegle} → ${titel(m.id)} (${m.note})`);
}
