/** Moved to common/text.ts (pure, shared with the browser's file check); re-exported for the loaders. */
export * from "../../common/text.js";
