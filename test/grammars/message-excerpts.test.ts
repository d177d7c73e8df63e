// A message quotes at most a short excerpt of what the user wrote: a word can be a whole 200 KB line,
// and one diagnostic must not carry it to a terminal, a log or an editor's hover.
import { describe, expect, it } from "vitest";
import type { SyntaxDiagnostic } from "../../grammars/common/diagnostics.js";
import { excerpt, MAX_EXCERPT } from "../../grammars/common/excerpt.js";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { parseKeepalived } from "../../grammars/keepalived/parse.js";
import { MemoryFileSystem } from "../../server/src/workspace/fs.js";
import { loadConfig } from "../../server/src/workspace/loader.js";

const LONG = "w".repeat(200_000);

/** The longest fixed wording of any message, plus two excerpts (the byte order mark's quotes the word twice). */
const MAX_MESSAGE = 300 + 2 * MAX_EXCERPT;

function quoted(diagnostics: readonly SyntaxDiagnostic[], code: string): string {
  const found = diagnostics.find((d) => d.code === code);
  expect(found, code).toBeDefined();
  return found!.message;
}

describe("excerpt", () => {
  it("keeps short text and cuts long text to the limit, ellipsis included, never inside a surrogate pair", () => {
    expect(excerpt("backend")).toBe("backend");
    expect(excerpt("x".repeat(MAX_EXCERPT))).toBe("x".repeat(MAX_EXCERPT));
    expect(excerpt("x".repeat(MAX_EXCERPT + 1))).toBe(`${"x".repeat(MAX_EXCERPT - 1)}…`);
    // The cut falls between the two halves of the emoji: it goes before it.
    const emoji = `${"x".repeat(MAX_EXCERPT - 2)}😀😀😀`;
    expect(excerpt(emoji)).toBe(`${"x".repeat(MAX_EXCERPT - 2)}…`);
  });
});

describe("messages quote a short excerpt of user text", () => {
  const cases: [string, () => SyntaxDiagnostic[], string][] = [
    ["haproxy: a keyword outside any section", () => parseHaproxy(`${LONG}\n`).diagnostics, "outside-section"],
    ["haproxy: an unknown pseudo-variable", () => parseHaproxy(`global\n    x "\${.${LONG}}"\n`).diagnostics, "invalid-variable"],
    ["haproxy: a quoted 'if' with nothing after it", () => parseHaproxy(`frontend f\n    http-request deny "${'""'.repeat(50_000)}if"\n`).diagnostics, "empty-condition"],
    ["haproxy: an '.if' predicate", () => parseHaproxy(`.if ${LONG}\n.endif\n`).diagnostics, "invalid-predicate"],
    ["haproxy: the arguments of an '.if' predicate", () => parseHaproxy(`.if ${LONG}(a\n.endif\n`).diagnostics, "invalid-predicate"],
    ["haproxy: a byte order mark before a long first word", () => parseHaproxy(`\ufeff${LONG}\n`).diagnostics, "byte-order-mark"],
    ["haproxy: a keyword read with its variables unset", () => parseHaproxy(`"${LONG}\${${LONG}}"\n`).diagnostics, "keyword-variable"],
    ["keepalived: a block that is never closed", () => parseKeepalived(`${LONG} {\n`).diagnostics, "missing-close-brace"],
    ["keepalived: an undefined variable", () => parseKeepalived(`x \${${LONG}}\n`).diagnostics, "undefined-variable"],
  ];
  it.each(cases)("%s", (_, diagnose, code) => {
    const diagnostics = diagnose();
    const message = quoted(diagnostics, code);
    expect(message).toContain("…");
    for (const d of diagnostics) expect(d.message.length, d.code).toBeLessThanOrEqual(MAX_MESSAGE);
  });

  it("keepalived includes: the pattern in the messages of the loader", async () => {
    const root = "file:///etc/keepalived/keepalived.conf";
    const fs = new MemoryFileSystem({ [root]: `include ${LONG} and more\ninclude /${LONG}\n` });
    const config = await loadConfig(fs, root, "keepalived");
    const diagnostics = (config.diagnostics.get(root) ?? []).filter((d) => d.code.startsWith("include-"));
    expect(diagnostics.map((d) => d.code)).toEqual(["include-arguments", "include-missing", "include-missing"]);
    for (const d of diagnostics) {
      expect(d.message).toContain("…");
      expect(d.message.length).toBeLessThanOrEqual(MAX_MESSAGE);
    }
  });
});
