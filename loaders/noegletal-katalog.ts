/** Moved to common/noegletal-katalog.ts (pure, shared with the browser's file check); re-exported for the loaders. */
export * from "../common/noegletal-katalog.js";
