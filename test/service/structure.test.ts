// The outline, workspace symbols, folding, selection ranges, links, semantic tokens and inlay hints.
import { describe, expect, it } from "vitest";
import { foldingRanges } from "../../server/src/service/folding.js";
import { inlayHints } from "../../server/src/service/inlay-hints.js";
import { documentLinks } from "../../server/src/service/links.js";
import { selectionRange } from "../../server/src/service/selection.js";
import { semanticTokens, TOKEN_TYPES } from "../../server/src/service/semantic-tokens.js";
import { documentSymbols, workspaceSymbols } from "../../server/src/service/symbols.js";
import { haproxy, keepalived } from "./harness.js";

const HAPROXY = `# shared settings
# for every proxy
defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s

frontend www
    bind :443 ssl crt certs/site.pem
    acl is_api path_beg -f /etc/haproxy/api.lst
    use_backend api if is_api
    http-request set-var(txn.b) req.hdr(host),map_str(maps/hosts.map)
.if defined(DEBUG)
    http-request deny
.endif

backend api
    timeout server 60s
    server a 10.0.0.1:80
`;

const KEEPALIVED = `$IFACE=eth0
include conf.d/extra.conf
vrrp_instance VI_1 {
    interface $IFACE
    virtual_ipaddress {
        192.0.2.1/24
    }
}
`;

describe("structure features", () => {
  it("outlines sections with their servers, binds and ACLs, and nested keepalived blocks", async () => {
    const opened = await haproxy(HAPROXY);
    const outline = documentSymbols(opened.document.parsed);
    expect(outline.map((s) => s.name)).toEqual(["defaults", "www", "api"]);
    expect(outline[1]!.children!.map((s) => s.name)).toEqual([":443", "is_api", "→ api"]);
    const ka = await keepalived(KEEPALIVED);
    const blocks = documentSymbols(ka.document.parsed);
    expect(blocks.map((s) => s.name)).toEqual(["$IFACE", "VI_1"]);
    expect(blocks[1]!.children!.map((s) => s.name)).toEqual(["virtual_ipaddress"]);
    const alternatives = await keepalived("@lb1 vrrp_instance A {\n@lb2 vrrp_instance B {\n    state MASTER\n}\n");
    expect(documentSymbols(alternatives.document.parsed).map((s) => s.name)).toEqual(["A | @lb2 B"]);
  });

  it("finds named things across configurations by part of their name", async () => {
    const opened = await haproxy(HAPROXY);
    expect(workspaceSymbols([opened.project], "ap").map((s) => `${s.containerName} ${s.name}`)).toEqual(["backend api", "acl is_api"]);
    expect(workspaceSymbols([opened.project], "www").map((s) => s.name)).toEqual(["www"]);
  });

  it("folds sections, .if blocks, keepalived blocks and comment runs", async () => {
    const opened = await haproxy(HAPROXY);
    expect(foldingRanges(opened.document.parsed).map((r) => `${r.startLine}-${r.endLine}${r.kind ? ` ${r.kind}` : ""}`)).toEqual(["0-1 comment", "2-6", "8-15", "13-14", "17-19"]);
    const ka = await keepalived(KEEPALIVED);
    expect(foldingRanges(ka.document.parsed).map((r) => `${r.startLine}-${r.endLine}`)).toEqual(["2-6", "4-5"]);
  });

  it("expands the selection from a word to its line, section and file", async () => {
    const opened = await haproxy(HAPROXY);
    const offset = opened.text.indexOf("10.0.0.1");
    let range = selectionRange(opened.document.parsed, offset);
    const lines: string[] = [];
    for (let at: typeof range | undefined = range; at; at = at.parent) lines.push(`${at.range.start.line}:${at.range.start.character}-${at.range.end.line}:${at.range.end.character}`);
    expect(lines).toEqual(["19:13-19:24", "19:4-19:24", "19:0-20:0", "17:0-20:0", "0:0-20:0"]);
  });

  it("links certificates, pattern files, map files and includes", async () => {
    const opened = await haproxy(HAPROXY);
    expect(documentLinks(opened.uri, opened.document.parsed).map((l) => l.target)).toEqual([
      "file:///etc/haproxy/certs/site.pem",
      "file:///etc/haproxy/api.lst",
      "file:///etc/haproxy/maps/hosts.map",
    ]);
    const ka = await keepalived(KEEPALIVED);
    expect(documentLinks(ka.uri, ka.document.parsed).map((l) => l.target)).toEqual(["file:///etc/keepalived/conf.d/extra.conf"]);
  });

  it("links error files, Lua scripts, CA files and crt-lists, relative to the configuration's directory", async () => {
    const opened = await haproxy(
      "global\n    lua-load /etc/haproxy/lua/auth.lua\n\nfrontend www\n    bind :443 ssl crt-list lists/certs.lst ca-file ca/root.pem\n    errorfile 503 errors/503.http\n\nbackend app\n    server a 10.0.0.1:443 ssl ca-file /etc/ssl/ca.pem\n",
    );
    const links = documentLinks(opened.uri, opened.document.parsed);
    expect(links.map((l) => `${l.range.start.line}:${l.range.start.character} ${l.target}`)).toEqual([
      "1:13 file:///etc/haproxy/lua/auth.lua",
      "4:27 file:///etc/haproxy/lists/certs.lst",
      "4:51 file:///etc/haproxy/ca/root.pem",
      "5:18 file:///etc/haproxy/errors/503.http",
      "8:38 file:///etc/ssl/ca.pem",
    ]);
  });

  it("marks keywords, names, numbers and directives as semantic tokens", async () => {
    const opened = await haproxy(HAPROXY);
    const data = semanticTokens(opened.project, opened.uri, opened.document.parsed);
    const tokens: string[] = [];
    let line = 0;
    let column = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      column = data[i] === 0 ? column + data[i + 1]! : data[i + 1]!;
      tokens.push(`${line}:${column} ${TOKEN_TYPES[data[i + 3]!]}${data[i + 4] ? "+" : ""}`);
    }
    expect(tokens).toEqual(expect.arrayContaining(["8:9 class+", "11:16 class", "4:4 keyword", "4:20 number", "13:0 macro", "11:23 variable"]));
  });

  it("shows inherited timeouts on a proxy and a $VAR's value", async () => {
    const opened = await haproxy(HAPROXY);
    const hints = inlayHints(opened.project, opened.uri, opened.document.parsed, { start: 0, end: 100 });
    expect(hints.map((h) => `${h.position.line} ${h.label}`)).toEqual(["8 timeout client 30s", "17 timeout connect 5s"]);
    const ka = await keepalived(KEEPALIVED);
    expect(inlayHints(ka.project, ka.uri, ka.document.parsed, { start: 0, end: 100 }).map((h) => `${h.position.line}:${h.position.character} ${h.label}`)).toEqual(["3:20 = eth0"]);
  });
});

