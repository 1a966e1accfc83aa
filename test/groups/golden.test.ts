/**
 * Golden numbers from R 4.2.2 on the real key figures (folkeskole, 2018, all 98
 * municipalities), reproducible with the committed script (see test/groups/README.md):
 *
 *   npx tsx test/groups/golden-data.ts > test/.tmp/golden-folkeskole-2018.csv
 *   Rscript test/groups/golden.R test/.tmp/golden-folkeskole-2018.csv
 *
 * The input has one row per kommunekode and the columns `udg-til-folkeskolen-pr-6-16-aarig`
 * (the outcome) and the 10 ids of VARS below, written from the project's parser
 * (`buildNoegletal().values`; the same values as dist/filer/noegletal.parquet, for which
 * the README gives the DuckDB PIVOT). So these tests check the statistics, not the parser.
 *
 * What golden.R does (x1..x10 = the ids of VARS in order; the two `log: true` ones,
 * befolkningstaethed-indb-km2 and statsborgere-fra-ikke-vestlige-lande-pr-10-000-indb,
 * are log-transformed first):
 *
 *   Z <- scale(X); df <- data.frame(y = d[["udg-til-folkeskolen-pr-6-16-aarig"]], Z)
 *   fit <- lm(y ~ ., data = df); s <- summary(fit)                         # full model
 *   repeat { f <- lm(reformulate(keep, "y"), data = df); p <- summary(f)$coefficients[-1, 4]
 *            if (max(p) <= 0.05) break; keep <- keep[-which.max(p)] }      # elimination
 *   D  <- as.matrix(dist(sweep(Z[, keep], 2, coef(f)[-1], "*")))           # beta
 *   DE <- as.matrix(dist(Z[, keep]))                                        # euclid
 *   DM <- sapply(1:98, function(j) sqrt(mahalanobis(Z[, keep], Z[j, keep], cov(Z[, keep]))))
 *   DN <- abs(outer(fitted(f), fitted(f), "-"))                             # need
 *   nb <- function(D, k) { r <- D[k, ]; r <- r[names(r) != k]; names(r)[order(r, names(r))][1:10] }
 *
 * Tolerances: coefficients, SEs and t to 1e-9 relative (R prints 15 digits; both use
 * QR), p-values to 1e-8 relative, R², F, σ to 1e-10 relative, VIF to 1e-8 relative.
 */
import { describe, expect, test } from "vitest";
import { computeGroups, type GroupsResult, groupsInput, INTERCEPT } from "../../common/groups/index.js";
import { buildKommuner } from "../../loaders/datasets.js";
import { figureIndex } from "../../loaders/groups.js";

const OUTCOME = "udg-til-folkeskolen-pr-6-16-aarig";
const VARS = [
  { id: "andel-6-16-aarige" },
  { id: "befolkningstaethed-indb-km2", log: true },
  { id: "befolkningsandel-i-bymaessig-bebyggelse" },
  { id: "sociooekonomisk-indeks" },
  { id: "udgiftsbehov-landet-pr-indb" },
  { id: "beskatningsgrundlag-pr-indb" },
  { id: "andel-25-64-aarige-uden-erhvervsuddannelse" },
  { id: "andel-25-64-aarige-med-videregaaende-uddannelse" },
  { id: "andel-almennyttige-boliger" },
  { id: "statsborgere-fra-ikke-vestlige-lande-pr-10-000-indb", log: true }
];

function run(options: Parameters<typeof computeGroups>[1]): GroupsResult {
  const koder = buildKommuner().map((k) => k.kommunekode);
  return computeGroups(groupsInput(figureIndex(), koder, OUTCOME, VARS, 2018), options);
}

function close(actual: number, expected: number, rel: number) {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(rel * Math.abs(expected));
}

const neighboursOf = (r: GroupsResult, kode: string) =>
  r.neighbours[r.kommunekoder.indexOf(kode)].map((n) => n.kommunekode).join(" ");

