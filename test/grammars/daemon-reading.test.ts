// Inputs that the daemons read differently from what an editor shows: an invisible byte order mark,
// bytes that are not UTF-8, malformed ~SEQ prefixes, and haproxy keywords built from variables.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyEdits, parseHaproxy, parseKeepalived } from "../../grammars/index.js";
import { lint } from "../../server/src/lint/lint.js";
import { NodeFileSystem } from "../../server/src/workspace/fs.js";
import { pathToUri } from "../../server/src/workspace/uri.js";

const codesAt = (result: { diagnostics: readonly { code: string; range: { start: { line: number; column: number } } }[] }) =>
  result.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.column + 1}`);

describe("a UTF-8 byte order mark", () => {
  it("is reported at 1:1 in keepalived, naming the invisible character", () => {
    const result = parseKeepalived("\ufeffglobal_defs {\n    router_id lb1\n}\n");
    expect(codesAt(result)).toEqual(["byte-order-mark@1:1"]);
    expect(result.diagnostics[0]!.message).toMatch(/byte order mark \(U\+FEFF\).*'global_defs' is read as '\\ufeffglobal_defs'/);
    expect(result.diagnostics[0]!.range.end.offset).toBe(1);
  });

  it("is reported at 1:1 in haproxy, instead of the invisible keyword's 'outside any section'", () => {
    const result = parseHaproxy("\ufeffglobal\n    maxconn 100\n");
    expect(codesAt(result)).toEqual(["byte-order-mark@1:1", "outside-section@2:5"]);
    expect(result.diagnostics[0]!.message).toContain("U+FEFF");
    expect(result.diagnostics[0]!.message).toContain("haproxy");
  });

  it("is only a byte order mark at the start of the document", () => {
    expect(codesAt(parseHaproxy("global\n    maxconn 100\n\ufeff# x\n"))).not.toContain("byte-order-mark@3:1");
    expect(codesAt(parseKeepalived("a\n", { base: { offset: 10, line: 1, column: 0 } }))).toEqual([]);
  });

  it("comes with a fix that deletes it", () => {
    const text = "\ufeffglobal_defs {\n    router_id lb1\n}\n";
    const problem = lint(parseKeepalived(text)).find((p) => p.code === "byte-order-mark")!;
    expect(applyEdits(text, problem.fix!.edits)).toBe(text.slice(1));
  });

  it("is kept when the file comes as bytes", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("global_defs {\n}\n")]);
    expect(codesAt(parseKeepalived(bytes))).toEqual(["byte-order-mark@1:1"]);
  });
});

describe("line lengths in bytes as keepalived reads them", () => {
  it("does not count a Latin-1 byte, read as U+FFFD, as three bytes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-latin1-"));
    const file = join(dir, "keepalived.conf");
    // 915 bytes on one line: far below keepalived's 1,023, though U+FFFD is three bytes in UTF-8.
    writeFileSync(file, Buffer.concat([Buffer.from("global_defs {\n    router_id "), Buffer.alloc(900, 0xe9), Buffer.from("\n}\n")]));
    const text = await new NodeFileSystem().readFile(pathToUri(file));
    expect(text).toContain("\ufffd");
    expect(codesAt(parseKeepalived(text))).toEqual([]);
  });

  it("still counts real multi-byte characters", () => {
    expect(codesAt(parseKeepalived(`router_id ${"é".repeat(520)}\n`))).toEqual(["line-too-long@1:517"]);
    expect(codesAt(parseKeepalived(`router_id ${"\ufffd".repeat(1014)}\n`))).toEqual(["line-too-long@1:1024"]);
  });
});

describe("~SEQ and ~LST prefixes keepalived cannot read", () => {
  it.each([
    ["~SEQ(i, 1", "the ')' is missing"],
    ["~SEQ(i)", "a variable name and numbers must come first"],
    ["~SEQ(i, a, 3)", "separated by commas"],
    ["~SEQ(i, 1, 0, 3)", "non-zero"],
    ["~SEQ i, 1, 3)", "'(' must follow"],
    ["~SEQx(i, -1, 3)", "positive"],
    ["~LST(i)", "~LST(variable, value"],
    ["~LST({i,j}, {1,2,3})", "more values"],
  ])("%s", (prefix, why) => {
    const result = parseKeepalived(`global_defs {\n  ${prefix} router_id r\${i}\n}\n`);
    const found = result.diagnostics.filter((d) => d.code === "invalid-sequence");
    expect(found.map((d) => `${d.range.start.line + 1}:${d.range.start.column + 1}`)).toEqual(["2:3"]);
    expect(found[0]!.message).toContain(why);
    expect(found[0]!.message).toMatch(/Invalid ~(SEQ|LST) specification' and ignores the whole line/);
  });

  it.each(["~SEQ(i, 1, 3)", "~SEQ(i 1 3)", "~SEQ(i,,3)", "~SEQx(i, 0x10, 0x12)", "~LST({a,b}, {1,2}, {3})", "~SEQ(i, $N) # comment"])("accepts %s", (prefix) => {
    const result = parseKeepalived(`$N=3\nglobal_defs {\n  ${prefix} router_id r\${i}\n}\n`);
    expect(result.diagnostics.filter((d) => d.code === "invalid-sequence")).toEqual([]);
  });
});

describe("haproxy keywords built from quoted variables", () => {
  it("reads them as haproxy does with the variables unset, and says so", () => {
    const result = parseHaproxy('gl"${A}"obal\n    maxconn 100\n.if defined(X)\n.e"${A}"ndif\n');
    expect(result.ast.sections.map((section) => section.type)).toEqual(["global"]);
    expect(codesAt(result)).toEqual(["keyword-variable@1:1", "keyword-variable@4:1"]);
    expect(result.diagnostics.every((d) => d.severity === "info")).toBe(true);
  });

  it("says it cannot tell rather than report the lines after a keyword that may open a section", () => {
    const result = parseHaproxy('"${S}"\n    maxconn 100\n');
    expect(codesAt(result)).toEqual(["keyword-variable@1:1"]);
    expect(result.diagnostics[0]!.message).toContain("cannot tell");
  });
});
