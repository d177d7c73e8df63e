// Completion at the cursor: keywords per section/block and version, multi-word keywords, values,
// options and names.
import { describe, expect, it } from "vitest";
import type { CompletionItem } from "vscode-languageserver-types";
import { complete } from "../../server/src/service/completion.js";
import { haproxy, keepalived, type Opened } from "./harness.js";

function labels(opened: Opened): string[] {
  return complete({ project: opened.project, uri: opened.uri, parsed: opened.document.parsed, offset: opened.offset }).items.map((i) => i.label);
}
function items(opened: Opened): CompletionItem[] {
  return complete({ project: opened.project, uri: opened.uri, parsed: opened.document.parsed, offset: opened.offset }).items;
}

const BASE = `global
    log stdout format raw local0

defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s

`;

describe("haproxy completion", () => {
  it("offers section keywords and snippets at the top level", async () => {
    const found = labels(await haproxy(`<|>`));
    expect(found).toEqual(expect.arrayContaining(["global", "defaults", "frontend", "backend", "frontend (snippet)"]));
    expect(found).not.toContain("bind");
  });

  it("offers the keywords of the cursor's section only", async () => {
    const found = labels(await haproxy(`${BASE}frontend www\n    <|>\n`));
    expect(found).toEqual(expect.arrayContaining(["bind", "default_backend", "use_backend", "option httplog", "timeout client"]));
    expect(found).not.toContain("server");
    expect(found).not.toContain("balance");
  });

  it("follows the target version: a keyword that only 3.4 has is not offered for 2.6", async () => {
    const newer = labels(await haproxy(`global\n    <|>\n`));
    expect(newer).toContain("acme.scheduler");
    const opened = await haproxy(`global\n    <|>\n`, { files: { "file:///etc/haproxy/lblint.config.json": '{"haproxyVersion": "2.6"}' } });
    expect(labels(opened)).not.toContain("acme.scheduler");
  });

  it("shows each keyword's syntax at the target version: tune.bufsize takes a size from 2.8, a number in 2.6", async () => {
    const detail = (found: CompletionItem[]) => found.find((i) => i.label === "tune.bufsize")?.detail;
    expect(detail(items(await haproxy(`global\n    <|>\n`)))).toBe("tune.bufsize <size>");
    const at28 = await haproxy(`global\n    <|>\n`, { files: { "file:///etc/haproxy/lblint.config.json": '{"haproxyVersion": "2.8"}' } });
    expect(detail(items(at28))).toBe("tune.bufsize <size>");
    const at26 = await haproxy(`global\n    <|>\n`, { files: { "file:///etc/haproxy/lblint.config.json": '{"haproxyVersion": "2.6"}' } });
    expect(detail(items(at26))).toBe("tune.bufsize <1-268435440>");
    expect(items(at26).find((i) => i.label === "daemon")?.detail).toBeUndefined();
  });

  it("completes the next word of multi-word keywords", async () => {
    const option = labels(await haproxy(`${BASE}backend app\n    option <|>\n`));
    expect(option).toEqual(expect.arrayContaining(["httpchk", "redispatch"]));
    const timeout = labels(await haproxy(`${BASE}backend app\n    timeout s<|>\n`));
    expect(timeout).toContain("server");
    expect(timeout).not.toContain("client");
  });

  it("completes http-request actions", async () => {
    const found = labels(await haproxy(`${BASE}frontend www\n    http-request <|>\n`));
    expect(found).toEqual(expect.arrayContaining(["set-header", "deny", "redirect"]));
  });

  it("offers the enumerated values of balance and mode", async () => {
    expect(labels(await haproxy(`${BASE}backend app\n    balance <|>\n`))).toEqual(expect.arrayContaining(["roundrobin", "leastconn", "source", "hdr()"]));
    expect(labels(await haproxy(`${BASE}backend app\n    mode <|>\n`))).toEqual(expect.arrayContaining(["http", "tcp"]));
  });

  it("offers backends after use_backend and default_backend", async () => {
    const text = `${BASE}frontend www\n    bind :80\n    default_backend <|>\n\nbackend api\n    server a 10.0.0.1:80\n\nlisten stats\n    bind :8404\n\nfrontend other\n    bind :81\n`;
    const found = labels(await haproxy(text));
    expect(found).toEqual(expect.arrayContaining(["api", "stats"]));
    expect(found).not.toContain("other");
  });

  it("offers bind options after the address and server options after name and address", async () => {
    expect(labels(await haproxy(`${BASE}frontend www\n    bind :443 <|>\n`))).toEqual(expect.arrayContaining(["ssl", "crt", "alpn"]));
    const server = labels(await haproxy(`${BASE}backend app\n    server a 10.0.0.1:80 <|>\n`));
    expect(server).toEqual(expect.arrayContaining(["check", "inter", "weight"]));
    // After an option that takes a value, the value is next.
    expect(labels(await haproxy(`${BASE}backend app\n    server a 10.0.0.1:80 inter <|>\n`))).toEqual([]);
  });

  it("offers the ACLs a condition can use: the section's own, its defaults' and the predefined ones", async () => {
    const text = `${BASE}frontend www\n    bind :80\n    acl is_api path_beg /api\n    use_backend api if <|>\n\nfrontend other\n    acl elsewhere src 10.0.0.0/8\n`;
    const found = labels(await haproxy(text));
    expect(found).toEqual(expect.arrayContaining(["is_api", "TRUE", "METH_GET"]));
    expect(found).not.toContain("elsewhere");
  });

  it("offers sample fetches after an ACL name and converters after a comma", async () => {
    expect(labels(await haproxy(`${BASE}frontend www\n    acl x <|>\n`))).toEqual(expect.arrayContaining(["path", "src", "req.hdr", "path_beg"]));
    const converters = await haproxy(`${BASE}frontend www\n    http-request set-var(txn.h) req.hdr(host),lo<|>\n`);
    expect(labels(converters)).toEqual(expect.arrayContaining(["lower"]));
    const edit = items(converters).find((i) => i.label === "lower")!.textEdit as { range: { start: { character: number } } };
    expect(edit.range.start.character).toBe("    http-request set-var(txn.h) req.hdr(host),".length);
  });

  it("replaces the typed part of the word", async () => {
    const found = items(await haproxy(`${BASE}frontend www\n    default_b<|>\n`));
    const edit = found.find((i) => i.label === "default_backend")!.textEdit as { range: unknown; newText: string };
    expect(edit).toEqual({ range: { start: { line: 10, character: 4 }, end: { line: 10, character: 13 } }, newText: "default_backend" });
  });

  it("offers the environment variables set in global inside double quotes", async () => {
    const found = items(await haproxy(`global\n    setenv BACKEND_ADDR 10.0.0.9\n    presetenv PORT 80\n\nbackend app\n    server a "\${BA<|>"\n`));
    expect(found.map((i) => i.label)).toEqual(["BACKEND_ADDR", "PORT"]);
    const edit = found[0]!.textEdit as { range: { start: { character: number } } };
    expect(edit.range.start.character).toBe('    server a "\${'.length);
  });

  it("offers nothing in a comment", async () => {
    expect(labels(await haproxy(`${BASE}frontend www\n    # bind <|>\n`))).toEqual([]);
  });
});

