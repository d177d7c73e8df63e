import { describe, expect, it } from "vitest";
import { libcIpv4 } from "../../server/src/rules/haproxy/hostname-address.js";
import { expectHaproxy } from "./harness.js";

const HEAD = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n";
const BACKEND = "    default_backend b\nbackend b\n    server s 10.0.0.1:80\n";

describe("HA079 hostname-address", () => {
  it("accepts addresses, wildcards, localhost, sockets, variables and zones", () => {
    expectHaproxy(
      "HA079",
      `global\n    log 127.0.0.1:514 local0\n    log stdout format raw local0\n    log /dev/log local1\n    log localhost local2\n${HEAD}    log global\nfrontend f\n    bind :80\n    bind *:81\n    bind 192.0.2.10:82,[2001:db8::1]:83\n    bind localhost:84\n    bind ipv6@[fe80::1%eth0]:85\n    bind unix@/run/h.sock\n    bind "\${VIP}:86"\n    bind abns@front\n${BACKEND}peers p\n    peer a 192.0.2.1:10000\n    server b\nresolvers dns\n    nameserver ns1 192.0.2.53:53\nmailers m\n    mailer smtp 192.0.2.25:25\n`,
    );
  });

  it("warns on each host name of a bind line, in the word", () => {
    const found = expectHaproxy("HA079", `${HEAD}frontend f\n    bind «lb-vip»:80,192.0.2.1:81,ipv4@«front.example.com»:82\n    bind «__VIRTUAL_IP__»:443 ssl crt /etc/ssl/x.pem\n${BACKEND}`);
    expect(found[0]!.message).toBe(
      "bind address 'lb-vip:80' names the host 'lb-vip': haproxy resolves it while reading the configuration and refuses to start where it does not resolve; write the IP address itself",
    );
    expect(found.every((p) => p.severity === "warning")).toBe(true);
  });

  it("warns on log targets, peers, nameservers and mailers that name hosts", () => {
    const found = expectHaproxy(
      "HA079",
      `global\n    log «loghost»:514 local0\n${HEAD}frontend f\n    bind :80\n    log «syslog.example.com» local1\n${BACKEND}peers p\n    peer a «lb1.example.com»:10000\n    server b «lb2»:10000\nresolvers dns\n    nameserver ns1 «ns.example.com»:53\nmailers m\n    mailer smtp «smtp.example.com»:25\nlog-forward syslog\n    dgram-bind «syslog.example.com»:514\n    log 192.0.2.514:514 local0\n`,
    );
    expect(found.map((p) => p.message.split(" '")[0])).toEqual(["log target", "log target", "peer address", "server address", "nameserver address", "mailer address", "dgram-bind address"]);
  });

  it("leaves what is no host name to HA004", () => {
    expectHaproxy("HA079", `${HEAD}frontend f\n    bind <VIP>:80\n    bind *:HTTP_PORT\n${BACKEND}`);
  });

  it("tells how libc reads a dotted address with leading zeros or missing parts, which haproxy takes (found by mutations of real files)", () => {
    const found = expectHaproxy("HA079", `global\n    log «127.000.000.001» local0\n${HEAD}frontend f\n    bind «10.1»:80\n${BACKEND}`);
    expect(found[0]!.message).toBe(
      "log target '127.000.000.001' is not written as an IPv4 address: haproxy has libc read '127.000.000.001' as 127.0.0.1, which takes a part with a leading 0 as octal (010 is 8) and fills missing parts; write the four parts in decimal",
    );
  });

  it("names the address libc makes of it: '0.0' listens on every address, a leading 0 is octal (a real file, ninth round)", () => {
    const found = expectHaproxy("HA079", `${HEAD}frontend f\n    bind «0.0»:80\n    bind «127.010»:81\n    bind «10.65535»:83\n${BACKEND}`);
    expect(found.map((problem) => problem.message.replace(/^.*? read '[^']*'( as [\d.]+)?,.*$/, "$1"))).toEqual([" as 0.0.0.0", " as 127.0.0.8", " as 10.0.255.255"]);
  });

  it("makes no address of a dotted number libc would not read (a part over 255, an 8 in octal, five parts)", () => {
    expect([libcIpv4("10.256.1"), libcIpv4("10.08"), libcIpv4("1.2.3.4.5"), libcIpv4("10.16777216")]).toEqual([undefined, undefined, undefined, undefined]);
    expect([libcIpv4("10"), libcIpv4("1.2.3.4")]).toEqual(["0.0.0.10", "1.2.3.4"]);
  });
});
