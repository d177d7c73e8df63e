// Every keepalived keyword has a summary in lblint's words (add one to
// scripts/gen-schema/summaries-keepalived*.mjs and run `npm run gen:schema`), and every value of the
// closed lists hover explains (schedulers, forwarding methods, states, protocols, DNS query types…)
// has its meaning.
import { describe, expect, it } from "vitest";
import { keepalivedSchema } from "../../server/src/facts/keepalived.js";
import { KEEPALIVED_VALUE_SUMMARIES, keepalivedValueSummary } from "../../server/src/facts/value-summaries.js";

const keywords = Object.values(keepalivedSchema().blocks).flatMap((block) => Object.values(block.keywords).map((keyword) => ({ block: block.id, keyword })));

describe("keepalived hover documentation", () => {
  it("describes every keyword of every block in one short line", () => {
    expect(keywords.filter(({ keyword }) => !keyword.summary).map(({ block, keyword }) => `${block} ${keyword.name}`)).toEqual([]);
    expect(keywords.filter(({ keyword }) => /\n/.test(keyword.summary ?? "") || (keyword.summary ?? "").length > 160).map(({ block, keyword }) => `${block} ${keyword.name}`)).toEqual([]);
  });

  it("explains every value of the closed lists it has a table for", () => {
    const missing: string[] = [];
    for (const { block, keyword } of keywords) {
      if (!Object.hasOwn(KEEPALIVED_VALUE_SUMMARIES, keyword.name)) continue;
      for (const shape of keyword.args?.shapes ?? []) {
        if (!shape.startsWith("enum:")) continue;
        for (const value of shape.slice(5).split("|")) if (!keepalivedValueSummary(keyword.name, value)) missing.push(`${block} ${keyword.name} ${value}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("has a table for the lists users write most", () => {
    for (const name of ["lvs_sched", "lb_algo", "lb_kind", "lvs_method", "state", "auth_type", "protocol", "type", "http_protocol"]) {
      expect(Object.hasOwn(KEEPALIVED_VALUE_SUMMARIES, name), name).toBe(true);
    }
  });
});
