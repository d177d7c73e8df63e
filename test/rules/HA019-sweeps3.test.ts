// Table arguments found by the third round of sweeps against haproxy 2.6.12 (docs/agreement.md, "Sweeps, third round").
import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const lines = (...expressions: string[]) =>
  `frontend f\n    mode http\n    bind :80\n${expressions.map((e) => `    http-request set-var(txn.x) ${e}\n`).join("")}    default_backend b\nbackend b\n    stick-table type ip size 1k store gpc0,http_req_rate(10s)\n    server s 127.0.0.1:80\n`;

describe("HA019 undefined-reference: a table argument left out or empty reads the proxy's own table", () => {
  it("reports converters without their table and stick counters with an empty one", () => {
    // measured on 2.6.12: `sc_get_gpc0(0)` and `sc0_http_req_rate` read the tracked counter's table;
    // `sc_get_gpc0(0,)`, `sc0_http_req_rate()`, `in_table` and `table_gpc0()` read frontend f's, which it lacks
    expectHaproxy("HA019", lines("sc_get_gpc0(0)", "sc0_http_req_rate", "str(a),in_table(b)", "sc_get_gpc0(0,b)"), { haproxyVersion: "2.6" });
    const found = expectHaproxy("HA019", lines("«sc_get_gpc0»(0,)", "«sc0_http_req_rate»()", "str(a),«in_table»", "str(a),«table_gpc0»()"), { haproxyVersion: "2.6" });
    expect(found[0]!.message).toBe(
      "'sc_get_gpc0' without a table argument reads the stick table of frontend 'f', which has none; haproxy refuses it (add a 'stick-table' here, or name one: sc_get_gpc0(TABLE))",
    );
  });
});
