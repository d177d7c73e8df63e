// Fetch and converter arguments found by the third round of sweeps against haproxy 2.6.12
// (docs/agreement.md, "Sweeps, third round").
import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const lines = (...expressions: string[]) =>
  `frontend f\n    mode http\n    bind :80\n${expressions.map((e) => `    http-request set-var(txn.x) ${e}\n`).join("")}    default_backend b\nbackend b\n    server s 127.0.0.1:80\n`;
const at26 = { haproxyVersion: "2.6" } as const;

describe("HA068 sample-arguments: third round of sweeps", () => {
  it("reads a sign alone as the integer 0", () => {
    // measured on 2.6.12: `hdr(host,-)`, `hdr(host,+)`, `date(-)` and `add(-)` pass; `field(-,:)` is "Unexpected value 0 for index"
    expectHaproxy("HA068", lines("hdr(host,-)", "hdr(host,+)", "date(-)", "str(a),add(-)", "req.payload_lv(0,1,-)"), at26);
    const found = expectHaproxy("HA068", lines("str(a),field(«-»,:)", "str(a),sha2(«-»)", "req.payload_lv(0,«-»)", "str(a),be2hex(:,«-»,1)", "hdr(host,«--1»)"), at26);
    expect(found.map((p) => p.message)).toEqual([
      "converter 'field' takes an index other than 0 (1 is the first, -1 the last) as argument 1, not '-'; haproxy refuses the line",
      "converter 'sha2' takes a size of 224, 256, 384 or 512 bits as argument 1, not '-'; haproxy refuses the line",
      "sample fetch 'req.payload_lv' takes a length above 0 as argument 2, not '-'; haproxy refuses the line",
      "converter 'be2hex' takes a chunk size above 0 as argument 2, not '-'; haproxy refuses the line",
      "sample fetch 'hdr' takes an integer as argument 2 in haproxy 2.6, not '--1'; haproxy refuses the line",
    ]);
  });

  it("knows the closed words of fetch arguments", () => {
    expectHaproxy("HA068", lines("fc_rtt", "fc_rtt(us)", "distcc_param(DOTI)", "ssl_c_s_dn(CN,1,rfc2253)", "ssl_c_s_dn(CN,1,)", "meth(FOO-BAR)", "req.payload_lv(0,1,+5)"), at26);
    const found = expectHaproxy(
      "HA068",
      lines("fc_rtt(«MS»)", "«fc_rttvar»()", "distcc_param(«x»)", "«distcc_body»", "ssl_f_s_dn(CN,1,«x»)", "meth(«/»)", "req.payload_lv(«-1»,1)", "req.payload_lv(0,1,«0x10»)", "«date»(,ms)", "«var»"),
      at26,
    );
    expect(found.map((p) => p.message)).toEqual([
      "sample fetch 'fc_rtt' takes a unit (us, ms) as argument 1, not 'MS'; haproxy refuses the line",
      "sample fetch 'fc_rttvar' has parentheses without its unit (us or ms); haproxy refuses the line (leave them out for milliseconds)",
      "sample fetch 'distcc_param' takes a token name of exactly 4 characters as argument 1, not 'x'; haproxy refuses the line",
      "sample fetch 'distcc_body' needs a token name of exactly 4 characters as argument 1; haproxy refuses the line",
      "sample fetch 'ssl_f_s_dn' takes only rfc2253 (or nothing) as the format as argument 3, not 'x'; haproxy refuses the line",
      "sample fetch 'meth' takes a method's name (a token) as argument 1, not '/'; haproxy refuses the line",
      "sample fetch 'req.payload_lv' takes an offset of 0 or more as argument 1, not '-1'; haproxy refuses the line",
      "sample fetch 'req.payload_lv' takes an offset that is a number as argument 3, not '0x10'; haproxy refuses the line",
      "sample fetch 'date' leaves its optional integer argument 1 empty before another one; haproxy stops reading there and refuses the line",
      "sample fetch 'var' needs a variable's name as argument 1; haproxy refuses the line",
    ]);
  });

  it("knows the closed words of converter arguments", () => {
    expectHaproxy(
      "HA068",
      lines(
        "str(a),digest(sha256)",
        "str(a),hmac(sha256,a2V5)",
        "str(a),hmac(sha256,txn.k)",
        "str(a),hmac(sha256,YQ==)",
        "str(a),protobuf(1,sfixed64)",
        "str(a),add_item(&,,s)",
        'str(a),add_item(&,"txn.y")',
        "str(a),fix_tag_value(35)",
        "str(a),fix_tag_value(MsgType)",
        "str(a),aes_gcm_dec(192,txn.n,YQ==,txn.a)",
        "str(a),http_date(1,us)",
      ),
      at26,
    );
    const found = expectHaproxy(
      "HA068",
      lines(
        "str(a),digest(«1»)",
        "str(a),«digest»()",
        "str(a),hmac(sha256,«a2V»)",
        "str(a),protobuf(1,«INT32»)",
        "str(a),ungrpc(1,«»)",
        "str(a),add_item(&,«x.y»)",
        "str(a),«add_item»(&)",
        "str(a),«add_item»(&,)",
        "str(a),fix_tag_value(«0»)",
        "str(a),fix_tag_value(«4294967296»)",
        "str(a),aes_gcm_dec(«64»,txn.n,txn.k,txn.a)",
        "str(a),http_date(1,«MS»)",
        "str(a),word(1,«»)",
        "str(a),set-var(txn.z,«»)",
        "str(a),«unset-var»()",
        "str(a),«regsub»(,b)",
      ),
      at26,
    );
    expect(found.map((p) => p.message)).toEqual([
      "converter 'digest' takes a digest algorithm's name as argument 1, not '1'; haproxy refuses the line",
      "converter 'digest' needs a digest algorithm's name as argument 1; haproxy refuses the line",
      "converter 'hmac' takes a key in base64 or a variable's name as argument 2, not 'a2V'; haproxy refuses the line",
      "converter 'protobuf' takes a protocol buffer type (int32, int64, uint32, uint64, sint32, sint64, bool, enum, fixed32, fixed64, sfixed32, sfixed64, float, double) as argument 2, not 'INT32'; haproxy refuses the line",
      "converter 'ungrpc' takes a protocol buffer type (int32, int64, uint32, uint64, sint32, sint64, bool, enum, fixed32, fixed64, sfixed32, sfixed64, float, double) as argument 2, not ''; haproxy refuses the line",
      "converter 'add_item' takes a variable's name with its scope (txn.NAME…) as argument 2, not 'x.y'; haproxy refuses the line",
      "converter 'add_item' needs a variable's name or a suffix after its delimiter; haproxy refuses the line",
      "converter 'add_item' needs a variable's name or a suffix, not both empty; haproxy refuses the line",
      "converter 'fix_tag_value' takes a FIX tag (a number from 1 to 4294967295, or a name) as argument 1, not '0'; haproxy refuses the line",
      "converter 'fix_tag_value' takes a FIX tag (a number from 1 to 4294967295, or a name) as argument 1, not '4294967296'; haproxy refuses the line",
      "converter 'aes_gcm_dec' takes a key size of 128, 192 or 256 bits as argument 1, not '64'; haproxy refuses the line",
      "converter 'http_date' takes a unit (s, ms, us) as argument 2, not 'MS'; haproxy refuses the line",
      "converter 'word' takes a list of separator characters as argument 2, not ''; haproxy refuses the line",
      "converter 'set-var' takes a condition (ifexists, ifnotexists, ifempty, ifnotempty, ifset, ifnotset, ifgt, iflt) as argument 2, not ''; haproxy refuses the line",
      "converter 'unset-var' needs a variable's name as argument 1; haproxy refuses the line",
      "converter 'regsub' needs a regex as argument 1; haproxy refuses the line",
    ]);
  });
});

