/**
 * Every threshold of the validation rules, in one place, with the reason for its value.
 * They were chosen from textbook conventions and the shape of the problem (data errors are
 * large), before the rules were run on the real key figures; they are not tuned to make the
 * real or the demo data look clean or dirty (README, "Regler, genfinding og præcision").
 */
export const THRESHOLDS = {
  /** MAD → standard deviation for normal data (1/Φ⁻¹(3/4) = 1.4826): a robust z is (x − median) / (1.4826 · MAD) */
  madToSd: 1.4826,
  /**
   * afvig.gruppe / afvig.land: |robust z| above 3.5 is an outlier (Iglewicz & Hoaglin 1993,
   * "How to Detect and Handle Outliers": modified z-score 0.6745 (x − median) / MAD > 3.5).
   */
  outlierZ: 3.5,
  // (positive values are compared on the log scale: amounts and rates across municipalities are
  // right-skewed, roughly log-normal, so a linear z would call every large city an outlier)
  /** a comparison set needs at least this many other municipalities with a value (a median of fewer is not robust) */
  minReference: 5,
  /** serie.*: the own history needs at least this many earlier values (3 is the fewest with a meaningful MAD) */
  minHistory: 3,
  /** serie.*: the trailing window, in periods (12 months: one seasonal cycle; key figures: all earlier years, at most 12) */
  historyWindow: 12,
  /**
   * serie.niveauskift: |x − trailing median| / σ above 5, σ = max(1.4826 · MAD, 10 % of |median|).
   * A stricter z than for outliers, because a municipality's own series is short and
   * autocorrelated; the 10 % floor keeps a near-constant history (MAD ≈ 0) from flagging
   * ordinary growth: a shift must be at least 5 × 14.8 % ≈ 74 % of the level to count.
   */
  shiftZ: 5,
  shiftRelFloor: 0.1,
  /** serie.nul: a value at or below 5 % of the trailing median (the median itself above minLevel) is "(near) zero" */
  nearZero: 0.05,
  /**
   * afvig.enhed: a value within a factor 3 of 1,000× (or 1/1,000×) the median of the series' other values
   * (333-3,000×): a factor 1,000 is kr./1.000 kr., persons/thousands or a lost decimal separator
   * (three places); a factor 3 either side leaves room for real change and noise.
   */
  unitFactor: 1000,
  unitTolerance: 3,
  /** fuldstaendig.aar / serie.stopper: a period "should" have a value when at least half of the other municipalities have one */
  expectedShare: 0.5,
  /** konsistens.sum: |total − Σ parts| may be at most rounding (half a unit of the last decimal per term) + 0.1 % of the total */
  sumRelTolerance: 0.001,
  /** konsistens.pr_indbygger: |figure − numerator / denominator × scale| at most 2 % (population on 1 January vs the year's mean) */
  perInhabitantTolerance: 0.02,
  /** diskretion.smaatal: published counts from 1 to 4 persons/cases must be hidden (DST's and the municipalities' discretion rule) */
  smallCountMax: 4,
  /**
   * infrastructure: continuity rules only for a municipality × service whose trailing median is at least 20 calls
   * a month (below that, a handful of calls more or less is a large relative change and no sign of a lost delivery)
   */
  infraMinLevel: 20
} as const;
