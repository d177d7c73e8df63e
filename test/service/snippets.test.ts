// The section and block snippets are complete pieces of configuration: with their placeholders
// filled by their defaults, lblint finds no error in them.
import { describe, expect, it } from "vitest";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { parseKeepalived } from "../../grammars/keepalived/parse.js";
import { lint } from "../../server/src/lint/lint.js";
import { HAPROXY_SNIPPETS, KEEPALIVED_SNIPPETS } from "../../server/src/service/snippets.js";

/** The text a snippet inserts when every placeholder keeps its default (the first choice). */
function expand(body: string): string {
  return body
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, "$1")
    .replace(/\$\{\d+:([^}]*)\}/g, "$1")
    .replace(/\$\d+/g, "");
}

describe("snippets", () => {
  it.each(HAPROXY_SNIPPETS.map((s) => [s.label, s.body]))("%s is a haproxy section lblint accepts", (_, body) => {
    // Each proxy snippet beside the others, so that names resolve.
    const text = `global\n    chroot /var/empty\n    user haproxy\n\n${HAPROXY_SNIPPETS.map((s) => expand(s.body)).join("\n")}`;
    const errors = lint(parseHaproxy(text)).filter((p) => p.severity === "error");
    expect(errors.map((p) => `${p.ruleId} ${p.message}`)).toEqual([]);
    expect(text).toContain(expand(body));
  });

  it.each(KEEPALIVED_SNIPPETS.map((s) => [s.label, s.body]))("%s is a keepalived block lblint accepts", (_, body) => {
    const text = expand(body);
    const problems = lint(parseKeepalived(text)).filter((p) => p.severity === "error");
    expect(problems.map((p) => `${p.ruleId} ${p.message}`)).toEqual([]);
  });
});
