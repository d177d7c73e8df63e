// Lookups over the generated haproxy tables: multi-word matching, sections, versions, options,
// actions, fetches, documentation links.
import { describe, expect, it } from "vitest";
import {
  availabilityAt,
  haproxyAction,
  haproxyActions,
  haproxyBindOption,
  haproxyConverter,
  haproxyDocUrl,
  haproxyFetch,
  haproxyKeywordFamily,
  haproxyKeywordsIn,
  haproxySchema,
  haproxyServerOption,
  isAllowedIn,
  isHaproxyAclKeyword,
  matchHaproxyKeyword,
} from "../../server/src/facts/haproxy.js";
import { HAPROXY_SECTION_AVAILABILITY, haproxyValue } from "../../server/src/facts/haproxy-values.js";
import type { HaproxyKeyword } from "../../server/src/facts/types.js";
import { SECTION_KINDS } from "../../grammars/haproxy/sections.js";
import { compareVersions } from "../../server/src/facts/versions.js";

function keyword(...words: string[]): HaproxyKeyword {
  const match = matchHaproxyKeyword(words);
  if (!match) throw new Error(`no keyword for ${words.join(" ")}`);
  return match.keyword;
}

describe("versions", () => {
  it("compares major.minor numerically", () => {
    expect(compareVersions("2.10", "2.9")).toBeGreaterThan(0);
    expect(compareVersions("3.0", "2.6")).toBeGreaterThan(0);
    expect(compareVersions("2.6", "2.6")).toBe(0);
    expect(compareVersions("2.6", "3.4")).toBeLessThan(0);
  });

  it("tells ok, not-yet, deprecated and removed apart", () => {
    expect(availabilityAt(undefined, "2.6")).toBe("ok");
    expect(availabilityAt({ since: "3.4" }, "2.6")).toBe("not-yet");
    expect(availabilityAt({ since: "3.4" }, "3.4")).toBe("ok");
    expect(availabilityAt({ deprecated: "3.3", removed: "3.5" }, "3.2")).toBe("ok");
    expect(availabilityAt({ deprecated: "3.3", removed: "3.5" }, "3.4")).toBe("deprecated");
    expect(availabilityAt({ deprecated: "3.3", removed: "3.5" }, "3.5")).toBe("removed");
    expect(availabilityAt({ removed: "2.1" }, "2.6")).toBe("removed");
  });
});

