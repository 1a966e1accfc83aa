/**
 * Start the file validation of /datakvalitet in a Web Worker (browser only). The worker script is the file
 * attachment built by src/workers/datakvalitet.js.ts; the File object is handed over as it is (structured clone of
 * a File shares the underlying bytes, nothing is copied or sent anywhere).
 */
import type { FileCheckOptions, FileResult } from "../../common/views/datakvalitet-fil.js";

export interface WorkerCallbacks {
  progress(done: number, total: number): void;
  done(result: FileResult): void;
  error(message: string): void;
}

/** @returns a function that stops the worker */
export function validateInWorker(
  url: string,
  file: File,
  opts: Omit<FileCheckOptions, "fileName">,
  cb: WorkerCallbacks
): () => void {
  const worker = new Worker(url);
  worker.onmessage = (e: MessageEvent) => {
    const m = e.data as { type: string; done?: number; total?: number; result?: FileResult; message?: string };
    if (m.type === "progress") cb.progress(m.done ?? 0, m.total ?? 0);
    else if (m.type === "done") {
      worker.terminate();
      cb.done(m.result!);
    } else if (m.type === "error") {
      worker.terminate();
      cb.error(m.message ?? "ukendt fejl");
    }
  };
  worker.onerror = (e) => {
    worker.terminate();
    cb.error(e.message || "baggrundstråden stoppede");
  };
  worker.postMessage({ file, opts });
  return () => worker.terminate();
}
