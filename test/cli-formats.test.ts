import { describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const cli = join(import.meta.dirname, "..", "dist", "cli.js");
const schema = JSON.parse(readFileSync(join(import.meta.dirname, "support", "sarif-schema-2.1.0.json"), "utf8"));

function run(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: options.cwd, env: env as NodeJS.ProcessEnv });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// An error with a fix (HA001), an error with a related location (HA012, duplicate names), a warning,
// a syntax error, and a message with characters XML and workflow commands must escape.
const TEXT = `defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s

frontend www
    bind :80
    mxconn 100
    default_backend web
    http-request set-header X-A "a&b<c>

backend web
    server s1 10.0.0.1:80

backend web
    server s2 10.0.0.2:80
`;

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "lblint-formats-"));
  writeFileSync(join(dir, "haproxy.cfg"), TEXT);
  return dir;
}

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

describe("output formats", () => {
  it("sarif: valid SARIF 2.1.0 against the official schema, with rule metadata, help, fixes and related locations", () => {
    const dir = project();
    const result = run(["--format", "sarif", "haproxy.cfg"], { cwd: dir });
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout);
    const validate = validator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The validator does reject what is not SARIF.
    expect(validate({ ...log, version: "2.0.0" })).toBe(false);
    expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ message: {} }] }] })).toBe(false);

    const [run0] = log.runs;
    expect(run0.tool.driver.name).toBe("lblint");
    expect(run0.originalUriBaseIds["%SRCROOT%"].uri).toBe(`file://${dir}/`);
    const rules = run0.tool.driver.rules as { id: string; name: string; helpUri: string; help?: { markdown: string }; properties: { category?: string } }[];
    const results = run0.results as {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[];
      fixes?: unknown[];
      relatedLocations?: unknown[];
    }[];
    for (const r of results) expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
    const unknown = results.find((r) => r.ruleId === "HA001")!;
    expect(unknown.level).toBe("error");
    expect(unknown.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "haproxy.cfg", uriBaseId: "%SRCROOT%" },
      region: { startLine: 9, startColumn: 5, endLine: 9, endColumn: 11 },
    });
    expect(unknown.fixes).toEqual([
      {
        description: { text: "replace with 'maxconn'" },
        artifactChanges: [
          {
            artifactLocation: { uri: "haproxy.cfg", uriBaseId: "%SRCROOT%" },
            replacements: [{ deletedRegion: { charOffset: TEXT.indexOf("mxconn"), charLength: 6 }, insertedContent: { text: "maxconn" } }],
          },
        ],
      },
    ]);
    const rule = rules.find((r) => r.id === "HA001")!;
    expect(rule).toMatchObject({ name: "unknown-keyword", helpUri: expect.stringMatching(/docs\/rules\/HA001\.md$/), properties: { category: "correctness" } });
    expect(rule.help?.markdown).toMatch(/^# HA001 unknown-keyword/);
    expect(results.some((r) => r.relatedLocations?.length)).toBe(true);
    expect(results.find((r) => r.ruleId === "syntax")!.level).toBe("error");
  });

  it("sarif: a clean run is valid too, with no results", () => {
    const log = JSON.parse(run(["--format", "sarif", join(import.meta.dirname, "..", "fixtures", "examples", "haproxy.cfg")]).stdout);
    expect(validator()(log)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
  });

  it("github: one workflow annotation per problem, with escaped properties and message", () => {
    const result = run(["--format", "github", "haproxy.cfg"], { cwd: project() });
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toContain("::error file=haproxy.cfg,line=9,endLine=9,col=5,endColumn=11,title=lblint HA001 unknown-keyword::unknown keyword 'mxconn' in a frontend section; did you mean 'maxconn'?");
    expect(lines.every((line) => /^::(error|warning|notice) file=haproxy\.cfg,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=lblint [^:,]+::/.test(line))).toBe(true);
  });

  it("checkstyle and junit: well-formed XML, one entry per problem, special characters escaped", () => {
    const dir = project();
    const json = JSON.parse(run(["--format", "json", "haproxy.cfg"], { cwd: dir }).stdout);
    const count = json[0].messages.length;
    const checkstyle = run(["--format", "checkstyle", "haproxy.cfg"], { cwd: dir }).stdout;
    expect(checkstyle.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">\n')).toBe(true);
    expect(checkstyle.match(/<error /g)).toHaveLength(count);
    expect(checkstyle).toContain(
      `<error line="9" column="5" severity="error" message="unknown keyword &apos;mxconn&apos; in a frontend section; did you mean &apos;maxconn&apos;? (HA001)" source="lblint.rules.HA001"/>`,
    );
    const junit = run(["--format", "junit", "haproxy.cfg"], { cwd: dir }).stdout;
    expect(junit).toMatch(new RegExp(`^<\\?xml version="1.0" encoding="utf-8"\\?>\\n<testsuites name="lblint" tests="${count}" failures="${count}" errors="0">\\n`));
    expect(junit.match(/<testcase /g)).toHaveLength(count);
    expect(junit.match(/<failure /g)).toHaveLength(count);
    for (const xml of [checkstyle, junit]) {
      // Every '&' starts an entity, no '<' stands inside an attribute value.
      expect(xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "")).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
      expect(xml).not.toMatch(/="[^"]*</);
    }
  });

  it("json: ESLint's counts, fatal syntax errors, fixes and related locations", () => {
    const [file] = JSON.parse(run(["--format", "json", "haproxy.cfg"], { cwd: project() }).stdout);
    expect(file).toMatchObject({ fatalErrorCount: 1, fixableErrorCount: expect.any(Number), fixableWarningCount: expect.any(Number) });
    expect(file.fixableErrorCount).toBeGreaterThanOrEqual(1);
    expect(file.messages.find((m: { ruleId: string }) => m.ruleId === "syntax")).toMatchObject({ fatal: true, code: "unterminated-quote" });
    expect(file.messages.find((m: { ruleId: string }) => m.ruleId === "HA001").fix).toEqual({ range: [TEXT.indexOf("mxconn"), TEXT.indexOf("mxconn") + 6], text: "maxconn" });
    expect(file.messages.some((m: { relatedLocations?: unknown[] }) => m.relatedLocations?.length)).toBe(true);
  });
});

