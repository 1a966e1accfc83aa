/** View logic of /spoerg (pure): examples, the export table of an answer, chip options, the reproducing link. */
import type { Column } from "../export.js";
import type { SvarRow } from "../spoerg/answer.js";
import type { Index } from "../spoerg/parse.js";
import type { Forstaaet } from "../spoerg/types.js";

export const EKSEMPLER = [
  "Hvad bruger Aalborg pr. elev i folkeskolen?",
  "Hvilke kommuner har den laveste skatteprocent?",
  "Sammenlign ledighed i Kobenhavn og Bronderslev 2016",
  "udvikling i klassekvotient i Aarhus siden 2014",
  "gennemsnitlig skatteprocent i Region Syddanmark 2018",
  "skatteprocent i Herning i forhold til landet"
];

export const SPOERG_KILDE = "Social- og Indenrigsministeriet, Kommunale Nøgletal (noegletal.dk)";

export function exportColumns(decimaler: number, enhed: string): Column<SvarRow>[] {
  return [
    { key: "kode", label: "Kommunekode" },
    { key: "navn", label: "Navn" },
    { key: "aar", label: "År" },
    { key: "vaerdi", label: `Værdi (${enhed})`, decimals: decimaler },
    { key: "status", label: "Status" }
  ];
}

/** Link that reproduces a conversation: the questions in order, as ?q=…&q=… */
export function shareLink(base: string, questions: string[]): string {
  const p = new URLSearchParams();
  for (const q of questions) p.append("q", q);
  return `${base}?${p.toString()}`;
}

export interface ChipOptions {
  figurer: { value: string; label: string }[];
  kommuner: { value: string; label: string }[];
  aar: number[];
}

/** Choices for the editable chips of an answer: every figure with data, every municipality, the figure's years. */
export function chipOptions(idx: Index, q: Forstaaet): ChipOptions {
  const f = idx.figurById.get(q.noegletal[0])!;
  return {
    figurer: idx.katalog.figurer.filter((x) => x.aar.length).map((x) => ({ value: x.id, label: x.titel })),
    kommuner: [...idx.katalog.kommuner]
      .sort((a, b) => a.navn.localeCompare(b.navn, "da"))
      .map((k) => ({ value: k.kommunekode, label: k.navn })),
    aar: f.aar
  };
}

/** A chip change: a new figure keeps municipalities and moves years into the figure's range. */
export function changeQuery(
  idx: Index,
  q: Forstaaet,
  change: { figur?: string; kommune?: [number, string]; aar?: number }
): Forstaaet {
  const next: Forstaaet = { ...q, kommuner: [...q.kommuner], aar: [...q.aar] };
  if (change.figur) {
    next.noegletal = [change.figur];
    const years = idx.figurById.get(change.figur)!.aar;
    const kept = next.aar.filter((y) => years.includes(y));
    next.aar = kept.length ? kept : next.operation === "udvikling" ? years : [years[years.length - 1]];
  }
  if (change.kommune) next.kommuner[change.kommune[0]] = change.kommune[1];
  if (change.aar !== undefined) next.aar = [change.aar];
  next.aarAutomatisk = false;
  return next;
}
