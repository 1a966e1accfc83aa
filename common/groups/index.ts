/**
 * The comparison-group engine ("sammenligningsgrupper"): pure TypeScript, no Node or
 * DOM imports, used by the build-time loader, the command line, the page and the
 * bootstrap worker alike. See model.ts for the method.
 */

export type { BootstrapOptions, BootstrapResult } from "./bootstrap.js";
export { BOOTSTRAP_DEFAULTS, bootstrapGroups } from "./bootstrap.js";
export { compareDistance, DISTANCE_TOLERANCE, distanceMatrix, METHODS, rankMatrix } from "./distance.js";
export { fUpperP, tTwoSidedP } from "./distributions.js";
export type { GroupsErrorCode } from "./errors.js";
export { GroupsError } from "./errors.js";
export type { LongRow, VariableChoice } from "./input.js";
export { FigureIndex, groupsInput } from "./input.js";
export type {
  DistanceMethod,
  EliminationStep,
  Excluded,
  GroupsInput,
  GroupsOptions,
  GroupsResult,
  Neighbour,
  Overlap,
  Series,
  VariableInfo
} from "./model.js";
export { backwardEliminate, computeGroups, DEFAULTS, groupOverlap, prepare, termOf } from "./model.js";
export type { OlsResult, Term } from "./ols.js";
export { INTERCEPT, ols } from "./ols.js";