describe("full model (α = 1) against R lm()", () => {
  const r = run({ alpha: 1 });
  // print(summary(fit)$coefficients)
  //                Estimate           Std. Error          t value              Pr(>|t|)
  const R = [
    [50538.989795918344, 676.104432899978, 74.750271314069337, 1.01649506526471e-80],
    [-4393.113072540084, 1558.063698994698, -2.819597860713031, 5.9534921378222e-3],
    [1920.938798392595, 1926.507832357069, 0.997109259629814, 3.21476731126935e-1],
    [523.898366617499, 1778.901234229403, 0.294506719393247, 7.6907229723241e-1],
    [-20766.919292782386, 5902.955189204432, -3.518054707710095, 6.93620498091308e-4],
    [17977.262977554863, 4962.703620526156, 3.622473625706642, 4.90107597274313e-4],
    [-3767.590131681506, 1855.960299579917, -2.029995001797329, 4.54118890619207e-2],
    [-413.165271917647, 2572.658827529046, -0.160598547890036, 8.72781918735187e-1],
    [424.072202678901, 2288.168272149568, 0.185332612046279, 8.53399552472303e-1],
    [1839.991940684852, 1581.355935538506, 1.163553314806556, 2.47786333038056e-1],
    [2767.989158644544, 1749.1462847856, 1.582480083410421, 1.17168757999439e-1]
  ];
  test("coefficients, standard errors, t and p", () => {
    expect(r.model.terms.map((t) => t.id)).toEqual([INTERCEPT, ...VARS.map((v) => v.id)]);
    r.model.terms.forEach((t, i) => {
      close(t.beta, R[i][0], 1e-9);
      close(t.se, R[i][1], 1e-9);
      close(t.t, R[i][2], 1e-9);
      close(t.p, R[i][3], 1e-8);
    });
  });
  test("R², adjusted R², F, its p-value and residual SE", () => {
    // cat(s$r.squared, s$adj.r.squared, s$fstatistic, s$sigma)
    // 0.258145297925601 0.172874642514751 3.02736382969977 10 87 6693.09241011403
    // pf(3.02736382969977, 10, 87, lower.tail = FALSE) → 0.00248383862214642
    close(r.model.r2, 0.258145297925601, 1e-10);
    close(r.model.adjR2, 0.172874642514751, 1e-10);
    close(r.model.f!, 3.02736382969977, 1e-10);
    expect(r.model.df).toBe(87);
    close(r.model.fP!, 0.00248383862214642, 1e-8);
    close(r.model.sigma, 6693.09241011403, 1e-10);
  });
  test("VIF per variable", () => {
    // diag(solve(cor(Z)))
    const vif = [
      5.25640125179905, 8.0363649300751, 6.85206958354997, 75.44962134480409, 53.32793541789619, 7.45856804071124,
      14.33119759911837, 11.33689202838552, 5.41473688156932, 6.62476314659222
    ];
    r.model.terms.slice(1).forEach((t, i) => close(t.vif!, vif[i], 1e-8));
    expect(r.model.terms[0].vif).toBeNull();
  });
});

