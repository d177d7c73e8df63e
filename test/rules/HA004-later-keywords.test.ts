// Values of the global keywords haproxy 3.0 and 3.2 add (later-global-words.ts), as 3.0.11 and
// 3.2.26 read them (docs/agreement.md, "Later sweeps: gaps left at 3.0 and 3.2"). The oracle part
// asks `haproxy30` and `haproxy32` and is skipped where they are not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectHaproxy, lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const at = (haproxyVersion: "2.6" | "3.0" | "3.2" | "3.4") => ({ haproxyVersion });
const global = (...lines: string[]) => `global\n${lines.map((line) => `    ${line}\n`).join("")}`;

describe("HA004 values of global keywords 3.0 and 3.2 add", () => {
  it("reads lists of words: setcap, tune.epoll.mask-events, dns-accept-family, cpu-policy, cpu-set", () => {
    expectHaproxy("HA004", global("setcap cap_net_raw,cap_net_admin", "tune.epoll.mask-events err,hup", "dns-accept-family ipv4,ipv6", "cpu-policy performance", "cpu-set only-cpu 0-3 reset"), at("3.2"));
    const found = expectHaproxy(
      "HA004",
      global("setcap «bogus»", "tune.epoll.mask-events «on»", "dns-accept-family «1»", "cpu-policy «fast»", "cpu-set «only-cpu»", "tune.epoll.mask-events err «hup»"),
      at("3.2"),
    );
    expect(found[0]!.message).toBe("'bogus' is not a capability haproxy keeps (cap_net_raw, cap_net_admin, cap_net_bind_service, cap_sys_admin; several are separated by commas); haproxy refuses the line");
    // Before the release that adds a keyword, HA008 reports it, not HA004.
    expectHaproxy("HA004", global("setcap bogus", "cpu-policy fast"), at("2.6"));
    expectHaproxy("HA004", global("cpu-policy fast"), at("3.0"));
  });

  it("reads status codes, addresses and ranges", () => {
    expectHaproxy("HA004", global("http-err-codes 400-499 +500 -404", "http-fail-codes +400,500", "ocsp-update.httpproxy 127.0.0.1:3128", "anonkey 5 x"), at("3.0"));
    expectHaproxy(
      "HA004",
      global("http-err-codes «600»", "http-fail-codes «500-400»", "http-err-codes «400-499,+500»", "ocsp-update.httpproxy «proxy.example.com:3128»", "anonkey «-1»", "warn-blocked-traffic-after «5s»", "tune.stick-counters «-1»"),
      at("3.0"),
    );
    expectHaproxy("HA004", global("stress-level «10»", "tune.renice.runtime «99»", "tune.quic.frontend.stream-data-ratio «0»", "tune.quic.reorder-ratio «101»", "tune.quic.frontend.default-max-window-size «1k»"), at("3.2"));
  });

  it("holds the OCSP update delays to each other as haproxy reads them, in order", () => {
    expectHaproxy("HA004", global("ocsp-update.mindelay 10", "ocsp-update.maxdelay 20"), at("3.0"));
    expectHaproxy("HA004", global("ocsp-update.maxdelay «20»", "ocsp-update.mindelay 10"), at("3.0"));
    expectHaproxy("HA004", global("tune.ssl.ocsp-update.mindelay «99999»"), at("3.2"));
  });

  it("reads sizes 3.2 adds as unsigned 32-bit numbers, and not 0", () => {
    expectHaproxy("HA004", global("tune.bufsize.small 3g", "tune.h2.fe.rxbuf 64k"), at("3.2"));
    const lenient = expectHaproxy("HA004", global("tune.rcvbuf.backend «10x»"), at("3.0"));
    expect(lenient[0]!.severity).toBe("warning");
    expectHaproxy("HA004", global("tune.bufsize.small «0»", "tune.notsent-lowat.client «4294967296»", "tune.h2.fe.rxbuf «5g»", "tune.rcvbuf.backend «0»"), at("3.2"));
    const found = expectHaproxy("HA004", global("tune.rcvbuf.frontend «10x»", "tune.sndbuf.backend «0»"), at("3.0"));
    expect(found.map((p) => p.severity)).toEqual(["warning", "error"]);
  });

  it("takes what 3.0.11 and 3.2.26 take: a missing value read as 0, words after the value, atol() readings", () => {
    expectHaproxy("HA003", global("tune.ring.queues", "tune.h2.fe.max-total-streams", "anonkey 1 2", "warn-blocked-traffic-after 100 x"), at("3.2"));
    const found = expectHaproxy("HA004", global("tune.quic.max-frame-loss «10x»", "tune.quic.max-frame-loss «0»", "tune.quic.reorder-ratio «bogus»"), at("3.0"));
    expect(found.map((p) => p.severity)).toEqual(["warning", "error", "error"]);
    expectHaproxy("HA004", global("tune.quic.max-frame-loss -1", "tune.rcvbuf.backend «bogus»", "tune.sndbuf.frontend «-1»"), at("3.0"));
  });

  it("says that tune.disable-fast-forward and force-cfg-parser-pause are experimental", () => {
    expectHaproxy("HA004", global("«tune.disable-fast-forward»"), at("3.0"));
    expectHaproxy("HA004", global("expose-experimental-directives", "tune.disable-fast-forward", "force-cfg-parser-pause 1s"), at("3.2"));
    expectHaproxy("HA004", global("«force-cfg-parser-pause» 1s"), at("3.2"));
  });

  it("refuses tune.bufsize 16k at 2.6 and 3.0, which read 16 bytes (measured: a segmentation fault), not at 3.2", () => {
    expectHaproxy("HA004", global("tune.bufsize «16k»"), at("3.0"));
    expectHaproxy("HA004", global("tune.bufsize 16k"), at("3.2"));
  });
});

