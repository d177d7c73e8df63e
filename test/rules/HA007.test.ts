import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { lint } from "../../server/src/lint/lint.js";

describe("HA007 unknown-option", () => {
  it("accepts bind and server options with their values, and peers servers without an address", () => {
    expectHaproxy(
      "HA007",
      `frontend f
    bind :443 ssl crt /etc/ssl/site.pem alpn h2,http/1.1 accept-proxy
backend b
    default-server inter 2s fall 3 rise 2 check
    server s1 10.0.0.1:80 check weight 10 backup
    server-template web 3 app.example.com:80 check resolvers dns init-addr none
peers p
    server lb2
`,
    );
  });

  it("reports unknown options and a missing value", () => {
    const found = expectHaproxy("HA007", "frontend f\n    bind :80 «accept-proxi»\nbackend b\n    server s1 10.0.0.1:80 «chek»\n    server s2 10.0.0.2:80 check «inter»\n");
    expect(found.map((p) => p.message)).toEqual([
      "unknown bind option 'accept-proxi'; did you mean 'accept-proxy'?",
      "unknown server option 'chek'; did you mean 'check'?",
      "server option 'inter' needs a value",
    ]);
  });
});

describe("HA007 unknown-option: options haproxy reads as 0 when their value is missing", () => {
  it("is a warning for maxconn, weight, minconn and maxqueue, an error for the others", () => {
    const found = expectHaproxy("HA007", "backend b\n    server s1 10.0.0.1:80 «maxconn»\n    server s2 10.0.0.1:80 «weight»\n    server s3 10.0.0.1:80 «inter»\n");
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "warning server option 'maxconn' has no value; haproxy reads it as 0",
      "warning server option 'weight' has no value; haproxy reads it as 0",
      "error server option 'inter' needs a value",
    ]);
  });
});

describe("HA007 unknown-option: stats socket lines take bind options", () => {
  it("reports an unknown option and an option without its value after the socket's address", () => {
    const found = expectHaproxy("HA007", "global\n    stats socket /run/a.sock mode 600 «levl» admin\n    stats socket /run/b.sock mode 600 «level»\n    stats socket ipv4@127.0.0.1:9999 level admin expose-fd listeners\n");
    expect(found.map((p) => p.message)).toEqual(["unknown bind option 'levl'; did you mean 'level'?", "bind option 'level' needs a value"]);
  });
});

describe("HA007 unknown-option: options only later releases' keyword dumps have", () => {
  it("knows set-proxy-v2-tlv-fmt(ID) from 3.0 on, with or without its format (3.0.11 takes both)", () => {
    const text = "backend b\n    server s 127.0.0.1:80 send-proxy-v2 set-proxy-v2-tlv-fmt(0xE1) %[str(foo)] check set-proxy-v2-tlv-fmt(0xE2)\n";
    expect(lint(parseHaproxy(text), { haproxyVersion: "3.0" }).filter((p) => p.severity === "error")).toEqual([]);
    expect(lint(parseHaproxy(text)).filter((p) => p.severity === "error")).toEqual([]);
    expect(lint(parseHaproxy(text), { haproxyVersion: "2.6" }).some((p) => p.severity === "error")).toBe(true);
  });
});

describe("HA060 unknown-sample: samples only later releases' keyword dumps have", () => {
  it("knows has_ctl from 3.2 on and says 3.0 lacks it", () => {
    const text = "frontend f\n    bind :80\n    http-request deny if { req.hdr(x),has_ctl }\n";
    expect(lint(parseHaproxy(text), { haproxyVersion: "3.2" }).filter((p) => p.severity === "error")).toEqual([]);
    const at30 = lint(parseHaproxy(text), { haproxyVersion: "3.0" }).filter((p) => p.severity === "error");
    expect(at30.map((p) => `${p.ruleId} ${p.message}`)).toEqual(["HA060 converter 'has_ctl' is not in haproxy 3.0 (lblint knows it from 3.2)"]);
  });
});
