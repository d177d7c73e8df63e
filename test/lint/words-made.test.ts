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

describe("words made by the keepalived rules", () => {
  it("a lint of a large keepalived file makes the words of few of its statements", async () => {
    // @ts-expect-error the generator is plain JavaScript, shared with the benchmark
    const { generateKeepalived } = await import("../../scripts/generate-keepalived.mjs");
    const { parseKeepalived } = await import("../../grammars/keepalived/parse.js");
    const parsed = parseKeepalived(generateKeepalived({ instances: 100, virtualServers: 100, realServersPerVs: 4 }));
    lint(parsed, resolveConfig({ keepalivedVersion: "2.2" }, "test"));
    let statements = 0;
    let made = 0;
    const visit = (items: readonly { kind: string; items?: readonly unknown[] }[]) => {
      for (const item of items) {
        if (item.kind === "block") visit((item as unknown as { items: readonly { kind: string }[] }).items);
        if (item.kind !== "statement") continue;
        statements++;
        if ((item as unknown as { made?: { parts?: { words?: unknown } } }).made?.parts?.words !== undefined) made++;
      }
    };
    visit(parsed.ast.items as never);
    expect(statements).toBeGreaterThan(2000);
    // About 5% today.
    expect(made / statements).toBeLessThan(0.2);
  });
});
