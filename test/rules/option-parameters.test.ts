// HA003 and HA004 over option-parameters.ts: the named parameters of options and of compression.
import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA003 and HA004: named parameters of options and compression", () => {
  const backend = (line: string) => `backend b\n    mode http\n    ${line}\n    server s 10.0.0.1:80\n`;

  it("accepts the parameters haproxy takes", () => {
    for (const line of ["option forwardfor except 127.0.0.1 header X-Client if-none", "option originalto header X-O", "option mysql-check user x post-41", "option pgsql-check user pg", "compression algo gzip deflate", "compression offload"]) {
      expectHaproxy("HA003", backend(line));
      expectHaproxy("HA004", backend(line));
    }
  });

  it("reports parameters without a value, unknown or missing ones, and unknown algorithms", () => {
    const messages = (id: string, line: string) => expectHaproxy(id, backend(line)).map((p) => p.message);
    expect(messages("HA003", "option pgsql-check «user»")).toEqual(["'option pgsql-check user' needs a value; haproxy refuses the line"]);
    expect(messages("HA003", "«option pgsql-check»")).toEqual(["'option pgsql-check' needs 'user NAME'; haproxy refuses the line without it"]);
    expect(messages("HA003", "option mysql-check «post-41»")).toEqual(["'post-41' comes after 'user NAME' in 'option mysql-check'; haproxy refuses the line"]);
    expect(messages("HA003", "option forwardfor «bogus»")).toEqual(["'option forwardfor' takes 'except', 'header', 'if-none', not 'bogus'; haproxy refuses the line"]);
    expect(messages("HA003", "compression «algo»")).toEqual(["'compression algo' needs at least one algorithm; haproxy refuses the line"]);
    expect(messages("HA004", "compression algo gzip «gzp»")).toEqual(["'gzp' is not a compression algorithm (identity, gzip, deflate, raw-deflate); did you mean 'gzip'?"]);
  });
});

describe("HA004: bind and server option values (option-values.ts)", () => {
  // A bind's maxconn is read with atol(): a warning that says what haproxy makes of it.
  const MAXCONN = expect.stringContaining("'1x'");
  it("reports closed lists, TLS versions, intervals of 0, and numbers haproxy reads leniently", () => {
    const found = expectHaproxy(
      "HA004",
      "listen l\n    bind :80 ssl-min-ver «TLS1.2» verify «require»\n    bind :81 backlog «-5» maxconn «1x»\n    server s1 10.0.0.1:80 check inter «0s» observe «layer5» on-error «restart»\n    server s2 10.0.0.2:80 id «abc» init-addr «last,dns» resolve-opts «allow-dup»\n    server s3 10.0.0.3:80 send-proxy-v2 proxy-v2-options «ssl,cn» ws «h3»\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'TLS1.2' is not one of SSLv3, TLSv1.0, TLSv1.1, TLSv1.2, TLSv1.3 for bind option 'ssl-min-ver'",
      "'require' is not one of none, optional, required for bind option 'verify'",
      "'-5' must not be negative for bind option 'backlog'",
      MAXCONN,
      "'0s' must be above 0 for server option 'inter'",
      "'layer5' is not one of none, layer4, layer7 for server option 'observe'",
      "'restart' is not one of fastinter, fail-check, sudden-death, mark-down for server option 'on-error'",
      "'abc' is read as 0 (haproxy takes the leading digits, here none), and the value must be above 0 for server option 'id'",
      "'last,dns' holds 'dns', which is neither libc, last, none nor an IP address for server option 'init-addr'",
      "'allow-dup' holds 'allow-dup', which is not one of allow-dup-ip, ignore-weight, prevent-dup-ip for server option 'resolve-opts'",
      "'ssl,cn' holds 'cn', which is not one of ssl, cert-cn, ssl-cipher, cert-sig, cert-key, authority, crc32c, unique-id for server option 'proxy-v2-options'",
      "'h3' is not one of auto, h1, h2 for server option 'ws'",
    ]);
  });
});
