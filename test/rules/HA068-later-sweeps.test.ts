// Sample fetch and converter arguments measured on 2.6.12, asked again of 3.0.11 and 3.2.26
// (docs/agreement.md, "Sweeps at 3.0 and 3.2: sample arguments"; scripts/oracle/haproxy-samples-later.mjs).
import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const lines = (...expressions: string[]) =>
  `frontend f\n    mode http\n    bind :80\n${expressions.map((e) => `    http-request set-var(txn.x) ${e}\n`).join("")}    default_backend b\nbackend b\n    server s 127.0.0.1:80\n`;
const LATER = ["2.8", "3.0", "3.2", "3.4"] as const;

describe("HA068 sample-arguments at 3.0, 3.2 and 3.4", () => {
  it.each(LATER)("reports at %s the closed words 3.0.11 and 3.2.26 refuse as 2.6.12 does", (version) => {
    const found = expectHaproxy(
      "HA068",
      lines(
        "str(a),field(«-»,:)",
        "str(a),sha2(«-»)",
        "fc_rtt(«MS»)",
        "«fc_rttvar»()",
        "distcc_param(«x»)",
        "meth(«/»)",
        "req.payload_lv(«-1»,1)",
        "«date»(,ms)",
        "date(1,«S»)",
        "str(a),digest(«1»)",
        "str(a),hmac(sha256,«a2V»)",
        "str(a),protobuf(1,«INT32»)",
        "str(a),«add_item»(&,)",
        "str(a),fix_tag_value(«0»)",
        "str(a),http_date(1,«MS»)",
        "str(a),word(1,«»)",
        "str(a),«regsub»(,b)",
        "str(a),«be2dec»()",
        "int(1),div(«x»)",
        "str(a),json(«foo»)",
        "var(txn.a),strcmp(«x»)",
        "str(a),url_enc(«x»)",
        "ipv4(«10.1.0.2.»)",
        "bin(«abc»)",
        "bool(«x»)",
        "«hdr»((host))",
      ),
      { haproxyVersion: version },
    );
    expect(found.at(-1)!.message).toBe("haproxy ends the arguments of sample fetch 'hdr' at their first ')', and refuses what follows it; a ')' cannot stand inside them (in a regex, write \\\\x29)");
  });

  it.each(LATER)("takes at %s what 3.0.11 and 3.2.26 take", (version) => {
    expectHaproxy("HA068", lines("str(a),field(-1,:)", "fc_rtt(us)", "date(1,ms)", "int(1),div(txn.n)", "str(a),json(utf8s)", "ipv4(10.1.0.2)", "bool(true)", "str(a),add_item(&,,s)", "uuid(4)", "uuid(+4)", "uuid(04)", "uuid()"), { haproxyVersion: version });
  });

  it("reads uuid's version whole: 4 at 2.6, 4 or 7 from 3.0 (measured: `uuid(07)` passes, `uuid(5)` and `uuid(4abc)` do not)", () => {
    expectHaproxy("HA068", lines("uuid(04)", "uuid(+4)", "uuid(«7»)", "uuid(«4abc»)"), { haproxyVersion: "2.6" });
    const found = expectHaproxy("HA068", lines("uuid(7)", "uuid(07)", "uuid(«5»)", "uuid(«0x4»)"), { haproxyVersion: "3.2" });
    expect(found[0]!.message).toBe("sample fetch 'uuid' takes only version 4 or 7 as argument 1, not '5'; haproxy refuses the line");
  });

  it("checks the debug converter's sink below 3.2 only (3.2.26 takes `debug(x,STDOUT)` at -c)", () => {
    expectHaproxy("HA068", lines("str(a),debug(x,«STDOUT»)"), { haproxyVersion: "3.0" });
    expectHaproxy("HA068", lines("str(a),debug(x,STDOUT)", "str(a),debug(x,)"), { haproxyVersion: "3.2" });
  });

  it("reads an empty length of bytes as 0 from 3.0 (measured: `bytes(1,)` is \"expects a positive integer\"; 2.6.12 takes it)", () => {
    expectHaproxy("HA068", lines("req.body,bytes(1,«»)"), { haproxyVersion: "3.2" });
    // "expects an integer or a variable name" (3.0.11, 3.2.26): a word, a hexadecimal or decimal fraction.
    expectHaproxy("HA068", lines("req.body,bytes(«x»)", "req.body,bytes(«0x10»)", "req.body,bytes(0,«1.5»)", "req.body,bytes(txn.v,txn.w)", "req.body,bytes(+1,05)"), { haproxyVersion: "3.0" });
    expectHaproxy("HA068", lines("req.body,bytes(1,)", "req.body,bytes(0,1)"), { haproxyVersion: "2.6" });
  });

  it("takes only 'with_qm' as query's option at 3.2 (measured on 3.2.26: `query(1)` is \"supported options are: 'with_qm'\")", () => {
    expectHaproxy("HA068", lines("query(with_qm)", "query()", "query(«1»)", "query(«WITH_QM»)"), { haproxyVersion: "3.2" });
  });

  it("reads when's conditions, param's delimiter and bc_rtt's unit at 3.0 too (measured on 3.0.11)", () => {
    expectHaproxy("HA068", lines("str(a),when(«x»)", "str(a),param(a,«»)", "bc_rtt(«1»)", "accept_date(«1»)", "str(a),when(normal)", "capture.req.hdr(-1)"), { haproxyVersion: "3.0" });
  });

  it("reads the fetches and converters 3.0 and 3.2 added as their older kin (measured on 3.2.26)", () => {
    expectHaproxy(
      "HA068",
      lines("bc_rtt(us)", "accept_date(ms)", "request_date", "ssl_c_r_dn(CN,1,rfc2253)", "srv_weight(b/s)", "str(a),le2dec(:,4)", "str(a),when(stopping)", "str(a),param(a,;)", "capture.req.hdr(0)"),
      { haproxyVersion: "3.2" },
    );
    expectHaproxy(
      "HA068",
      lines(
        "bc_rtt(«1»)",
        "«bc_rttvar»()",
        "accept_date(«1»)",
        "«request_date»()",
        "ssl_c_r_dn(CN,1,«x»)",
        "«srv_iweight»()",
        "str(a),«le2dec»()",
        "str(a),le2dec(:,«9»)",
        "str(a),when(«x»)",
        "str(a),param(a,«»)",
        "str(a),param(a,«ab»)",
        "capture.req.hdr(«-1»)",
        "req.body,bytes(0,«-»)",
      ),
      { haproxyVersion: "3.2" },
    );
  });
});
