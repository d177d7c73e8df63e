import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA063 log-format", () => {
  it("accepts what haproxy parses: variables, flags, %[…], %% and words after a variable", () => {
    expectHaproxy(
      "HA063",
      `frontend f
    bind :80
    mode http
    log-format "%ci:%cp [%tr] %ft %b/%s %TR/%Tw/%Tc/%Tr/%Ta %ST %B %{+Q}r %{-Q,+X}o %[src] 100%% %ci_x"
    unique-id-format %{+X}o\\ %ci:%cp_%fi:%fp_%Ts_%rt:%pid
    http-request set-header X-Id "%[req.hdr(host),lower] %ID"
    http-request return status 200 content-type text/plain lf-string "%ci %[src]"
    http-request set-var-fmt(txn.x) "%ci"
    http-request set-header X-L %[src,,lower]%[req.hdr(x,1),lower]%[+src]
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

  it("reports a %[…] part without a fetch, or with a ',' no converter follows (measured on 2.6.12: \"missing fetch method\", \"unknown converter ''\")", () => {
    const found = expectHaproxy(
      "HA063",
      `frontend f
    bind :80
    mode http
    unique-id-format TEST-«%[]»
    http-request set-header X-A «%[[src]»
    http-request set-header X-B "%[src«,»]"
    http-request set-uri %[path,lower«,»(x)]«%[,src]»
    http-request set-header X-C "%[src,'x']"
    http-request return status 200 hdr x-a %[src] hdr x-b «%[]»
    http-response set-header X-D "«%[[var(txn.input),add_item(',',,_suff_)]»"
    tcp-request content set-var-fmt(txn.y) "x=«%[]»"
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'%[]' holds no sample fetch where one must start; haproxy refuses the line",
      "'%[[src]' holds no sample fetch where one must start; haproxy refuses the line",
      "no converter name after this ',' before ']'; haproxy refuses the line (it reads an empty converter name)",
      "no converter name after this ',' before ']'; haproxy refuses the line (it reads an empty converter name)",
      "'%[,src]' holds no sample fetch where one must start; haproxy refuses the line",
      "'%[]' holds no sample fetch where one must start; haproxy refuses the line",
      "'%[[var(txn.input),add_item(',',,_suff_)]' holds no sample fetch where one must start; haproxy refuses the line",
      "'%[]' holds no sample fetch where one must start; haproxy refuses the line",
    ]);
  });

  it("knows %OG only after haproxy 2.6", () => {
    expectHaproxy("HA063", 'frontend f\n    log-format "%«OG»"\n', { haproxyVersion: "2.6" });
    expectHaproxy("HA063", 'frontend f\n    log-format "%OG"\n', { haproxyVersion: "3.4" });
  });

  it("reports an HTTP variable in the log format of a proxy in mode tcp, where haproxy refuses it (found by mutations: a dropped defaults section)", () => {
    const found = expectHaproxy(
      "HA063",
      `defaults
    log-format "%ci «%r»"
frontend tcp_in
    bind :80
listen tcp_too
    bind :81
    unique-id-format "%{+X}o\\ %ci:%cp_«%HM»"
frontend http_in
    bind :82
    mode http
    log-format "%ci %r %Ta"
backend b
    log-format "%r"
frontend tcp_own
    bind :83
    log-format "%ci %hr %ST %Tw"
`,
      { haproxyVersion: "2.6" },
    );
    expect(found.map((p) => p.message)).toEqual([
      "'%r' is an HTTP variable, and frontend 'tcp_in' is in mode tcp: haproxy refuses this log-format (\"reserved for HTTP mode\")",
      "'%HM' is an HTTP variable, and listen 'tcp_too' is in mode tcp: haproxy refuses this unique-id-format (\"reserved for HTTP mode\")",
    ]);
  });
});

describe("HA063 HTTP variables in mode tcp from 3.0 on (haproxy 3.0 and 3.2 as oracles)", () => {
  it("is a warning where 3.0 and 3.2 take the line", () => {
    const text = "frontend tcp_in\n    bind :80\n    log 127.0.0.1 local0\n    log-format \"%ci «%r»\"\n    default_backend b\nbackend b\n    server s 127.0.0.1:80\n";
    const [found] = expectHaproxy("HA063", text, { haproxyVersion: "3.2" });
    expect(found!.severity).toBe("warning");
    expect(found!.message).toBe("'%r' is an HTTP variable, and frontend 'tcp_in' is in mode tcp, where it has nothing to log (haproxy 2.6 refused it; 3.0 and later take it)");
    expect(expectHaproxy("HA063", text, { haproxyVersion: "2.6" })[0]!.severity).toBe("error");
  });

  it("reads a field's name, %(name), from 3.0, and a '%' before other characters as text (measured on 2.6.12, 3.0.11, 3.2.26)", () => {
    const fe = (format: string) => `frontend f\n    bind :80\n    log 127.0.0.1:514 local0\n    log-format "${format}"\n    default_backend b\nbackend b\n    server s 127.0.0.1:80\n`;
    // 3.0.11 and 3.2.26 take a named field; 2.6.12 takes the line too, dropping the '%' (a warning there).
    expectHaproxy("HA063", fe("%(client)ci %(a_b-1)[src] %(x){+Q}ci"), { haproxyVersion: "3.2" });
    const [at26] = expectHaproxy("HA063", fe("«%(»client)ci"), { haproxyVersion: "2.6" });
    expect(at26!.severity).toBe("warning");
    // "invalid character in custom name", "truncated line after '%'", "no such format alias 'zz'"
    expectHaproxy("HA063", fe("«%(a.b)» «%(x y)» %(x)«zz» «%(y)»"), { haproxyVersion: "3.0" });
    expectHaproxy("HA063", fe("«%(x»"), { haproxyVersion: "3.2" });
    // `%-x`, `%.x`, `%)`: every release takes them and logs the character without the '%'.
    const found = expectHaproxy("HA063", fe("«%-»x «%.»y"), { haproxyVersion: "3.2" });
    expect(found.map((p) => p.severity)).toEqual(["warning", "warning"]);
    // A blank or a digit after '%' stays refused ("unexpected variable name near ' '").
    expect(expectHaproxy("HA063", fe("50«% »off"), { haproxyVersion: "3.2" })[0]!.severity).toBe("error");
  });
});