describe("HA004 proxy keywords and bind options 3.0 and 3.2 add", () => {
  const be = (line: string) => `backend b\n    ${line}\n    server s 127.0.0.1:80\n`;
  const fe = (line: string) => `frontend f\n    ${line}\n    default_backend b\nbackend b\n    server s 127.0.0.1:80\n`;

  it("reads option forwarded's parameters (measured: \"only supports optional values\", \"'for-expr' expects <expr>\")", () => {
    expectHaproxy("HA004", be("option forwarded proto host-expr str(a) by for for_port-expr int(1)"), at("3.0"));
    expectHaproxy("HA004", be("option forwarded proto «bogus»"), at("3.2"));
    expectHaproxy("HA004", be("option forwarded «proto-expr» x"), at("3.2"));
    expectHaproxy("HA004", be("option forwarded host «for-expr»"), at("3.0"));
    expectHaproxy("HA004", be("option forwarded bogus"), at("2.6"));
  });

  it("reads quic-cc-algo by release (bbr from 3.2) and shards up to 4096", () => {
    expectHaproxy("HA004", fe("bind :443 quic-cc-algo cubic shards 64"), at("3.0"));
    expectHaproxy("HA004", fe("bind :443 quic-cc-algo «bbr»"), at("3.0"));
    expectHaproxy("HA004", fe("bind :443 quic-cc-algo bbr(1m)"), at("3.2"));
    expectHaproxy("HA004", fe("bind :443 quic-cc-algo «bogus» shards «5000»"), at("3.2"));
    // `idle-ping TIME` from 3.2 ("unexpected character 'x' in 'idle-ping' argument")
    expectHaproxy("HA004", fe("bind :443 idle-ping 5s"), at("3.2"));
    expectHaproxy("HA004", fe("bind :443 idle-ping «5x»"), at("3.2"));
  });
});

