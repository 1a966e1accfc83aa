/**
 * Reconciliation: every loader accounts for what it read, what it wrote and what it
 * rejected (with reasons), prints that to stderr and refuses to write if the sums do
 * not add up. Nothing is lost silently.
 */
export interface Reconciliation {
  /** what the loader is called in the log, e.g. "noegletal" */
  loader: string;
  /** what a row is, e.g. "kommunerækker" */
  unit: string;
  read: number;
  written: number;
  rejected: { line?: number; reason: string }[];
  /** extra lines for the summary, e.g. non-missing cells per year */
  details?: string[];
}

export function reconcile(r: Reconciliation): string {
  const lines = [
    `[${r.loader}] læst ${r.read} ${r.unit}, skrevet ${r.written}, afvist ${r.rejected.length}`,
    ...groupRejects(r.rejected).map((g) => `[${r.loader}]   afvist ${g.count}× ${g.lines}: ${g.reason}`),
    ...(r.details ?? []).map((d) => `[${r.loader}]   ${d}`)
  ];
  if (r.read !== r.written + r.rejected.length) {
    throw new Error(
      `[${r.loader}] afstemning fejler: læst ${r.read} ≠ skrevet ${r.written} + afvist ${r.rejected.length}`
    );
  }
  return lines.join("\n");
}

/** Group identical reasons so a summary stays readable: "afvist 31× linje 2-32: …". */
function groupRejects(
  rejected: { line?: number; reason: string }[]
): { reason: string; count: number; lines: string }[] {
  const groups = new Map<string, number[]>();
  for (const r of rejected) {
    const lines = groups.get(r.reason) ?? [];
    if (r.line !== undefined) lines.push(r.line);
    groups.set(r.reason, lines);
  }
  return [...groups].map(([reason, lines]) => ({
    reason,
    count: Math.max(lines.length, rejected.filter((r) => r.reason === reason).length),
    lines:
      lines.length === 0
        ? ""
        : lines.length === 1
          ? `(linje ${lines[0]})`
          : `(linje ${lines[0]}-${lines[lines.length - 1]})`
  }));
}
