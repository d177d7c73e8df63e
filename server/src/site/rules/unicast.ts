// S009–S011: unicast peers. A unicast router sends adverts only to its listed peers and accepts them
// only from there, so the lists must be reciprocal (S009); an address that no host of the site owns
// is a typo or a stale host (S010); and `unicast_src_ip` must be an address of the host itself,
// which must not list itself as a peer (S011). Statuses come from the peer sessions of peers.ts.
import type { SiteRule } from "../../lint/rule.js";
import { parseAddress } from "../../rules/keepalived/ip.js";
import { label, placeOf, related } from "./common.js";

const meta = (id: string, alias: string, description: string, severity: "error" | "warning") =>
  ({ id, alias, product: "site", severity, category: "correctness", description, fixable: false, native: "silent" }) as const;

export const unicastHalfOpen: SiteRule = {
  meta: meta("S009", "unicast-half-open", "a router lists a unicast peer that does not list it back", "error"),
  check({ model: site, report }) {
    for (const cluster of site.clusters) {
      for (const session of cluster.sessions) {
        if (session.status !== "half-open" || !session.entry) continue;
        const back = session.to;
        const source = session.from.source ?? "its address";
        if (back && back.instance.unicastPeers.length > 0) {
          // The fix goes into the peer's list.
          const header = back.instance.blocks("unicast_peer")[0]?.block.header?.keyword;
          const place = placeOf(site, back, header);
          report({
            uri: place.uri,
            range: place.range,
            message: `${label(back)} does not list ${source} (${session.from.host.name}), which sends it adverts; it ignores them and both nodes become MASTER`,
            related: [related(site, session.from, session.entry.word, `${label(session.from)} lists ${session.entry.word.value}`)],
          });
        } else {
          const place = placeOf(site, session.from, session.entry.word);
          const owner = site.owners(session.entry.word.value).find((h) => h !== session.from.host);
          report({
            uri: place.uri,
            range: place.range,
            message: back
              ? `${label(back)} has no unicast peers: it sends multicast and never answers ${session.from.host.name}; both nodes become MASTER`
              : `${owner?.name ?? "the peer"} owns ${session.entry.word.value} but runs no instance of this VRRP group to answer`,
            ...(back ? { related: [related(site, back, undefined, `${label(back)}`)] } : {}),
          });
        }
      }
    }
  },
};

export const unicastUnknownPeer: SiteRule = {
  meta: meta("S010", "unicast-unknown-peer", "a unicast peer address belongs to no host of the site", "warning"),
  check({ model: site, report }) {
    for (const cluster of site.clusters) {
      for (const session of cluster.sessions) {
        if (!session.entry || (session.status !== "unknown-remote" && session.status !== "several-candidates")) continue;
        if (site.owners(session.entry.word.value).includes(session.from.host)) continue; // S011
        const place = placeOf(site, session.from, session.entry.word);
        report({
          uri: place.uri,
          range: place.range,
          message:
            session.status === "several-candidates"
              ? `${session.entry.word.value} is an address of several hosts (${session.candidates.map((h) => h.name).join(", ")}); adverts reach only one of them`
              : `no host of the site has the address ${session.entry.word.value}; adverts sent there reach no peer (a typo, or a host missing from the site)`,
        });
      }
    }
  },
};

export const unicastSource: SiteRule = {
  meta: meta("S011", "unicast-source-not-local", "unicast_src_ip is not an address of the host, or a router lists itself as a peer", "error"),
  check({ model: site, report }) {
    for (const member of site.instances) {
      const host = member.host;
      const src = member.instance.setting("unicast_src_ip");
      const address = src?.value && src.certain ? parseAddress(src.value.value) : undefined;
      // A file copied from the peer keeps the peer's unicast_src_ip: two hosts cannot both send from it.
      const twin = address && !host.ownsAddress(address.address) ? site.owners(address.address).find((h) => h !== host) : undefined;
      if (src?.value && address && twin && !member.vips.includes(address.address)) {
        const place = placeOf(site, member, src.value);
        report({
          uri: place.uri,
          range: place.range,
          message: `${twin.name} has ${address.address} too (${twin.ownsAddress(address.address) ? "an address of its own" : "its unicast_src_ip"}): two routers cannot send from one address; give each its own (a file copied from its peer?)`,
        });
      } else if (host.knowsAddresses && src?.value && address && !host.ownsAddress(address.address) && !member.vips.includes(address.address)) {
        const place = placeOf(site, member, src.value);
        report({
          uri: place.uri,
          range: place.range,
          message: `${address.address} is not an address of ${host.name}: keepalived cannot send from it, and peers that list the host's real address drop its adverts`,
        });
      }
      for (const entry of member.instance.unicastPeers) {
        if (!host.knowsAddresses || !entry.address || !host.ownsAddress(entry.address.address)) continue;
        const place = placeOf(site, member, entry.word);
        report({ uri: place.uri, range: place.range, message: `${entry.address.address} is an address of ${host.name} itself; remove it from ${label(member)}'s unicast peers` });
      }
    }
  },
};
