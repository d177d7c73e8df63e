// Sections: every section keyword, names, `from` parents, bodies and ranges, the preamble and the
// `outside-section` diagnostic.
import { describe, expect, it } from "vitest";
import { SECTION_KINDS } from "../../../grammars/haproxy/sections.js";
import { codes, loc, parse } from "./helpers.js";

describe("section headers", () => {
  // [header line, type, name and its range, from and its range]
  const cases: [string, string, string | undefined, string | undefined][] = [
    ["global", "global", undefined, undefined],
    ["defaults", "defaults", undefined, undefined],
    ["defaults base", "defaults", "base 0:9-0:13 @9-13", undefined],
    ["defaults web from base", "defaults", "web 0:9-0:12 @9-12", "base 0:18-0:22 @18-22"],
    // haproxy: `defaults from nosuch` → "defaults section 'nosuch' not found for defaults ''".
    ["defaults from base", "defaults", undefined, "base 0:14-0:18 @14-18"],
    ["defaults from", "defaults", "from 0:9-0:13 @9-13", undefined],
    ["frontend fe", "frontend", "fe 0:9-0:11 @9-11", undefined],
    ["frontend fe from web", "frontend", "fe 0:9-0:11 @9-11", "web 0:17-0:20 @17-20"],
    ["backend be from web", "backend", "be 0:8-0:10 @8-10", "web 0:16-0:19 @16-19"],
    ["listen li from base", "listen", "li 0:7-0:9 @7-9", "base 0:15-0:19 @15-19"],
    ["userlist admins", "userlist", "admins 0:9-0:15 @9-15", undefined],
    ["peers mypeers", "peers", "mypeers 0:6-0:13 @6-13", undefined],
    ["peers p from q", "peers", "p 0:6-0:7 @6-7", undefined],
    ["resolvers dns", "resolvers", "dns 0:10-0:13 @10-13", undefined],
    ["mailers alerts", "mailers", "alerts 0:8-0:14 @8-14", undefined],
    ["program api", "program", "api 0:8-0:11 @8-11", undefined],
    ["http-errors site", "http-errors", "site 0:12-0:16 @12-16", undefined],
    ["ring buf", "ring", "buf 0:5-0:8 @5-8", undefined],
    ["cache small", "cache", "small 0:6-0:11 @6-11", undefined],
    ["fcgi-app php", "fcgi-app", "php 0:9-0:12 @9-12", undefined],
    ["log-forward syslog", "log-forward", "syslog 0:12-0:18 @12-18", undefined],
    ["crt-store", "crt-store", undefined, undefined],
    ["crt-store certs", "crt-store", "certs 0:10-0:15 @10-15", undefined],
    ["traces", "traces", undefined, undefined],
    ["traces x", "traces", undefined, undefined],
    ["acme le", "acme", "le 0:5-0:7 @5-7", undefined],
    ["healthcheck hc", "healthcheck", "hc 0:12-0:14 @12-14", undefined],
    ["log-profile lp", "log-profile", "lp 0:12-0:14 @12-14", undefined],
    ["global extra", "global", undefined, undefined],
  ];

  for (const [header, type, name, from] of cases) {
    it(`reads '${header}' as a ${type} section${name ? ` named ${name.split(" ")[0]}` : " without a name"}${from ? ` inheriting from ${from.split(" ")[0]}` : ""}`, () => {
      const result = parse(`${header}\n`);
      expect(result.diagnostics).toEqual([]);
      expect(result.ast.preamble).toEqual([]);
      const [section, ...rest] = result.ast.sections;
      expect(rest).toEqual([]);
      expect(section!.kind).toBe("section");
      expect(section!.type).toBe(type);
      expect(section!.name && `${section!.name.text} ${loc(section!.name.range)}`).toBe(name);
      expect(section!.from && `${section!.from.text} ${loc(section!.from.range)}`).toBe(from);
      expect(section!.header.keyword.text).toBe(type);
      expect(loc(section!.range)).toBe(`0:0-1:0 @0-${header.length + 1}`);
      expect(section!.body).toEqual([]);
    });
  }

  it("covers every section keyword the grammar knows", () => {
    expect(new Set(cases.map(([, type]) => type))).toEqual(new Set(SECTION_KINDS.keys()));
  });

  it("opens a section on an indented header too", () => {
    const { ast } = parse("global\n   backend be\n");
    expect(ast.sections.map((s) => [s.type, s.name?.text, loc(s.header.keyword.range)])).toEqual([
      ["global", undefined, "0:0-0:6 @0-6"],
      ["backend", "be", "1:3-1:10 @10-17"],
    ]);
  });

  it("does not open a section on a section word used as an argument or written in another case", () => {
    const { ast } = parse("frontend fe\n  use_backend backend\n  Backend be\n");
    expect(ast.sections).toHaveLength(1);
    expect(ast.sections[0]!.body.map((l) => (l.kind === "statement" ? l.keyword.text : l.kind))).toEqual(["use_backend", "Backend"]);
  });
});

