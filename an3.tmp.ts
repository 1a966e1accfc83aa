import { buildNoegletal, buildKommuner, buildBefolkning } from "./loaders/datasets.js";
const t = performance.now();
buildKommuner(); buildNoegletal(); buildBefolkning();
console.log("ok", performance.now() - t);
