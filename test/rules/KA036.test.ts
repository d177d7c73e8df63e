import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectKeepalived, lintText } from "./harness.js";

describe("KA036 nopreempt-master", () => {
  it("accepts nopreempt or preempt_delay on BACKUP instances", () => {
    expectKeepalived("KA036", "vrrp_instance VI_1 {\n  state BACKUP\n  nopreempt\n}\n");
    expectKeepalived("KA036", "vrrp_instance VI_1 {\n  state BACKUP\n  preempt_delay 30\n}\n");
    expectKeepalived("KA036", "vrrp_instance VI_1 {\n  @lb1 state MASTER\n  @lb2 state BACKUP\n  nopreempt\n}\n");
  });

  it("reports them with state MASTER", () => {
    const found = expectKeepalived("KA036", "vrrp_instance VI_1 {\n  state MASTER\n  «nopreempt»\n  «preempt_delay» 30\n}\n");
    expect(found[0]!.message).toBe("nopreempt only works on an instance that starts as BACKUP; with state MASTER keepalived clears it");
    expect(found[0]!.related?.[0]?.range.start.line).toBe(1);
  });

  it("reports nopreempt with priority 255, which keepalived clears (found by mutations)", () => {
    expectKeepalived("KA036", "vrrp_instance VI_1 {\n  state BACKUP\n  priority 254\n  nopreempt\n}\n");
    const found = expectKeepalived("KA036", "vrrp_instance VI_1 {\n  state BACKUP\n  priority 255\n  «nopreempt»\n  preempt_delay 10\n}\n");
    expect(found.map((p) => p.message)).toEqual(["nopreempt does not work with priority 255 (the address owner always takes over); keepalived clears it"]);
    expect(found[0]!.related?.[0]?.range.start.line).toBe(2);
  });
});

describe("KA036 suggestions", () => {
  it("offers to start as BACKUP or to remove what keepalived clears", () => {
    const text = "vrrp_instance VI {\n    state MASTER\n    interface eth0\n    virtual_router_id 5\n    priority 100\n    nopreempt\n}\n";
    const [found] = lintText("keepalived", text).filter((p) => p.ruleId === "KA036");
    expect(found!.fix).toBeUndefined();
    expect(found!.suggestions!.map((s) => [s.description, applyEdits(text, s.edits)])).toEqual([
      ["start as BACKUP, so that nopreempt applies", text.replace("MASTER", "BACKUP")],
      ["remove 'nopreempt', which keepalived clears", text.replace("    nopreempt\n", "")],
    ]);
  });

  it("reports a preempt_delay beside nopreempt, which keepalived resets, and offers to remove it", () => {
    const text = "vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    nopreempt\n    «preempt_delay» 10\n    virtual_ipaddress {\n        10.0.0.10/24\n    }\n}\n";
    const [found] = expectKeepalived("KA036", text);
    expect(found!.message).toBe("preempt_delay delays taking the master role back, but with nopreempt the instance never takes it back; keepalived clears it");
    expect(found!.suggestions?.map((fix) => fix.description)).toEqual(["remove 'preempt_delay', which keepalived clears"]);
    expectKeepalived("KA036", text.replace("«preempt_delay» 10", "preempt_delay 0"));
  });
});