describe("haproxy keyword matching", () => {
  it("takes the longest known multi-word keyword", () => {
    expect(matchHaproxyKeyword(["timeout", "client", "30s"])).toMatchObject({ keyword: { name: "timeout client" }, wordCount: 2, negated: false });
    expect(matchHaproxyKeyword(["option", "httplog", "clf"])?.keyword.name).toBe("option httplog");
    expect(matchHaproxyKeyword(["capture", "request", "header", "Host", "len", "32"])).toMatchObject({ keyword: { name: "capture request header" }, wordCount: 3 });
    expect(matchHaproxyKeyword(["tcp-request", "content", "accept"])?.keyword.name).toBe("tcp-request content");
    expect(matchHaproxyKeyword(["tcp-request", "inspect-delay", "5s"])?.keyword.name).toBe("tcp-request inspect-delay");
    expect(matchHaproxyKeyword(["stick", "on", "src"])?.keyword.name).toBe("stick on");
    expect(matchHaproxyKeyword(["stick-table", "type", "ip", "size", "1m"])?.keyword.name).toBe("stick-table");
    expect(matchHaproxyKeyword(["stats", "auth", "admin:secret"])?.keyword.name).toBe("stats auth");
    expect(matchHaproxyKeyword(["stats", "socket", "/run/haproxy.sock"])?.keyword.name).toBe("stats socket");
    expect(matchHaproxyKeyword(["http-check", "send", "meth", "GET"])?.keyword.name).toBe("http-check send");
    expect(matchHaproxyKeyword(["http-check", "set-var(check.x)", "int(1)"])?.keyword.name).toBe("http-check set-var");
    expect(matchHaproxyKeyword(["tcp-check", "connect", "port", "443"])?.keyword.name).toBe("tcp-check connect");
    expect(matchHaproxyKeyword(["server", "s1", "10.0.0.1:80", "check"])).toMatchObject({ keyword: { name: "server" }, wordCount: 1 });
  });

  it("consumes a no / default prefix", () => {
    expect(matchHaproxyKeyword(["no", "option", "redispatch"])).toMatchObject({ keyword: { name: "option redispatch" }, wordCount: 3, negated: true });
    expect(matchHaproxyKeyword(["default", "option", "httpclose"])).toMatchObject({ keyword: { name: "option httpclose" }, wordCount: 3, negated: true });
    expect(matchHaproxyKeyword(["no", "log"])).toMatchObject({ keyword: { name: "log" }, wordCount: 2, negated: true });
  });

  it("returns nothing for an unknown member of a family, and lists the family for did-you-mean", () => {
    expect(matchHaproxyKeyword(["option", "htplog"])).toBeUndefined();
    expect(matchHaproxyKeyword(["timeout", "clent", "30s"])).toBeUndefined();
    expect(matchHaproxyKeyword(["stats", "foo"])).toBeUndefined();
    expect(matchHaproxyKeyword(["frobnicate"])).toBeUndefined();
    expect(matchHaproxyKeyword([])).toBeUndefined();
    const options = haproxyKeywordFamily("option").map((k) => k.name);
    expect(options).toContain("option httplog");
    expect(options).toContain("option redispatch");
    expect(haproxyKeywordFamily("timeout").map((k) => k.name)).toContain("timeout client");
    expect(haproxyKeywordFamily("nothing")).toEqual([]);
  });

  it("knows negatable keywords from the matrix's (*)", () => {
    expect(keyword("option", "redispatch").negatable).toBe(true);
    expect(keyword("option", "httpclose").negatable).toBe(true);
    expect(keyword("log").negatable).toBe(true);
    // the 4.1 matrix has no (*) on `option httplog`, and 2.6.12 says "negation/default is not supported for option 'httplog'"
    expect(keyword("option", "httplog").negatable).toBeUndefined();
    expect(keyword("strict-limits").negatable).toBe(true);
  });
});

describe("haproxy sections", () => {
  it("allows timeout client in defaults, frontend and listen, not in backend", () => {
    const k = keyword("timeout", "client");
    expect(isAllowedIn(k, "defaults", false)).toBe(true);
    expect(isAllowedIn(k, "frontend", false)).toBe(true);
    expect(isAllowedIn(k, "listen", false)).toBe(true);
    expect(isAllowedIn(k, "backend", false)).toBe(false);
    expect(isAllowedIn(keyword("timeout", "server"), "frontend", false)).toBe(false);
  });

  it("allows acl in named defaults sections only", () => {
    const acl = keyword("acl");
    expect(acl.namedDefaultsOnly).toBe(true);
    expect(isAllowedIn(acl, "defaults", false)).toBe(false);
    expect(isAllowedIn(acl, "defaults", true)).toBe(true);
    expect(isAllowedIn(acl, "frontend", false)).toBe(true);
  });

  it("knows the keywords of the other sections", () => {
    expect(isAllowedIn(keyword("nbthread"), "global", false)).toBe(true);
    expect(isAllowedIn(keyword("nameserver"), "resolvers", false)).toBe(true);
    expect(isAllowedIn(keyword("timeout", "resolve"), "resolvers", false)).toBe(true);
    expect(isAllowedIn(keyword("peer"), "peers", false)).toBe(true);
    expect(isAllowedIn(keyword("user"), "userlist", false)).toBe(true);
    expect(isAllowedIn(keyword("mailer"), "mailers", false)).toBe(true);
    expect(isAllowedIn(keyword("timeout", "mail"), "mailers", false)).toBe(true);
    expect(isAllowedIn(keyword("errorfile"), "http-errors", false)).toBe(true);
    expect(isAllowedIn(keyword("total-max-size"), "cache", false)).toBe(true);
    expect(isAllowedIn(keyword("docroot"), "fcgi-app", false)).toBe(true);
    expect(isAllowedIn(keyword("dgram-bind"), "log-forward", false)).toBe(true);
    expect(isAllowedIn(keyword("size"), "ring", false)).toBe(true);
    expect(isAllowedIn(keyword("command"), "program", false)).toBe(true);
    expect(isAllowedIn(keyword("trace"), "traces", false)).toBe(true);
    expect(isAllowedIn(keyword("load"), "crt-store", false)).toBe(true);
    expect(isAllowedIn(keyword("directory"), "acme", false)).toBe(true);
    expect(isAllowedIn(keyword("http-check", "send"), "healthcheck", false)).toBe(true);
    expect(isAllowedIn(keyword("nameserver"), "backend", false)).toBe(false);
  });

  it("lists a section's keywords for a version", () => {
    const global26 = haproxyKeywordsIn("global", "2.6").map((k) => k.name);
    expect(global26).toContain("nbthread");
    expect(global26).toContain("stats socket");
    expect(global26).not.toContain("nbproc");
    const backend26 = haproxyKeywordsIn("backend", "2.6").map((k) => k.name);
    expect(backend26).toContain("balance");
    expect(backend26).not.toContain("option forwarded");
    expect(haproxyKeywordsIn("backend", "3.4").map((k) => k.name)).toContain("option forwarded");
  });
});

