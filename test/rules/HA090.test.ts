import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";
import { expectHaproxy, lintText } from "./harness.js";

const HEAD = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n\n";

describe("HA090 empty-cipher-list", () => {
  it("accepts lists with at least one element that selects something", () => {
    expectHaproxy(
      "HA090",
      `global\n    ssl-default-bind-ciphers ECDHE+AESGCM:!aNULL:@STRENGTH\n    ssl-default-bind-ciphersuites TLS_AES_128_GCM_SHA256:FOO\n    ssl-default-server-ciphers PROFILE=SYSTEM:HIGH\n\n${HEAD}` +
        "frontend f\n    bind :443 ssl crt /c.pem ciphers ECDHE+AESGCM:TLS_AES_128_GCM_SHA256\n    bind :444 ssl crt /c.pem ciphers DEFAULT ciphersuites TLS_CHACHA20_POLY1305_SHA256\n    default_backend b\n\n" +
        "backend b\n    server s1 10.0.0.1:443 ssl verify none ciphers HIGH:!aNULL:!MD5\n",
    );
  });

  it("reports a TLS 1.2 list of TLS 1.3 suites, exclusions only, or moves and ranks only; warns on IANA names", () => {
    const found = expectHaproxy(
      "HA090",
      `${HEAD}frontend f\n    bind :443 ssl crt /c.pem ciphers «TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384»\n    bind :444 ssl crt /c.pem ciphers «!aNULL:-MD5»\n    bind :445 ssl crt /c.pem ciphers «+HIGH:@STRENGTH»\n    default_backend b\n\n` +
        "backend b\n    server s1 10.0.0.1:443 ssl verify none ciphers «TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256»\n",
    );
    expect(found.map((p) => p.severity)).toEqual(["error", "error", "error", "warning"]);
    expect(found[0]!.message).toBe(
      "this TLS 1.2 cipher list selects no cipher: 'TLS_AES_128_GCM_SHA256' is a TLS 1.3 suite, which OpenSSL does not read here, so haproxy refuses the list (\"unable to set SSL cipher list\"); put TLS 1.3 suites in 'ciphersuites'",
    );
    expect(found[3]!.message).toMatch(/^'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' is an IANA cipher name, which OpenSSL reads in a cipher list only from 3\.2 on/);
    expect(found[1]!.message).toMatch(/only removes, reorders or ranks ciphers and selects none/);
  });

  it("reports a TLS 1.3 list with no TLS 1.3 suite, naming the keyword a TLS 1.2 name belongs in", () => {
    const found = expectHaproxy(
      "HA090",
      `global\n    ssl-default-bind-ciphersuites «ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384»\n\n${HEAD}frontend f\n    bind :443 ssl crt /c.pem\n    default_backend b\n\n` +
        "backend b\n    server s1 10.0.0.1:443 ssl verify none ciphersuites «FOO»\n",
    );
    expect(found.map((p) => p.severity)).toEqual(["error", "error"]);
    expect(found[0]!.message).toMatch(/'ECDHE-RSA-AES128-GCM-SHA256' belongs in 'ssl-default-bind-ciphers'$/);
    expect(found[1]!.message).not.toMatch(/belongs in/);
  });

  it("warns on PROFILE=SYSTEM alone, which only Red Hat's OpenSSL reads", () => {
    const found = expectHaproxy("HA090", `global\n    ssl-default-bind-ciphers «PROFILE=SYSTEM»\n    ssl-default-server-ciphers «PROFILE=SYSTEM»\n\n${HEAD}frontend f\n    bind :443 ssl crt /c.pem\n    default_backend b\n\nbackend b\n    server s1 10.0.0.1:80\n`);
    expect(found.map((p) => p.severity)).toEqual(["warning", "warning"]);
    expect(found[0]!.message).toMatch(/^'PROFILE=SYSTEM' is understood only by the OpenSSL of Red Hat systems/);
    // no TLS server takes the server default
    expect(found[1]!.message).toMatch(/nothing uses this list now/);
  });

  it("warns only where nothing uses the list: a global default no TLS bind takes, a line without ssl", () => {
    const found = expectHaproxy(
      "HA090",
      `global\n    ssl-default-bind-ciphers «TLS_AES_128_GCM_SHA256»\n\n${HEAD}frontend f\n    bind :80\n    bind :443 ssl crt /c.pem ciphers HIGH\n    default_backend b\n\n` +
        "backend b\n    default-server ciphers «!aNULL»\n    server s1 10.0.0.1:80 ciphers «!aNULL»\n",
    );
    expect(found.map((p) => p.severity)).toEqual(["warning", "warning", "warning"]);
  });

  // Measured on haproxy 2.6.12 (and 3.0.11, 3.2.26, where installed): every case is one bind or
  // server line of one file, and haproxy names the line of each list it cannot set. What the OpenSSL
  // build decides is a warning whatever this machine's builds say: PROFILE=SYSTEM, and IANA names
  // (refused by 2.6.12 on OpenSSL 3.0, taken by 3.0.11 and 3.2.26 on OpenSSL 3.5).
  const haproxy = spawnSync("haproxy", ["-v"]).error === undefined;
  const openssl = spawnSync("openssl", ["version"]).error === undefined;
  it.runIf(haproxy && openssl)("reports an error on the lines haproxy refuses, and a warning where the OpenSSL build decides", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ha090-"));
    const pem = join(dir, "c.pem");
    const made = spawnSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", pem, "-out", join(dir, "cert.pem"), "-days", "2", "-subj", "/CN=t"]);
    expect(made.status).toBe(0);
    writeFileSync(pem, `${spawnSync("cat", [join(dir, "cert.pem"), pem], { encoding: "utf8" }).stdout}`);
    const lists: [string, string][] = [
      ["ciphers", "TLS_AES_128_GCM_SHA256"],
      ["ciphers", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"],
      ["ciphers", "!aNULL"],
      ["ciphers", "-ALL:!aNULL"],
      ["ciphers", "+HIGH"],
      ["ciphers", "@STRENGTH"],
      ["ciphers", "PROFILE=SYSTEM:TLS_AES_128_GCM_SHA256"],
      ["ciphers", "ECDHE+AESGCM:TLS_AES_128_GCM_SHA256"],
      ["ciphers", "PROFILE=SYSTEM:ECDHE+AESGCM"],
      ["ciphers", "HIGH:!aNULL"],
      ["ciphers", "DEFAULT"],
      ["ciphersuites", "ECDHE-RSA-AES128-GCM-SHA256"],
      ["ciphersuites", "FOO"],
      ["ciphersuites", "TLS_AES_128_GCM_SHA256:FOO"],
      ["ciphersuites", "TLS_AES_256_GCM_SHA384"],
    ];
    const lines: string[] = [];
    lists.forEach(([kind, value], i) => lines.push(`    bind 127.0.0.1:${20000 + i} ssl crt ${pem} ${kind} ${value}`));
    lines.push("    default_backend b", "", "backend b");
    lists.forEach(([kind, value], i) => lines.push(`    server s${i} 127.0.0.1:${21000 + i} ssl verify none ${kind} ${value}`));
    // TLS for the checks alone sets the server's lists too, and a line without TLS sets none
    lines.push("    server c1 127.0.0.1:22000 check-ssl verify none ciphers !aNULL", "    server c2 127.0.0.1:22001 ciphers !aNULL");
    const text = `${HEAD}frontend f\n${lines.join("\n")}\n`;
    const file = join(dir, "t.cfg");
    writeFileSync(file, text);
    const found = lintText("haproxy", text, { haproxyVersion: "2.6" }).filter((p) => p.ruleId === "HA090");
    const wrong: string[] = [];
    for (const binary of ["haproxy", "haproxy30", "haproxy32"]) {
      if (spawnSync(binary, ["-v"]).error !== undefined) continue;
      const run = haproxyCheck(file, { binary });
      const refused = new Set<number>();
      for (const alert of `${run.stdout}${run.stderr}`.split(/(?=\[ALERT\])/)) {
        if (!/unable to set (SSL cipher list|TLS 1\.3 cipher suites)/.test(alert)) continue;
        const at = /t\.cfg:(\d+)\]/.exec(alert);
        if (at) refused.add(Number(at[1]));
      }
      text.split("\n").forEach((line, index) => {
        if (!/ciphers|ciphersuites/.test(line)) return;
        const own = found.filter((p) => p.range.start.line === index);
        const buildDependent = /PROFILE=SYSTEM:TLS_AES|ciphers TLS_ECDHE_RSA_WITH/.test(line);
        const unused = / c2 /.test(line);
        const expected = buildDependent || unused ? "warning" : refused.has(index + 1) ? "error" : "none";
        const got = own[0]?.severity ?? "none";
        if (expected !== got) wrong.push(`${binary}: line ${index + 1} '${line.trim()}': haproxy ${refused.has(index + 1) ? "refuses" : "accepts"}, lblint ${got}`);
      });
    }
    expect(wrong).toEqual([]);
  });
  // The global defaults, a file each (haproxy names the bind or server that takes the list, not the
  // global line): an error where a TLS bind or server without a list of its own takes the default,
  // a warning where none does (haproxy never sets it and says nothing).
  it.runIf(haproxy && openssl)("reports a global default as an error exactly where haproxy refuses the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ha090-global-"));
    const pem = join(dir, "c.pem");
    const made = spawnSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", pem, "-out", join(dir, "cert.pem"), "-days", "2", "-subj", "/CN=t"]);
    expect(made.status).toBe(0);
    writeFileSync(pem, `${spawnSync("cat", [join(dir, "cert.pem"), pem], { encoding: "utf8" }).stdout}`);
    const cases: [string, string][] = [
      ["ssl-default-bind-ciphers TLS_AES_128_GCM_SHA256", `    bind 127.0.0.1:20443 ssl crt ${pem}`],
      ["ssl-default-bind-ciphers TLS_AES_128_GCM_SHA256", `    bind 127.0.0.1:20443 ssl crt ${pem} ciphers HIGH`],
      ["ssl-default-bind-ciphers !aNULL", "    bind 127.0.0.1:20080"],
      ["ssl-default-bind-ciphersuites ECDHE-RSA-AES128-GCM-SHA256", `    bind 127.0.0.1:20443 ssl crt ${pem}`],
      ["ssl-default-server-ciphers -ALL", "    bind 127.0.0.1:20080\n    server s1 127.0.0.1:20444 ssl verify none"],
      ["ssl-default-server-ciphers -ALL", "    bind 127.0.0.1:20080\n    server s1 127.0.0.1:20444"],
      ["ssl-default-server-ciphers -ALL", "    bind 127.0.0.1:20080\n    server s1 127.0.0.1:20444 check-ssl verify none"],
    ];
    const wrong: string[] = [];
    cases.forEach(([global, lines], i) => {
      const text = `global\n    ${global}\n\n${HEAD}listen l\n${lines}\n`;
      const file = join(dir, `g${i}.cfg`);
      writeFileSync(file, text);
      const got = lintText("haproxy", text, { haproxyVersion: "2.6" }).find((p) => p.ruleId === "HA090" && p.range.start.line === 1)?.severity ?? "none";
      // 2.6.12 alone: the per-line cases above ask the later releases (measured the same by hand)
      for (const binary of ["haproxy"]) {
        const run = haproxyCheck(file, { binary });
        const refused = /unable to set (SSL cipher list|TLS 1\.3 cipher suites)/.test(`${run.stdout}${run.stderr}`);
        if (got !== (refused ? "error" : "warning")) wrong.push(`${binary}: ${global} with '${lines.trim()}': haproxy ${refused ? "refuses" : "accepts"}, lblint ${got}`);
      }
    });
    expect(wrong).toEqual([]);
  });
});
