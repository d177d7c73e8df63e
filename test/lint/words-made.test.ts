// The rules read most lines of a large file without making their words (Word objects, with their
// decoding and ranges): a check that reads `statement.args` of every server or ACL line makes them
// for the whole file, and on the 100x bench file that was 85 MB more allocated and a sixth more time
// for the command. Counted, not timed: the share of statements whose words a lint() made, on a
// generated file of the bench's shape with no problem in it.
import { describe, expect, it } from "vitest";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { resolveConfig } from "../../server/src/lint/config.js";
import { lint } from "../../server/src/lint/lint.js";
// @ts-expect-error the generator is plain JavaScript, shared with the benchmark
import { generateHaproxy } from "../../scripts/generate-haproxy.mjs";

describe("words made by the rules", () => {
  it("a lint of a large clean haproxy file makes the words of well under half of its statements", () => {
    const parsed = parseHaproxy(generateHaproxy({ backends: 200, serversPerBackend: 10 }));
    lint(parsed, resolveConfig({ haproxyVersion: "2.6" }, "test"));
    let statements = 0;
    let made = 0;
    for (const section of parsed.ast.sections) {
      for (const line of section.body) {
        if (line.kind !== "statement") continue;
        statements++;
        if ((line as unknown as { wordList?: unknown }).wordList !== undefined) made++;
      }
    }
    expect(statements).toBeGreaterThan(2500);
    // About 30% today (the lines the rules must read word by word); the regression it guards against: all.
    expect(made / statements).toBeLessThan(0.4);
  });
});
