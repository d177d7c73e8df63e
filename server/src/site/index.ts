// The site API of the library: load a site, lint it, read its model and report.
export { effectiveKeepalived, type EffectiveKeepalived } from "./effective.js";
export { explainElection, rank, type Ranked } from "./election.js";
export type { FileKind, Located, ParseStatus, SiteFile, Skipped } from "./files.js";
export type { HostFirewall, Redirect } from "./firewall/host-firewall.js";
export type { Packet, Verdict } from "./firewall/rules.js";
export { Host, type HostHaproxy, type HostKeepalived, type SysctlValue } from "./host.js";
export { lintSite, siteProblems } from "./lint-site.js";
export { isSite, loadLooseSite, loadSite, SITE_FILE, SiteConfigError, type SiteConfigFile, type SiteOptions } from "./load.js";
export { SiteModel, type Place, type Segment, type SiteInstance } from "./model.js";
export { endpoints, judgeRealServer, type ForwardingMethod, type Judgement, type LvsProtocol, type LvsRealServer, type LvsService } from "./lvs.js";
export type { InterfaceAddress, NetworkFacts } from "./parsers/network.js";
export type { SysctlEntry } from "./parsers/sysctl.js";
export { SESSION_STATUSES, type Cluster, type Session, type SessionStatus } from "./peers.js";
export type { Action, Chain, FirewallRule, Match, Negatable } from "./firewall/rules.js";
export type { Address } from "../rules/keepalived/ip.js";
export type { PlacedBlock, PlacedStatement } from "../rules/keepalived/model.js";
export type { BlockView, Entry, GlobalView, KeepalivedView, Setting, SyncGroup, Tracker, TrackerKind, TrackingView, VirtualServer, VrrpInstance } from "../rules/keepalived/vrrp.js";
