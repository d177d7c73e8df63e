import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectHaproxy, lintText } from "./harness.js";

describe("HA042 weak-tls", () => {
  it("accepts modern settings and lists that exclude weak suites", () => {
    expectHaproxy(
      "HA042",
      `global
    ssl-default-bind-ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305
    ssl-default-bind-ciphersuites TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384
    ssl-default-bind-options ssl-min-ver TLSv1.2 no-tls-tickets
    ssl-default-server-options ssl-min-ver TLSv1.3
    ssl-default-server-ciphers HIGH:!aNULL:!eNULL:!MD5:!RC4:-3DES
    tune.ssl.default-dh-param 2048
frontend www
    bind :443 ssl crt /etc/haproxy/site.pem ssl-min-ver TLSv1.2 ssl-max-ver TLSv1.3 force-tlsv12 alpn h2,http/1.1
backend app
    server a 10.0.0.1:443 ssl ca-file @system-ca ciphers ECDHE+AESGCM:ALL:!RC4:!DES
`,
    );
  });

  it("reports old versions on bind, server and global option lists", () => {
    const found = expectHaproxy(
      "HA042",
      `global
    ssl-default-bind-options «ssl-min-ver TLSv1.0» no-tls-tickets
    ssl-default-server-options «force-tlsv11»
frontend www
    bind :443 ssl crt /etc/haproxy/site.pem «ssl-min-ver SSLv3»
backend app
    default-server «ssl-max-ver TLSv1.1»
    server a 10.0.0.1:443 ssl ca-file @system-ca «force-sslv3»
    server-template w 2 10.0.0.2:443 ssl ca-file @system-ca «force-tlsv10»
`,
    );
    expect(found[0]!.message).toBe("'ssl-min-ver TLSv1.0' lets connections fall back to TLS 1.0; 1.0 and 1.1 are deprecated (RFC 8996)");
    expect(found[3]!.message).toBe("'ssl-max-ver TLSv1.1' holds connections at TLS 1.1 or older");
  });

  it("reports each weak element of a cipher list, not the ones removed with '!'", () => {
    const found = expectHaproxy(
      "HA042",
      `global
    ssl-default-bind-ciphers ECDHE-RSA-AES128-GCM-SHA256:«RC4-SHA»:«EDH-RSA-DES-CBC3-SHA»:!aNULL
    ssl-default-server-ciphers «aNULL»:«EXP-RC4-MD5»:HIGH:«@SECLEVEL=0»
    ssl-default-bind-ciphers "ECDHE+AESGCM «+NULL-SHA»"
backend app
    server a 10.0.0.1:443 ssl ca-file @system-ca ciphers HIGH:«RC4-MD5»
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'RC4-SHA' enables cipher suites with RC4",
      "'EDH-RSA-DES-CBC3-SHA' enables cipher suites with 3DES",
      "'aNULL' enables cipher suites with no authentication",
      "'EXP-RC4-MD5' enables cipher suites with export-grade keys",
      "'@SECLEVEL=0' turns off every minimum OpenSSL enforces on keys and protocol versions",
      "'NULL-SHA' enables cipher suites with no encryption",
      "'RC4-MD5' enables cipher suites with RC4",
    ]);
  });

  it("reports Diffie-Hellman parameters under 2048 bits", () => {
    expectHaproxy("HA042", "global\n    tune.ssl.default-dh-param «1024»\n");
  });
});

describe("HA042 suggestions", () => {
  const suggested = (text: string) =>
    lintText("haproxy", text)
      .filter((p) => p.ruleId === "HA042")
      .map((p) => (p.suggestions ?? []).map((s) => [s.description, applyEdits(text, s.edits)]));

  it("offers to take a weak suite out of the list, and TLS 1.2 as the minimum", () => {
    const text = "global\n    ssl-default-bind-ciphers ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA:AES128-SHA\n    ssl-default-server-ciphers AES128-SHA:RC4-SHA\nfrontend www\n    bind :443 ssl crt /x.pem ssl-min-ver TLSv1.0\n";
    expect(suggested(text)).toEqual([
      [["remove 'DES-CBC3-SHA' from the list", text.replace("DES-CBC3-SHA:", "")]],
      [["remove 'RC4-SHA' from the list", text.replace(":RC4-SHA", "")]],
      [["require TLS 1.2 or later", text.replace("TLSv1.0", "TLSv1.2")]],
    ]);
  });

  it("offers no removal that would leave the list empty, or where quotes hide where the suite is written", () => {
    expect(suggested("global\n    ssl-default-bind-ciphers DES-CBC3-SHA\n")).toEqual([[]]);
    // The first RC4-SHA is written across a closing quote; the second can be cut out with its ':'.
    const quoted = 'global\n    ssl-default-bind-ciphers "AES128-SHA:"RC4-SHA":RC4-SHA"\n';
    expect(suggested(quoted)).toEqual([[], [["remove 'RC4-SHA' from the list", quoted.replace('":RC4-SHA"', '""')]]]);
  });
});
