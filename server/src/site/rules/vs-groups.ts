// S017: a `virtual_server group NAME` balances whatever `virtual_server_group NAME` lists on the
// router that holds the VIPs. When the routers of a VRRP group list other addresses, ports or marks
// in the group of the same name, a failover changes what is balanced. Each router is compared with
// the node that wins the election, as S013 compares virtual servers; the finding goes on the router
// that differs: on the line it has too many, or on its group's name for what it lacks.
import type { SiteRule } from "../../lint/rule.js";
import type { LvsService } from "../lvs.js";
import type { SiteModel } from "../model.js";
import type { GroupMember } from "../vs-group.js";
import { winnerKnown } from "../election.js";
import { knowable, peerClusters, referenceOf, referenceRole, serviceMembership, whenMaster } from "./common.js";

const show = (member: GroupMember) => (member.fwmark !== undefined ? member.key : member.key.replace(/:0$/, "").replace(/:(\d+)$/, " port $1"));

function placeOfWord(site: SiteModel, service: LvsService, word: Parameters<SiteModel["place"]>[1]) {
  return site.place(service.host, word) ?? { uri: service.host.keepalived!.loaded.root, range: { start: { offset: 0, line: 0, column: 0 }, end: { offset: 0, line: 0, column: 0 } } };
}

export const virtualServerGroupMismatch: SiteRule = {
  meta: {
    id: "S017",
    alias: "virtual-server-group-mismatch",
    product: "site",
    severity: "error",
    category: "correctness",
    description: "the routers of a VRRP group list other members in a virtual_server_group of the same name",
    fixable: false,
    native: "silent",
  },
  check({ model: site, report }) {
    const reported = new Set<string>();
    const once = (key: string) => !reported.has(key) && !!reported.add(key);
    const belongsTo = serviceMembership(site);
    for (const cluster of peerClusters(site)) {
      const reference = referenceOf(cluster);
      if (!knowable(reference) || reference.host.keepalived?.effective.view.opaque) continue;
      const belongs = belongsTo(cluster, reference);
      const theirs = site.servicesOf(reference.host).filter((s) => s.kind === "group" && s.group && belongs(s, reference.host));
      for (const member of cluster.members) {
        const host = member.host;
        if (host === reference.host || !knowable(member) || host.keepalived?.effective.view.opaque) continue;
        for (const want of theirs) {
          const got = site.servicesOf(host).find((s) => s.key === want.key && s.group);
          if (!got) continue;
          const name = got.group!.block.name ?? "?";
          const wanted = new Map(want.group!.members.map((m) => [m.key, m]));
          const mine = new Map(got.group!.members.map((m) => [m.key, m]));
          const missing = [...wanted.values()].filter((m) => !mine.has(m.key));
          if (missing.length > 0 && once(`${host.name} ${name} missing`)) {
            const place = placeOfWord(site, got, got.group!.block.nameWord);
            report({
              uri: place.uri,
              range: place.range,
              message: `virtual_server_group ${name} on ${host.name} lacks ${missing.map(show).join(", ")}, which ${reference.host.name}'s group of that name lists and balances (${winnerKnown(cluster) ? `${reference.host.name} wins the election` : `${reference.host.name} has the same priority`}): ${whenMaster(cluster, host)} ${missing.length === 1 ? "that address is" : "those are"} no longer balanced`,
              related: missing.slice(0, 3).map((m) => ({ ...placeOfWord(site, want, m.word), message: `${show(m)} in ${reference.host.name}'s virtual_server_group ${name}` })),
            });
          }
          for (const extra of mine.values()) {
            if (wanted.has(extra.key) || !once(`${host.name} ${name} extra ${extra.key}`)) continue;
            const place = placeOfWord(site, got, extra.word);
            const refPlace = placeOfWord(site, want, want.group!.block.nameWord);
            report({
              uri: place.uri,
              range: place.range,
              message: `${show(extra)} is in virtual_server_group ${name} on ${host.name} only, not on ${reference.host.name}, ${referenceRole(cluster)}: it is balanced only ${whenMaster(cluster, host)}`,
              related: [{ ...refPlace, message: `virtual_server_group ${name} on ${reference.host.name}` }],
            });
          }
        }
      }
    }
  },
};
