/**
 * The malformed-file corpus (test/fixtures/malformed/cases.ts) through the browser check's entry function
 * (`validateStream`, what the Web Worker of /datakvalitet runs; common/views/datakvalitet-fil.ts) AND through
 * `npm run validate`'s own code: for every file both paths must name the case's rule with its message and line,
 * so the shared module (common/validate/file.ts) gives the same answer in the browser as on the command line.
 * The worker gets the context the build writes into datakvalitet.json (cliFileContext).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { FileCheckOptions } from "../../common/views/datakvalitet-fil.js";
import { validateStream } from "../../common/views/datakvalitet-fil.js";
import { cliFileContext, validatePaths } from "../../loaders/cli/validate.js";
import { CASES } from "../fixtures/malformed/cases.js";

const DIR = "test/fixtures/malformed";

/** The bytes as a stream of `size`-byte chunks, as File.stream() hands them to the worker. */
function streamOf(bytes: Uint8Array, size = 65_536): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) controller.close();
      else {
        controller.enqueue(bytes.slice(at, at + size));
        at += size;
      }
    }
  });
}

let options: Omit<FileCheckOptions, "fileName"> | undefined;
function opts(): Omit<FileCheckOptions, "fileName"> {
  if (options) return options;
  const ctx = cliFileContext();
  options = { kommunekoder: ctx.kommunekoder, katalog: ctx.katalog, noegletal: ctx };
  return options;
}

describe("every malformed file gives the same rule, message and line in the worker as on the command line", () => {
  test.each(CASES.map((c) => [c.file, c] as const))("%s", async (_name, c) => {
    const cli = (await validatePaths([join(DIR, c.file)])).filer[0].fund;
    const worker = (await validateStream(streamOf(readFileSync(join(DIR, c.file))), { ...opts(), fileName: c.file }))
      .findings;
    const cliHits = cli.filter((f) => f.regel === c.rule && c.message.test(f.besked));
    const hits = worker.filter((f) => f.rule === c.rule && c.message.test(f.message));
    expect(cliHits.length, `command line: ${c.file}`).toBeGreaterThan(0);
    expect(hits.length, `${c.file}: ${worker.map((f) => `${f.rule}: ${f.message}`).join("\n")}`).toBeGreaterThan(0);
    if (c.line !== undefined) expect(hits.map((h) => h.line)).toContain(c.line);
    // errors (fejl) exactly when the command line finds errors
    expect(
      worker.some((f) => f.severity === "fejl"),
      c.file
    ).toBe(c.exit !== 0);
  });
});
