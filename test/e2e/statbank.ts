/**
 * /filer/statbank.json as a build after `npm run opdater` against the replay server (test/dst/replay-server.ts)
 * would publish it: the price index is derived from the replayed NGLK fixtures by the refresh's own code, in a
 * temporary data folder that is removed again. Shared by the browser tests of the price switch (front, years,
 * kommune, groups); `serveStatbank` makes the built site read it instead of the embedded (unrefreshed) file.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { DAWA_KODER } from "../../loaders/dst/kommunekoder.js";
import { readSnapshot } from "../../loaders/dst/nglk.js";
import { type StatbankSummary, statbankSummary } from "../../loaders/dst/publish.js";
import { refresh } from "../../loaders/dst/snapshot.js";
import { StatbankClient } from "../../loaders/dst/statbank.js";
import { startReplay } from "../dst/replay-server.js";

/**
 * Refresh NGLK from the replay server and summarise it as the build does. `overlap` also computes the
 * noegletal.dk ↔ NGLK overlap over the embedded key figures (slower; only /om's test needs it).
 */
export async function refreshedStatbank(opts: { overlap?: boolean } = {}): Promise<StatbankSummary> {
  const out = mkdtempSync(join(tmpdir(), "kommunetal-priser-"));
  const replay = await startReplay();
  try {
    const client = new StatbankClient({ baseUrl: replay.url, retries: 1, backoffMs: 1, timeoutMs: 10_000 });
    await refresh({
      client,
      apiUrl: replay.url,
      out,
      tables: ["NGLK"],
      kommunekoder: DAWA_KODER(),
      now: () => new Date()
    });
    const snapshot = readSnapshot(join(out, "statbank"));
    return opts.overlap ? statbankSummary(snapshot) : statbankSummary(snapshot, () => []);
  } finally {
    await replay.close();
    rmSync(out, { recursive: true, force: true });
  }
}

/** Serve `summary` wherever the site reads /filer/statbank.json (Framework's published copy). */
export async function serveStatbank(context: BrowserContext, summary: StatbankSummary): Promise<void> {
  await context.route(/\/filer\/statbank\.json$/, (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(summary) })
  );
}
