// Hover and completion text for the words after a keyword: bind and server options, actions, fetches,
// converters (the manual's own syntax, lblint's summary) and the values of closed lists.
import type { CompletionItem } from "vscode-languageserver-types";
import { describe, expect, it } from "vitest";
import { complete } from "../../server/src/service/completion.js";
import { hover } from "../../server/src/service/hover.js";
import { haproxy, keepalived, type Opened } from "./harness.js";

function text(opened: Opened): string {
  const found = hover(opened.project, opened.uri, opened.document.parsed, opened.offset);
  return found ? (found.contents as { value: string }).value : "";
}

/** The code block of a hover: the syntax lines. */
function syntax(opened: Opened): string {
  return /```\w+\n([\s\S]*?)\n```/.exec(text(opened))?.[1] ?? "";
}

function items(opened: Opened): CompletionItem[] {
  return complete({ project: opened.project, uri: opened.uri, parsed: opened.document.parsed, offset: opened.offset }).items;
}

const docOf = (entry: CompletionItem | undefined) => (entry?.documentation as { value: string } | undefined)?.value;
const at26 = { files: { "file:///etc/haproxy/lblint.config.json": '{"haproxyVersion":"2.6"}' } };

describe("hover on options and actions", () => {
  it("shows a server option with the manual's argument name and what it does", async () => {
    const opened = await haproxy(`backend b\n    server s 10.0.0.1:80 check in<|>ter 2s\n`);
    expect(syntax(opened)).toBe("inter <delay>");
    expect(text(opened)).toContain("Time between two health checks");
    expect(text(opened)).toContain("https://docs.haproxy.org/3.4/configuration.html#5.2-inter");
    expect(text(opened)).not.toContain("A server option.");
  });

  it("shows a bind option the same way", async () => {
    const opened = await haproxy(`frontend f\n    bind :443 ssl c<|>rt /etc/haproxy/site.pem alpn h2\n`);
    expect(syntax(opened)).toBe("crt <cert>");
    expect(text(opened)).toContain("picked by SNI");
  });

  it("keeps the manual's optional parts and alternatives", async () => {
    expect(syntax(await haproxy(`backend b\n    server s 10.0.0.1:80 tr<|>ack other/s\n`))).toBe("track [<backend>/]<server>");
    expect(syntax(await haproxy(`frontend f\n    bind :443 ssl crt /x.pem ver<|>ify optional\n`))).toBe("verify [none|optional|required]");
  });

  it("shows an action with its parenthesised part and its meaning", async () => {
    const opened = await haproxy(`frontend f\n    http-request set-v<|>ar(txn.a) src\n`);
    expect(syntax(opened)).toBe("set-var(<var-name>[,<cond>...]) <expr>");
    expect(text(opened)).toContain("Stores the result of a sample expression in a variable");
  });

  it("gives an action the meaning it has in its rule set", async () => {
    const connection = text(await haproxy(`frontend f\n    tcp-request connection rej<|>ect if { src 10.0.0.0/8 }\n`));
    const http = text(await haproxy(`frontend f\n    http-request rej<|>ect if { src 10.0.0.0/8 }\n`));
    expect(connection).toContain("before any data is read");
    expect(http).toContain("without sending a response");
  });

  it("reads a signature the manual writes over several lines", async () => {
    expect(syntax(await haproxy(`frontend f\n    http-request de<|>ny status 429\n`))).toContain("lf-string <fmt> } ] [ hdr <name> <fmt> ]*");
  });
});

describe("hover on fetches and converters", () => {
  it("shows a fetch's parenthesised arguments as the manual writes them", async () => {
    const opened = await haproxy(`frontend f\n    acl a req.h<|>dr(host) -i example.com\n`);
    expect(syntax(opened)).toBe("req.hdr([<name>[,<occ>]])");
    expect(text(opened)).toContain("Value of a request header");
  });

  it("shows a converter after a comma", async () => {
    const opened = await haproxy(`frontend f\n    http-request set-var(txn.h) req.hdr(host),ma<|>p_dom(/etc/haproxy/hosts.map,none)\n`);
    expect(syntax(opened)).toBe("map_dom(<map_name>[,<default_value>])");
    expect(text(opened)).toContain("by domain");
  });

  it("describes the stick-table counters by whose entry they read", async () => {
    expect(text(await haproxy(`frontend f\n    http-request deny if { sc_http_req<|>_rate(0) gt 10 }\n`))).toContain("entry tracked by `track-sc<ctr>`");
    expect(text(await haproxy(`frontend f\n    http-request deny if { src_conn<|>_rate gt 10 }\n`))).toContain("client address's entry");
  });
});

