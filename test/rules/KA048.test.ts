import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA048 virtual-server-defaults", () => {
  it("accepts a virtual_server with a scheduler and a forwarding method, in either spelling", () => {
    expectKeepalived("KA048", "virtual_server 10.0.0.1 80 {\n  lb_algo rr\n  lb_kind DR\n}\nvirtual_server 10.0.0.2 80 {\n  lvs_sched wlc\n  lvs_method NAT\n}\n");
  });

  it("reports what is missing and what keepalived uses instead", () => {
    const found = expectKeepalived(
      "KA048",
      "«virtual_server» 10.0.0.1 80 {\n  lb_algo rr\n}\n«virtual_server» fwmark 5 {\n  lb_kind DR\n}\n«virtual_server» 10.0.0.3 443 {\n  protocol TCP\n}\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "this virtual_server sets no forwarding method (lb_kind); keepalived reports it and uses NAT",
      "this virtual_server sets no scheduler (lb_algo); keepalived reports it and uses wlc",
      "this virtual_server sets no scheduler (lb_algo) and no forwarding method (lb_kind); keepalived reports it and uses wlc and NAT",
    ]);
  });
});

describe("KA048 virtual-server-defaults: quorum and hysteresis", () => {
  const head = (port: number) => `virtual_server 10.0.0.1 ${port} {\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n`;
  const real = (last: number, weight?: string) => `  real_server 10.0.0.${last} 80 {\n${weight === undefined ? "" : `    weight ${weight}\n`}  }\n`;

  it("accepts a quorum the real servers' weights can reach and a hysteresis below it", () => {
    expectKeepalived("KA048", `${head(80)}  quorum 3\n  hysteresis 2\n${real(2, "2")}${real(3)}}\n${head(81)}${real(2)}}\n${head(82)}  quorum 0\n${real(2)}}\n`);
  });

  it("reports a quorum above the total weight and a hysteresis not below the quorum keepalived keeps", () => {
    const found = expectKeepalived(
      "KA048",
      `${head(80)}  quorum «4»\n  hysteresis «3»\n${real(2, "2")}${real(3)}}\n${head(81)}  hysteresis «1»\n${real(2)}}\n«virtual_server» 10.0.0.1 82 {\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n${real(2, "0")}}\n`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "quorum 4 is above the real servers' total weight, 3; keepalived reports it and lowers the quorum to 3",
      "hysteresis 3 is not below the quorum keepalived keeps (3); keepalived reports it and sets the hysteresis to 2",
      "hysteresis 1 is not below the quorum keepalived keeps (1); keepalived reports it and sets the hysteresis to 0",
      "the default quorum, 1, is above the real servers' total weight, 0; keepalived reports it and lowers the quorum to 0, and then the hysteresis (0) to 4294967295",
    ]);
  });
});