describe("backward elimination (α = 0.05) and distances against R", () => {
  const r = run({});
  test("removes the same variables in the same order, with the same p-values", () => {
    // drop x7 0.872781918735187; drop x3 0.777946874664139; drop x8 0.673781150803944
    // drop x2 0.233300817248734; drop x6 0.0624235809673054; drop x10 0.322180534984555
    const expected: [number, number][] = [
      [7, 0.872781918735187],
      [3, 0.777946874664139],
      [8, 0.673781150803944],
      [2, 0.233300817248734],
      [6, 0.0624235809673054],
      [10, 0.322180534984555]
    ];
    const removed = r.steps.filter((s) => s.removed).map((s) => s.removed!);
    expect(removed.map((x) => x.id)).toEqual(expected.map(([i]) => VARS[i - 1].id));
    removed.forEach((x, i) => close(x.p, expected[i][1], 1e-8));
    expect(r.steps).toHaveLength(7);
    expect(r.steps[6].removed).toBeNull();
  });
  test("final model", () => {
    // summary(f)$coefficients; r2 0.205823623696794 adj 0.171665499984828
    const R = [
      ["(Intercept)", 50538.98979591835, 676.598437868484, 8.02005017512277e-85],
      ["andel-6-16-aarige", -2988.34500538769, 1074.618299720714, 6.56313839037539e-3],
      ["sociooekonomisk-indeks", -9032.57931187963, 2980.484901081115, 3.16107841572346e-3],
      ["udgiftsbehov-landet-pr-indb", 8253.94049262804, 2452.064190390011, 1.10959559392522e-3],
      ["andel-almennyttige-boliger", 2985.73864347864, 1005.575730822355, 3.79784360150797e-3]
    ] as const;
    expect(r.kept).toEqual(R.slice(1).map((x) => x[0]));
    r.model.terms.forEach((t, i) => {
      expect(t.id).toBe(R[i][0]);
      close(t.beta, R[i][1], 1e-9);
      close(t.se, R[i][2], 1e-9);
      close(t.p, R[i][3], 1e-8);
    });
    close(r.model.r2, 0.205823623696794, 1e-10);
    close(r.model.adjR2, 0.171665499984828, 1e-10);
    // resid(f) and fitted(f) for 101: 2524.14060868088 46121.8593913191
    const i = r.kommunekoder.indexOf("101");
    close(r.residual[i], 2524.14060868088, 1e-9);
    close(r.predicted[i], 46121.8593913191, 1e-12);
  });
  test("β-weighted distances and neighbours", () => {
    // D["101","147"] 13279.1856677101; D["851","751"] 2290.83022508722
    const n = r.n;
    const at = (a: string, b: string) => r.distance[r.kommunekoder.indexOf(a) * n + r.kommunekoder.indexOf(b)];
    close(at("101", "147"), 13279.1856677101, 1e-10);
    close(at("851", "751"), 2290.83022508722, 1e-10);
    expect(neighboursOf(r, "101")).toBe("461 751 851 260 707 813 561 730 479 370");
    expect(neighboursOf(r, "147")).toBe("851 336 563 270 751 706 265 250 661 410");
    expect(neighboursOf(r, "461")).toBe("260 561 813 730 707 479 217 329 370 860");
    expect(neighboursOf(r, "751")).toBe("851 461 101 730 260 370 320 147 615 657");
    expect(neighboursOf(r, "851")).toBe("751 657 661 320 461 336 253 147 370 730");
    expect(neighboursOf(r, "825")).toBe("492 741 482 773 376 400 550 540 665 330");
  });
  test("Euclidean, Mahalanobis and need distances", () => {
    const e = run({ method: "euclid" });
    expect(neighboursOf(e, "101")).toBe("751 461 851 147 813 707 306 260 400 390");
    expect(neighboursOf(e, "461")).toBe("813 851 751 561 260 330 707 479 730 390");
    expect(neighboursOf(e, "851")).toBe("751 461 813 260 561 707 730 101 479 370");
    const m = run({ method: "mahalanobis" });
    expect(neighboursOf(m, "101")).toBe("751 147 461 851 187 260 561 730 336 370");
    expect(neighboursOf(m, "461")).toBe("851 751 561 260 730 330 161 370 265 607");
    expect(neighboursOf(m, "851")).toBe("751 461 147 813 260 265 561 707 161 336");
    // DM["101","147"] 2.75957990294458
    close(m.distance[m.kommunekoder.indexOf("101") * m.n + m.kommunekoder.indexOf("147")], 2.75957990294458, 1e-10);
    const d = run({ method: "need" });
    expect(neighboursOf(d, "101")).toBe("157 350 840 201 746 240 269 710 615 766");
    expect(neighboursOf(d, "461")).toBe("820 316 787 751 430 250 671 326 440 259");
    expect(neighboursOf(d, "851")).toBe("155 550 260 173 561 190 573 510 773 183");
  });
});
