import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const at26 = { haproxyVersion: "2.6" };
const at34 = { haproxyVersion: "3.4" };

describe("HA071 server-name-unchecked", () => {
  it("accepts servers that give a name, do not verify, do not use TLS, or are local", () => {
    const text = `backend app
    server a 10.0.0.1:443 ssl verify required ca-file @system-ca verifyhost app.example.com
    server b 10.0.0.2:443 ssl ca-file @system-ca sni req.hdr(host)
    server c 10.0.0.3:443 ssl verify none
    server d 10.0.0.4:80
    server e 127.0.0.1:8443 ssl ca-file @system-ca
    server f unix@/run/app.sock ssl ca-file @system-ca
    server g 10.0.0.7:80 check-ssl ca-file @system-ca check
    server h 10.0.0.8:443 ssl
`;
    expectHaproxy("HA071", text, at26);
    expectHaproxy("HA071", text, at34);
  });

  it("reports a TLS server checked against its CA alone, on its ssl word, with name suggestions for host names", () => {
    const [byAddress, byName] = expectHaproxy(
      "HA071",
      `backend app
    server a 10.0.0.1:443 «ssl» verify required ca-file @system-ca check
    server-template web 3 api.example.com:443 «ssl» ca-file /etc/ssl/certs/ca-certificates.crt init-addr none
`,
      at26,
    );
    expect(byAddress!.severity).toBe("warning");
    expect(byAddress!.message).toBe(
      "server 'a' takes any certificate its CA file trusts, whoever it was issued to: without 'sni' or 'verifyhost' haproxy does not check the certificate's names",
    );
    expect(byAddress!.suggestions ?? []).toEqual([]);
    expect(byName!.fix).toBeUndefined();
    expect(byName!.suggestions?.map((s) => s.edits[0]!.newText)).toEqual([" verifyhost api.example.com", " sni str(api.example.com)"]);
  });

  it("reads ssl, verify, ca-file, sni and verifyhost from default-server lines, and no-ssl after ssl", () => {
    expectHaproxy(
      "HA071",
      `defaults
    default-server ssl ca-file @system-ca
backend app
    server «a» 10.0.0.1:443
    server b 10.0.0.2:443 verifyhost b.example.com
    server c 10.0.0.3:80 no-ssl
backend named
    default-server verifyhost internal.example.com
    server d 10.0.0.4:443
`,
      at26,
    );
  });

  it("applies a default-server line only to the servers after it", () => {
    expectHaproxy(
      "HA071",
      `backend late
    server e 10.0.0.5:443 ssl
    default-server ca-file @system-ca
    server f 10.0.0.6:443 «ssl»
`,
      at26,
    );
  });

  it("follows the global ssl-server-verify: with none, only servers that ask for verify required", () => {
    expectHaproxy(
      "HA071",
      `global
    ssl-server-verify none
backend app
    server a 10.0.0.1:443 ssl ca-file @system-ca
    server b 10.0.0.2:443 ssl verify required ca-file @system-ca
`.replace("server b 10.0.0.2:443 ssl", "server b 10.0.0.2:443 «ssl»"),
      at26,
    );
  });

  it("from 3.4, leaves HTTP proxies alone unless no-sni-auto turns the automatic SNI off", () => {
    const text = `defaults
    mode http
backend web
    server a 10.0.0.1:443 «ssl» ca-file @system-ca
    server b 10.0.0.2:443 «ssl» ca-file @system-ca no-sni-auto
backend db
    mode tcp
    server c 10.0.0.3:5432 «ssl» ca-file @system-ca
`;
    expectHaproxy("HA071", text, at26);
    expectHaproxy("HA071", text.replace("server a 10.0.0.1:443 «ssl»", "server a 10.0.0.1:443 ssl"), at34);
  });
});
