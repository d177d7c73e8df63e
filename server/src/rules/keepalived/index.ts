// The keepalived rules, in id order. Adding a rule: its module here, docs/rules/<id>.md, test/rules/<id>.test.ts.
import type { KeepalivedRule } from "../../lint/rule.js";
import { advertIntFraction } from "./advert-int-fraction.js";
import { authDeprecated } from "./auth-deprecated.js";
import { authIgnored } from "./auth-ignored.js";
import { authIncomplete } from "./auth-incomplete.js";
import { authPassLength } from "./auth-pass-length.js";
import { bfdWithoutNeighbor } from "./bfd-without-neighbor.js";
import { commentBackslash } from "./comment-backslash.js";
import { vmacOptions } from "./vmac-options.js";
import { sorryServerOrder } from "./sorry-server-order.js";
import { unusedVsGroup } from "./unused-vs-group.js";
import { trackerValues } from "./tracker-values.js";
import { bfdValues } from "./bfd-values.js";
import { schedulerFlags } from "./scheduler-flags.js";
import { defaultWeight } from "./default-weight.js";
import { deprecatedKeyword } from "./deprecated-keyword.js";
import { duplicateInstance } from "./duplicate-instance.js";
import { duplicateSetting } from "./duplicate-setting.js";
import { duplicateVip } from "./duplicate-vip.js";
import { duplicateVrid } from "./duplicate-vrid.js";
import { extraWords } from "./extra-words.js";
import { ineffectiveWeight } from "./ineffective-weight.js";
import { invalidArguments } from "./invalid-arguments.js";
import { lvsDrPort } from "./lvs-dr-port.js";
import { lvsEmpty } from "./lvs-empty.js";
import { lvsProtocol } from "./lvs-protocol.js";
import { mcastGroup } from "./mcast-group.js";
import { nestedOneLine } from "./nested-one-line.js";
import { newerKeyword } from "./newer-keyword.js";
import { noVip } from "./no-vip.js";
import { nopreemptMaster } from "./nopreempt-master.js";
import { removedKeyword } from "./removed-keyword.js";
import { routeWithoutInterface } from "./route-without-interface.js";
import { ruleWithoutPreference } from "./rule-without-preference.js";
import { scriptMissing } from "./script-missing.js";
import { scriptSecurity } from "./script-security.js";
import { scriptTiming } from "./script-timing.js";
import { strictConflicts } from "./strict-conflicts.js";
import { strictNoAccept } from "./strict-no-accept.js";
import { syncGroup } from "./sync-group.js";
import { trackerIgnored } from "./tracker-ignored.js";
import { trailingAfterBrace } from "./trailing-after-brace.js";
import { undefinedTracker } from "./undefined-tracker.js";
import { undefinedVariable } from "./undefined-variable.js";
import { undefinedVsGroup } from "./undefined-vs-group.js";
import { unexpectedBrace } from "./unexpected-brace.js";
import { unicastSelfPeer } from "./unicast-self-peer.js";
import { unicastWithoutPeers } from "./unicast-without-peers.js";
import { unknownKeyword } from "./unknown-keyword.js";
import { unusedScript } from "./unused-script.js";
import { valueEntries } from "./value-entries.js";
import { variableGlued } from "./variable-glued.js";
import { urlIncomplete } from "./url-incomplete.js";
import { emailAlertsNowhere } from "./email-alerts-nowhere.js";
import { addressOptions } from "./address-options.js";
import { virtualServerAddress } from "./virtual-server-address.js";
import { tunnelOptions } from "./tunnel-options.js";
import { vipForm } from "./vip-form.js";
import { virtualServerDefaults } from "./virtual-server-defaults.js";
import { virtualServerWithoutVip } from "./virtual-server-without-vip.js";
import { vridMissing } from "./vrid-missing.js";
import { weightNopreempt } from "./weight-nopreempt.js";
import { weightRange } from "./weight-range.js";
import { wrongBlock } from "./wrong-block.js";

export const KEEPALIVED_RULES: readonly KeepalivedRule[] = [
  unknownKeyword,
  wrongBlock,
  invalidArguments,
  removedKeyword,
  deprecatedKeyword,
  unexpectedBrace,
  extraWords,
  valueEntries,
  newerKeyword,
  undefinedVariable,
  variableGlued,
  duplicateInstance,
  duplicateSetting,
  vridMissing,
  duplicateVrid,
  undefinedTracker,
  unusedScript,
  scriptSecurity,
  scriptTiming,
  weightRange,
  weightNopreempt,
  defaultWeight,
  ineffectiveWeight,
  authPassLength,
  authIncomplete,
  authIgnored,
  strictNoAccept,
  strictConflicts,
  unicastSelfPeer,
  mcastGroup,
  vipForm,
  syncGroup,
  lvsDrPort,
  lvsProtocol,
  lvsEmpty,
  nopreemptMaster,
  trailingAfterBrace,
  nestedOneLine,
  duplicateVip,
  virtualServerWithoutVip,
  unicastWithoutPeers,
  undefinedVsGroup,
  trackerIgnored,
  routeWithoutInterface,
  ruleWithoutPreference,
  noVip,
  authDeprecated,
  virtualServerDefaults,
  advertIntFraction,
  scriptMissing,
  urlIncomplete,
  emailAlertsNowhere,
  addressOptions,
  virtualServerAddress,
  tunnelOptions,
  bfdWithoutNeighbor,
  commentBackslash,
  vmacOptions,
  sorryServerOrder,
  unusedVsGroup,
  trackerValues,
  bfdValues,
  schedulerFlags,
];
