import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const group = (name: string) => `virtual_server_group ${name} {\n  10.0.0.10 80\n}\n`;
const server = (header: string) => `virtual_server ${header} {\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n  real_server 10.0.0.2 80 {\n    TCP_CHECK {\n      connect_timeout 3\n    }\n  }\n}\n`;

describe("KA060 unused-vs-group", () => {
  it("accepts a group a virtual_server names, and any group when a name is computed", () => {
    expectKeepalived("KA060", group("WEB") + server("group WEB"));
    expectKeepalived("KA060", group("WEB") + "$G=WEB\n" + server("group $G"));
  });

  it("reports a group nothing names, on its name", () => {
    const found = expectKeepalived("KA060", group("«WEB»") + server("10.0.0.10 80"));
    expect(found[0]!.message).toBe("virtual_server_group 'WEB' is not used by any virtual_server ('virtual_server group WEB'); keepalived keeps it and balances nothing with it");
  });
});