describe("syntax at the target version", () => {
  const at30 = { files: { "file:///etc/haproxy/lblint.config.json": '{"haproxyVersion":"3.0"}' } };

  it("shows 2.6's form of a converter whose argument became optional, and 3.4's with what changed", async () => {
    const line = `backend b\n    http-request deny if { src,table_conn<|>_cnt(t) gt 10 }\n`;
    const old = await haproxy(line, at26);
    expect(syntax(old)).toBe("table_conn_cnt(<table>)");
    expect(text(old)).toContain("Changed after 2.6; haproxy 3.4 reads:\n\n```haproxy\ntable_conn_cnt([<table>])\n```");
    const now = await haproxy(line);
    expect(syntax(now)).toBe("table_conn_cnt([<table>])");
    expect(text(now)).toContain("Changed since 2.6; haproxy 2.6 reads:\n\n```haproxy\ntable_conn_cnt(<table>)\n```");
  });

  it("names what a later version adds", async () => {
    const line = `frontend f\n    acl a ur<|>lp(id) -m found\n`;
    expect(syntax(await haproxy(line, at26))).toBe("urlp([<name>[,<delim>]])");
    expect(text(await haproxy(line, at26))).toContain("(3.4 adds `i`)");
    expect(syntax(await haproxy(line))).toBe("urlp([<name>[,<delim>[,i]]])");
    expect(text(await haproxy(line))).toContain("Changed since 2.6 (2.6 lacks `i`); haproxy 2.6 reads:");
    const between = text(await haproxy(line, at30));
    expect(between).toContain("This is the 3.4 manual's form (2.6 lacks `i`); haproxy 2.6 reads:");
  });

  it("does so for actions and bind options too", async () => {
    const action = `frontend f\n    http-request set-time<|>out server 5s\n`;
    expect(syntax(await haproxy(action, at26))).toBe("set-timeout { server | tunnel } { <timeout> | <expr> }");
    expect(text(await haproxy(action, at26))).toContain("3.4 adds `client`, `connect`, `queue`, `tarpit`");
    expect(syntax(await haproxy(action))).toBe("set-timeout { client | connect | queue | server | tarpit | tunnel } { <timeout> | <expr> }");
    const bind = `frontend f\n    bind :80 sha<|>rds 2\n`;
    expect(syntax(await haproxy(bind, at26))).toBe("shards <number> | by-thread");
    expect(syntax(await haproxy(bind))).toBe("shards { <number> | by-thread | by-group }");
  });

  it("makes an argument mandatory at 2.6 where haproxy 2.6.12 requires it, whatever the 2.6 manual says", async () => {
    // haproxy 2.6.12: `fetch method 'src_get_gpc' : missing arguments (got 1/2), type 'table' expected`
    const line = `frontend f\n    http-request deny if { src_get_g<|>pc(0,f) gt 1 }\n`;
    expect(syntax(await haproxy(line, at26))).toBe("src_get_gpc(<idx>,<table>)");
    expect(syntax(await haproxy(line))).toBe("src_get_gpc(<idx>[,<table>])");
    expect(syntax(await haproxy(`frontend f\n    http-request set-var(txn.l) src,add_it<|>em(",",txn.x)\n`, at26))).toBe("add_item(<delim>,<var>[,<suff>])");
  });

  it("shows a fetch bare where 2.6 takes no argument", async () => {
    const line = `frontend f\n    http-request set-var(txn.q) que<|>ry\n`;
    expect(syntax(await haproxy(line, at26))).toBe("query");
    expect(syntax(await haproxy(line))).toBe("query([<options>])");
  });

  it("says nothing of versions where the manuals agree", async () => {
    const line = `backend b\n    server s 10.0.0.1:80 check in<|>ter 2s\n`;
    expect(text(await haproxy(line, at26))).not.toMatch(/haproxy 3\.4 reads|haproxy 2\.6 reads/);
    expect(text(await haproxy(line))).not.toMatch(/haproxy 3\.4 reads|haproxy 2\.6 reads/);
  });

  it("links to the chapter of the target version's manual", async () => {
    const line = `frontend f\n    tcp-request content accept if { wait_e<|>nd }\n`;
    expect(text(await haproxy(line, at26))).toContain("https://docs.haproxy.org/2.6/configuration.html#7.3.5-wait_end");
    expect(text(await haproxy(line))).toContain("https://docs.haproxy.org/3.4/configuration.html#7.3.2-wait_end");
  });

  it("links an item the target lacks to a manual that has it", async () => {
    const added = text(await haproxy(`frontend f\n    http-request deny if { act_co<|>nn gt 100 }\n`, at26));
    expect(added).toContain("not in haproxy 2.6");
    // 3.0 is the first target that has it (its keyword dump): its manual is linked.
    expect(added).toContain("[haproxy 3.0 documentation](https://docs.haproxy.org/3.0/configuration.html#7.3.2-act_conn)");
    const removed = text(await haproxy(`global\n    stats bind-pro<|>cess all\n`));
    expect(removed).toContain("haproxy 3.4 refuses it");
    expect(removed).toContain("[haproxy 2.6 documentation](https://docs.haproxy.org/2.6/configuration.html#3.1-stats%20bind-process)");
    expect(text(await haproxy(`global\n    stats bind-pro<|>cess all\n`, at26))).toContain("[haproxy 2.6 documentation]");
  });

  it("gives completion the form of the target version", async () => {
    const detail = async (config?: typeof at26) => items(await haproxy(`frontend f\n    http-request <|>\n`, config)).find((i) => i.label === "set-timeout")?.detail;
    expect(await detail(at26)).toBe("set-timeout { server | tunnel } { <timeout> | <expr> }");
    expect(await detail()).toBe("set-timeout { client | connect | queue | server | tarpit | tunnel } { <timeout> | <expr> }");
    const converters = items(await haproxy(`frontend f\n    http-request set-var(txn.h) src,<|>\n`, at26));
    expect(converters.find((i) => i.label === "table_conn_cnt")?.detail).toBe("table_conn_cnt(<table>) — converter");
  });
});

