// Framework resolves `npm:` specifiers from its npm cache (filled from node_modules by
// scripts/npm-cache.ts). Give TypeScript the types of the same packages.
declare module "npm:exceljs" {
  import ExcelJS from "exceljs";
  export default ExcelJS;
}
