// The site rules, in id order: S… read several hosts (peers, firewalls, sysctl, routing), X… read
// haproxy and keepalived together. Adding one: its module here, docs/rules/<id>.md, test/rules/<id>.test.ts.
import type { SiteRule } from "../../lint/rule.js";
import { ftpBalancing, fwmarkNotSet, servicePortClosed } from "./firewall-services.js";
import { firewallDropsVrrp } from "./firewall-vrrp.js";
import { bindUnknownAddress, bindVipNonlocal, checkNeedsVip, vipNotTracked } from "./haproxy-keepalived.js";
import { nopreemptWrongNode, syncGroupMismatch, trackerWeightNoFailover, virtualServerMismatch, vridReusedOnSegment } from "./peer-groups.js";
import { PEER_SETTING_RULES } from "./peer-settings.js";
import { drRealServerArp, drRealServerSegment, natRealServerGateway, natRouterForwarding, realServerNotListening, tunRealServerRpFilter, tunRealServerTunnel } from "./lvs.js";
import { masterNotHighest, priorityTie } from "./priorities.js";
import { unicastHalfOpen, unicastSource, unicastUnknownPeer } from "./unicast.js";
import { virtualServerGroupMismatch } from "./vs-groups.js";

export const SITE_RULES: readonly SiteRule[] = [...PEER_SETTING_RULES, priorityTie, masterNotHighest, unicastHalfOpen, unicastUnknownPeer, unicastSource,
  syncGroupMismatch, virtualServerMismatch, trackerWeightNoFailover, nopreemptWrongNode, vridReusedOnSegment, virtualServerGroupMismatch, firewallDropsVrrp,
  fwmarkNotSet, servicePortClosed, ftpBalancing,
  natRouterForwarding, natRealServerGateway, drRealServerArp, drRealServerSegment, tunRealServerTunnel, tunRealServerRpFilter,
  bindVipNonlocal, vipNotTracked, checkNeedsVip, bindUnknownAddress, realServerNotListening];
