/** Moved to common/danish-number.ts (pure, shared with the browser's file check); re-exported for the loaders. */
export * from "../../common/danish-number.js";