/** Each line alone in a global section, asked of a later release; `refused` when -c exits 1 or crashes. */
const CASES = [
  "setcap bogus", "setcap cap_net_raw,cap_net_admin", "tune.epoll.mask-events on", "tune.epoll.mask-events err,rdhup", "tune.epoll.mask-events err hup",
  "http-err-codes 600", "http-err-codes 400-499 +500", "http-err-codes 400-499,+500", "http-fail-codes 1", "httpclient.resolvers.disabled bogus", "httpclient.resolvers.disabled on",
  "ocsp-update.httpproxy 127.0.0.1:3128", "ocsp-update.httpproxy proxy:3128", "ocsp-update.maxdelay 0", "ocsp-update.maxdelay 5000", "ocsp-update.mindelay 99999",
  "anonkey -1", "anonkey 5", "anonkey 1 2", "warn-blocked-traffic-after 1s", "warn-blocked-traffic-after 5s", "warn-blocked-traffic-after 0",
  "tune.stick-counters -1", "tune.stick-counters", "tune.ring.queues", "thread-hard-limit 5000", "thread-hard-limit 64", "tune.rcvbuf.backend 0", "tune.rcvbuf.backend 10x",
  "tune.quic.max-frame-loss 0", "tune.quic.max-frame-loss 10x", "tune.quic.reorder-ratio bogus", "tune.quic.reorder-ratio 100", "tune.quic.reorder-ratio 101",
  "tune.disable-fast-forward", "tune.bufsize 16k", "tune.bufsize 1000", "tune.rcvbuf.backend bogus", "tune.sndbuf.frontend -1", "tune.quic.max-frame-loss -1",
];
const CASES_32 = [
  "cpu-policy bogus", "cpu-policy performance", "cpu-set bogus", "cpu-set reset", "cpu-set only-cpu", "dns-accept-family bogus", "dns-accept-family ipv4,ipv6",
  "stress-level 10", "stress-level 9", "tune.bufsize.small 0", "tune.bufsize.small 3g", "tune.bufsize.small 4294967296", "tune.h2.fe.rxbuf 5g",
  "tune.notsent-lowat.server 99999999999", "tune.quic.frontend.stream-data-ratio 101", "tune.quic.frontend.default-max-window-size 1k", "tune.quic.frontend.default-max-window-size 100k",
  "tune.renice.runtime -21", "tune.renice.startup", "tune.quic.cc.cubic.min-losses 0", "tune.quic.cc.cubic.min-losses 10x", "force-cfg-parser-pause 1s", "tune.rcvbuf.frontend 10x",
  "tune.quic.frontend.max-tx-mem 99999999999", "tune.quic.cc.cubic.min-losses -1",
];

function disagreements(command: string, version: "3.0" | "3.2", cases: readonly string[]): string[] {
  const file = join(mkdtempSync(join(tmpdir(), "lblint-later-global-")), "t.cfg");
  const wrong: string[] = [];
  for (const line of cases) {
    const text = `global\n    ${line}\ndefaults\n    mode http\n    timeout client 5s\n    timeout server 5s\n    timeout connect 5s\nbackend be\n    server s 127.0.0.1:80\n`;
    writeFileSync(file, text);
    const run = haproxyCheck(file, { binary: command, timeout: 20_000 });
    const refused = run.status === 1 || run.signal === "SIGSEGV";
    const reported = lintText("haproxy", text, { haproxyVersion: version }).some((p) => p.range.start.line === 1 && p.severity === "error");
    if (refused !== reported) wrong.push(`${line}: haproxy ${version} ${refused ? "refuses" : "takes"} it, lblint ${reported ? "reports an error" : "has no error"}`);
  }
  return wrong;
}

const has = (command: string) => spawnSync(command, ["-v"]).error === undefined;

describe("HA004 global keywords 3.0 and 3.2 add, against haproxy 3.0.11 and 3.2.26", () => {
  it.runIf(has("haproxy30"))("agrees with 3.0.11 on each line", () => {
    expect(disagreements("haproxy30", "3.0", CASES)).toEqual([]);
  });
  it.runIf(has("haproxy32"))("agrees with 3.2.26 on each line", () => {
    expect(disagreements("haproxy32", "3.2", [...CASES, ...CASES_32])).toEqual([]);
  });
});