describe("json fixes", () => {
  it("gives a fix of several edits as one replacement, with the text between them as it was", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-formats-"));
    // HA020 offers to set a timeout in place (timeout connect 0) and to add another after the header.
    const text = "backend app\n    timeout connect 0\n    server a 10.0.0.1:80\n";
    writeFileSync(join(dir, "haproxy.cfg"), text);
    const [file] = JSON.parse(run(["--format", "json", "haproxy.cfg"], { cwd: dir }).stdout);
    const message = file.messages.find((m: { ruleId: string }) => m.ruleId === "HA020");
    const [suggestion] = message.suggestions;
    const { range, text: replacement } = suggestion.fix;
    expect(text.slice(0, range[0]) + replacement + text.slice(range[1])).toBe("backend app\n    timeout server 30s\n    timeout connect 5s\n    server a 10.0.0.1:80\n");
  });
});

describe("output options", () => {
  it("--quiet reports errors only; --max-warnings turns too many warnings into exit 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-formats-"));
    // Two warnings, no error: a frontend with no bind and no timeouts.
    writeFileSync(join(dir, "haproxy.cfg"), "frontend f\n    mode http\n");
    const json = JSON.parse(run(["--format", "json", "haproxy.cfg"], { cwd: dir }).stdout);
    const warnings = json[0].messages.filter((m: { severity: number }) => m.severity === 1).length;
    expect(json[0].errorCount).toBe(0);
    expect(warnings).toBeGreaterThan(0);
    expect(run(["haproxy.cfg"], { cwd: dir }).code).toBe(0);
    expect(run(["--quiet", "haproxy.cfg"], { cwd: dir })).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(run(["--max-warnings", String(warnings), "haproxy.cfg"], { cwd: dir }).code).toBe(0);
    const over = run(["--max-warnings", String(warnings - 1), "haproxy.cfg"], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe(`lblint: ${warnings} warning${warnings === 1 ? "" : "s"}, more than --max-warnings ${warnings - 1} allows\n`);
    expect(run(["--max-warnings", "many", "haproxy.cfg"], { cwd: dir })).toMatchObject({ code: 2, stderr: "lblint: --max-warnings takes a number of warnings, 0 or more (got 'many')\n" });
  });

  it("--output-file writes the report to a file; an unwritable one is exit 2", () => {
    const dir = project();
    const result = run(["--format", "json", "--output-file", "report.json", "haproxy.cfg"], { cwd: dir });
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(JSON.parse(readFileSync(join(dir, "report.json"), "utf8"))[0].errorCount).toBeGreaterThan(0);
    const bad = run(["-o", join(dir, "missing", "report.json"), "haproxy.cfg"], { cwd: dir });
    expect(bad).toMatchObject({ code: 2, stderr: `lblint: ${join(dir, "missing", "report.json")}: cannot write the report: no such file or directory\n` });
  });

  it("colours only when asked, on a terminal, or with FORCE_COLOR; never with NO_COLOR", () => {
    const dir = project();
    const escape = "\u001b[";
    expect(run(["haproxy.cfg"], { cwd: dir }).stdout).not.toContain(escape);
    expect(run(["haproxy.cfg"], { cwd: dir, env: { FORCE_COLOR: "1" } }).stdout).toContain(escape);
    expect(run(["haproxy.cfg"], { cwd: dir, env: { FORCE_COLOR: "0" } }).stdout).not.toContain(escape);
    expect(run(["--color", "haproxy.cfg"], { cwd: dir, env: { NO_COLOR: "1" } }).stdout).toContain(escape);
    expect(run(["--no-color", "haproxy.cfg"], { cwd: dir, env: { FORCE_COLOR: "1" } }).stdout).not.toContain(escape);
  });

  it("stylish ends with the counts and how many problems --fix would fix", () => {
    const out = run(["haproxy.cfg"], { cwd: project() }).stdout.trimEnd().split("\n");
    expect(out.at(-2)).toMatch(/^✖ \d+ problems \(\d+ errors, \d+ warnings?\)$/);
    expect(out.at(-1)).toMatch(/^ {2}\d+ errors? and \d+ warnings? potentially fixable with the `--fix` option\.$/);
  });
});

