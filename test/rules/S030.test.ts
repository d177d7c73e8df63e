import { describe, expect, it } from "vitest";
import { expectSite } from "../site/harness.js";
import { drSite, KEEPALIVED, natRouter, natSite } from "../site/lvs-site.js";

describe("S030 nat-router-no-forwarding", () => {
  it("accepts NAT routers with ip_forward = 1, and DR routers without it", async () => {
    await expectSite("S030", natSite());
    await expectSite("S030", drSite());
  });

  it("reports the sysctl line that leaves forwarding off, with the virtual server as related", async () => {
    const [problem] = await expectSite("S030", natSite({ "lb2/etc/sysctl.d/90-lvs.conf": "net.ipv4.ip_forward = «0»\n" }));
    expect(problem!.message).toBe(
      "lb2 is an LVS NAT router for 192.168.26.10 port 80 but net.ipv4.ip_forward is 0: it drops what it should forward between clients and real servers; set net.ipv4.ip_forward = 1",
    );
    expect(problem!.related?.map((r) => `${r.uri.slice(13)}:${r.range.start.line + 1}`)).toEqual([`lb2/${KEEPALIVED}:28`]);
  });

  it("reads sysctl files in order: /etc/sysctl.conf last wins", async () => {
    await expectSite("S030", natSite({ "lb1/etc/sysctl.conf": "net/ipv4/ip_forward=«0»\n" }));
    await expectSite("S030", natSite({ "lb1/etc/sysctl.d/90-lvs.conf": "net.ipv4.ip_forward = 0\n", "lb1/etc/sysctl.conf": "net.ipv4.ip_forward = 1\n" }));
  });

  it("says where to add it: the top of the last /etc sysctl file, else the forwarding method", async () => {
    const [inFile] = await expectSite("S030", natSite({ "lb1/etc/sysctl.d/90-lvs.conf": "«»# nothing about forwarding here\nvm.swappiness = 10\n" }));
    expect(inFile!.message).toContain("but no sysctl file sets net.ipv4.ip_forward (the kernel default is 0)");
    expect(inFile!.message).toMatch(/set net\.ipv4\.ip_forward = 1 in this file$/);
    const [noFile] = await expectSite("S030", natSite({ "lb1/etc/sysctl.d/90-lvs.conf": undefined, [`lb1/${KEEPALIVED}`]: natRouter({ master: true }).replace("lb_kind NAT", "lb_kind «NAT»") }));
    expect(noFile!.message).toContain("lb1 has no sysctl file (the kernel default is 0)");
    expect(noFile!.message).toMatch(/in a sysctl file such as \/etc\/sysctl\.d\/90-lvs\.conf$/);
  });

  it("takes NAT as the default method, and a real server's own lvs_method", async () => {
    const noKind = natRouter({ master: true }).replace("    lb_kind NAT\n", "");
    await expectSite("S030", natSite({ [`lb1/${KEEPALIVED}`]: noKind, "lb1/etc/sysctl.d/90-lvs.conf": "net.ipv4.ip_forward = «0»\n" }));
    const perServer = natRouter({ master: true, kind: "DR", servers: "    real_server 10.11.12.1 80 {\n        lvs_method NAT\n    }\n" });
    await expectSite("S030", natSite({ [`lb1/${KEEPALIVED}`]: perServer, "lb1/etc/sysctl.d/90-lvs.conf": "net.ipv4.ip_forward = «0»\n" }));
  });

  it("does not judge hosts known only by their keepalived file", async () => {
    await expectSite("S030", {
      "lblint.site.json": JSON.stringify({ hosts: { lb1: { files: ["roles/lb1/keepalived.conf"] } } }),
      "roles/lb1/keepalived.conf": natRouter({ master: true }),
    });
  });
});
