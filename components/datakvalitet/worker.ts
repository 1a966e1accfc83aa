/**
 * Web Worker of `/datakvalitet`: validates a file the user dropped, in the browser, chunk by chunk, so a 100 MB file
 * never blocks the page and never leaves the machine (no request is made). Bundled at build time into one classic
 * script by src/workers/datakvalitet.js.ts (loaders/worker-bundle.ts); started by
 * components/datakvalitet/client.ts.
 *
 * Message in:   {file: File, opts: Omit<FileCheckOptions, "fileName">, mode?: "validate" | "parse"}
 *               ("parse" only decodes and splits the lines: the benchmark's baseline, bench/datakvalitet.bench.ts)
 * Messages out: {type: "progress", done, total} (bytes) … then {type: "done", result: FileResult}
 *               or {type: "error", message}.
 */
import { type FileCheckOptions, validateStream } from "../../common/views/datakvalitet-fil.js";

interface WorkerScope {
  onmessage:
    | ((e: MessageEvent<{ file: File; opts: Omit<FileCheckOptions, "fileName">; mode?: "validate" | "parse" }>) => void)
    | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;

/**
 * The file's bytes as a stream; `.gz` files are decompressed on the way (DecompressionStream). `count` is told how
 * many of the file's own bytes have been read (progress is in file bytes, compressed or not).
 */
function streamOf(file: File, count: (n: number) => void): ReadableStream<Uint8Array> {
  const raw = (file.stream() as ReadableStream<Uint8Array>).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        count(chunk.length);
        controller.enqueue(chunk);
      }
    })
  );
  return /\.gz$/i.test(file.name)
    ? raw.pipeThrough(new DecompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>)
    : raw;
}

scope.onmessage = async (e) => {
  const { file, opts, mode } = e.data;
  const t0 = performance.now();
  try {
    if (mode === "parse") {
      scope.postMessage({ type: "parsed", ...(await parseOnly(file)), ms: performance.now() - t0 });
      return;
    }
    let done = 0;
    let lastPost = 0;
    const stream = streamOf(file, (n) => {
      done += n;
    });
    const result = await validateStream(stream, { ...opts, fileName: file.name.replace(/\.gz$/i, "") }, () => {
      const now = performance.now();
      if (now - lastPost > 100) {
        lastPost = now;
        scope.postMessage({ type: "progress", done: Math.min(done, file.size), total: file.size });
      }
    });
    scope.postMessage({ type: "progress", done: file.size, total: file.size, phase: "regler" });
    result.ms = performance.now() - t0;
    scope.postMessage({ type: "done", result });
  } catch (error) {
    scope.postMessage({ type: "error", message: (error as Error).message ?? String(error) });
  }
};

/** The baseline: decode the file and split it into lines and fields, nothing else. */
async function parseOnly(file: File): Promise<{ lines: number; fields: number }> {
  const reader = streamOf(file, () => {}).getReader();
  const decoder = new TextDecoder("utf-8");
  let rest = "";
  let lines = 0;
  let fields = 0;
  for (;;) {
    const { value, done } = await reader.read();
    const text = rest + (done ? decoder.decode() : decoder.decode(value, { stream: true }));
    const parts = text.split("\n");
    rest = done ? "" : (parts.pop() ?? "");
    for (const l of parts) {
      if (l === "") continue;
      lines++;
      fields += l.split(";").length;
    }
    if (done) break;
  }
  return { lines, fields };
}
