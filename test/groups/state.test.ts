/** The page's settings survive a round trip through the URL; junk is ignored. */
import { describe, expect, test } from "vitest";
import { type PageState, parseState, stateToSearch } from "../../common/groups/state.js";

describe("URL state", () => {
  test("round trip", () => {
    const s: PageState = {
      omraade: "aeldre",
      aar: 2017,
      kommune: "851",
      vars: ["a-b", "c"],
      log: ["c"],
      alpha: 0.1,
      metode: "weights",
      n: 5,
      vaegte: { "a-b": 2, c: 0.5 },
      gentagelser: 200,
      seed: 7,
      genvalg: true
    };
    const q = stateToSearch(s);
    expect(q).toBe(
      "omraade=aeldre&aar=2017&kommune=851&vars=a-b,c&log=c&alpha=0.1&metode=weights&n=5&vaegte=a-b:2,c:0.5&gentagelser=200&seed=7&genvalg=1"
    );
    expect(parseState("?" + q)).toEqual(s);
  });
  test("malformed values are dropped, not guessed", () => {
    expect(parseState("?aar=abc&kommune=1010&alpha=2&metode=manhattan&n=0&vars=ok,<script>&vaegte=x:-1,y:2")).toEqual({
      vars: ["ok"],
      vaegte: { y: 2 }
    });
    expect(parseState("")).toEqual({});
  });
});
