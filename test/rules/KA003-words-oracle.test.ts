// The keywords keepalived 2.2.7 reads word by word (server/src/rules/keepalived/word-values.ts), each
// case in a file of its own through keepalived -t: where keepalived reports the line, lblint has an
// error on it; where keepalived says nothing, lblint has at most the warning the table names.
// Skipped where keepalived is not installed (CI installs it).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain script of the repository, without types
import { blockWith, messagesByLine } from "../../scripts/oracle/keepalived-lines.mjs";
import { lintText } from "./harness.js";

const installed = spawnSync("keepalived", ["--version"]).error === undefined;
type Verdict = "error" | "warning" | "none";
const UDP = "virtual_server>real_server>UDP_CHECK";
/** Block, line, and what lblint says of it: an error exactly where keepalived reports the line. */
const CASES: readonly [string, string, Verdict][] = [
  ["vrrp_instance", "interface abcdefghijklmnop", "error"],
  ["vrrp_instance", "use_vmac //primary", "error"],
  ["vrrp_instance", "use_vmac abcdefghijklmnop", "error"],
  ["vrrp_instance", "use_vmac vrrp.51", "none"],
  ["vrrp_instance", "use_vmac vr-p_1", "none"],
  ["vrrp_instance", "garp_extra_if 5", "none"],
  ["vrrp_instance", "garp_extra_if 0", "none"],
  ["vrrp_instance", "garp_extra_if 5 all", "none"],
  ["vrrp_instance", "garp_extra_if all 5", "none"],
  ["vrrp_instance", "garp_extra_if +5", "none"],
  ["vrrp_instance", "garp_extra_if 5 all all", "none"],
  ["vrrp_instance", "garp_extra_if 5 6 7", "warning"],
  ["vrrp_instance", "garp_extra_if all", "error"],
  ["vrrp_instance", "garp_extra_if all all", "error"],
  ["vrrp_instance", "garp_extra_if -1", "error"],
  ["vrrp_instance", "garp_extra_if 1.5", "error"],
  ["vrrp_instance", "garp_extra_if 0x10", "error"],
  ["vrrp_instance", "garp_extra_if 86401", "error"],
  ["vrrp_instance", "garp_extra_if 5 all x", "error"],
  ["vrrp_instance", "garp_extra_if bogus 5", "error"],
  ["virtual_server>real_server>DNS_CHECK", "name .5", "error"],
  ["virtual_server>real_server>DNS_CHECK", "name a..b", "error"],
  ["virtual_server>real_server>DNS_CHECK", "name example.com.", "none"],
  ["virtual_server>real_server>DNS_CHECK", "name ab.c.", "none"],
  ["virtual_server>real_server>DNS_CHECK", "name a.bc.", "error"],
  ["virtual_server>real_server>DNS_CHECK", "name q.", "error"],
  ["virtual_server>real_server>DNS_CHECK", "name .", "none"],
  ["virtual_server>real_server>DNS_CHECK", "name example.com", "none"],
  ["global_defs", "vrrp_garp_extra_if 5 all", "none"],
  ["global_defs", "vrrp_garp_extra_if 86400", "none"],
  ["global_defs", "vrrp_garp_extra_if 0", "error"],
  ["global_defs", "vrrp_garp_extra_if all", "error"],
  ["global_defs", "vrrp_garp_extra_if 5 bogus", "error"],
  ["global_defs", "vrrp_rx_bufs_policy MTU", "none"],
  ["global_defs", "vrrp_rx_bufs_policy advert", "none"],
  ["global_defs", "vrrp_rx_bufs_policy Mtu", "none"],
  ["global_defs", "vrrp_rx_bufs_policy 0", "none"],
  ["global_defs", "vrrp_rx_bufs_policy 4294967295", "none"],
  ["global_defs", "vrrp_rx_bufs_policy MTU MTU", "none"],
  ["global_defs", "vrrp_rx_bufs_policy 4096 8192", "warning"],
  ["global_defs", "vrrp_rx_bufs_policy MTU ADVERT", "error"],
  ["global_defs", "vrrp_rx_bufs_policy ADVERT MTU", "error"],
  ["global_defs", "vrrp_rx_bufs_policy 4096 MTU", "error"],
  ["global_defs", "vrrp_rx_bufs_policy MTU 4096", "error"],
  ["global_defs", "vrrp_rx_bufs_policy MTU bogus", "error"],
  ["global_defs", "vrrp_rx_bufs_policy 99999999999", "error"],
  ["global_defs", "vrrp_rx_bufs_policy 0x100", "error"],
  ["virtual_server", "persistence_granularity 255.255.255.0", "none"],
  ["virtual_server", "persistence_granularity 0xffffff00", "none"],
  ["virtual_server", "persistence_granularity 0377.255.255.0", "none"],
  ["virtual_server", "persistence_granularity 0.0.0.0", "none"],
  ["virtual_server", "persistence_granularity 24", "warning"],
  ["virtual_server", "persistence_granularity 255.0.255.0", "warning"],
  ["virtual_server", "persistence_granularity 1.16777216", "error"],
  ["virtual_server", "persistence_granularity 255.255.255.256", "error"],
  ["virtual_server", "persistence_granularity 255.255.255.0/24", "error"],
  ["virtual_server", "persistence_granularity 4294967296", "error"],
  ["virtual_server", "persistence_granularity 08", "error"],
  ["virtual_server", "persistence_granularity +5", "error"],
  ["virtual_server", "persistence_granularity ffff::", "error"],
  ["virtual_server6", "persistence_granularity 64", "none"],
  ["virtual_server6", "persistence_granularity 128", "none"],
  ["virtual_server6", "persistence_granularity 0", "error"],
  ["virtual_server6", "persistence_granularity 129", "error"],
  ["virtual_server6", "persistence_granularity 255.255.255.0", "error"],
  [UDP, "payload Ab12f 3 456", "none"],
  [UDP, "payload a", "none"],
  [UDP, "payload xyz", "error"],
  [UDP, "payload 0xab", "error"],
  [UDP, "payload ab:cd", "error"],
  [UDP, "require_reply aX", "none"],
  [UDP, "require_reply x", "none"],
  [UDP, "require_reply xx yy", "error"],
  [UDP, "require_reply ab/ff", "error"],
];