describe("haproxy versions", () => {
  it("marks removed keywords with the version that refused them and a replacement", () => {
    const nbproc = keyword("nbproc");
    expect(nbproc.availability).toMatchObject({ removed: "2.5", replacement: "nbthread" });
    expect(availabilityAt(nbproc.availability, "2.6")).toBe("removed");
    expect(keyword("contimeout").availability).toMatchObject({ removed: "2.1", replacement: "timeout connect" });
    expect(keyword("clitimeout").availability?.replacement).toBe("timeout client");
    expect(keyword("srvtimeout").availability?.replacement).toBe("timeout server");
    expect(keyword("reqadd").availability?.replacement).toBe("http-request add-header");
    expect(keyword("rspdel").availability?.replacement).toBe("http-response del-header");
    expect(keyword("block").availability?.replacement).toBe("http-request deny");
    expect(keyword("redispatch").availability?.replacement).toBe("option redispatch");
    expect(keyword("option", "independant-streams").availability?.replacement).toBe("option independent-streams");
  });

  it("says a keyword only the 3.4 manual has is not yet there in 2.6, and narrows it with what 3.0 and 3.2 say", () => {
    // Hard-coded in haproxy, so in no keyword dump: 3.0 answered that it knows it.
    const k = keyword("option", "forwarded");
    expect(k.availability?.since).toBe("3.0");
    expect(availabilityAt(k.availability, "2.6")).toBe("not-yet");
    expect(availabilityAt(k.availability, "3.0")).toBe("ok");
    expect(availabilityAt(k.availability, "3.4")).toBe("ok");
    // Registered by 3.2.26 and not by 3.0.11.
    expect(keyword("log-steps").availability).toEqual({ since: "3.2", absentThrough: "3.0" });
    // In the 3.4 manual; 3.2 answered that it does not know it.
    expect(keyword("force-be-switch").availability).toEqual({ since: "3.4", absentThrough: "3.2" });
    // 2.6.12 knows it though only the 3.4 manual documents it.
    expect(keyword("backing-file").availability).toBeUndefined();
    // Refused by 3.0 ("not supported anymore"), which the 3.4 manual's silence could only place by 3.4.
    expect(availabilityAt(keyword("stats", "bind-process").availability, "3.0")).toBe("removed");
    expect(availabilityAt(keyword("timeout", "client-hs").availability, "2.6")).toBe("not-yet");
  });

  it("knows deprecations and removals between 2.6 and 3.4", () => {
    expect(availabilityAt(keyword("transparent").availability, "2.6")).toBe("deprecated");
    expect(availabilityAt(keyword("bind-process").availability, "2.6")).toBe("deprecated");
    expect(availabilityAt(keyword("bind-process").availability, "3.4")).toBe("removed");
    expect(availabilityAt(keyword("dispatch").availability, "3.4")).toBe("deprecated");
    expect(availabilityAt(keyword("command").availability, "3.4")).toBe("removed");
  });
});

