// The haproxy rules, in id order. Adding a rule: its module here, docs/rules/<id>.md, test/rules/<id>.test.ts.
import type { HaproxyRule } from "../../lint/rule.js";
import { aclIntegerPattern } from "./acl-integer-pattern.js";
import { protoModeMismatch } from "./proto-mode-mismatch.js";
import { captureSlot } from "./capture-slot.js";
import { aclAddressPattern } from "./acl-address-pattern.js";
import { aclFlag } from "./acl-flag.js";
import { sampleArguments } from "./sample-arguments.js";
import { filterArguments } from "./filter-arguments.js";
import { externalCheck } from "./external-check.js";
import { checkWithoutPort } from "./check-without-port.js";
import { compressionFilter } from "./compression-filter.js";
import { logFormatWithoutLog } from "./log-format-without-log.js";
import { hostnameAddress } from "./hostname-address.js";
import { sampleTail } from "./sample-tail.js";
import { luaNotLoaded } from "./lua-not-loaded.js";
import { converterInput } from "./converter-input.js";
import { emptyCipherList } from "./empty-cipher-list.js";
import { buildModule } from "./build-module.js";
import { regexInvalid } from "./regex-invalid.js";
import { l6FetchInHttp } from "./l6-fetch-in-http.js";
import { inspectDelayMissing } from "./inspect-delay-missing.js";
import { fetchDirection } from "./fetch-direction.js";
import { argumentCount } from "./argument-count.js";
import { checkMissing } from "./check-missing.js";
import { deprecatedKeyword } from "./deprecated-keyword.js";
import { directiveTypo } from "./directive-typo.js";
import { duplicateBind } from "./duplicate-bind.js";
import { duplicateDirective } from "./duplicate-directive.js";
import { duplicateProxy } from "./duplicate-proxy.js";
import { duplicateSection } from "./duplicate-section.js";
import { duplicateServer } from "./duplicate-server.js";
import { emptyBackend } from "./empty-backend.js";
import { globalMaxconn } from "./global-maxconn.js";
import { hashInWord } from "./hash-in-word.js";
import { headerAddress } from "./header-address.js";
import { frontendTimeoutInBackend } from "./frontend-timeout-in-backend.js";
import { httpInTcp } from "./http-in-tcp.js";
import { httpcheckWithoutHttpchk } from "./httpcheck-without-httpchk.js";
import { httpchkHiddenHeader } from "./httpchk-hidden-header.js";
import { httpchkWithoutHost } from "./httpchk-without-host.js";
import { invalidValue } from "./invalid-value.js";
import { l7BalanceInTcp } from "./l7-balance-in-tcp.js";
import { lineContinuation } from "./line-continuation.js";
import { logFormat } from "./log-format.js";
import { mapWithoutDefault } from "./map-without-default.js";
import { missingTimeouts } from "./missing-timeouts.js";
import { modeMismatch } from "./mode-mismatch.js";
import { newerKeyword } from "./newer-keyword.js";
import { noBind } from "./no-bind.js";
import { noDefaultBackend } from "./no-default-backend.js";
import { optionConflict } from "./option-conflict.js";
import { processSecurity } from "./process-security.js";
import { programWithoutMasterWorker } from "./program-without-master-worker.js";
import { redirectLoop } from "./redirect-loop.js";
import { regexBacktracking } from "./regex-backtracking.js";
import { removedKeyword } from "./removed-keyword.js";
import { ruleAfterUseBackend } from "./rule-after-use-backend.js";
import { ruleOrder } from "./rule-order.js";
import { serverHostnameWithoutResolvers } from "./server-hostname-without-resolvers.js";
import { shadowedRule } from "./shadowed-rule.js";
import { sslIncomplete } from "./ssl-incomplete.js";
import { serverNameUnchecked } from "./server-name-unchecked.js";
import { sslVerifyNone } from "./ssl-verify-none.js";
import { statsWithoutAuth } from "./stats-without-auth.js";
import { timeoutTunnel } from "./timeout-tunnel.js";
import { timeoutZero } from "./timeout-zero.js";
import { unanchoredHostRegex } from "./unanchored-host-regex.js";
import { undefinedAcl } from "./undefined-acl.js";
import { undefinedBackend } from "./undefined-backend.js";
import { undefinedDefaults } from "./undefined-defaults.js";
import { undefinedEnv } from "./undefined-env.js";
import { undefinedFetchName } from "./undefined-fetch-name.js";
import { undefinedReference } from "./undefined-reference.js";
import { undefinedServer } from "./undefined-server.js";
import { unitlessTimeout } from "./unitless-timeout.js";
import { unknownKeyword } from "./unknown-keyword.js";
import { unknownOption } from "./unknown-option.js";
import { unknownSample } from "./unknown-sample.js";
import { unusedAcl } from "./unused-acl.js";
import { unusedBackend } from "./unused-backend.js";
import { unusedSection } from "./unused-section.js";
import { localPeer } from "./local-peer.js";
import { quietStartup } from "./quiet-startup.js";
import { serverCookieUnused } from "./server-cookie-unused.js";
import { weakTls } from "./weak-tls.js";
import { wrongSection } from "./wrong-section.js";

export const HAPROXY_RULES: readonly HaproxyRule[] = [
  unknownKeyword,
  wrongSection,
  argumentCount,
  invalidValue,
  removedKeyword,
  deprecatedKeyword,
  unknownOption,
  newerKeyword,
  headerAddress,
  undefinedBackend,
  undefinedAcl,
  unusedAcl,
  duplicateProxy,
  duplicateServer,
  unusedBackend,
  unusedSection,
  localPeer,
  quietStartup,
  serverCookieUnused,
  undefinedDefaults,
  undefinedServer,
  duplicateSection,
  undefinedReference,
  missingTimeouts,
  unitlessTimeout,
  duplicateDirective,
  noBind,
  emptyBackend,
  hashInWord,
  modeMismatch,
  httpInTcp,
  ruleOrder,
  directiveTypo,
  lineContinuation,
  timeoutZero,
  l7BalanceInTcp,
  optionConflict,
  noDefaultBackend,
  httpcheckWithoutHttpchk,
  checkMissing,
  undefinedEnv,
  statsWithoutAuth,
  sslVerifyNone,
  weakTls,
  processSecurity,
  programWithoutMasterWorker,
  serverHostnameWithoutResolvers,
  mapWithoutDefault,
  unanchoredHostRegex,
  regexBacktracking,
  httpchkWithoutHost,
  httpchkHiddenHeader,
  redirectLoop,
  duplicateBind,
  globalMaxconn,
  shadowedRule,
  ruleAfterUseBackend,
  timeoutTunnel,
  unknownSample,
  undefinedFetchName,
  sslIncomplete,
  logFormat,
  aclIntegerPattern,
  protoModeMismatch,
  captureSlot,
  aclFlag,
  sampleArguments,
  filterArguments,
  externalCheck,
  serverNameUnchecked,
  frontendTimeoutInBackend,
  aclAddressPattern,
  checkWithoutPort,
  fetchDirection,
  compressionFilter,
  logFormatWithoutLog,
  hostnameAddress,
  sampleTail,
  luaNotLoaded,
  regexInvalid,
  l6FetchInHttp,
  inspectDelayMissing,
  converterInput,
  emptyCipherList,
  buildModule,
];
