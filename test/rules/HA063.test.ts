import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA063 log-format", () => {
  it("accepts what haproxy parses: variables, flags, %[…], %% and words after a variable", () => {
    expectHaproxy(
      "HA063",
      `frontend f
    bind :80
    log-format "%ci:%cp [%tr] %ft %b/%s %TR/%Tw/%Tc/%Tr/%Ta %ST %B %{+Q}r %{-Q,+X}o %[src] 100%% %ci_x"
    unique-id-format %{+X}o\\ %ci:%cp_%fi:%fp_%Ts_%rt:%pid
    http-request set-header X-Id "%[req.hdr(host),lower] %ID"
    http-request return status 200 content-type text/plain lf-string "%ci %[src]"
    http-request set-var-fmt(txn.x) "%ci"
`,
    );
  });

  it("reports unknown variables, stray and trailing %, unclosed %[ and %{, flags without a variable", () => {
    const found = expectHaproxy(
      "HA063",
      `frontend f
    bind :80
    log-format "%ci %«zz» %«CI» 50«% »off"
    unique-id-format "«%[src»"
    http-request set-header X-A "100«%»"
    http-request set-header X-B "«%{+Q»"
    http-request set-var-fmt(txn.x) "«%{+Q}» x"
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'%zz' is not a log-format variable",
      "'%CI' is not a log-format variable; did you mean '%ci'?",
      "'%' followed by ' ' starts no variable; write '%%' for a percent sign",
      "'%[' is not closed by ']'",
      "a '%' ends this log-format string; write '%%' for a percent sign",
      "'%{' is not closed by '}'",
      "the flags '%{+Q}' are not followed by a variable",
    ]);
  });

  it("knows %OG only after haproxy 2.6", () => {
    expectHaproxy("HA063", 'frontend f\n    log-format "%«OG»"\n', { haproxyVersion: "2.6" });
    expectHaproxy("HA063", 'frontend f\n    log-format "%OG"\n', { haproxyVersion: "3.4" });
  });
});
