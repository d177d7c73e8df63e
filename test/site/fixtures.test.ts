// The example sites of fixtures/sites are clean; each test breaks one thing and asserts the exact
// findings: rule, file, line and message.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { lintSiteFiles } from "./harness.js";

const root = join(import.meta.dirname, "..", "..", "fixtures", "sites");

function readSite(name: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(join(root, name), path)] = readFileSync(path, "utf8");
    }
  };
  walk(join(root, name));
  return files;
}

function edit(files: Record<string, string>, path: string, from: string, to: string): Record<string, string> {
  expect(files[path], path).toContain(from);
  return { ...files, [path]: files[path]!.replace(from, to) };
}

const show = (problems: Awaited<ReturnType<typeof lintSiteFiles>>) => problems.map((p) => `${p.ruleId} ${p.file}:${p.range.start.line + 1}:${p.range.start.column + 1} ${p.message}`);

describe("example sites", () => {
  for (const name of ["nat", "dr", "haproxy-keepalived"]) {
    it(`${name} is clean`, async () => {
      expect(show(await lintSiteFiles(readSite(name)))).toEqual([]);
    });
  }

  it("haproxy-keepalived: lb2 without ip_nonlocal_bind cannot bind the VIP", async () => {
    const files = edit(readSite("haproxy-keepalived"), "lb2/etc/sysctl.d/90-haproxy.conf", "net.ipv4.ip_nonlocal_bind = 1", "net.ipv4.ip_nonlocal_bind = 0");
    expect(show(await lintSiteFiles(files))).toEqual([
      "X001 lb2/etc/haproxy/haproxy.cfg:20:10 192.168.122.100 is a VIP of lb2's RGW: while lb2 is BACKUP the address is not there and haproxy cannot bind it; set net.ipv4.ip_nonlocal_bind = 1 (it is 0) or add 'transparent' to the bind",
      "X001 lb2/etc/haproxy/haproxy.cfg:24:10 192.168.122.100 is a VIP of lb2's RGW: while lb2 is BACKUP the address is not there and haproxy cannot bind it; set net.ipv4.ip_nonlocal_bind = 1 (it is 0) or add 'transparent' to the bind",
    ]);
  });

  it("haproxy-keepalived: lb2's zone without VRRP", async () => {
    const files = edit(readSite("haproxy-keepalived"), "lb2/etc/firewalld/zones/public.xml", '  <protocol value="vrrp"/>\n', "");
    expect(show(await lintSiteFiles(files))).toEqual([
      'S020 lb2/etc/firewalld/zones/public.xml:2:1 lb2\'s firewalld drops VRRP (IP protocol 112) from lb1 (multicast to 224.0.0.18): lb2\'s RGW never hears its peer and becomes MASTER too; accept it with <protocol value="vrrp"/> or a rich rule',
    ]);
  });

  it("haproxy-keepalived: a VRID typo on lb2", async () => {
    const files = edit(readSite("haproxy-keepalived"), "lb2/etc/keepalived/keepalived.conf", "virtual_router_id 51", "virtual_router_id 52");
    expect(show(await lintSiteFiles(files))).toEqual([
      "S001 lb2/etc/keepalived/keepalived.conf:18:23 lb2's RGW has virtual_router_id 52 but lb1's RGW, which wins the election, has virtual_router_id 51: they never hear each other's adverts and both hold the VIPs",
    ]);
  });

  it("nat: equal priorities on the internal instance", async () => {
    const files = edit(readSite("nat"), "lb1/etc/keepalived/keepalived.conf", "    interface eth1\n    virtual_router_id 2\n    priority 150", "    interface eth1\n    virtual_router_id 2\n    priority 100");
    expect(show(await lintSiteFiles(files))).toEqual([
      "S008 lb1/etc/keepalived/keepalived.conf:26:11 lb1's RH_INT starts as MASTER but ties with lb2's RH_INT (priority 100), whose higher address wins; make one priority higher, on the node meant to be MASTER",
      "S007 lb1/etc/keepalived/keepalived.conf:29:14 lb1's RH_INT has priority 100, the same as lb2's RH_INT: the higher source address decides who is MASTER (lb2/RH_INT), and both may claim the VIPs while they settle; give each router its own priority",
    ]);
  });

  it("dr: a VIP missing on the backup router", async () => {
    const files = edit(readSite("dr"), "lb2/etc/keepalived/keepalived.conf", "virtual_ipaddress {\n        192.168.1.100/24\n", "virtual_ipaddress {\n        192.168.1.100/24\n        192.168.1.101/24\n");
    expect(show(await lintSiteFiles(files))).toEqual([
      "S002 lb2/etc/keepalived/keepalived.conf:13:5 lb2's RH_1 has 2 VIPs (192.168.1.100, 192.168.1.101) but lb1's RH_1, which wins the election, has 1 VIP (192.168.1.100): keepalived drops adverts whose address list differs from its own, so both nodes become MASTER",
    ]);
  });
});
