// A check in turns (what the language server runs) lets the event loop answer other requests
// between its rules, and finds exactly what the check in one go finds, edit after edit, even when
// the checks of successive versions are asked for before the earlier ones are done.
import { describe, expect, it } from "vitest";
import { HaproxyDocument } from "../../grammars/incremental/haproxy-document.js";
import { KeepalivedDocument } from "../../grammars/incremental/keepalived-document.js";
import { defaultConfig } from "../../server/src/lint/config.js";
import type { Problem } from "../../server/src/lint/report.js";
import { HaproxyLinter } from "../../server/src/service/incremental-lint-haproxy.js";
import { KeepalivedLinter } from "../../server/src/service/incremental-lint-keepalived.js";
// @ts-expect-error the generator is plain JavaScript, shared with the benchmark
import { generateHaproxy } from "../../scripts/generate-haproxy.mjs";
// @ts-expect-error the generator is plain JavaScript, shared with the benchmark
import { generateKeepalived } from "../../scripts/generate-keepalived.mjs";

const key = (problems: readonly Problem[]) => problems.map((p) => `${p.ruleId} ${p.range.start.offset}-${p.range.end.offset} ${p.message}`);

/** Counts the turns the event loop gets while `work` runs. */
async function turnsDuring<T>(work: Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let done = false;
  const tick = () => {
    if (done) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  const result = await work;
  done = true;
  return { result, turns };
}

describe("checks in turns", () => {
  it("let the event loop run between rules and find what a check in one go finds", async () => {
    const text = (generateHaproxy({ backends: 20, serversPerBackend: 2 }) as string).replace("balance roundrobin", "balance robin");
    const parse = new HaproxyDocument(text).result;
    const config = defaultConfig();
    const whole = new HaproxyLinter("file:///h.cfg").lint(parse, config);
    expect(whole.some((p) => p.ruleId !== "syntax")).toBe(true);
    // A turn budget of 0 ms: a turn after every rule.
    const { result, turns } = await turnsDuring(new HaproxyLinter("file:///h.cfg").lintInTurns(parse, config, [], 0));
    expect(key(result)).toEqual(key(whole));
    expect(turns).toBeGreaterThan(20);
  });

  it("run one after the other on successive versions, each as lint() would give it", async () => {
    const document = new KeepalivedDocument(generateKeepalived({ instances: 6, virtualServers: 3, realServersPerVs: 2 }) as string);
    const config = defaultConfig();
    const inTurns = new KeepalivedLinter("file:///k.conf");
    const oneGo = new KeepalivedLinter("file:///k.conf");
    const versions = [document.result];
    const at = document.text.indexOf("\tpriority 100");
    for (const edit of ["\tpriority 300\n", "\tnopreempt\n", "\tinterface\n"]) {
      document.applyEdit({ start: at, end: at, newText: edit });
      versions.push(document.result);
    }
    // Every check asked for at once; each must start from the state the one before left.
    const pending = versions.map((parse) => inTurns.lintInTurns(parse, config, [], 0));
    const expected = versions.map((parse) => key(oneGo.lint(parse, config)));
    expect((await Promise.all(pending)).map(key)).toEqual(expected);
    expect(inTurns.lastMode).toBe("incremental");
    expect(new Set(expected.map((e) => e.join("\n"))).size).toBeGreaterThan(1);
  });
});