describe("HA068 sample-arguments: the debug converter's sink", () => {
  it("takes stdout, stderr, buf0 or a ring of the file", () => {
    // measured on 2.6.12: `debug(x,dpapi)`, `debug(x,STDOUT)` and `debug(x,)` are "No such sink"; a ring declared before passes
    const text = `ring r1\n    size 32764\n${lines("str(a),debug(x,stderr)", 'str(a),debug(,"stdout")', "str(a),debug(x,buf0)", "str(a),debug(x,r1)", "str(a),debug()", "str(a),debug(x,«STDOUT»)", "str(a),debug(x,«»)")}`;
    const found = expectHaproxy("HA068", text, at26);
    expect(found[0]!.message).toBe("converter 'debug' takes a sink (stdout, stderr, buf0 or a ring's name) as argument 2, not 'STDOUT'; haproxy refuses the line");
  });

  it("wants the ring declared above the line up to 3.0, any name from 3.2", () => {
    // measured: 2.6.12 and 3.0.11 refuse a ring declared below ("No such sink 'r1'"); 3.2.26 takes it, and a name no ring has
    const text = `${lines("str(a),debug(x,«r1»)")}\nring r1\n    size 32764\n`;
    for (const haproxyVersion of ["2.6", "3.0"]) {
      const found = expectHaproxy("HA068", text, { haproxyVersion });
      expect(found[0]!.message).toBe(`ring 'r1' is declared below this line, and haproxy ${haproxyVersion} looks a sink up as it reads the line: it refuses the line (move the ring section above)`);
    }
    expectHaproxy("HA068", text.replaceAll("«", "").replaceAll("»", ""), { haproxyVersion: "3.2" });
    expectHaproxy("HA068", lines("str(a),debug(x,nosuch)"), { haproxyVersion: "3.2" });
  });
});
