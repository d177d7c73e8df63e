// X001–X004: haproxy and keepalived on one host. haproxy binding a keepalived VIP must be able to
// bind it while the VIP is elsewhere (X001); the VIP must follow haproxy's health (X002) through a
// check that does not need the VIP itself (X003); and a bind on an address that is neither the
// host's nor a VIP fails everywhere (X004).
import type { SiteRule } from "../../lint/rule.js";
import { parseAddress } from "../../rules/keepalived/ip.js";
import { haproxyBinds } from "../binds.js";
import { described } from "../lvs.js";
import type { Host } from "../host.js";
import type { SiteInstance, SiteModel } from "../model.js";
import { label, placeOf, related } from "./common.js";

const meta = (id: string, alias: string, description: string, severity: "error" | "warning") =>
  ({ id, alias, product: "site", severity, category: "correctness", description, fixable: false, native: "silent" }) as const;

function vipOwners(site: SiteModel, host: Host): Map<string, SiteInstance> {
  const found = new Map<string, SiteInstance>();
  for (const member of site.instancesOf(host)) for (const vip of member.vips) if (!found.has(vip)) found.set(vip, member);
  return found;
}

export const bindVipNonlocal: SiteRule = {
  meta: meta("X001", "bind-vip-nonlocal", "haproxy binds a keepalived VIP on a node that may be BACKUP without ip_nonlocal_bind, transparent or freebind", "error"),
  check({ model: site, report }) {
    for (const host of site.hosts) {
      const vips = vipOwners(site, host);
      for (const bind of haproxyBinds(host)) {
        const member = bind.address === undefined ? undefined : vips.get(bind.address);
        // A host given only by its daemons' files (no root directory, no system file) may set the sysctl anywhere.
        if (!member || bind.nonlocal || member.instance.priority === 255 || !described(host)) continue;
        const key = bind.family === 4 ? "net.ipv4.ip_nonlocal_bind" : "net.ipv6.ip_nonlocal_bind";
        const setting = host.sysctlValue(key);
        if (setting.value === 1) continue;
        const vip = member.instance.vips.find((entry) => entry.address?.address === bind.address);
        report({
          uri: bind.where.uri,
          range: bind.where.range,
          message: `${bind.address} is a VIP of ${label(member)}: while ${host.name} is BACKUP the address is not there and haproxy cannot bind it; set ${key} = 1${
            setting.where ? ` (it is ${setting.text})` : host.hasSysctlFiles ? "" : " (no sysctl file sets it)"
          } or add 'transparent' to the bind`,
          related: [
            related(site, member, vip?.word, `VIP of ${label(member)}`),
            ...(setting.where ? [{ uri: setting.where.value.uri, range: setting.where.value.range, message: `${key} = ${setting.text}` }] : []),
          ],
        });
      }
    }
  },
};

/** Whether a tracker watches haproxy: a vrrp_track_process of haproxy, or a vrrp_script naming it. */
function tracksHaproxy(member: SiteInstance): boolean {
  const trackers = [...member.instance.trackers(), ...(member.instance.syncGroup?.trackers() ?? [])];
  return trackers.some((tracker) => {
    const definition = tracker.definition;
    if (!definition) return false;
    const words = definition.statements().flatMap(({ statement }) => [statement.keyword.value, ...statement.args.map((w) => w.value)]);
    return words.some((word) => /haproxy/i.test(word));
  });
}

export const vipNotTracked: SiteRule = {
  meta: meta("X002", "vip-not-tracked", "a VIP that haproxy serves is not tracked by a check on haproxy", "warning"),
  check({ model: site, report }) {
    for (const host of site.hosts) {
      const vips = vipOwners(site, host);
      const seen = new Set<SiteInstance>();
      for (const bind of haproxyBinds(host)) {
        const member = bind.address === undefined ? undefined : vips.get(bind.address);
        if (!member || seen.has(member) || member.instance.opaque) continue;
        seen.add(member);
        if (tracksHaproxy(member)) continue;
        const place = placeOf(site, member);
        report({
          uri: place.uri,
          range: place.range,
          message: `${label(member)} holds ${bind.address}, which haproxy binds, but tracks nothing that watches haproxy: if haproxy dies the VIP stays on ${host.name}; add a vrrp_track_process or vrrp_script for haproxy`,
          related: [{ uri: bind.where.uri, range: bind.where.range, message: `haproxy binds ${bind.address} (${bind.proxy})` }],
        });
      }
    }
  },
};

export const checkNeedsVip: SiteRule = {
  meta: meta("X003", "check-needs-vip", "a keepalived check script depends on a VIP of the instance it decides", "error"),
  check({ model: site, report }) {
    for (const member of site.instances) {
      for (const tracker of [...member.instance.trackers("script")]) {
        const script = tracker.definition?.setting("script");
        if (!script?.value) continue;
        const text = script.statement.args.map((w) => w.value).join(" ");
        const vip = member.vips.find((address) => new RegExp(`(^|[^\\d.])${address.replace(/\./g, "\\.")}([^\\d]|$)`).test(text));
        if (!vip) continue;
        const place = site.place(member.host, script.value) ?? placeOf(site, member);
        report({
          uri: place.uri,
          range: place.range,
          message: `the check of ${label(member)} connects to ${vip}, a VIP of that instance: on a BACKUP node the VIP is absent, the check fails and the node can never take over; check the local address instead`,
          related: [related(site, member, member.instance.vips.find((e) => e.address?.address === vip)?.word, `VIP ${vip}`)],
        });
      }
    }
  },
};

export const bindUnknownAddress: SiteRule = {
  meta: meta("X004", "bind-unknown-address", "haproxy binds an address that is neither an address of the host nor a keepalived VIP", "error"),
  check({ model: site, report }) {
    for (const host of site.hosts) {
      if (!host.knowsAddresses) continue;
      const vips = vipOwners(site, host);
      for (const bind of haproxyBinds(host)) {
        if (bind.address === undefined || vips.has(bind.address) || host.ownsAddress(bind.address)) continue;
        const parsed = parseAddress(bind.address);
        if (!parsed || (parsed.family === 4 && parsed.bytes[0] === 127) || parsed.address === "0:0:0:0:0:0:0:1") continue;
        const key = parsed.family === 4 ? "net.ipv4.ip_nonlocal_bind" : "net.ipv6.ip_nonlocal_bind";
        const sysctl = host.sysctlValue(key).value === 1;
        if (bind.nonlocal && sysctl) continue;
        // transparent, freebind or the sysctl let haproxy bind any address: then the bind works, and
        // only what reaches the address is in doubt.
        const allowed = bind.nonlocal ? "the bind has transparent or freebind" : sysctl ? `${key} = 1` : undefined;
        report({
          uri: bind.where.uri,
          range: bind.where.range,
          message: allowed
            ? `${bind.address} is not an address of ${host.name} and no keepalived instance of the host holds it as a VIP: haproxy binds it (${allowed}), but receives on it only if something these files do not show puts it on the host`
            : `${bind.address} is not an address of ${host.name} and no keepalived instance of the host holds it as a VIP: haproxy cannot bind it`,
        });
      }
    }
  },
};
