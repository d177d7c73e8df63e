// S001–S006: settings every router of one VRRP group must share. Each member is compared with the
// node that wins the election (whose adverts the others hear); a member that differs gets the
// finding on its own line, with the winner's line as related information. Members whose values
// are not knowable (computed, `~SEQ`) are left alone.
import type { Word } from "../../../../grammars/keepalived/ast.js";
import type { SiteRule } from "../../lint/rule.js";
import type { SiteInstance } from "../model.js";
import { knowable, label, peerClusters, placeOf, referenceOf, referenceRole, related } from "./common.js";

interface Reading {
  /** What is compared. */
  readonly key: string;
  /** How it is shown in the message. */
  readonly shown: string;
  readonly word: Word | undefined;
}

interface Comparison {
  readonly id: string;
  readonly alias: string;
  readonly description: string;
  read(member: SiteInstance): Reading | undefined;
  /** Why the difference matters, after "…:". */
  readonly consequence: string;
}

function settingWord(member: SiteInstance, keyword: string): Word | undefined {
  return member.instance.setting(keyword)?.value ?? member.instance.setting(keyword)?.statement.keyword;
}

function peerRule(c: Comparison): SiteRule {
  return {
    meta: { id: c.id, alias: c.alias, product: "site", severity: "error", category: "correctness", description: c.description, fixable: false, native: "silent" },
    check({ model: site, report }) {
      for (const cluster of peerClusters(site)) {
        const reference = referenceOf(cluster);
        const expected = knowable(reference) ? c.read(reference) : undefined;
        if (!expected) continue;
        for (const member of cluster.members) {
          if (member === reference || member.host === reference.host || !knowable(member)) continue;
          const got = c.read(member);
          if (!got || got.key === expected.key) continue;
          const place = placeOf(site, member, got.word);
          report({
            uri: place.uri,
            range: place.range,
            message: `${label(member)} has ${got.shown} but ${label(reference)}, ${referenceRole(cluster)}, has ${expected.shown}: ${c.consequence}`,
            related: [related(site, reference, expected.word, `${label(reference)}: ${expected.shown}`)],
          });
        }
      }
    },
  };
}

function vipBlockWord(member: SiteInstance): Word | undefined {
  return member.instance.blocks("virtual_ipaddress")[0]?.block.header?.keyword;
}

function authentication(member: SiteInstance): { type: string; pass: string; word: Word | undefined } | undefined {
  const block = member.instance.blocks("authentication")[0];
  if (!block) return { type: "none", pass: "", word: undefined };
  const statements = member.instance.model.childStatements(block.block);
  const value = (keyword: string) => statements.filter((s) => s.statement.keyword.value === keyword).pop()?.statement.args[0];
  const type = value("auth_type");
  const pass = value("auth_pass");
  return { type: type?.value ?? "none", pass: (pass?.value ?? "").slice(0, 8), word: pass ?? type ?? block.block.header?.keyword };
}

export const PEER_SETTING_RULES: readonly SiteRule[] = [
  peerRule({
    id: "S001",
    alias: "peer-vrid-mismatch",
    description: "routers that share VIPs use different virtual_router_ids",
    read: (m) => (m.instance.vrid === undefined ? undefined : { key: String(m.instance.vrid), shown: `virtual_router_id ${m.instance.vrid}`, word: settingWord(m, "virtual_router_id") }),
    consequence: "they never hear each other's adverts and both hold the VIPs",
  }),
  peerRule({
    id: "S002",
    alias: "peer-vip-mismatch",
    description: "the routers of one VRRP group list different virtual IP addresses",
    read: (m) => {
      const sorted = [...m.vips].sort();
      return { key: sorted.join(" "), shown: `${sorted.length} VIP${sorted.length === 1 ? "" : "s"} (${sorted.join(", ") || "none"})`, word: vipBlockWord(m) };
    },
    consequence: "keepalived drops adverts whose address list differs from its own, so both nodes become MASTER",
  }),
  peerRule({
    id: "S003",
    alias: "peer-advert-int-mismatch",
    description: "the routers of one VRRP group use different advert_int values",
    read: (m) => {
      const setting = m.instance.setting("advert_int");
      const value = setting?.value ? Number(setting.value.value) : 1;
      return Number.isFinite(value) ? { key: String(value), shown: `advert_int ${value}`, word: setting?.value } : undefined;
    },
    consequence: "VRRPv2 routers drop adverts with another interval, and a backup times out on a slower master",
  }),
  peerRule({
    id: "S004",
    alias: "peer-version-mismatch",
    description: "the routers of one VRRP group speak different VRRP versions",
    read: (m) => ({ key: String(m.instance.version), shown: `VRRP version ${m.instance.version}`, word: settingWord(m, "version") }),
    consequence: "each drops the other's adverts and both become MASTER",
  }),
  peerRule({
    id: "S005",
    alias: "peer-auth-mismatch",
    description: "the routers of one VRRPv2 group use different authentication (keepalived compares 8 characters)",
    read: (m) => {
      if (m.instance.version === 3) return undefined;
      const auth = authentication(m);
      if (!auth) return undefined;
      const shown = auth.type === "none" ? "no authentication" : `auth_type ${auth.type} with a password starting '${auth.pass}'`;
      return { key: `${auth.type}/${auth.pass}`, shown, word: auth.word };
    },
    consequence: "adverts that fail authentication are dropped, so both nodes become MASTER",
  }),
  peerRule({
    id: "S006",
    alias: "peer-unicast-mismatch",
    description: "some routers of one VRRP group send unicast adverts and others multicast",
    read: (m) => ({
      key: m.instance.unicast ? "unicast" : "multicast",
      shown: m.instance.unicast ? "unicast peers" : "no unicast_peer (multicast)",
      word: m.instance.blocks("unicast_peer")[0]?.block.header?.keyword,
    }),
    consequence: "a multicast router never sends to the unicast one's address and drops its unicast adverts, so both become MASTER",
  }),
];