const VRRP = `vrrp_script chk_haproxy {
    script "/usr/bin/killall -0 haproxy"
}

vrrp_script chk_dns {
    script "/usr/bin/true"
}

`;

describe("keepalived completion", () => {
  it("offers top-level blocks and snippets at the top level", async () => {
    const found = labels(await keepalived(`<|>`));
    expect(found).toEqual(expect.arrayContaining(["global_defs", "vrrp_instance", "virtual_server", "vrrp_instance (snippet)", "virtual_server (snippet)"]));
    expect(found).not.toContain("priority");
  });

  it("offers the keywords of the cursor's block", async () => {
    const found = labels(await keepalived(`vrrp_instance VI_1 {\n    <|>\n}\n`));
    expect(found).toEqual(expect.arrayContaining(["state", "priority", "virtual_router_id", "virtual_ipaddress", "track_script"]));
    expect(found).not.toContain("lb_algo");
    const nested = labels(await keepalived(`virtual_server 192.0.2.1 80 {\n    real_server 10.0.0.1 80 {\n        TCP_CHECK {\n            <|>\n        }\n    }\n}\n`));
    expect(nested).toContain("connect_timeout");
  });

  it("offers the values of state, lb_algo, lb_kind, protocol and auth_type", async () => {
    expect(labels(await keepalived(`vrrp_instance VI_1 {\n    state <|>\n}\n`))).toEqual(["MASTER", "BACKUP"]);
    expect(labels(await keepalived(`virtual_server 192.0.2.1 80 {\n    lb_algo <|>\n}\n`))).toEqual(expect.arrayContaining(["rr", "wrr", "lc"]));
    expect(labels(await keepalived(`virtual_server 192.0.2.1 80 {\n    lb_kind <|>\n}\n`))).toEqual(["NAT", "DR", "TUN"]);
    expect(labels(await keepalived(`virtual_server 192.0.2.1 80 {\n    protocol <|>\n}\n`))).toContain("TCP");
    expect(labels(await keepalived(`vrrp_instance VI_1 {\n    authentication {\n        auth_type <|>\n    }\n}\n`))).toEqual(["PASS", "AH"]);
  });

  it("offers vrrp_script names in track_script and instances in a sync group", async () => {
    expect(labels(await keepalived(`${VRRP}vrrp_instance VI_1 {\n    track_script {\n        <|>\n    }\n}\n`))).toEqual(["chk_haproxy", "chk_dns"]);
    const group = labels(await keepalived(`vrrp_sync_group G {\n    group {\n        <|>\n    }\n}\nvrrp_instance VI_1 {\n}\nvrrp_instance VI_2 {\n}\n`));
    expect(group).toEqual(["VI_1", "VI_2"]);
  });

  it("offers names from included files", async () => {
    const opened = await keepalived(`include conf.d/*.conf\nvrrp_instance VI_1 {\n    track_script {\n        <|>\n    }\n}\n`, {
      files: { "file:///etc/keepalived/conf.d/scripts.conf": 'vrrp_script chk_remote {\n    script "/usr/bin/true"\n}\n' },
    });
    expect(labels(opened)).toEqual(["chk_remote"]);
  });

  it("offers the $VARs defined in the file", async () => {
    const found = items(await keepalived(`$IFACE=eth0\nvrrp_instance VI_1 {\n    interface $IF<|>\n}\n`));
    expect(found.map((i) => i.label)).toEqual(["IFACE"]);
  });
});

describe("completion in templates", () => {
  it("offers nothing inside a template tag, closed or being typed", async () => {
    for (const text of [`${BASE}frontend www\n    bind *:{{ po<|> }}\n`, `${BASE}frontend www\n{% if t<|> %}\n`, `${BASE}frontend www\n    {{ <|>\n`, `${BASE}frontend www\n    bind <%= @<|> %>\n`]) {
      expect(labels(await haproxy(text))).toEqual([]);
    }
    expect(labels(await keepalived("vrrp_instance X {\n    priority {{ p<|> }}\n}\n"))).toEqual([]);
  });

  it("offers the configuration's words again after a closed tag and on the next line", async () => {
    expect(labels(await haproxy(`${BASE}frontend www\n    bind *:{{ port }} <|>\n`))).toEqual(expect.arrayContaining(["accept-proxy", "ssl"]));
    expect(labels(await haproxy(`${BASE}frontend www\n{% if tls %}\n    <|>\n`))).toEqual(expect.arrayContaining(["bind", "default_backend"]));
  });
});