describe("formatters on awkward text", async () => {
  const { FORMATTERS } = await import("../server/src/cli/formats/index.js");
  const range = { start: { offset: 0, line: 0, column: 0 }, end: { offset: 3, line: 0, column: 3 } };
  const reports = [
    {
      uri: "file:///w/a,b:c.cfg",
      path: "/w/a,b:c.cfg",
      problems: [{ ruleId: "syntax", code: "x", severity: "info" as const, message: "100% <bad> & \"odd\" ]]> \u0001\nnext", range }],
    },
  ];
  const context = { cwd: "/w", color: false, outputs: new Map(), version: "1.2.3" };

  it("github escapes %, line breaks, and ':' and ',' in properties; information is a notice", () => {
    expect(FORMATTERS.github(reports, context)).toBe(
      "::notice file=a%2Cb%3Ac.cfg,line=1,endLine=1,col=1,endColumn=4,title=lblint syntax/x::100%25 <bad> & \"odd\" ]]> \u0001%0Anext\n",
    );
  });

  it("checkstyle and junit escape markup and drop characters XML cannot carry", () => {
    expect(FORMATTERS.checkstyle(reports, context)).toContain(
      'message="100% &lt;bad&gt; &amp; &quot;odd&quot; ]]&gt; \ufffd\nnext (syntax/x)"',
    );
    expect(FORMATTERS.junit(reports, context)).toContain("<![CDATA[line 1, column 1, info: 100% <bad> & \"odd\" ]]]]><![CDATA[> \ufffd\nnext (syntax/x)]]>");
  });

  it("sarif gives information the level note and a path outside the working directory a file URI", () => {
    const log = JSON.parse(FORMATTERS.sarif([{ ...reports[0]!, path: "/elsewhere/h.cfg" }], context));
    expect(log.runs[0].results[0].level).toBe("note");
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: "file:///elsewhere/h.cfg" });
    expect(validator()(log)).toBe(true);
    // The same fingerprint as GitLab's report: one that does not change when lines move.
    const gitlab = JSON.parse(FORMATTERS.gitlab([{ ...reports[0]!, path: "/elsewhere/h.cfg" }], context));
    expect(log.runs[0].results[0].partialFingerprints).toEqual({ "lblintFingerprint/v1": gitlab[0].fingerprint });
  });

  it("gcc: one line per problem, a line break in a message flattened, information a note", () => {
    expect(FORMATTERS.gcc(reports, context)).toBe('a,b:c.cfg:1:1: note: 100% <bad> & "odd" ]]> \u0001 next [syntax/x]\n');
  });

  it("gitlab: code quality issues whose fingerprints do not depend on the line, and differ for repeats", () => {
    const at = (line: number) => ({ start: { offset: 0, line, column: 0 }, end: { offset: 3, line, column: 3 } });
    const problem = { ruleId: "HA022", code: "duplicate-directive", severity: "warning" as const, message: "'mode' is already set" };
    const issues = (lines: number[]) => JSON.parse(FORMATTERS.gitlab([{ uri: "file:///w/h.cfg", path: "/w/h.cfg", problems: lines.map((line) => ({ ...problem, range: at(line) })) }], context));
    const before = issues([4, 9]);
    expect(before[0]).toMatchObject({ description: "'mode' is already set", check_name: "HA022", severity: "minor", location: { path: "h.cfg", lines: { begin: 5, end: 5 } } });
    expect(before[0].fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(before[0].fingerprint).not.toBe(before[1].fingerprint);
    const moved = issues([14, 19]);
    expect(moved.map((issue: { fingerprint: string }) => issue.fingerprint)).toEqual(before.map((issue: { fingerprint: string }) => issue.fingerprint));
  });
});
