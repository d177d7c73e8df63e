// From a keepalived VIP to the haproxy binds on it, and back.
import { describe, expect, it } from "vitest";
import { LanguageService } from "../../server/src/service/language-service.js";
import { ipOf, vipCounterparts } from "../../server/src/service/vips.js";
import { MemoryFileSystem } from "../../server/src/workspace/fs.js";

const KEEPALIVED = "file:///srv/lb/keepalived/keepalived.conf";
const HAPROXY = "file:///srv/lb/haproxy/haproxy.cfg";
const FILES = {
  [KEEPALIVED]: "vrrp_instance VI_1 {\n    virtual_ipaddress {\n        192.0.2.10/24 dev eth0\n        2001:db8::10/64\n    }\n}\n",
  [HAPROXY]: "frontend www\n    bind 192.0.2.10:443 ssl crt /x.pem\n    bind [2001:db8::10]:443\n    bind 192.0.2.11:80\n    default_backend app\n",
};

describe("VIPs and binds", () => {
  it("reads the address of VIP entries and bind lines", () => {
    expect(["192.0.2.10/24", "192.0.2.10:443", "ipv4@192.0.2.10:80", "[2001:DB8::10]:443", "2001:db8::10/64", "*:80", ":443", "lb.example.com:80"].map(ipOf)).toEqual([
      "192.0.2.10",
      "192.0.2.10",
      "192.0.2.10",
      "2001:db8::10",
      "2001:db8::10",
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("goes from a VIP to the binds on it and from a bind to its VIP", async () => {
    const service = new LanguageService(new MemoryFileSystem(FILES));
    service.open(KEEPALIVED, "keepalived", FILES[KEEPALIVED]!, 1);
    await service.discover(["file:///srv/lb/"]);
    const keepalived = await service.project(KEEPALIVED);
    const vip = FILES[KEEPALIVED]!.indexOf("192.0.2.10");
    const binds = vipCounterparts(keepalived, KEEPALIVED, vip + 3, await service.projectsOf("haproxy"));
    expect(binds.map((l) => `${l.uri} ${l.range.start.line}`)).toEqual([`${HAPROXY} 1`]);
    const v6 = vipCounterparts(keepalived, KEEPALIVED, FILES[KEEPALIVED]!.indexOf("2001:db8") + 1, await service.projectsOf("haproxy"));
    expect(v6.map((l) => l.range.start.line)).toEqual([2]);

    const haproxy = await service.project(HAPROXY);
    const back = vipCounterparts(haproxy, HAPROXY, FILES[HAPROXY]!.indexOf("192.0.2.10") + 1, await service.projectsOf("keepalived"));
    expect(back.map((l) => `${l.uri} ${l.range.start.line}:${l.range.start.character}`)).toEqual([`${KEEPALIVED} 2:8`]);
    expect(vipCounterparts(haproxy, HAPROXY, FILES[HAPROXY]!.indexOf("192.0.2.11") + 1, await service.projectsOf("keepalived"))).toEqual([]);
  });
});
