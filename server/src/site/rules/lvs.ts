// S030–S035 and X005: LVS routers and their real servers. A NAT router forwards (S030) and its real
// servers route back through the routers' floating address (S031); a direct-routing or tunnelling
// real server keeps quiet about the VIP it holds (S032), a direct-routing one sits on the router's
// segment (S033), a tunnelling one unwraps IP-in-IP (S034) without reverse-path filtering dropping
// the result (S035); and a real server whose haproxy configuration is known listens where the
// forwarding method delivers (X005).
// The judgements come from lvs.ts, which the site report shows too; a real server whose files are
// missing is "not enough information" there and never a finding here. The same real server behind
// two routers is reported once.
import type { SiteRule } from "../../lint/rule.js";
import type { Host } from "../host.js";
import { judgeDrArp, judgeDrSegment } from "../lvs-dr.js";
import { described, describe, judgeListening, realServerHost, serviceRelated, servicePlace, sysctlPlace, type Judgement, type LvsRealServer, type LvsService } from "../lvs.js";
import { judgeNatGateway } from "../lvs-nat.js";
import { judgeRpFilter, judgeTunnel } from "../lvs-tun.js";
import type { SiteModel } from "../model.js";

const meta = (id: string, alias: string, description: string, severity: "error" | "warning") =>
  ({ id, alias, product: "site", severity, category: "correctness", description, fixable: false, native: "silent" }) as const;

type Report = Parameters<SiteRule["check"]>[0]["report"];

/** Reports the faults of a judgement over every real server (of a method) of every router, each place once. */
function reportFaults(
  site: SiteModel,
  report: Report,
  wanted: (rs: LvsRealServer, service: LvsService) => boolean,
  judge: (service: LvsService, rs: LvsRealServer, host: Host) => Judgement,
): void {
  const seen = new Set<string>();
  for (const service of site.services) {
    for (const rs of service.realServers) {
      if (!wanted(rs, service)) continue;
      const owner = realServerHost(site, service, rs);
      if (!("host" in owner)) continue;
      const judgement = judge(service, rs, owner.host);
      if (judgement.status !== "fault" || !judgement.place) continue;
      const key = `${judgement.place.uri}#${judgement.place.range.start.offset}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report({ uri: judgement.place.uri, range: judgement.place.range, message: judgement.detail, ...(judgement.related ? { related: judgement.related } : {}) });
    }
  }
}

export const natRouterForwarding: SiteRule = {
  meta: meta("S030", "nat-router-no-forwarding", "an LVS NAT router does not have IP forwarding enabled", "error"),
  check({ model: site, report }) {
    const done = new Set<string>();
    for (const service of site.services) {
      const host = service.host;
      if (!described(host) || !(service.method === "NAT" || service.realServers.some((rs) => rs.method === "NAT"))) continue;
      const key = service.family === 6 ? "net.ipv6.conf.all.forwarding" : "net.ipv4.ip_forward";
      if (done.has(`${host.name} ${key}`)) continue;
      done.add(`${host.name} ${key}`);
      const value = host.sysctlValue(key);
      if (value.value === 1) continue;
      const fix = sysctlPlace(host, key);
      const place = fix?.place ?? servicePlace(site, service, service.methodWord);
      const now = value.where ? `${key} is ${value.text}` : host.hasSysctlFiles ? `no sysctl file sets ${key} (the kernel default is 0)` : `${host.name} has no sysctl file (the kernel default is 0)`;
      report({
        uri: place.uri,
        range: place.range,
        message: `${host.name} is an LVS NAT router for ${describe(service)} but ${now}: it drops what it should forward between clients and real servers; set ${key} = 1${
          fix ? (fix.set ? "" : " in this file") : " in a sysctl file such as /etc/sysctl.d/90-lvs.conf"
        }`,
        related: [serviceRelated(site, service)],
      });
    }
  },
};

export const natRealServerGateway: SiteRule = {
  meta: meta("S031", "nat-real-server-gateway", "an LVS NAT real server does not route through the routers' floating address", "error"),
  check({ model: site, report }) {
    reportFaults(site, report, (rs) => rs.method === "NAT", (service, rs, host) => judgeNatGateway(site, service, rs, host));
  },
};

export const drRealServerArp: SiteRule = {
  meta: meta("S032", "dr-real-server-arp", "a direct-routing or tunnelling real server answers ARP for the VIP, or does not accept its packets", "error"),
  check({ model: site, report }) {
    reportFaults(site, report, (rs) => rs.method === "DR" || rs.method === "TUN", (service, rs, host) => judgeDrArp(site, service, rs, host));
  },
};

export const tunRealServerTunnel: SiteRule = {
  meta: meta("S034", "tun-real-server-no-tunnel", "a tunnelling (lb_kind TUN) real server has no ipip tunnel to unwrap what the router sends", "error"),
  check({ model: site, report }) {
    reportFaults(site, report, (rs) => rs.method === "TUN", (service, rs, host) => judgeTunnel(site, service, rs, host));
  },
};

export const tunRealServerRpFilter: SiteRule = {
  meta: meta("S035", "tun-real-server-rp-filter", "strict reverse-path filtering drops what a tunnelling real server unwraps", "error"),
  check({ model: site, report }) {
    reportFaults(site, report, (rs) => rs.method === "TUN", (service, rs, host) => judgeRpFilter(site, service, rs, host));
  },
};

export const drRealServerSegment: SiteRule = {
  meta: meta("S033", "dr-real-server-off-segment", "a direct-routing real server is not on a network of its router", "error"),
  check({ model: site, report }) {
    for (const service of site.services) {
      for (const rs of service.realServers) {
        if (rs.method !== "DR") continue;
        const owner = realServerHost(site, service, rs);
        const judgement = judgeDrSegment(site, service, rs, "host" in owner ? owner.host : undefined);
        if (judgement.status !== "fault" || !judgement.place) continue;
        report({ uri: judgement.place.uri, range: judgement.place.range, message: judgement.detail, ...(judgement.related ? { related: judgement.related } : {}) });
      }
    }
  },
};

export const realServerNotListening: SiteRule = {
  meta: meta("X005", "real-server-not-listening", "a real server's haproxy does not listen where LVS delivers the virtual server's traffic", "warning"),
  check({ model: site, report }) {
    reportFaults(site, report, () => true, (service, rs, host) => judgeListening(site, service, rs, host));
  },
};