describe("hover on Lua functions", () => {
  it("says what kind of Lua function a name calls and where it must come from", async () => {
    const action = text(await haproxy(`frontend f\n    http-request lua.au<|>th_check arg1\n`));
    expect(syntax(await haproxy(`frontend f\n    http-request lua.au<|>th_check arg1\n`))).toBe("lua.auth_check [<argument> …]");
    expect(action).toContain("A Lua action: `auth_check`, which a script registers with `core.register_action()`");
    expect(action).toContain("`lua-load`");
    expect(action).toMatch(/\[haproxy 3\.4 documentation: `lua-load`\]\(https:\/\/docs\.haproxy\.org\/3\.4\/configuration\.html#3\.\d+-lua-load\)/);
    expect(text(await haproxy(`frontend f\n    http-request set-var(txn.c) lua.ge<|>o(src)\n`))).toContain("A Lua sample fetch: `geo`");
    expect(text(await haproxy(`frontend f\n    http-request set-var(txn.c) src,lua.ta<|>g\n`))).toContain("A Lua converter: `tag`");
    expect(text(await haproxy(`frontend f\n    http-request use-service lua.st<|>ats\n`))).toContain("A Lua service: `stats`");
  });

  it("says nothing on a bare `lua.`", async () => {
    expect(text(await haproxy(`frontend f\n    http-request set-var(txn.c) src,lu<|>a.\n`))).toBe("");
  });
});

describe("hover on values", () => {
  it("explains a balance algorithm and links to its keyword", async () => {
    const value = text(await haproxy(`backend b\n    balance least<|>conn\n`));
    expect(value).toContain("balance leastconn");
    expect(value).toContain("fewest connections");
    expect(value).toContain("https://docs.haproxy.org/3.4/configuration.html#4.2-balance");
  });

  it("reads a value with its argument and says when the target version lacks it", async () => {
    expect(text(await haproxy(`backend b\n    balance h<|>dr(host)\n`))).toContain("request header");
    expect(text(await haproxy(`backend b\n    balance stick<|>y\n`, at26))).toMatch(/not in haproxy 2\.6/);
  });

  it("tells the three words of hash-type apart", async () => {
    expect(text(await haproxy(`backend b\n    hash-type consist<|>ent sdbm avalanche\n`))).toContain("Consistent hash");
    expect(text(await haproxy(`backend b\n    hash-type consistent sd<|>bm avalanche\n`))).toContain("SDBM hash function");
    expect(text(await haproxy(`backend b\n    hash-type consistent sdbm aval<|>anche\n`))).toContain("Mixes the hash");
  });

  it("explains mode, http-reuse and the option httpchk method", async () => {
    expect(text(await haproxy(`defaults\n    mode ht<|>tp\n`))).toContain("Layer 7");
    expect(text(await haproxy(`backend b\n    http-reuse sa<|>fe\n`))).toContain("never for its first one");
    expect(text(await haproxy(`backend b\n    option httpchk HE<|>AD /health\n`))).toContain("HEAD request");
  });

  it("knows a log facility from a log level by position", async () => {
    expect(text(await haproxy(`global\n    log 127.0.0.1:514 local<|>0 info\n`))).toContain("Free for local use");
    expect(text(await haproxy(`global\n    log 127.0.0.1:514 local0 in<|>fo\n`))).toContain("Informational");
    expect(text(await haproxy(`global\n    log 127.0.0.1:514 len 1024 al<|>ert\n`))).toContain("Log alerts.");
    expect(text(await haproxy(`global\n    log 127.0.0.1:514 local0 al<|>ert\n`))).toContain("Action needed at once.");
  });

  it("explains keepalived schedulers, forwarding methods, states and protocols", async () => {
    const server = (line: string) => keepalived(`virtual_server 10.0.0.1 80 {\n    ${line}\n}\n`);
    expect(text(await server("lvs_sched w<|>lc"))).toContain("Weighted least connections");
    expect(text(await server("lb_algo s<|>h"))).toContain("Source hashing");
    expect(text(await server("lb_kind D<|>R"))).toContain("Direct routing");
    expect(text(await server("protocol T<|>CP"))).toContain("TCP connections");
    const state = text(await keepalived(`vrrp_instance VI_1 {\n    state BAC<|>KUP\n}\n`));
    expect(state).toContain("waits for the master's adverts");
    expect(state).toContain("https://www.keepalived.org/manpage.html");
    expect(text(await keepalived(`vrrp_instance VI_1 {\n    authentication {\n        auth_type P<|>ASS\n    }\n}\n`))).toContain("Plain-text password");
  });

  it("says nothing on a word that is no value of the list", async () => {
    expect(text(await haproxy(`backend b\n    option httpchk /hea<|>lth\n`))).toBe("");
    expect(text(await keepalived(`vrrp_instance VI_1 {\n    interface et<|>h0\n}\n`))).toBe("");
  });
});

describe("hover on keepalived keywords", () => {
  it("describes commonly written keywords of instances, virtual servers and checkers", async () => {
    expect(text(await keepalived(`vrrp_instance VI_1 {\n    use_v<|>mac\n}\n`))).toContain("macvlan");
    expect(text(await keepalived(`virtual_server 10.0.0.1 80 {\n    quo<|>rum 2\n}\n`))).toContain("Least total weight");
    expect(text(await keepalived(`virtual_server 10.0.0.1 80 {\n    real_server 10.0.0.2 80 {\n        MISC_CHECK {\n            misc_dyn<|>amic\n        }\n    }\n}\n`))).toContain("exit status");
  });

  it("gives a keyword the meaning of its block: track_file in an instance is not the top-level block", async () => {
    expect(text(await keepalived(`vrrp_instance VI_1 {\n    track_f<|>ile {\n        f1\n    }\n}\n`))).toContain("one per line");
    const top = text(await keepalived(`track_f<|>ile f1 {\n    file /tmp/x\n}\n`));
    expect(top).toContain("Allowed in the top level");
    expect(top).not.toContain("one per line");
  });
});

describe("hover on keepalived keywords and values at the target version", () => {
  const at22 = { files: { "file:///etc/keepalived/lblint.config.json": '{"keepalivedVersion":"2.2"}' } };

  it("describes keywords of every block real files use, SSL_GET's url as HTTP_GET's", async () => {
    const check = (name: string) => `virtual_server 10.0.0.1 443 {\n    real_server 10.0.0.2 443 {\n        ${name} {\n            url {\n                pa<|>th /health\n            }\n        }\n    }\n}\n`;
    expect(text(await keepalived(check("SSL_GET")))).toContain("Path of the URL to fetch");
    expect(text(await keepalived(check("HTTP_GET")))).toContain("Path of the URL to fetch");
    expect(text(await keepalived(`vrrp_track_process chk {\n    quo<|>rum 2\n}\n`))).toContain("Fewest matching processes");
    expect(text(await keepalived(`global_defs {\n    vrrp_garp_lower_prio_re<|>peat 2\n}\n`))).toContain("Default for the instances' `garp_lower_prio_repeat`");
  });

  it("says where a keyword written in the wrong block belongs", async () => {
    const misplaced = text(await keepalived(`virtual_server 10.0.0.1 80 {\n    real_server 10.0.0.2 80 {\n        TCP_CHECK {\n            nb_get<|>_retry 3\n        }\n    }\n}\n`));
    expect(misplaced).toContain("**nb_get_retry** is no keyword of `virtual_server › real_server › TCP_CHECK`: keepalived reads it in `virtual_server › real_server › HTTP_GET`, `virtual_server › real_server › SSL_GET`.");
    expect(misplaced).toContain("Old name of `retry`");
    expect(text(await keepalived(`prio<|>rity 100\n`))).toContain("is no keyword of the top level: keepalived reads it in");
    expect(text(await keepalived(`vrrp_instance VI_1 {\n    no_such_k<|>eyword 1\n}\n`))).toBe("");
  });

  it("says when a keyword came after 2.2, and what replaced a removed one", async () => {
    const hmac = `vrrp_instance VI_1 {\n    auth_h<|>mac {\n        key 1 hex:00\n    }\n}\n`;
    expect(text(await keepalived(hmac, at22))).toContain("since keepalived 2.4 — **not in keepalived 2.2**");
    expect(text(await keepalived(hmac))).toContain("HMAC-SHA-256");
    const removed = text(await keepalived(`global_defs {\n    lvs_<|>id lb1\n}\n`, at22));
    expect(removed).toContain("Name of this director");
    expect(removed).toContain("use `router_id` instead");
  });

  it("explains more closed lists, with the keyword's version note", async () => {
    const dns = (type: string) => `virtual_server 10.0.0.1 53 {\n    real_server 10.0.0.2 53 {\n        DNS_CHECK {\n            type ${type}\n        }\n    }\n}\n`;
    expect(text(await keepalived(dns("AA<|>AA")))).toContain("IPv6 addresses");
    expect(text(await keepalived(dns("aa<|>aa")))).toContain("IPv6 addresses");
    expect(text(await keepalived(`virtual_server 10.0.0.1 80 {\n    sorry_server_lvs_method D<|>R\n}\n`))).toContain("Direct routing");
    const mode = text(await keepalived(`vrrp_instance VI_1 {\n    auth_hmac {\n        mode enfo<|>rce\n    }\n}\n`, at22));
    expect(mode).toContain("Accepts only signed adverts.");
    expect(mode).toContain("not in keepalived 2.2");
  });
});

describe("completion documentation", () => {
  it("gives options and actions their syntax as detail and their summary as documentation", async () => {
    const server = items(await haproxy(`backend b\n    server s 10.0.0.1:80 <|>\n`));
    expect(server.find((i) => i.label === "inter")?.detail).toBe("inter <delay>");
    expect(docOf(server.find((i) => i.label === "inter"))).toContain("Time between two health checks");
    const actions = items(await haproxy(`frontend f\n    http-request <|>\n`));
    expect(actions.find((i) => i.label === "set-var")?.detail).toBe("set-var(<var-name>[,<cond>...]) <expr>");
  });

  it("documents fetches, converters and values", async () => {
    const fetches = items(await haproxy(`frontend f\n    acl a <|>\n`));
    expect(fetches.find((i) => i.label === "req.hdr")?.detail).toBe("req.hdr([<name>[,<occ>]]) — sample fetch");
    expect(docOf(fetches.find((i) => i.label === "src"))).toContain("Client's IP address");
    const converters = items(await haproxy(`frontend f\n    http-request set-var(txn.h) req.hdr(host),<|>\n`));
    expect(docOf(converters.find((i) => i.label === "lower"))).toContain("lower case");
    expect(docOf(items(await haproxy(`backend b\n    balance <|>\n`)).find((i) => i.label === "leastconn"))).toContain("fewest connections");
    expect(items(await haproxy(`backend b\n    option httpchk <|>\n`)).map((i) => i.label)).toContain("HEAD");
    const facilities = items(await haproxy(`global\n    log 127.0.0.1:514 <|>\n`));
    expect(docOf(facilities.find((i) => i.label === "local0"))).toContain("Free for local use");
    expect(facilities.map((i) => i.label)).not.toContain("info");
    const levels = items(await haproxy(`global\n    log 127.0.0.1:514 local0 <|>\n`));
    expect(docOf(levels.find((i) => i.label === "info"))).toContain("Informational");
    expect(levels.map((i) => i.label)).not.toContain("local1");
    expect(docOf(items(await keepalived(`virtual_server 10.0.0.1 80 {\n    lvs_method <|>\n}\n`)).find((i) => i.label === "DR"))).toContain("Direct routing");
  });
});
