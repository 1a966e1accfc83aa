/** Types of the validation findings (./index.ts). */
import type { Finding } from "../rules/index.js";

export interface SeriesPoint {
  periode: string;
  vaerdi: number | null;
}

export interface ValidationFinding extends Finding {
  kilde: "noegletal" | "infrastruktur";
  /** key-figure id, or a service number ("SF1470") / IT-system name / data area for infrastructure */
  subject: string;
  /** Danish title for display */
  subjectLabel: string;
  /** observed value */
  vaerdi?: number;
  /** expected level (e.g. the trailing median, the group median, numerator/population) */
  forventet?: number;
  /** the subject's series for that municipality around the finding (for a small chart) */
  serie?: SeriesPoint[];
  /** last period of a finding that spans consecutive periods (outliers), when it does */
  periodeTil?: string;
}
