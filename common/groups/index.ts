/**
 * The comparison-group engine ("sammenligningsgrupper"): pure TypeScript, no Node or
 * DOM imports, used by the build-time loader, the command line, the page and the
 * bootstrap worker alike. See model.ts for the method.
 */
export { computeGroups, groupOverlap, backwardEliminate, prepare, termOf, DEFAULTS } from "./model.js";
export type { GroupsInput, GroupsOptions, GroupsResult, Series, Excluded, EliminationStep, Neighbour, VariableInfo, Overlap, DistanceMethod } from "./model.js";
export { bootstrapGroups, BOOTSTRAP_DEFAULTS } from "./bootstrap.js";
export type { BootstrapOptions, BootstrapResult } from "./bootstrap.js";
export { ols, INTERCEPT } from "./ols.js";
export type { OlsResult, Term } from "./ols.js";
export { METHODS, DISTANCE_TOLERANCE, compareDistance, distanceMatrix, rankMatrix } from "./distance.js";
export { GroupsError } from "./errors.js";
export type { GroupsErrorCode } from "./errors.js";
export { FigureIndex, groupsInput } from "./input.js";
export type { LongRow, VariableChoice } from "./input.js";
export { tTwoSidedP, fUpperP } from "./distributions.js";
