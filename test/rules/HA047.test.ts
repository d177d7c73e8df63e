import { describe, expect, it } from "vitest";
import { analyzeRegex } from "../../server/src/rules/haproxy/regex-ambiguity.js";
import { expectHaproxy } from "./harness.js";

const EXPONENTIAL = [
  "^(a+)+$",
  "(a|a)*b",
  "(.*)*x",
  "^(\\w+\\s?)*$",
  "^(a|aa)+$",
  "^(\\d+)*$",
  "([a-z]+)*@",
  "(x+x+)+y",
  "^(([a-z])+.)+[A-Z]([a-z])+$",
  "^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$",
  "(a?b?)*c",
  "^(a*)*$",
  "(\\s*,\\s*)*x",
  "^(.+)+/api$",
  "(a{1,30}){1,30}b",
  "^(?:a|a)+$",
  "(?i)^(A|a)+$",
  "^(?<word>[a-z]+)*\\d$",
  "^([\\w.-]+\\.?)+$",
];

const LINEAR = [
  "^/api/",
  "^(/[a-z]+)+/$",
  "^[a-z0-9-]+(\\.[a-z0-9-]+)*$",
  "(ab+)*c",
  "^(a+b)+$",
  "\\.(css|js|png)$",
  "^(www\\.)?example\\.com(:[0-9]+)?$",
  "^/(.*)/(.*)$",
  ".*foo.*bar.*",
  "^(\\d+\\.)+\\d+$",
  "(\\w+\\s?)*",
  "(a+)+",
  "^(\\d{1,3}\\.){3}\\d{1,3}$",
  "^[^/]+/[^/]+$",
  "^/static/.*\\.(jpg|png)$",
  "^[a-z]{1,63}(\\.[a-z]{1,63})*$",
  "^(GET|POST|HEAD)$",
  "([^,]+,)*x",
  "^(ab|a)*b?c$",
  "^/(?!admin)[a-z]+/?$",
  "^(?i)/API/v[0-9]+/",
  "\\Qa+b\\E+c",
  "[[:alpha:]]+[[:digit:]]*$",
];

describe("HA047 regex analysis", () => {
  it.each(EXPONENTIAL)("finds exponential backtracking in %s", (pattern) => {
    expect(analyzeRegex(pattern)?.exponential).toBe(true);
  });

  it.each(LINEAR)("finds none in %s", (pattern) => {
    expect(analyzeRegex(pattern)?.exponential).toBe(false);
  });

  it("gives up on what it does not model: atomic groups, possessive quantifiers, recursion", () => {
    for (const pattern of ["(?>a+)+b", "(a++)+b", "(?R)", "^(a|(?1))$", "(a"]) expect(analyzeRegex(pattern)).toBeUndefined();
  });

  it("stays fast on large and pathological patterns", () => {
    const start = Date.now();
    analyzeRegex("(" + "[a-z0-9]*".repeat(60) + ")*$");
    analyzeRegex("^(.*.*.*.*.*.*.*.*.*.*)*$");
    analyzeRegex(("(a|b|c|d|e|f)?".repeat(40)) + "$");
    analyzeRegex("^((((((((((a*)*)*)*)*)*)*)*)*)*)*$");
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it("folds case when asked", () => {
    expect(analyzeRegex("^(A|a)+$")?.exponential).toBe(false);
    expect(analyzeRegex("^(A|a)+$", true)?.exponential).toBe(true);
  });
});

describe("HA047 regex-backtracking", () => {
  it("accepts linear regexes everywhere", () => {
    expectHaproxy(
      "HA047",
      `frontend www
    bind :80
    acl api path_reg ^/api/v[0-9]+/
    acl host req.hdr(host),lower -m reg ^[a-z0-9-]+(\\.[a-z0-9-]+)*$
    http-request replace-path ^/old/(.*) /new/\\1
    http-request set-header X-Path %[path,regsub(^/+,/)]
    http-request deny if { hdr_reg(user-agent) -i (curl|wget) } api host
backend app
    http-check expect rstring ^OK
    server a 10.0.0.1:80 check
`,
    );
  });

  it("reports ACL patterns, replace actions, regsub and check expectations", () => {
    const found = expectHaproxy(
      "HA047",
      `frontend www
    bind :80
    acl words hdr_reg(x-words) «^(\\w+\\s?)*$»
    acl mail req.hdr(x-mail) -m reg -i «^([a-z0-9]+)*@example\\.com$»
    http-request deny if { path_reg «^(/?[a-z]+)+/$» } words mail
    http-request replace-header X-List «(\\s*,\\s*)*$» ,
    http-request replace-uri «^(.*)*/x$» /x
    http-request set-header X-Clean %[req.hdr(x-in),regsub(«(a|aa)+$»,,g)]
backend app
    http-check expect ! rstring «^(\\d+)*$»
    server a 10.0.0.1:80 check
`,
    );
    expect(found[0]!.message).toBe(
      "a repeated part of this regular expression can match the same text in more than one way: on a long input the search gives up at PCRE's limit and haproxy treats it as no match",
    );
  });
});
