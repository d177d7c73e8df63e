import { describe, expect, it } from "vitest";
import { expectSite } from "../site/harness.js";
import { drRouter, drSite, KEEPALIVED, natRouter, natSite, realServers } from "../site/lvs-site.js";

describe("S013 virtual-server-mismatch", () => {
  it("accepts the same virtual servers on both routers", async () => {
    await expectSite("S013", natSite());
    await expectSite("S013", drSite());
  });

  it("reports a virtual server missing on the peer, on the instance that takes over the VIP", async () => {
    const lb2 = natRouter({ master: false }).replace(/virtual_server[\s\S]*$/, "").replace("vrrp_instance VI_EXT", "vrrp_instance «VI_EXT»");
    const [problem] = await expectSite("S013", natSite({ [`lb2/${KEEPALIVED}`]: lb2 }));
    expect(problem!.message).toBe("lb2's VI_EXT takes over 192.168.26.10 from lb1, but lb2 has no virtual_server 192.168.26.10 port 80: after a failover that service is not balanced");
  });

  it("reports a virtual server on the peer only", async () => {
    const lb2 = drRouter({ master: false }) + "\nvirtual_server «192.168.1.100» 443 {\n    lb_kind DR\n    protocol TCP\n" + realServers(["192.168.1.21"], 443) + "}\n";
    await expectSite("S013", drSite({ [`lb2/${KEEPALIVED}`]: lb2 }));
  });

  it("reports missing and extra real servers", async () => {
    await expectSite("S013", drSite({ [`lb2/${KEEPALIVED}`]: drRouter({ master: false, servers: realServers(["192.168.1.21"]) }).replace("virtual_server 192.168.1.100", "virtual_server «192.168.1.100»") }));
    await expectSite("S013", drSite({ [`lb2/${KEEPALIVED}`]: drRouter({ master: false, servers: realServers(["192.168.1.21", "192.168.1.22", "«192.168.1.24»"]) }) }));
  });

  it("reports a different method as an error and a different scheduler as a warning", async () => {
    const [method] = await expectSite("S013", drSite({ [`lb2/${KEEPALIVED}`]: drRouter({ master: false, kind: "«TUN»" }) }));
    expect(method!.severity).toBe("error");
    expect(method!.message).toBe("virtual_server 192.168.1.100 port 80 on lb2 uses forwarding method TUN but lb1, which wins the election, uses DR: the service changes behaviour at every failover");
    const [scheduler] = await expectSite("S013", drSite({ [`lb2/${KEEPALIVED}`]: drRouter({ master: false }).replace("lb_algo wlc", "lb_algo «rr»") }));
    expect(scheduler!.severity).toBe("warning");
  });

  it("compares `virtual_server group NAME` services of the routers too", async () => {
    const group = "virtual_server_group WEB {\n    192.168.1.100 80\n}\n\n";
    const router = (master: boolean, algo: string) => group + drRouter({ master, head: "group WEB", servers: realServers(["192.168.1.21"], 0) }).replace("lb_algo wlc", `lb_algo ${algo}`);
    await expectSite("S013", drSite({ [`lb1/${KEEPALIVED}`]: router(true, "wlc"), [`lb2/${KEEPALIVED}`]: router(false, "wlc") }));
    const [problem] = await expectSite("S013", drSite({ [`lb1/${KEEPALIVED}`]: router(true, "wlc"), [`lb2/${KEEPALIVED}`]: router(false, "«rr»") }));
    expect(problem!.message).toBe("virtual_server group WEB on lb2 uses scheduler rr but lb1, which wins the election, uses wlc: the service changes behaviour at every failover");
  });
});