describe("section bodies", () => {
  const text = [
    "# generated", //             line 0, offset 0
    "", //                         line 1, offset 12
    "global", //                   line 2, offset 13
    "  daemon", //                 line 3, offset 20
    "", //                         line 4, offset 29
    "# the web frontend", //       line 5, offset 30
    "frontend web from base", //   line 6, offset 49
    "  bind :80", //               line 7, offset 72
    "  default_backend app", //    line 8, offset 83
    "backend app", //              line 9, offset 105
    "  server s1 10.0.0.1:80", //  line 10, offset 117
    "",
  ].join("\n");

  it("puts the lines before the first header in the preamble", () => {
    const { ast } = parse(text);
    expect(ast.preamble.map((l) => [l.kind, l.line, loc(l.range)])).toEqual([
      ["empty", 0, "0:0-1:0 @0-12"],
      ["empty", 1, "1:0-2:0 @12-13"],
    ]);
  });

  it("gives each section its header, its body up to the next header, and a range over both", () => {
    const { ast, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    expect(
      ast.sections.map((s) => ({
        type: s.type,
        header: loc(s.header.range),
        body: s.body.map((l) => l.line),
        range: loc(s.range),
      })),
    ).toEqual([
      { type: "global", header: "2:0-3:0 @13-20", body: [3, 4, 5], range: "2:0-6:0 @13-49" },
      { type: "frontend", header: "6:0-7:0 @49-72", body: [7, 8], range: "6:0-9:0 @49-105" },
      { type: "backend", header: "9:0-10:0 @105-117", body: [10], range: "9:0-11:0 @105-141" },
    ]);
  });

  it("keeps trailing blank and comment lines in the section before the next header", () => {
    const { ast } = parse(text);
    const global = ast.sections[0]!;
    expect(global.body.map((l) => l.kind)).toEqual(["statement", "empty", "empty"]);
    expect(global.body[2]!.comment?.text).toBe("# the web frontend");
  });

  it("gives the config a range over the whole document", () => {
    const { ast } = parse(text);
    expect(ast.kind).toBe("config");
    expect(loc(ast.range)).toBe(`0:0-11:0 @0-${text.length}`);
  });

  it("ends the last section's range at the end of a file without a final newline", () => {
    const { ast } = parse("global\n  daemon");
    expect(loc(ast.sections[0]!.range)).toBe("0:0-1:8 @0-15");
  });
});

describe("the preamble", () => {
  it("reports each statement before the first section on its keyword", () => {
    const result = parse("# c\n  maxconn 10\nfoo bar\nglobal\n  daemon\n");
    expect(result.diagnostics.map((d) => [d.code, d.severity, loc(d.range)])).toEqual([
      ["outside-section", "error", "1:2-1:9 @6-13"],
      ["outside-section", "error", "2:0-2:3 @17-20"],
    ]);
    expect(result.diagnostics[0]!.message).toContain("'maxconn'");
    expect(result.ast.preamble.map((l) => l.kind)).toEqual(["empty", "statement", "statement"]);
    expect(result.ast.sections.map((s) => s.type)).toEqual(["global"]);
  });

  it("names the section a misspelt header was meant to open, and nothing for other keywords", () => {
    const result = parse("gglobal\n  maxconn 10\nFrontend f\nglobal\n");
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "'gglobal' is outside any section; haproxy rejects keywords before the first section (did you mean the section 'global'?)",
      "'maxconn' is outside any section; haproxy rejects keywords before the first section",
      "'Frontend' is outside any section; haproxy rejects keywords before the first section (did you mean the section 'frontend'?)",
    ]);
  });

  it("accepts comments, blank lines and directives before the first section", () => {
    // haproxy: `.notice hi` before `global` prints 'hi' and the file is valid.
    const result = parse("# c\n\n.notice hi\n.if defined(X)\n.endif\nglobal\n");
    expect(codes(result)).toEqual([]);
    expect(result.ast.preamble.map((l) => l.kind)).toEqual(["empty", "empty", "directive", "directive", "directive"]);
  });

  it("makes a file without any section all preamble", () => {
    const { ast } = parse("\n# only comments\n");
    expect(ast.sections).toEqual([]);
    expect(ast.preamble).toHaveLength(2);
  });
});