describe("results kept per section", () => {
  it("move with their sections after an edit and equal a fresh computation", async () => {
    const opened = await haproxy(HAPROXY);
    const before = () => [documentSymbols(opened.document.parsed), documentLinks(opened.uri, opened.document.parsed), semanticTokens(opened.project, opened.uri, opened.document.parsed)];
    before();
    // Two lines into the frontend: the backend after it moves down, untouched.
    opened.service.change(opened.uri, [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: "    maxconn 10\n    # more\n" }], 2);
    const project = await opened.service.project(opened.uri);
    const after = [documentSymbols(opened.document.parsed), documentLinks(opened.uri, opened.document.parsed), semanticTokens(project, opened.uri, opened.document.parsed)];
    const fresh = await haproxy(opened.document.text);
    expect(after).toEqual([documentSymbols(fresh.document.parsed), documentLinks(fresh.uri, fresh.document.parsed), semanticTokens(fresh.project, fresh.uri, fresh.document.parsed)]);
  });
});

describe("keepalived names kept per top-level item", () => {
  it("move with their items after an edit and equal a fresh index", async () => {
    const { nameIndex } = await import("../../server/src/service/names.js");
    const text = `$IFACE=eth0\nvrrp_script chk {\n    script "/bin/true"\n}\nvrrp_instance VI_1 {\n    interface $IFACE\n    track_script {\n        chk\n    }\n}\nvrrp_instance VI_2 {\n    interface \${IFACE}\n    track_script {\n        chk\n    }\n}\n`;
    const opened = await keepalived(text);
    nameIndex(opened.project);
    opened.service.change(opened.uri, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: "    priority 100\n    state BACKUP\n" }], 2);
    const after = nameIndex(await opened.service.project(opened.uri)).sites;
    const fresh = await keepalived(opened.document.text);
    const plainSites = (sites: typeof after) => sites.map((s) => [s.key, s.start, s.end, s.range.start.line, s.range.start.column, s.definition]).sort();
    expect(plainSites(after)).toEqual(plainSites(nameIndex(fresh.project).sites));
    expect(after.some((s) => s.key === "block:vrrp_script:chk" && !s.definition && s.range.start.line === 15)).toBe(true);
  });
});

describe("haproxy names kept per section", () => {
  const text = [
    "global",
    "    setenv PORT 8080",
    "defaults base",
    "    mode http",
    "    acl is_api path_beg /api",
    "frontend fe from base",
    "    bind :${PORT}",
    "    use_backend api if is_api",
    "    default_backend web",
    "backend api",
    "    server a1 10.0.0.1:80 track web/w1",
    "backend web",
    "    server w1 10.0.0.2:80",
    "",
  ].join("\n");
  const plainSites = (sites: readonly { key: string; start: number; end: number; range: { start: { line: number; column: number } }; definition: boolean }[]) =>
    sites.map((s) => [s.key, s.start, s.end, s.range.start.line, s.range.start.column, s.definition]).sort();

  it("move with their sections after an edit and equal a fresh index", async () => {
    const { nameIndex } = await import("../../server/src/service/names.js");
    const opened = await haproxy(text);
    nameIndex(opened.project);
    opened.service.change(opened.uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: "# shared settings\n" }], 2);
    const after = nameIndex(await opened.service.project(opened.uri)).sites;
    const fresh = await haproxy(opened.document.text);
    expect(plainSites(after)).toEqual(plainSites(nameIndex(fresh.project).sites));
    expect(after.some((s) => s.name === "w1" && !s.definition && s.range.start.line === 11)).toBe(true);
  });

  it("resolve an unchanged section's names again when the section they name changes", async () => {
    const { nameIndex } = await import("../../server/src/service/names.js");
    const opened = await haproxy(text);
    const before = nameIndex(opened.project).withKey(nameIndex(opened.project).at(opened.uri, text.indexOf("if is_api") + 4)?.key ?? "missing");
    expect(before.filter((s) => s.definition)).toHaveLength(1);
    // The ACL moves out of the defaults: the frontend (unchanged) now names an undefined ACL.
    opened.service.change(opened.uri, [{ range: { start: { line: 4, character: 8 }, end: { line: 4, character: 14 } }, text: "is_www" }], 2);
    const after = nameIndex(await opened.service.project(opened.uri));
    const use = after.at(opened.uri, opened.document.text.indexOf("if is_api") + 4)!;
    expect(after.withKey(use.key).filter((s) => s.definition)).toEqual([]);
    const fresh = await haproxy(opened.document.text);
    expect(plainSites(after.sites)).toEqual(plainSites(nameIndex(fresh.project).sites));
  });
});
