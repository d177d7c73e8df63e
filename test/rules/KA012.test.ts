import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const instance = (name: string, vrid: number) => `vrrp_instance ${name} {\n  interface eth0\n  virtual_router_id ${vrid}\n}\n`;

describe("KA012 duplicate-instance", () => {
  it("accepts distinct names, and @id alternatives of one block", () => {
    expectKeepalived("KA012", instance("VI_1", 1) + instance("VI_2", 2) + 'vrrp_script chk {\n  script "/bin/true"\n}\n');
    expectKeepalived("KA012", "@lb1 vrrp_instance VI_1 {\n  priority 150\n}\n@lb2 vrrp_instance VI_1 {\n  priority 100\n}\n");
  });

  it("reports a second vrrp_instance and vrrp_sync_group, which keepalived skips", () => {
    const found = expectKeepalived(
      "KA012",
      `${instance("VI_1", 1)}vrrp_instance «VI_1» {\n  virtual_router_id 2\n}\nvrrp_sync_group G {\n  group {\n    VI_1\n  }\n}\nvrrp_sync_group «G» {\n}\n`,
    );
    expect(found[0]!.message).toBe("vrrp_instance 'VI_1' is already defined on line 1; keepalived skips this block");
    expect(found.map((p) => p.severity)).toEqual(["error", "error"]);
    expect(found[0]!.related?.[0]?.range.start.line).toBe(0);
  });

  it("reports scripts, track processes and track files that are never used because the first one wins", () => {
    const found = expectKeepalived(
      "KA012",
      'vrrp_script chk {\n  script "/bin/true"\n}\nvrrp_script «chk» {\n  script "/bin/false"\n}\nvrrp_track_process p {\n  process a\n}\nvrrp_track_process «p» {\n  process b\n}\ntrack_file f {\n  file /tmp/a\n}\nvrrp_track_file «f» {\n  file /tmp/b\n}\n',
    );
    expect(found[0]!.message).toBe("vrrp_script 'chk' is already defined on line 1; keepalived keeps the first one and never uses this block");
    // keepalived 2.2.7 -t accepts these silently (real files, round 4): a warning, not an error.
    expect(found.map((p) => p.severity)).toEqual(["warning", "warning", "warning"]);
  });

  it("reports an @id block that meets an unconditional one", () => {
    expectKeepalived("KA012", `${instance("VI_1", 1)}@lb1 vrrp_instance «VI_1» {\n}\n`);
  });
});
