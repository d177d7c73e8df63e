import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectKeepalived, lintText } from "./harness.js";

describe("KA047 auth-deprecated", () => {
  it("notes every authentication block, and nothing else", () => {
    expectKeepalived("KA047", "vrrp_instance A {\n    «authentication» {\n        auth_type PASS\n        auth_pass x\n    }\n}\nvrrp_instance B {\n    priority 100\n}\n");
  });
});

describe("KA047 suggestions", () => {
  it("offers to remove the whole authentication block, never one that shares its lines", () => {
    const text = `vrrp_instance VI_1 {
    interface eth0
    authentication {   # old
        auth_type PASS
        auth_pass secret
    }
    virtual_router_id 51
}
vrrp_instance VI_2 {
    authentication { auth_type PASS
        auth_pass secret } virtual_router_id 52
}
`;
    const found = lintText("keepalived", text).filter((p) => p.ruleId === "KA047");
    expect(found).toHaveLength(2);
    expect(found[0]!.fix).toBeUndefined();
    expect(applyEdits(text, found[0]!.suggestions![0]!.edits)).toBe(text.replace(/ {4}authentication \{ {3}# old\n.*\n.*\n {4}\}\n/, ""));
    expect(found[1]!.suggestions).toBeUndefined();
  });
});
