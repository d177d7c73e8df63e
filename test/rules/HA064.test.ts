import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA064 acl-integer-pattern", () => {
  it("accepts numbers, ranges and operators, and leaves other methods and string converters alone", () => {
    expectHaproxy(
      "HA064",
      "frontend f\n    acl a be_conn(b) gt 10\n    acl b dst_port 80 443 8000:8080 :20 10:\n    acl c nbsrv(b) lt 1\n    acl d be_conn(b) -m str abc\n    acl e req.hdr(x),length gt 5\n    acl f src 10.0.0.0/8\n    acl g req.hdr(x),lower abc\n    acl h path,mul(2) -m beg abc\n    http-request deny if { be_conn(b) ge 5 } a\n",
    );
  });

  it("reports a pattern that is not a number for an integer fetch, in acl lines and in conditions", () => {
    const found = expectHaproxy("HA064", "frontend f\n    acl a be_conn(b) gt «abc»\n    acl b dst_port «http»\n    acl c be_conn(b) -m int «1.5»\n    http-request deny if { nbsrv(b) lt «x1» }\n");
    expect(found.map((p) => p.message)).toEqual([
      "'abc' is not a number, which 'be_conn' (an integer) is matched against",
      "'http' is not a number, a range or an operator, which 'dst_port' (an integer) is matched against",
      "'1.5' is not a number, a range or an operator, which 'be_conn' (an integer) is matched against",
      "'x1' is not a number, which 'nbsrv' (an integer) is matched against",
    ]);
  });
});

describe("HA064 acl-integer-pattern: signs and explicit -m int", () => {
  it("takes a negative number but not a range that starts below zero, and checks '-m int' on any fetch", () => {
    const found = expectHaproxy(
      "HA064",
      "frontend f\n    bind :8000\n    acl a be_conn(b) gt -5\n    acl b be_conn(b) -- «-5:10»\n    acl c var(txn.n) -m int «abc»\n    acl d var(txn.n) -m int 5\n    default_backend b\n\nbackend b\n    server s 10.0.0.1:80\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'-5:10' is not a number, a range or an operator, which 'be_conn' (an integer) is matched against",
      "'abc' is not a number, a range or an operator, which 'var' (-m int) is matched against",
    ]);
  });
});

describe("HA064 acl-integer-pattern: after a converter", () => {
  it("reads the patterns by the last converter's type, as haproxy 2.6.12 does ('/img' is not a number)", () => {
    const found = expectHaproxy("HA064", "frontend f\n    acl a path_beg,div(2) «/img»\n    acl b req.hdr(x),length gt «abc»\n    acl c path,mul(2) 10:20\n");
    expect(found.map((p) => p.message)).toEqual([
      "'/img' is not a number, a range or an operator, which 'path_beg' (an integer, its last converter's type) is matched against",
      "'abc' is not a number, which 'req.hdr' (an integer, its last converter's type) is matched against",
    ]);
  });

  it("reads req.ssl_ver's dotted versions, and a '-m len' pattern as a number (found by a sweep of ACL forms)", () => {
    expectHaproxy("HA064", "frontend f\n    bind :80\n    acl v req.ssl_ver 3.1 3:3.3 gt 3.0\n    acl l path -m len 5 gt 3\n    http-request deny if v l\n");
    const found = expectHaproxy("HA064", "frontend f\n    bind :80\n    acl v req.ssl_ver «3.1.1»\n    acl l path -m len «x»\n    http-request deny if v l\n");
    expect(found.map((p) => p.message)).toEqual([
      "'3.1.1' is not a dotted version number (MAJOR.MINOR, as 3.1, or a range such as 3.1:3.3), which 'req.ssl_ver' is matched against",
      "'x' is not a number, a range or an operator, which 'path' (-m len, a length) is matched against",
    ]);
  });
});

describe("HA064 acl-integer-pattern: commas inside a fetch's arguments, and converters known from the keyword dump", () => {
  it("reads sc_http_req_rate(0,be) as a fetch, not a converter, and table_trackers as an integer converter (tenth mutation round)", () => {
    // haproxy 2.6.12: "'-m' is not a valid number range", "'-i' is not a valid number range".
    const found = expectHaproxy("HA064", "frontend f\n    acl a sc_http_req_rate(0,be) gt 20 «-m» «str»\n    acl b src,table_trackers(f) eq 1 «-i»\n    acl c sc_http_req_rate(0,be) gt 20\n");
    expect(found[0]!.message).toBe("'-m' is not a number, a range or an operator, which 'sc_http_req_rate' (an integer) is matched against");
  });

  it("refuses 'gt' the largest 64-bit integer, whose range wraps (a second sweep)", () => {
    expectHaproxy("HA064", "frontend f\n    bind :80\n    acl a url_len gt «9223372036854775807»\n    acl b url_len ge 9223372036854775807\n    acl c url_len gt 9223372036854775806\n");
  });
});

describe("HA064 acl-integer-pattern: a '$' that is no variable, and a criterion missing its ')' (tenth real-world round)", () => {
  it("checks the patterns after a JSON path's '$' ('%[date()]' is refused by haproxy 2.6.12: \"neither a number nor a supported operator\")", () => {
    const found = expectHaproxy("HA064", "frontend f\n    bind :80\n    acl a var(txn.t),jwt_payload_query('$.exp','int') -m int gt «%[date()]»\n    acl b var(txn.t),jwt_payload_query('$.exp','int') -m int gt \"${NOW}\"\n    http-request deny if a b\n");
    expect(found[0]!.message).toBe("'%[date()]' is not a number, which 'var' (-m int) is matched against");
  });

  it("says nothing of the words after a converter whose ')' is missing, which HA068 reports and after which haproxy reads nothing", () => {
    // haproxy 2.6.12: "invalid arg 2 in converter 'jwt_verify' : expected ')'", and no word after it.
    expectHaproxy("HA064", "frontend f\n    bind :80\n    acl a var(txn.t),jwt_verify(\"RS256\", \"/k.pem\") -m int 1\n    http-request deny if a\n");
  });
});
