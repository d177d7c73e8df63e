import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const INSTANCES = "vrrp_instance VI_1 {\n  virtual_router_id 1\n}\nvrrp_instance VI_2 {\n  virtual_router_id 2\n}\nvrrp_instance VI_3 {\n  virtual_router_id 3\n}\n";

describe("KA032 sync-group", () => {
  it("accepts groups of defined instances, defined before or after the group", () => {
    expectKeepalived("KA032", "vrrp_sync_group G {\n  group {\n    VI_1\n    VI_2\n  }\n}\n" + INSTANCES);
  });

  it("reports an undefined member with a did-you-mean fix", () => {
    const found = expectKeepalived("KA032", INSTANCES + "vrrp_sync_group G {\n  group {\n    VI_1\n    VI_2\n    «VI_4»\n  }\n}\n");
    expect(found[0]!.message).toBe("vrrp_instance 'VI_4' is not defined; keepalived leaves it out of sync group 'G'; did you mean 'VI_1' or 'VI_2' or 'VI_3'?");
    expect(found[0]!.suggestions).toHaveLength(3);
  });

  it("reports an instance already in another group, and groups left with fewer than two instances", () => {
    const found = expectKeepalived(
      "KA032",
      INSTANCES + "vrrp_sync_group G1 {\n  group {\n    VI_1\n    VI_2\n  }\n}\nvrrp_sync_group «G2» {\n  group {\n    «VI_2»\n    VI_3\n  }\n}\nvrrp_sync_group «G3» {\n  group {\n    «VI_3»\n  }\n}\n",
    );
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["warning", "sync group 'G2' has only one instance; a sync group keeps several instances in the same state"],
      ["error", "'VI_2' is already in sync group 'G1'; an instance belongs to one sync group only, so keepalived leaves it out of this one"],
      ["error", "sync group 'G3' has no instance keepalived can use; it removes the group"],
      ["error", "'VI_3' is already in sync group 'G2'; an instance belongs to one sync group only, so keepalived leaves it out of this one"],
    ]);
  });

  it("reports an empty group block on the block, where keepalived 2.2.7 names its '}' (twelfth mutation round)", () => {
    const found = expectKeepalived("KA032", INSTANCES + "vrrp_sync_group G1 {\n  «group {\n    # none yet\n  }»\n}\n");
    expect(found.map((p) => p.message)).toEqual(["the group block of sync group 'G1' is empty; keepalived reports it and removes the group"]);
  });

  it("reports an instance named twice in one group (eleventh mutation round: a word written twice)", () => {
    // keepalived 2.2.7 -t exits 5: "Virtual router VI_1 cannot exist in more than one sync group; ignoring G".
    const found = expectKeepalived("KA032", INSTANCES + "vrrp_sync_group G {\n  group {\n    VI_1\n    VI_2 «VI_2»\n    «VI_1»\n  }\n}\n");
    expect(found[0]!.message).toBe("'VI_2' is named twice in sync group 'G'; keepalived reports it as an instance in two sync groups and drops the repeat");
  });

  it("reads every word of a group's line as a member, as keepalived 2.2.7 does", () => {
    // keepalived -t: `VI_1 VI_2` on one line is a group of two (no "only 1 virtual router(s)").
    expectKeepalived("KA032", INSTANCES + "vrrp_sync_group G {\n  group {\n    VI_1 VI_2\n  }\n}\nvrrp_sync_group H {\n  group {\n    VI_3 «VI_4»\n  }\n}\n".replace("H {", "«H» {"));
  });

  it("leaves groups with per-host or computed members alone", () => {
    expectKeepalived("KA032", INSTANCES + "vrrp_sync_group G {\n  group {\n    @lb1 VI_1\n    VI_${N}\n  }\n}\n");
  });
});