describe("haproxy arguments", () => {
  it("counts the arguments of the common keywords", () => {
    expect(keyword("timeout", "client").args).toEqual({ min: 1, max: 1, shapes: ["time"] });
    expect(keyword("maxconn").args).toMatchObject({ min: 1, max: 1, shapes: ["int"] });
    expect(keyword("retries").args).toMatchObject({ min: 1, max: 1, shapes: ["int"] });
    expect(keyword("mode").args?.shapes?.[0]).toBe("enum:tcp|http|log|spop");
    expect(keyword("default_backend").args?.shapes).toEqual(["ref:backend"]);
    expect(keyword("errorfile").args).toMatchObject({ min: 2, max: 2 });
    expect(keyword("option", "httplog").args).toMatchObject({ min: 0, max: 1 });
    expect(keyword("bind").args).toMatchObject({ min: 1, max: -1 });
    expect(keyword("server").args?.max).toBe(-1);
    expect(keyword("acl").args).toMatchObject({ min: 2, max: -1 });
    expect(keyword("http-reuse").args?.shapes).toEqual(["enum:never|safe|aggressive|always"]);
    expect(keyword("capture", "request", "header").args).toMatchObject({ min: 3, max: 3 });
    // haproxy 2.6.12 ignores the extra words of these (overrides-haproxy.mjs, unboundedArgs)
    expect(keyword("description").args?.max).toBe(-1);
    expect(keyword("stats", "realm").args?.max).toBe(-1);
  });

  it("has a summary for the common keywords", () => {
    expect(keyword("timeout", "client").summary).toMatch(/inactivity/);
    expect(keyword("balance").summary).toBeDefined();
  });

  it("knows the actions of each rule set", () => {
    expect(keyword("http-request").actions).toBe("http-request");
    expect(keyword("tcp-request", "content").actions).toBe("tcp-request content");
    expect(haproxyAction("http-request", "set-header")?.args).toEqual({ min: 2, max: 2 });
    expect(haproxyAction("http-request", "set-var(txn.x)")?.name).toBe("set-var");
    expect(haproxyAction("http-request", "track-sc0")).toBeDefined();
    expect(haproxyAction("http-request", "lua.my_action")).toBeDefined();
    expect(haproxyAction("http-request", "frobnicate")).toBeUndefined();
    expect(haproxyAction("tcp-request connection", "expect-proxy")).toBeDefined();
    expect(haproxyAction("tcp-request connection", "set-header")).toBeUndefined();
    expect(haproxyAction("http-after-response", "set-header")).toBeDefined();
    expect(availabilityAt(haproxyAction("http-request", "pause")?.availability, "2.6")).toBe("not-yet");
    expect(haproxyActions("quic-initial").map((a) => a.name)).toContain("reject");
  });

  it("knows bind and server options with their value counts", () => {
    expect(haproxyBindOption("ssl")?.args?.max ?? 0).toBe(0);
    expect(haproxyBindOption("crt")?.args).toEqual({ min: 1, max: 1 });
    expect(haproxyBindOption("accept-proxy")?.args).toEqual({ min: 0, max: 0 });
    expect(haproxyServerOption("check")?.args).toEqual({ min: 0, max: 0 });
    expect(haproxyServerOption("inter")?.args).toEqual({ min: 1, max: 1 });
    expect(haproxyServerOption("weight")?.args).toEqual({ min: 1, max: 1 });
    expect(haproxyServerOption("frobnicate")).toBeUndefined();
  });

  it("knows sample fetches, converters and ACL keywords", () => {
    expect(haproxyFetch("req.hdr")?.args).toEqual({ min: 0, max: 2 });
    expect(haproxyFetch("src")?.args).toEqual({ min: 0, max: 0 });
    expect(haproxyFetch("req.hdr(host)")?.name).toBe("req.hdr");
    expect(haproxyConverter("bytes")?.args).toEqual({ min: 1, max: 2 });
    expect(haproxyConverter("lower")).toBeDefined();
    expect(isHaproxyAclKeyword("path_beg")).toBe(true);
    expect(isHaproxyAclKeyword("hdr_dom(host)")).toBe(true);
  });
});

