// The patterns are asked of haproxy 2.6.12 one per file (it stops at the first refused ACL).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectHaproxy, lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const installed = spawnSync("haproxy", ["-v"]).error === undefined;

const GOOD = ["10.0.0.0/8", "10.0.0.1/255.255.0.0", "10.0.0.0/255.0.255.0", "10.0.0", "10", "010.0.0.1", "0.0.0.0/0", "::1", "::ffff:10.0.0.1", "2001:db8::/32", "localhost", "-i 10.0.0.1"];
const BAD = ["10.0.0.0/33", "10.0.0.300", "10.0.0.1/", "10.0.0.0/-1", "::1/129", "fe80::zz", "1.2.3.4-1.2.3.5", "1.2.3.4.5", "300.1", "10.0.0.1 ;", "*", "a;b", ".example.com", "a..b"];

function config(pattern: string): string {
  return `defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\nfrontend f\n    bind 127.0.0.1:18080\n    acl x src ${pattern}\n    http-request deny if x\n    default_backend b\nbackend b\n    server s 127.0.0.1:80\n`;
}

describe("HA073 acl-address-pattern", () => {
  it("accepts addresses in every form haproxy reads, with masks, names, and other fetches", () => {
    for (const pattern of GOOD) expectHaproxy("HA073", config(pattern));
    expectHaproxy("HA073", "frontend f\n    bind :80\n    acl a hdr(x) 10.0.0.300\n    acl b src,lower 10.0.0.300\n    acl c src -m str 10.0.0.300\n    acl d src $NET\n    acl e src,ipmask(24) 10.0.0.0/24\n");
    // After ipmask the patterns are addresses again (haproxy 2.6.12: "'10.0.0.300' is not a valid IPv4 or IPv6 address").
    expectHaproxy("HA073", "frontend f\n    bind :80\n    acl b src,ipmask(24) «10.0.0.300»\n");
    // A fetch named like a method (`url_ip`) is that fetch; nothing before a '/' is no address (haproxy 2.6.12 refuses both).
    expectHaproxy("HA073", "frontend f\n    bind :80\n    acl c url_ip «256.168.0.0/24» 10.0.0.0/8\n    acl d src «/x»\n");
  });

  it("reports patterns written like addresses that are none, on the pattern", () => {
    const [found] = expectHaproxy("HA073", "frontend f\n    bind :80\n    acl x src 10.0.0.1 «10.0.0.0/33»\n    http-request deny if { dst «1.2.3.4-1.2.3.5» }\n    acl y req.hdr(x-ip) -m ip «10.0.0.300»\n");
    expect(found!.message).toBe("'10.0.0.0/33': '/33' is not an IPv4 mask (a length up to 32, or a dotted mask), which 'src' is matched against; haproxy refuses the ACL");
  });

  it("reports a pattern with a character no host name has (found by mutations: a ';' comment after the pattern)", () => {
    const found = expectHaproxy("HA073", "frontend f\n    bind :80\n    acl guests src 192.168.162.0/24 «;» «primary»\n    acl any src «*»\n    acl name src «db_1.example»\n");
    expect(found[0]!.message).toBe("';': neither an address nor a host name, which 'src' is matched against; haproxy refuses the ACL");
  });

  it("warns of a host name, which haproxy resolves while reading the file and refuses where it does not resolve", () => {
    // haproxy 2.6.12, 3.0.11 and 3.2.26 here: "'myhost.example' is not a valid IPv4 or IPv6 address"; `localhost` and `LOCALHOST` pass.
    const found = expectHaproxy("HA073", "frontend f\n    acl a src «myhost.example»/24 10.0.0.1 localhost LOCALHOST\n    acl b hdr_ip(x-forwarded-for) «web_1»\n    acl c hdr(host) myhost.example\n");
    expect(found.map((p) => p.severity)).toEqual(["warning", "warning"]);
    expect(found[0]!.message).toBe(
      "'myhost.example' is a host name, which haproxy resolves while it reads the configuration to match 'src' against its address then; where it does not resolve, haproxy refuses the ACL: write the address",
    );
  });

  it("reports a name with an empty label (found by mutations: ipmask chained onto a path fetch)", () => {
    const found = expectHaproxy("HA073", "frontend f\n    bind :80\n    acl static path_end,ipmask(24) -i «.jpg» «.gif»\n    acl a src «a..b» «a.b»\n");
    expect(found[0]!.message).toBe("'.jpg': neither an address nor a host name, which 'path_end' is matched against; haproxy refuses the ACL");
  });

  it.runIf(installed)("agrees with haproxy 2.6.12 on each pattern", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ha073-"));
    const file = join(dir, "t.cfg");
    const wrong: string[] = [];
    for (const pattern of [...GOOD, ...BAD]) {
      writeFileSync(file, config(pattern));
      const refused = haproxyCheck(file, { timeout: 20_000 }).status !== 0;
      const flagged = lintText("haproxy", config(pattern), { haproxyVersion: "2.6" }).some((p) => p.ruleId === "HA073");
      if (refused !== flagged || refused !== BAD.includes(pattern)) wrong.push(`${pattern}: haproxy ${refused ? "refuses" : "accepts"}, lblint ${flagged ? "flags" : "is silent"}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("HA073 acl-address-pattern: a flag after the patterns", () => {
  it("reports a flag written after an address, which haproxy reads as a pattern (tenth mutation round)", () => {
    // haproxy 2.6.12: "'-m' is not a valid IPv4 or IPv6 address".
    const found = expectHaproxy("HA073", "frontend f\n    acl a src 10.0.0.0/8 «-m» «beg»\n    acl b src -- «-x»\n");
    // and a pattern after '--' that starts with '-': "'-x' is not a valid IPv4 or IPv6 address".
    expect(found.filter((p) => p.severity === "error").map((p) => p.message)).toEqual([
      "'-m': neither an address nor a host name, which 'src' is matched against; haproxy refuses the ACL",
      "'-x': neither an address nor a host name, which 'src' is matched against; haproxy refuses the ACL",
    ]);
  });
});