/** An IPv6 virtual server (blockWith's are IPv4) with `line` on its line 4. */
function ipv6Block(line: string): { lines: string[]; at: number } {
  return { lines: ["virtual_server 2001:db8::1 80 {", "  lb_algo rr", "  lb_kind NAT", "  protocol TCP", `  ${line}`, "  real_server 2001:db8::2 80 {", "    TCP_CHECK {", "      connect_timeout 3", "    }", "  }", "}"], at: 4 };
}

describe.runIf(installed)("keepalived's word-by-word values against keepalived 2.2.7", () => {
  it("are errors exactly where keepalived reports them", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-words-"));
    const wrong: string[] = [];
    for (const [block, line, verdict] of CASES) {
      const { lines, at } = block === "virtual_server6" ? ipv6Block(line) : (blockWith(block, line, 1) as { lines: string[]; at: number });
      const text = lines.join("\n") + "\n";
      const file = join(dir, "case.conf");
      writeFileSync(file, text);
      // keepalived numbers lines from 1, lblint from 0.
      const reported = ((messagesByLine(file) as Map<number, string[]>).get(at + 1) ?? []).length > 0;
      const here = lintText("keepalived", text, { keepalivedVersion: "2.2" }).filter((p) => p.range.start.line === at && p.severity !== "info");
      const said: Verdict = here.some((p) => p.severity === "error") ? "error" : here.length > 0 ? "warning" : "none";
      if (reported !== (verdict === "error") || said !== verdict) wrong.push(`${line}: keepalived ${reported ? "reports it" : "says nothing"}, lblint ${here.map((p) => `${p.severity} ${p.message}`).join("; ") || "nothing"} (table: ${verdict})`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
