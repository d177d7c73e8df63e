// The TextMate grammars, tokenized as VS Code tokenizes them: each fixture's words get the scopes
// listed here (line, text, innermost scope).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { tokenize, type Token } from "./tokenize.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

function scopeOf(tokens: readonly Token[], line: number, text: string): string {
  return tokens.find((token) => token.line === line && token.text === text)?.scope ?? `no token '${text}' on line ${line}: ${JSON.stringify(tokens.filter((t) => t.line === line).map((t) => [t.text, t.scope]))}`;
}

describe("the haproxy grammar", () => {
  const expected: [number, string, string][] = [
    [0, "# A commented haproxy.cfg for the grammar tests", "comment.line.number-sign.haproxy"],
    [1, "global", "storage.type.section.haproxy"],
    [2, "log", "keyword.other.haproxy"],
    [5, "defaults", "storage.type.section.haproxy"],
    [5, "web", "entity.name.section.haproxy"],
    [5, "from", "keyword.other.from.haproxy"],
    [5, "base", "entity.name.section.haproxy"],
    [6, "timeout", "keyword.other.haproxy"],
    [6, "client", "entity.other.option.haproxy"],
    [6, "30", "constant.numeric.haproxy"],
    [6, "s", "keyword.other.unit.haproxy"],
    [7, "no", "keyword.operator.negation.haproxy"],
    [7, "httplog", "entity.other.option.haproxy"],
    [9, "frontend", "storage.type.section.haproxy"],
    [9, "www", "entity.name.section.haproxy"],
    [10, "192.0.2.10:443", "constant.other.address.haproxy"],
    [10, '"', "string.quoted.double.haproxy"],
    [12, "${BACKEND_ADDR}", "variable.other.environment.haproxy"],
    [12, "\\t", "constant.character.escape.haproxy"],
    [12, "if", "keyword.control.conditional.haproxy"],
    [12, "!", "keyword.operator.negation.haproxy"],
    [12, "||", "keyword.operator.logical.haproxy"],
    [12, "{", "punctuation.section.braces.haproxy"],
    [12, "10.0.0.0/8", "constant.other.address.haproxy"],
    [14, "# route the API", "comment.line.number-sign.haproxy"],
    [15, ".if", "keyword.control.directive.haproxy"],
    [17, ".endif", "keyword.control.directive.haproxy"],
  ];
  it.each(expected)("line %i: '%s' is %s", async (line, text, scope) => {
    const tokens = await tokenize("source.haproxy", fixture("haproxy.cfg"));
    expect(scopeOf(tokens, line, text)).toBe(scope);
  });

  it("keeps a # inside quotes in the string", async () => {
    const tokens = await tokenize("source.haproxy", 'frontend f\n    http-request set-header X "a # b"\n');
    expect(tokens.some((t) => t.scope.startsWith("comment"))).toBe(false);
  });
});

describe("the keepalived grammar", () => {
  const expected: [number, string, string][] = [
    [0, "! Configuration File for keepalived", "comment.line.keepalived"],
    [1, "$IFACE", "variable.other.definition.keepalived"],
    [2, "global_defs", "storage.type.block.keepalived"],
    [2, "{", "punctuation.section.block.begin.keepalived"],
    [3, "router_id", "keyword.other.keepalived"],
    [3, "# this host", "comment.line.keepalived"],
    [4, "}", "punctuation.section.block.end.keepalived"],
    [5, "vrrp_instance", "storage.type.block.keepalived"],
    [5, "VI_1", "entity.name.block.keepalived"],
    [6, "state", "keyword.other.keepalived"],
    [6, "MASTER", "constant.language.keepalived"],
    [7, "${IFACE}", "variable.other.keepalived"],
    [8, "150", "constant.numeric.keepalived"],
    [10, "192.0.2.100/24", "constant.other.address.keepalived"],
    [12, "authentication", "storage.type.block.keepalived"],
    [12, "auth_type", "keyword.other.keepalived"],
    [12, "PASS", "constant.language.keepalived"],
    [12, "s3cret", "string.quoted.double.keepalived"],
    [14, "@lb1", "keyword.control.config-id.keepalived"],
    [14, "vrrp_script", "storage.type.block.keepalived"],
  ];
  it.each(expected)("line %i: '%s' is %s", async (line, text, scope) => {
    const tokens = await tokenize("source.keepalived", fixture("keepalived.conf"));
    expect(scopeOf(tokens, line, text)).toBe(scope);
  });
});

describe("template expressions in both grammars", () => {
  it("haproxy: control lines, expressions inside a line and comments are template scopes", async () => {
    const text = "backend app\n{% for s in servers %}\n    server {{ s.name }} {{ s.addr }}:80 check\n{%- endfor %}\n{# a\ncomment #}\n    bind <%= @address %>:80\n<% if @tls -%>\n";
    const tokens = await tokenize("source.haproxy", text);
    expect(scopeOf(tokens, 1, "{%")).toBe("punctuation.section.embedded.begin.template");
    expect(scopeOf(tokens, 1, "for")).toBe("keyword.control.template");
    expect(scopeOf(tokens, 2, "server")).toBe("keyword.other.haproxy");
    expect(scopeOf(tokens, 2, " s.name ")).toBe("variable.other.template");
    expect(scopeOf(tokens, 3, "endfor")).toBe("keyword.control.template");
    expect(scopeOf(tokens, 5, "comment ")).toBe("comment.block.template");
    expect(scopeOf(tokens, 6, " @address ")).toBe("variable.other.template");
    expect(scopeOf(tokens, 7, "if")).toBe("keyword.control.template");
  });

  it("keepalived: a loop in a value block and a templated value", async () => {
    const text = "vrrp_instance VI_1 {\n    priority {{ prio }}\n    virtual_ipaddress {\n{% for ip in vips %}\n        {{ ip }}/24\n{% endfor %}\n    }\n}\n";
    const tokens = await tokenize("source.keepalived", text);
    expect(scopeOf(tokens, 1, " prio ")).toBe("variable.other.template");
    expect(scopeOf(tokens, 3, "for")).toBe("keyword.control.template");
    expect(scopeOf(tokens, 4, " ip ")).toBe("variable.other.template");
    expect(scopeOf(tokens, 5, "endfor")).toBe("keyword.control.template");
  });
});
