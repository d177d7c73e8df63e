import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA035 lvs-empty", () => {
  it("accepts a virtual server with a real server", () => {
    expectKeepalived("KA035", "virtual_server 10.0.0.1 80 {\n  protocol TCP\n  real_server 10.0.0.2 80 {\n    weight 1\n  }\n}\n");
  });

  it("reports one without, even with a sorry_server", () => {
    const found = expectKeepalived("KA035", "«virtual_server» 10.0.0.1 80 {\n  protocol TCP\n}\n«virtual_server» 10.0.0.1 443 {\n  protocol TCP\n  sorry_server 10.0.0.9 443\n}\n");
    expect(found[1]!.message).toBe("this virtual_server has no real_server; keepalived ignores it (a sorry_server alone is not enough)");
  });

  it("leaves a virtual server alone whose real servers may come from an include", () => {
    expectKeepalived("KA035", "virtual_server 10.0.0.1 80 {\n  protocol TCP\n  include /etc/keepalived/real-servers.conf\n}\n");
  });

  it("reports a virtual_server_group without entries, through its closing brace", () => {
    const found = expectKeepalived("KA035", "virtual_server_group «web {\n}»\nvirtual_server_group db {\n  10.0.0.5 5432\n}\n");
    expect(found[0]!.message).toBe("virtual_server_group 'web' has no entries; keepalived removes it, and the virtual servers that name it");
  });
});
