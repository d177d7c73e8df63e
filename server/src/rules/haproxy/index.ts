// The haproxy rules, in id order. Adding a rule: its module here, docs/rules/<id>.md, test/rules/<id>.test.ts.
import type { HaproxyRule } from "../../lint/rule.js";
import { duplicateProxy } from "./duplicate-proxy.js";
import { duplicateServer } from "./duplicate-server.js";
import { undefinedAcl } from "./undefined-acl.js";
import { undefinedBackend } from "./undefined-backend.js";
import { unusedAcl } from "./unused-acl.js";
// HA040–HA055
import { statsWithoutAuth } from "./stats-without-auth.js";
import { sslVerifyNone } from "./ssl-verify-none.js";
import { weakTls } from "./weak-tls.js";
import { processSecurity } from "./process-security.js";
import { serverHostnameWithoutResolvers } from "./server-hostname-without-resolvers.js";
import { mapWithoutDefault } from "./map-without-default.js";
import { unanchoredHostRegex } from "./unanchored-host-regex.js";
import { regexBacktracking } from "./regex-backtracking.js";
import { httpchkWithoutHost } from "./httpchk-without-host.js";
import { httpchkHiddenHeader } from "./httpchk-hidden-header.js";
import { redirectLoop } from "./redirect-loop.js";
import { duplicateBind } from "./duplicate-bind.js";
import { globalMaxconn } from "./global-maxconn.js";
import { shadowedRule } from "./shadowed-rule.js";
import { ruleAfterUseBackend } from "./rule-after-use-backend.js";
import { timeoutTunnel } from "./timeout-tunnel.js";

export const HAPROXY_RULES: readonly HaproxyRule[] = [
  undefinedBackend,
  undefinedAcl,
  unusedAcl,
  duplicateProxy,
  duplicateServer,
  // HA040–HA055: security, traffic and health-check rules
  statsWithoutAuth,
  sslVerifyNone,
  weakTls,
  processSecurity,
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
];
