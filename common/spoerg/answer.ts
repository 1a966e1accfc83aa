/** Turns the rows of a compiled query into Spørg's answer: the JSON `svar` and a Danish sentence (pure). */
import { formatValue } from "../format.js";
import type { Forstaaet, SpoergFigur } from "./types.js";

export interface SvarRow {
  kode: string;
  navn: string;
  aar: number;
  vaerdi: number | null;
  status: string;
  /** comparison-group answers: the group's name and how many of its municipalities have a value */
  gruppe?: string;
  gruppe_antal?: number | null;
}

export type Svar =
  | { vaerdi: number | null; enhed: string; kommunekode: string; aar: number; status: string }
  | { raekke: { kommunekode: string; navn: string; vaerdi: number | null }[]; enhed: string; aar: number }
  | {
      kommuner: { kommunekode: string; navn: string; aar: number; vaerdi: number | null; status: string }[];
      enhed: string;
    };

export const KILDE = "Kilde: Social- og Indenrigsministeriet, Kommunale Nøgletal (noegletal.dk)";

export function normaliseRows(rows: Record<string, unknown>[]): SvarRow[] {
  return rows.map((r) => ({
    kode: String(r.kode),
    navn: String(r.navn),
    aar: Number(r.aar),
    vaerdi: r.vaerdi === null || r.vaerdi === undefined ? null : Number(r.vaerdi),
    status: String(r.status ?? "ok"),
    ...(r.gruppe !== undefined
      ? { gruppe: String(r.gruppe), gruppe_antal: r.gruppe_antal === null ? null : Number(r.gruppe_antal) }
      : {})
  }));
}

export function buildSvar(q: Forstaaet, figur: SpoergFigur, rows: SvarRow[]): Svar {
  if (q.operation === "vaerdi" && !q.sammenlign && rows.length === 1) {
    const r = rows[0];
    return { vaerdi: r.vaerdi, enhed: figur.enhed, kommunekode: r.kode, aar: r.aar, status: r.status };
  }
  if (q.operation === "rangering") {
    return {
      raekke: rows.map((r) => ({ kommunekode: r.kode, navn: r.navn, vaerdi: r.vaerdi })),
      enhed: figur.enhed,
      aar: q.aar[0]
    };
  }
  return {
    kommuner: rows.map((r) => ({ kommunekode: r.kode, navn: r.navn, aar: r.aar, vaerdi: r.vaerdi, status: r.status })),
    enhed: figur.enhed
  };
}

const fmt = (r: SvarRow, figur: SpoergFigur) => formatValue(r.vaerdi, r.status, figur.decimaler);

/** One or a few Danish sentences answering the question. */
export function sentence(q: Forstaaet, figur: SpoergFigur, rows: SvarRow[], regionNavn?: string): string {
  const unit = figur.enhed.replace(/\.$/, "");
  if (!rows.length) return `Der er ingen værdier for ${figur.titel} med de valgte kommuner og år.`;
  if (q.sammenlign === "gruppe" && q.operation !== "udvikling") return groupSentence(q, figur, rows, unit);
  switch (q.operation) {
    case "vaerdi":
    case "sammenligning":
    case "landstal":
      return q.aar
        .map((y) => {
          const parts = rows.filter((r) => r.aar === y).map((r) => `${r.navn}: ${fmt(r, figur)} ${unit}`);
          return `${figur.titel} i ${y}: ${parts.join("; ")}.`;
        })
        .join(" ");
    case "udvikling": {
      const byKode = new Map<string, SvarRow[]>();
      for (const r of rows) byKode.set(r.kode, [...(byKode.get(r.kode) ?? []), r]);
      return [...byKode.values()]
        .map((rs) => {
          const a = rs[0];
          const b = rs[rs.length - 1];
          const change =
            a.vaerdi !== null && b.vaerdi !== null && a.vaerdi !== 0
              ? ((b.vaerdi - a.vaerdi) / Math.abs(a.vaerdi)) * 100
              : null;
          return (
            `${figur.titel}, ${a.navn}: ${fmt(a, figur)} ${unit} i ${a.aar} og ${fmt(b, figur)} ${unit} i ${b.aar}` +
            (change !== null ? ` (${change >= 0 ? "+" : ""}${formatValue(change, "ok", 1)} %).` : ".")
          );
        })
        .join(" ");
    }
    case "rangering":
      return (
        `${q.retning === "lavest" ? "Lavest" : "Højest"} ${figur.titel.toLowerCase()} i ${q.aar[0]}${regionNavn ? ` i ${regionNavn}` : ""}: ` +
        rows.map((r, i) => `${i + 1}. ${r.navn} (${fmt(r, figur)})`).join(", ") +
        ` (${unit}).`
      );
    case "kort":
      return `${figur.titel} i ${q.aar[0]} for ${rows.length} kommuner, vist på kort.`;
    case "gennemsnit":
    case "median":
      return rows
        .map(
          (r) =>
            `${q.operation === "median" ? "Medianen" : "Gennemsnittet (uvægtet)"} af ${figur.titel.toLowerCase()} på tværs af ` +
            `${r.navn === "Alle kommuner" ? "alle kommuner" : `kommunerne i ${r.navn}`} i ${r.aar}: ${fmt(r, figur)} ${unit}.`
        )
        .join(" ");
  }
}

/** "Udgifter pr. elev i 2018: Aarhus 61.234 kr.; gennemsnittet af sammenligningsgruppen … 65.000 kr.; 5,8 % under." */
function groupSentence(q: Forstaaet, figur: SpoergFigur, rows: SvarRow[], unit: string): string {
  const out: string[] = [];
  for (const y of q.aar)
    for (const kode of q.kommuner) {
      const own = rows.find((r) => r.aar === y && r.kode === kode);
      const grp = rows.find((r) => r.aar === y && r.kode === `gruppe-${kode}`);
      if (!own) continue;
      let s = `${figur.titel} i ${y}: ${own.navn} ${fmt(own, figur)} ${unit}`;
      if (grp) {
        const name = (own.gruppe ?? "sammenligningsgruppen").replace(/^Sammenligningsgruppe/, "sammenligningsgruppen");
        s += `; gennemsnittet af ${name}, ${grp.gruppe_antal ?? 0} kommuner uden ${own.navn} selv: ${fmt(grp, figur)} ${unit}`;
        if (own.vaerdi !== null && grp.vaerdi !== null && grp.vaerdi !== 0) {
          const d = ((own.vaerdi - grp.vaerdi) / Math.abs(grp.vaerdi)) * 100;
          s += `. ${own.navn} ligger ${formatValue(Math.abs(d), "ok", 1)} % ${d >= 0 ? "over" : "under"} gruppen`;
        }
      }
      out.push(`${s}.`);
    }
  return out.join(" ");
}
