// Every bind and server option and every rule-set action has a summary and a real syntax, so that
// one added to the tables cannot stay bare (add it to scripts/gen-schema/summaries-haproxy-*.mjs
// and run `npm run gen:schema`); every fetch and converter has a summary too.
import { describe, expect, it } from "vitest";
import { haproxySchema } from "../../server/src/facts/haproxy.js";
import { haproxyItemDoc, type HaproxyItemKind } from "../../server/src/facts/haproxy-docs.js";
import type { HaproxyOption } from "../../server/src/facts/types.js";
import { optionSyntax } from "../../server/src/service/describe.js";

const RULE_SETS = ["http-request", "http-response", "http-after-response", "tcp-request connection", "tcp-request session", "tcp-request content", "tcp-response content"];

/** The items of a list that lack a summary, or whose syntax (at any version) says only `<value>`. */
function bare(list: readonly HaproxyOption[], kind: HaproxyItemKind): string[] {
  return list
    .filter((option) => {
      const summary = haproxyItemDoc(kind, option.name)?.summary;
      const syntax = [optionSyntax(option, kind, "2.6"), optionSyntax(option, kind, "3.4")].flat().join("\n");
      return !summary || /<value>/.test(syntax);
    })
    .map((option) => option.name);
}

describe("haproxy hover documentation", () => {
  it("describes every server option and bind option, with the manual's argument names", () => {
    expect(bare(haproxySchema().serverOptions, "server option")).toEqual([]);
    expect(bare(haproxySchema().bindOptions, "bind option")).toEqual([]);
  });

  it("describes every action of the rule sets", () => {
    const missing = RULE_SETS.flatMap((ruleSet) => bare(haproxySchema().actions[ruleSet] ?? [], { ruleSet }).map((name) => `${ruleSet} ${name}`));
    expect(missing).toEqual([]);
  });

  it("describes every fetch and converter", () => {
    const undescribed = (list: readonly HaproxyOption[], kind: HaproxyItemKind) => list.filter((item) => !haproxyItemDoc(kind, item.name)?.summary).map((item) => item.name);
    expect(undescribed(haproxySchema().fetches, "sample fetch")).toEqual([]);
    expect(undescribed(haproxySchema().converters, "converter")).toEqual([]);
  });

  it("keeps each summary to one short line", () => {
    const docs = [haproxySchema().serverOptions, haproxySchema().bindOptions].flat().map((option) => haproxyItemDoc("server option", option.name) ?? haproxyItemDoc("bind option", option.name));
    for (const doc of docs) {
      expect(doc?.summary ?? "").not.toContain("\n");
      expect((doc?.summary ?? "").length).toBeLessThanOrEqual(140);
    }
    const samples: [string, string][] = [
      ...haproxySchema().fetches.map((item): [string, string] => [item.name, haproxyItemDoc("sample fetch", item.name)?.summary ?? ""]),
      ...haproxySchema().converters.map((item): [string, string] => [item.name, haproxyItemDoc("converter", item.name)?.summary ?? ""]),
    ];
    // the counter families put a counter's phrase and whose entry it reads together: a little longer
    expect(samples.filter(([, summary]) => summary.includes("\n") || summary.length > 160).map(([name]) => name)).toEqual([]);
  });

  it("answers nothing for an item it does not know, even one named like an Object method", () => {
    expect(haproxyItemDoc("server option", "no-such-option")).toBeUndefined();
    expect(haproxyItemDoc("sample fetch", "constructor")).toBeUndefined();
    expect(haproxyItemDoc({ ruleSet: "no-such-rule-set" }, "deny")).toBeUndefined();
  });
});
