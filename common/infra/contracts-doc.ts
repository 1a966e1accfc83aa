/**
 * The extract contracts as Markdown tables (name, type, meaning, example) for data/README.md.
 * A test checks that data/README.md contains exactly this text, so the documentation cannot
 * drift from the checks.
 */
import { CONTRACTS, type ColumnSpec, EXTRACT_KINDS, VALUE_DESCRIPTIONS } from "./contracts.js";

const typeText = (c: ColumnSpec) =>
  `${c.type}${c.optional ? " (må være tom)" : ""}: ${VALUE_DESCRIPTIONS[c.type]}${c.values && c.name !== "status" ? ` (${c.values.join(", ")})` : ""}`;

export function contractsMarkdown(): string {
  return EXTRACT_KINDS.map((kind) => {
    const c = CONTRACTS[kind];
    const rows = c.columns.map((col) => `| \`${col.name}\` | ${typeText(col)} | ${col.meaning} | \`${col.example}\` |`);
    return [
      `### \`${c.prefix}*.csv\`: ${c.title}`,
      "",
      `${c.grain[0].toUpperCase()}${c.grain.slice(1)}. Nøgle: ${c.key.map((k) => `\`${k}\``).join(" + ")}${c.measure ? `; afstemmes på \`${c.measure}\`` : ""}.` +
        (c.timeColumn ? ` Parquet opdeles i \`year=\`/\`month=\` efter \`${c.timeColumn}\`.` : "") +
        (c.recordNumbers === false
          ? " Parquet har ingen `kilderaekke` (rækkens nummer i filen): nøglen identificerer rækken. Afviste rækker nævnes stadig med fil, linje og kolonne."
          : ""),
      "",
      "| kolonne | type | betydning | eksempel |",
      "|---|---|---|---|",
      ...rows
    ].join("\n");
  }).join("\n\n");
}
