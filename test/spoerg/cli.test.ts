// The command line `npm run --silent spoerg -- "<spørgsmål>" --json`, run as a process.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

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
});
