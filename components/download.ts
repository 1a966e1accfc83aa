/**
 * Browser download buttons for tables: "Hent CSV" (Danish Excel) and "Hent Excel"
 * (XLSX). exceljs (≈900 kB) is loaded only when someone asks for an XLSX, from the
 * site's own copy (Framework's npm cache is filled from node_modules at build time).
 */
import { type Column, csvDanish, type ExcelJSLike, type ExportMeta, fileNameOf, xlsxBytes } from "../common/export.js";

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  meta: ExportMeta & { filename?: string }
): void {
  const name = `${meta.filename ?? fileNameOf(meta.title ?? "kommunetal")}.csv`;
  downloadBlob(new Blob([csvDanish(rows, columns, meta)], { type: "text/csv;charset=utf-8" }), name);
}

export async function downloadXlsx<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  meta: ExportMeta & { filename?: string; sheet?: string }
): Promise<void> {
  const ExcelJS = (await import("npm:exceljs")).default as unknown as ExcelJSLike;
  const bytes = await xlsxBytes(ExcelJS, rows, columns, meta);
  const name = `${meta.filename ?? fileNameOf(meta.title ?? "kommunetal")}.xlsx`;
  downloadBlob(
    new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
    name
  );
}

/**
 * Two buttons that download the table as CSV and XLSX. `rows` may be a function, so the
 * buttons always export what the page currently shows.
 */
export function exportButtons<T>(
  rows: readonly T[] | (() => readonly T[]),
  columns: readonly Column<T>[],
  meta: ExportMeta & { filename?: string; sheet?: string }
): HTMLElement {
  const get = () => (typeof rows === "function" ? (rows as () => readonly T[])() : rows);
  const wrap = document.createElement("div");
  wrap.className = "kt-export kt-noprint";
  const csv = document.createElement("button");
  csv.type = "button";
  csv.textContent = "Hent CSV";
  csv.title = "Semikolonsepareret, decimalkomma, UTF-8: åbner korrekt i dansk Excel";
  csv.dataset.export = "csv";
  csv.onclick = () => downloadCsv(get(), columns, meta);
  const xlsx = document.createElement("button");
  xlsx.type = "button";
  xlsx.textContent = "Hent Excel (XLSX)";
  xlsx.dataset.export = "xlsx";
  const status = document.createElement("span");
  status.className = "kt-muted";
  xlsx.onclick = async () => {
    xlsx.disabled = true;
    status.textContent = " Danner Excel-fil …";
    try {
      await downloadXlsx(get(), columns, meta);
      status.textContent = "";
    } catch (error) {
      status.textContent = ` Kunne ikke danne Excel-filen: ${(error as Error).message}`;
      status.className = "kt-error";
    } finally {
      xlsx.disabled = false;
    }
  };
  wrap.append(csv, " ", xlsx, status);
  if (meta.demo) {
    const badge = document.createElement("span");
    badge.className = "kt-demo-badge";
    badge.textContent = "Demodata";
    wrap.append(" ", badge);
  }
  return wrap;
}
