// Hover and signature help: keyword documentation from lblint's tables, names with their definition.
import { describe, expect, it } from "vitest";
import { hover } from "../../server/src/service/hover.js";
import { signatureHelp } from "../../server/src/service/signature.js";
import { haproxy, keepalived, type Opened } from "./harness.js";

function text(opened: Opened): string {
  const found = hover(opened.project, opened.uri, opened.document.parsed, opened.offset);
  return found ? (found.contents as { value: string }).value : "";
}

describe("hover", () => {
  it("documents a haproxy keyword: syntax, summary, sections, link for the target version", async () => {
    const value = text(await haproxy(`defaults\n    time<|>out client 30s\n`));
    expect(value).toContain("timeout client <time>");
    expect(value).toContain("Longest inactivity allowed on the client side.");
    expect(value).toContain("Allowed in: defaults, frontend, listen");
    expect(value).toContain("https://docs.haproxy.org/3.4/configuration.html#");
    const older = await haproxy(`defaults\n    time<|>out client 30s\n`, { files: { "file:///etc/haproxy/lblint.config.json": '{"haproxyVersion":"2.6"}' } });
    expect(text(older)).toContain("https://docs.haproxy.org/2.6/configuration.html#4.2-timeout%20client");
  });

  it("shows the syntax of the target version where a value changed kind after 2.6", async () => {
    expect(text(await haproxy(`global\n    tune.buf<|>size 16k\n`))).toContain("tune.bufsize <size>");
    const older = await haproxy(`global\n    tune.buf<|>size 16384\n`, { files: { "file:///etc/haproxy/lblint.config.json": '{"haproxyVersion":"2.6"}' } });
    expect(text(older)).toContain("tune.bufsize <1-268435440>");
    expect(text(older)).not.toContain("<size>");
  });

  it("covers the whole multi-word keyword", async () => {
    const opened = await haproxy(`defaults\n    option http<|>log\n`);
    const found = hover(opened.project, opened.uri, opened.document.parsed, opened.offset)!;
    expect(found.range).toEqual({ start: { line: 1, character: 4 }, end: { line: 1, character: 18 } });
  });

  it("tells when the target version refuses a keyword and what replaces it", async () => {
    const value = text(await haproxy(`backend app\n    req<|>rep ^(.*) \\1\n`));
    expect(value).toMatch(/removed in/);
    // A keyword 3.2.26 registers and 3.0.11 does not: it came after 3.0, by 3.2.
    const later = text(await haproxy(`defaults\n    log-st<|>eps all\n`, { files: { "file:///etc/haproxy/lblint.config.json": '{"haproxyVersion":"2.6"}' } }));
    expect(later).toContain("added after haproxy 3.0 (in 3.2) — **not in haproxy 2.6**");
    // Only the 3.4 manual has it, and 3.2 does not know it.
    const newest = text(await haproxy(`frontend f\n    force-be-sw<|>itch if TRUE\n`, { files: { "file:///etc/haproxy/lblint.config.json": '{"haproxyVersion":"3.2"}' } }));
    expect(newest).toContain("added after haproxy 3.2 (in the 3.4 manual) — **not in haproxy 3.2**");
  });

  it("documents bind and server options, actions, fetches and converters", async () => {
    expect(text(await haproxy(`frontend f\n    bind :443 ss<|>l crt /x.pem\n`))).toContain("Enables TLS on this line.");
    expect(text(await haproxy(`backend b\n    server s 10.0.0.1:80 ch<|>eck\n`))).toContain("check");
    expect(text(await haproxy(`frontend f\n    http-request de<|>ny\n`))).toContain("deny");
    expect(text(await haproxy(`frontend f\n    http-request set-var(txn.h) req.h<|>dr(host),lower\n`))).toContain("req.hdr");
    expect(text(await haproxy(`frontend f\n    http-request set-var(txn.h) req.hdr(host),lo<|>wer\n`))).toContain("lower");
  });

  it("shows a name's definition", async () => {
    const value = text(await haproxy(`frontend f\n    bind :80\n    default_backend a<|>pi\n\nbackend api\n    server a 10.0.0.1:80\n`));
    expect(value).toContain("backend **api**, defined on line 5");
    expect(value).toContain("backend api");
  });

  it("documents a keepalived keyword of the cursor's block", async () => {
    const value = text(await keepalived(`vrrp_instance VI_1 {\n    sta<|>te MASTER\n}\n`));
    expect(value).toContain("state MASTER|BACKUP");
    expect(value).toContain("Allowed in `vrrp_instance`");
    expect(value).toContain("https://www.keepalived.org/manpage.html");
    // On another host's header of the block (`@lb2 …` after `@lb1 … {`): a top-level keyword, as the first header.
    const alternative = text(await keepalived(`@lb1 vrrp_instance A {\n@lb2 vrrp_in<|>stance B {\n    state MASTER\n}\n`));
    expect(alternative).toContain("Allowed in the top level");
  });

  it("shows where a vrrp_script and a $VAR are defined", async () => {
    const script = text(await keepalived(`vrrp_script chk {\n    script "/bin/true"\n}\nvrrp_instance VI_1 {\n    track_script {\n        ch<|>k\n    }\n}\n`));
    expect(script).toContain("vrrp_script **chk**, defined on line 1");
    const variable = text(await keepalived(`$IFACE=eth0\nvrrp_instance VI_1 {\n    interface $IF<|>ACE\n}\n`));
    expect(variable).toContain("$IFACE=eth0");
  });
});

describe("signature help", () => {
  it("highlights the argument being written", async () => {
    const opened = await haproxy(`backend b\n    timeout server <|>\n`);
    const help = signatureHelp(opened.project, opened.document.parsed, opened.offset)!;
    expect(help.signatures[0]!.label).toBe("timeout server <time>");
    expect(help.activeParameter).toBe(0);
    const ka = await keepalived(`vrrp_instance VI_1 {\n    priority <|>\n}\n`);
    expect(signatureHelp(ka.project, ka.document.parsed, ka.offset)!.signatures[0]!.label).toBe("priority <1-255>");
  });

  it("reads a keyword's value as the target version does: tune.bufsize is a number in 2.6 and a size later", async () => {
    const at26 = { files: { "file:///etc/haproxy/lblint.config.json": '{"haproxyVersion":"2.6"}' } };
    const later = await haproxy(`global\n    tune.bufsize <|>\n`);
    expect(signatureHelp(later.project, later.document.parsed, later.offset)!.signatures[0]!.label).toBe("tune.bufsize <size>");
    const older = await haproxy(`global\n    tune.bufsize <|>\n`, at26);
    expect(signatureHelp(older.project, older.document.parsed, older.offset)!.signatures[0]!.label).toBe("tune.bufsize <1-268435440>");
  });
});
