// The command line `npm run --silent spoerg -- "<spørgsmål>" --json`, run as a process.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WORKSPACE_TABLES, writeWorkspaceDb } from "../../loaders/workspace-db.js";

const run = (...args: string[]) =>
  JSON.parse(
    execFileSync("npx", ["tsx", "loaders/cli/spoerg.ts", ...args, "--json"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"]
    })
  );

describe("spoerg CLI", () => {
  it("answers one value, a ranking and a refusal as JSON", () => {
    const [one, rank, no] = run(
      "Hvad bruger Aalborg pr. elev i folkeskolen i 2017?",
      "Hvilke kommuner har flest indbyggere i 2019?",
      "vejret i Aalborg"
    );
    expect(one.status).toBe("ok");
    expect(one.forstaaet).toMatchObject({
      noegletal: ["udg-til-folkeskolen-pr-elev"],
      kommuner: ["851"],
      aar: [2017],
      operation: "vaerdi"
    });
    expect(one.svar).toMatchObject({ enhed: "kr. pr. elev", kommunekode: "851", aar: 2017 });
    expect(typeof one.svar.vaerdi).toBe("number");
    expect(one.sql).toMatch(/FROM noegletal n JOIN kommuner/);
    expect(rank.svar.raekke[0]).toMatchObject({ kommunekode: "101", navn: "København" });
    expect(rank.svar.raekke).toHaveLength(10);
    expect(no.status).toBe("afvist");
    expect(no.begrundelse).toMatch(/vejret/);
    expect(no.forslag.length).toBeGreaterThan(0);
  }, 120_000);

  it("--db answers over a workspace database file, the same as the in-memory tables (comparison group)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "spoerg-cli-"));
    try {
      const file = join(dir, "kommunetal.duckdb");
      await writeWorkspaceDb(
        file,
        WORKSPACE_TABLES.filter((t) =>
          ["kommuner", "noegletal", "noegletal_katalog", "kdk_placeringer"].includes(t.name)
        ),
        []
      );
      const q = "Hvordan ligger Aarhus i forhold til sin sammenligningsgruppe på udgifter pr. elev i 2018?";
      const fromFile = run(q, "--db", file);
      const inMemory = run(q);
      expect(fromFile.status).toBe("ok");
      expect(fromFile.forstaaet).toMatchObject({ kommuner: ["751"], aar: [2018], sammenlign: "gruppe" });
      expect(fromFile.svar.kommuner.map((r: { kommunekode: string }) => r.kommunekode)).toEqual(["751", "gruppe-751"]);
      expect(fromFile.svar).toEqual(inMemory.svar);
      expect(fromFile.saetning).toMatch(/sammenligningsgruppen for folkeskole/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