describe("haproxy values", () => {
  it("knows every section kind of the grammar and when it exists", () => {
    expect(Object.keys(HAPROXY_SECTION_AVAILABILITY).sort()).toEqual([...SECTION_KINDS.keys()].sort());
    expect(availabilityAt(HAPROXY_SECTION_AVAILABILITY["healthcheck"], "2.6")).toBe("not-yet");
    expect(availabilityAt(HAPROXY_SECTION_AVAILABILITY["program"], "3.4")).toBe("removed");
    expect(availabilityAt(HAPROXY_SECTION_AVAILABILITY["backend"], "2.6")).toBe("ok");
  });

  it("knows the closed word lists", () => {
    expect(haproxyValue("mode", "http")).toBeDefined();
    expect(availabilityAt(haproxyValue("mode", "log")?.availability, "2.6")).toBe("not-yet");
    expect(haproxyValue("mode", "health")?.availability?.replacement).toContain("http-request return");
    expect(haproxyValue("balance", "roundrobin")).toBeDefined();
    expect(haproxyValue("balance", "hdr(host)")?.value).toBe("hdr");
    expect(haproxyValue("balance", "hdr")).toBeUndefined();
    expect(haproxyValue("balance", "random(2)")?.value).toBe("random");
    expect(haproxyValue("balance", "random")?.value).toBe("random");
    expect(haproxyValue("balance", "roundrobin(2)")).toBeUndefined();
    expect(haproxyValue("log facility", "local0")).toBeDefined();
    expect(haproxyValue("log level", "notice")).toBeDefined();
    expect(haproxyValue("nope", "x")).toBeUndefined();
  });
});

describe("haproxy documentation links", () => {
  it("links a keyword to its chapter and anchor", () => {
    expect(haproxyDocUrl(keyword("timeout", "client"), "2.6")).toBe("https://docs.haproxy.org/2.6/configuration.html#4.2-timeout%20client");
    expect(haproxyDocUrl(keyword("nbthread"), "3.4")).toBe("https://docs.haproxy.org/3.4/configuration.html#3.1-nbthread");
    expect(haproxyDocUrl(haproxyBindOption("crt")!, "2.6")).toBe("https://docs.haproxy.org/2.6/configuration.html#5.1-crt");
    expect(haproxyDocUrl(haproxyServerOption("check")!, "3.4")).toBe("https://docs.haproxy.org/3.4/configuration.html#5.2-check");
    // actions moved from 4.2 (`http-request set-header`) to 4.4 (`set-header`)
    expect(haproxyDocUrl(haproxyAction("http-request", "set-header")!, "2.6")).toBe("https://docs.haproxy.org/2.6/configuration.html#4.2-http-request%20set-header");
    expect(haproxyDocUrl(haproxyAction("http-request", "set-header")!, "3.4")).toBe("https://docs.haproxy.org/3.4/configuration.html#4.4-set-header");
    // peers moved from 3.5 to 11.2
    expect(haproxyDocUrl(keyword("peer"), "2.6")).toBe("https://docs.haproxy.org/2.6/configuration.html#3.5-peer");
    expect(haproxyDocUrl(keyword("peer"), "3.4")).toBe("https://docs.haproxy.org/3.4/configuration.html#11.2-peer");
  });

  it("documents every keyword, option and action", () => {
    const schema = haproxySchema();
    const undocumented = [
      ...schema.keywords.filter((k) => !k.doc && !(k.availability?.removed && compareVersions(k.availability.removed, "2.6") <= 0)).map((k) => k.name),
      ...schema.bindOptions.filter((o) => !o.doc).map((o) => `bind ${o.name}`),
      ...schema.serverOptions.filter((o) => !o.doc).map((o) => `server ${o.name}`),
    ];
    expect(undocumented).toEqual([]);
  });
});

describe("haproxy schema shape", () => {
  it("is sorted by name and has no duplicates", () => {
    const schema = haproxySchema();
    for (const list of [schema.keywords, schema.bindOptions, schema.serverOptions, schema.fetches, schema.converters, ...Object.values(schema.actions)]) {
      const names = list.map((x) => x.name);
      expect(names).toEqual([...names].sort());
      expect(new Set(names).size).toBe(names.length);
    }
    expect(schema.aclKeywords).toEqual([...schema.aclKeywords].sort());
  });

  it("has consistent argument specs", () => {
    const schema = haproxySchema();
    const all = [...schema.keywords, ...schema.bindOptions, ...schema.serverOptions, ...schema.fetches, ...schema.converters, ...Object.values(schema.actions).flat()];
    const bad = all.filter((x) => x.args && (x.args.min < 0 || (x.args.max >= 0 && x.args.max < x.args.min) || (x.args.max < -1)));
    expect(bad.map((x) => x.name)).toEqual([]);
  });
});
