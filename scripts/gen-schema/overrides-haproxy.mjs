// Hand corrections to the haproxy tables that scripts/gen-schema/haproxy.mjs derives from the manuals.
// Each entry says why. "2.6.12" means: checked with `haproxy -c` of the Debian haproxy 2.6.12 binary,
// either by hand or with scripts/gen-schema/haproxy-oracle-check.mjs (one tiny configuration per
// keyword, one word too many and one too few). Principle: when unsure, check less — a false error on
// a configuration haproxy accepts is worse than a missed one.

const any = (min = 0) => ({ min, max: -1 });

/**
 * Keywords whose upper bound 2.6.12 does not enforce: `description Stats for my cluster` and
 * `stats realm welcome login\ haproxy` are accepted, the extra words ignored or joined
 * (haproxy-oracle-check.mjs, "max not enforced"). Their maximum becomes unbounded.
 */
export const unboundedArgs = [
  "capture cookie",
  "clitcpka-cnt",
  "clitcpka-idle",
  "clitcpka-intvl",
  "close-spread-time",
  "description",
  "dynamic-cookie-key",
  // a sweep of value forms (2.6.12): `email-alert level alert x`, `declare capture request len 32 x`,
  // `errorloc 503 x http://a/` are accepted (errorloc takes `x` as its location)
  "declare capture",
  "email-alert level",
  "errorloc",
  "errorloc302",
  "errorloc303",
  "email-alert from",
  "email-alert mailers",
  "email-alert myhostname",
  "email-alert to",
  "expose-experimental-directives",
  "grace",
  "hard-stop-after",
  "http-check comment",
  "http-send-name-header",
  "load-server-state-from-file",
  "log-send-hostname",
  "log-tag",
  "max-keep-alive-queue",
  "max-session-srv-conns",
  "maxlen",
  // 2.6.12 prints "cannot handle unexpected argument '6'" as an alert, yet the file is valid (exit 0; a sweep)
  "mworker-max-reloads",
  "numa-cpu-mapping",
  "option httpslog",
  "option redispatch",
  "parse-resolv-conf",
  "persist rdp-cookie",
  "presetenv",
  "rate-limit sessions",
  "resolve_retries",
  // oracle: `retry-on 401 403 404 408 500 502 503 504 conn-failure` accepted (every word an event)
  "retry-on",
  "server-state-base",
  "server-state-file",
  "setenv",
  // oracle: `source 10.0.0.1 usesrc client interface eth0` accepted (the options are read in pairs)
  "source",
  "srvtcpka-cnt",
  "srvtcpka-idle",
  "srvtcpka-intvl",
  "ssl-load-extra-del-ext",
  "ssl-mode-async",
  "ssl-provider-path",
  "ssl-skip-self-issued-ca",
  "stats auth",
  "stats enable",
  "stats hide-version",
  "stats maxconn",
  "stats realm",
  "stats refresh",
  "stats scope",
  "stats show-desc",
  "stats show-legends",
  "stats show-modules",
  "stats show-node",
  "stats timeout",
  "stats uri",
  "tcp-check comment",
  "tcp-request inspect-delay",
  "tcp-response inspect-delay",
  "timeout mail",
  "timeout resolve",
  "timeout retry",
  "tune.fail-alloc",
  "tune.lua.forced-yield",
  "tune.lua.maxmem",
  "tune.lua.service-timeout",
  "tune.lua.session-timeout",
  "tune.lua.task-timeout",
  "tune.pattern.cache-size",
  "tune.vars.global-max-size",
  "tune.vars.proc-max-size",
  "tune.vars.reqres-max-size",
  "tune.vars.sess-max-size",
  "tune.vars.txn-max-size",
  "unique-id-header",
  "use-fcgi-app",
  // keywords 3.0 and 3.2 add whose extra words 3.0.11 and 3.2.26 ignore (measured: `anonkey 1 2`,
  // `warn-blocked-traffic-after 1 2` pass; `ocsp-update.mode 1 2` only warns "expecting <on|off>")
  "anonkey",
  "ocsp-update.disable",
  "ocsp-update.mindelay",
  "ocsp-update.mode",
  "ssl-security-level",
  "stats-file",
  "tune.lua.burst-timeout",
  "tune.ssl.ocsp-update.mindelay",
  "tune.stick-counters",
  "warn-blocked-traffic-after",
];

/**
 * Keywords 2.6.12 accepts with fewer words than the manual's signature ("min too high"); `balance`
 * alone keeps the default algorithm, `peer NAME` alone declares a remote-less local peer, numeric
 * tunables read a missing value as 0.
 */
export const fewerArgs = {
  balance: 0,
  // cache section: 2.6.12 reads a missing value as 0 (max-age) or as off (process-vary)
  "max-age": 0,
  "process-vary": 0,
  "dgram-bind": 0,
  "email-alert from": 0,
  "email-alert mailers": 0,
  "email-alert myhostname": 0,
  "email-alert to": 0,
  "httpclient.resolvers.id": 0,
  "httpclient.ssl.ca-file": 0,
  "mworker-max-reloads": 0,
  peer: 0,
  "tune.h2.initial-window-size": 0,
  "tune.h2.max-concurrent-streams": 0,
  "tune.lua.forced-yield": 0,
  "tune.vars.global-max-size": 0,
  "tune.vars.proc-max-size": 0,
  "tune.vars.reqres-max-size": 0,
  "tune.vars.sess-max-size": 0,
  "tune.vars.txn-max-size": 0,
  // numeric tunables 3.0 and 3.2 add, read as 0 when the value is missing (measured on 3.0.11 and
  // 3.2.26: `tune.ring.queues` and `tune.renice.runtime` alone pass)
  "tune.h2.be.glitches-threshold": 0,
  "tune.h2.be.initial-window-size": 0,
  "tune.h2.be.max-concurrent-streams": 0,
  "tune.h2.be.max-frames-at-once": 0,
  "tune.h2.fe.glitches-threshold": 0,
  "tune.h2.fe.initial-window-size": 0,
  "tune.h2.fe.max-concurrent-streams": 0,
  "tune.h2.fe.max-frames-at-once": 0,
  "tune.h2.fe.max-rst-at-once": 0,
  "tune.h2.fe.max-total-streams": 0,
  "tune.max-checks-per-thread": 0,
  "tune.renice.runtime": 0,
  "tune.renice.startup": 0,
  "tune.ring.queues": 0,
  "tune.stick-counters": 0,
};

/**
 * The ranges haproxy 2.6.12 holds integers to, where it checks one, measured by
 * scripts/oracle/haproxy-numbers.mjs ("'tune.http.maxhdr' expects a numeric value between 1 and
 * 32767", "'maxsslconn' expects a positive numeric value"). Keywords without an entry take any
 * integer, negative ones included.
 */
export const numberRanges = {
  accepted_payload_size: "12..65535",
  // "'tune.bufsize' expects a positive integer argument" (2.6; later versions read a size)
  // rounded up to 16 bytes, then held below 256 MB ("global.tune.bufsize must be below 256 MB when
  // HTTP is in use", also for files without an HTTP proxy); too small a buffer is keyword-words.ts's
  "tune.bufsize": "1..268435440",
  // "max-secondary-entries wrong value '0'" (haproxy 2.6.12 refuses the cache section)
  "max-secondary-entries": "1..",
  maxcompcpuusage: "0..100",
  maxsslconn: "0..",
  nbthread: "1..",
  "thread-groups": "1..",
  "tune.comp.maxlevel": "1..9",
  // "'tune.maxaccept' expects -1 or an integer from 0 to INT_MAX" (negatives below -1 pass unchecked)
  "tune.maxaccept": "-1..2147483647",
  // "expects a numeric value between 4096 and 65536" (a sweep: 65536 passes)
  "tune.h2.header-table-size": "4096..65536",
  "tune.h2.initial-window-size": "0..",
  "tune.h2.max-concurrent-streams": "0..",
  "tune.h2.max-frame-size": "16384..16777215",
  // haproxy checks 1..32767, then refuses fewer than 5 headers, where its default error messages do
  // not fit ("Internal error: invalid default message for HTTP return code 200"; a sweep)
  "tune.http.maxhdr": "5..32767",
  "tune.maxrewrite": "0..",
  "tune.pattern.cache-size": "0..",
  "tune.peers.max-updates-at-once": "1..",
  "tune.pool-high-fd-ratio": "0..100",
  "tune.pool-low-fd-ratio": "0..100",
  "tune.ssl.cachesize": "0..",
  "tune.ssl.capture-buffer-size": "0..",
  // read as tune.ssl.capture-buffer-size, its new name (a sweep: "expects a positive numeric value" for -1)
  "tune.ssl.capture-cipherlist-size": "0..",
  "tune.ssl.default-dh-param": "1024..",
  "tune.ssl.hard-maxrecord": "0..",
  "tune.ssl.maxrecord": "0..",
  "tune.ssl.ssl-ctx-cache-size": "0..",
  // Keywords 3.0 and 3.2 add, measured on 3.0.11 and 3.2.26 ("'tune.events.max-events-at-once'
  // expects an integer argument between 1 and 10000", "'tune.ring.queues' expects a number between 0
  // and 16", "ssl-security-level … expects a value between 0 and 5", "'thread-hard-limit' value must be
  // at least 1", "'tune.glitches.kill.cpu-usage' expects a numeric value between 0 and 100").
  "tune.events.max-events-at-once": "1..10000",
  "tune.ring.queues": "0..16",
  "ssl-security-level": "0..5",
  "thread-hard-limit": "1..",
  "tune.glitches.kill.cpu-usage": "0..100",
  // "… expects a positive numeric value" for -5, 0 taken; "'tune.memory.hot-size' expects a strictly positive value"
  "tune.h2.fe.initial-window-size": "0..",
  "tune.h2.be.initial-window-size": "0..",
  "tune.h2.fe.max-concurrent-streams": "0..",
  "tune.h2.be.max-concurrent-streams": "0..",
  "tune.h2.fe.glitches-threshold": "0..",
  "tune.h2.be.glitches-threshold": "0..",
  "tune.h2.fe.max-total-streams": "0..",
  "tune.ssl.ocsp-update.mindelay": "0..",
  "ocsp-update.mindelay": "0..",
  "tune.max-rules-at-once": "0..",
  "tune.memory.hot-size": "1..",
};

/**
 * Per-keyword corrections, merged over the generated entry (`null` deletes a field, `drop` removes
 * the keyword, `addSections` adds sections).
 */
export const keywords = {
  // 3.2.26: "'tune.takeover-other-tg-connections' expects 'none', 'restricted', or 'full', got 'bogus'" (measured)
  "tune.takeover-other-tg-connections": { args: { min: 1, max: 1, shapes: ["enum:none|restricted|full"] } },
  // 3.0.11: "'httpclient.resolvers.disabled' expects either 'on' or 'off' but got 'bogus'" (measured)
  "httpclient.resolvers.disabled": { args: { min: 1, max: 1, shapes: ["enum:on|off"] } },
  // 3.0.11 reads these with atol() (`10x`, `5s` pass, 0 is "expects a strictly positive integer
  // argument"), 3.2.26 as sizes ("unexpected 'x' after size"): as tune.rcvbuf.client at 3.0 and 3.2
  ...Object.fromEntries(["tune.rcvbuf.backend", "tune.rcvbuf.frontend", "tune.sndbuf.backend", "tune.sndbuf.frontend"].map((name) => [name, { args: { min: 1, max: 1, shapes: ["int"], laterShapes: ["size"] } }])),
  // a log-profile's step: accept, request, connect, response, close, error, any, and do-log's steps
  on: { args: { min: 1, max: 6 }, doc: { chapter: "8.3.5" } },
  // `acl NAME always_true`, `acl ok http_auth(users)`: a criterion alone is a complete ACL.
  acl: { args: { min: 2, max: -1, shapes: ["def:acl", "string"] } },
  // `bind <address>[:<ports>][,…] [options]`; the options are checked with haproxyBindOption()
  bind: { args: { min: 1, max: -1, shapes: ["ipport"] } },
  // cache and resolvers numbers as haproxy 2.6.12 reads them ("total-max-size wrong value '10x'",
  // "'total-max-size' (4096) must not be greater than 4095", "unexpected character 'x' in argument to <hold>")
  "total-max-size": { args: { min: 1, max: 1, shapes: ["int:1..4095"] } },
  "max-object-size": { args: { min: 1, max: 1, shapes: ["int"] } },
  "max-age": { args: { min: 0, max: 1, shapes: ["int"] } },
  hold: { args: { min: 2, max: 2, shapes: ["enum:nx|other|refused|timeout|valid|obsolete", "time"] } },
  maxlen: { args: { min: 1, max: 1, shapes: ["int:1.."] } },
  // a ring's log format: haproxy 2.6.12 refuses others ("unknown format 'bogus'"); `priority` is
  // taken though the manual does not list it
  format: { args: { min: 1, max: 1, shapes: ["enum:iso|local|raw|rfc3164|rfc5424|short|timed|priority"] } },
  // `id <number>` of a proxy: 2.6.12 reads it with atol and refuses what is not above 0 ("custom id has to be > 0").
  id: { args: { min: 1, max: 1, shapes: ["int:1.."] } },
  // `stats socket <address|path> [bind options]`: 2.6.12 refuses it without an address.
  "stats socket": { args: { min: 1, max: -1 } },
  // `server <name> <address> [options]` (proxies, ring); in peers the address is optional
  server: { args: { min: 1, max: -1, shapes: ["def:server", "ipport"] } },
  errorfile: { args: { min: 2, max: 2, shapes: ["int", "file"] } },
  // "'spread-checks' needs a positive value in range 0..50" (haproxy 2.6.12)
  "spread-checks": { args: { min: 1, max: 1, shapes: ["int:0..50"] } },
  // `capture cookie NAME len N`: haproxy 2.6.12 wants the three words but does not read the second
  // ("capture cookie SID bogus 32" passes), so it is no closed list here.
  "capture cookie": { args: { min: 3, max: -1, shapes: ["string", "string", "string"] } },
  "email-alert mailers": { args: { min: 0, max: -1, shapes: ["ref:mailers"] } },
  // `balance roundrobin`, `balance url_param id check_post 64`, `balance hdr(host) use_domain_only`,
  // `balance hash req.cookie(id)`; 2.6.12 ignores extra words. The algorithm list is in haproxy-values.ts.
  balance: { args: any(0) },
  // `hash-type consistent` alone is valid (function and modifier are optional despite the signature).
  "hash-type": { args: { min: 1, max: 3, shapes: ["enum:map-based|consistent"] } },
  // The 2.6 manual's matrix gives `option tcplog` to backends; haproxy 2.6.12 ignores it there ("'option
  // tcplog' directive is ignored in backends"), as it does httplog, and the 3.4 manual's matrix agrees.
  "option tcplog": { sections: ["defaults", "frontend", "listen"] },
  // A ring's `size`: haproxy 2.6.12 reads it with atol ("size 1M" is 1, "size 20000x" is 20000,
  // "size abc" is "invalid size"); later versions read a size with its unit.
  size: { args: { min: 1, max: 1, shapes: ["int:1.."], laterShapes: ["size"] } },
  // 2.6.12 reads the variables' limits with strtol() and wants nothing after the digits ("'1k' is an
  // invalid size"; `-1` and `+5` pass); the 3.4 manual gives them a size.
  ...Object.fromEntries(["global", "proc", "reqres", "sess", "txn"].map((scope) => [`tune.vars.${scope}-max-size`, { args: { min: 0, max: -1, shapes: ["int"], laterShapes: ["size"] } }])),
  // log global | log <target> [len N] [format F] [sample R:S] [profile P] <facility> [level [minlevel]] — and `no log`.
  log: { args: any(1) },
  // 2.6: tcp|http; 3.x adds log and spop (a mode that only a later version has is haproxy-values.ts' business).
  mode: { args: { min: 1, max: 1, shapes: ["enum:tcp|http|log|spop"] } },
  retries: { args: { min: 1, max: 1, shapes: ["int"] } },
  // `redirect location /x code 301 drop-query if c`: the options after the target are free.
  redirect: { args: any(2), conditional: true },
  // `table t type string size 10m store server_id,gpc0,conn_rate(50000)` (peers): a stick-table line.
  table: { args: any(3) },
  "stick-table": { args: any(2) },
  // `ssl-default-bind-options no-sslv3 …`: 2.6.12 refuses the line with none ("expects an option as an argument").
  "ssl-default-bind-options": { args: any(1) },
  "ssl-default-server-options": { args: any(1) },
  // the option words of the check rules come in any order; only the minimum is checked
  "http-check expect": { args: any(2) },
  "http-check connect": { args: any(0) },
  "tcp-check connect": { args: any(0) },
  "tcp-check expect": { args: any(2) },
  // `use_backend` also takes a log-format name (`use_backend be_%[req.hdr(host)]`): a `ref:backend`
  // checker must skip words holding `%[`.
  use_backend: { args: { min: 1, max: 1, shapes: ["ref:backend"] }, conditional: true },
  default_backend: { args: { min: 1, max: 1, shapes: ["ref:backend"] } },
  // resolvers `timeout <event> <time>` is split into its two events (see sectionKeywordExpansion).
  "timeout resolve": { args: { min: 1, max: -1, shapes: ["time"] } },
  "timeout retry": { args: { min: 1, max: -1, shapes: ["time"] } },
  // 2.6.12 warns "'bind-process' has no effect, is deprecated, and will be removed in version 2.7".
  "bind-process": { availability: { deprecated: "2.6", removed: "2.7" } },
  // the 2.6 manual calls the global `stats bind-process` deprecated (no effect since threads replaced processes)
  "stats bind-process": { availability: { deprecated: "2.6" } },
  // 2.6.12 warns "'tune.ssl.capture-cipherlist-size' is deprecated ... Please use 'tune.ssl.capture-buffer-size'"
  // (3.4 still lists it as deprecated, so it was not removed in 2.7 as the warning announced).
  "tune.ssl.capture-cipherlist-size": { availability: { deprecated: "2.6", replacement: "tune.ssl.capture-buffer-size" } },
  "option accept-invalid-http-request": { availability: { replacement: "option accept-unsafe-violations-in-http-request" } },
  "option accept-invalid-http-response": { availability: { replacement: "option accept-unsafe-violations-in-http-response" } },
  transparent: { availability: { replacement: "option transparent" } },
  // the manual's `(deprecated)` applies to `compression direction` only, not to `compression`
  compression: { args: any(1) },
  // global keywords accepting a `no` prefix, as 2.6.12 lists them: "negation/default currently supported
  // only for options, log, busy-polling, set-dumpable, strict-limits, insecure-fork-wanted and numa-cpu-mapping"
  "busy-polling": { negatable: true },
  // … and `set-dumpable` takes no word (2.6.12: "'set-dumpable' cannot handle unexpected argument 'on'"; a sweep)
  "set-dumpable": { negatable: true, args: { min: 0, max: 0 } },
  // a second sweep of value forms (2.6.12): "'profiling.tasks' cannot handle unexpected argument 'off'",
  // "'httpclient.ssl.verify' expects 'none' or 'required' as argument" (also alone), "'ssl-server-verify'
  // expects an integer argument" and "'tune.lua.maxmem' expects an integer argument" alone,
  // "'httpclient.resolvers.prefer' expects 'ipv4' or 'ipv6' as argument", "'retry-on' needs at least one keyword"
  "profiling.tasks": { args: { min: 1, max: 1 } },
  "httpclient.ssl.verify": { args: { min: 1, max: 1, shapes: ["enum:none|required"] } },
  "ssl-server-verify": { args: { min: 1, max: 1, shapes: ["enum:none|required"] } },
  "tune.lua.maxmem": { args: { min: 1, max: -1 } },
  "httpclient.resolvers.prefer": { args: { min: 1, max: 1, shapes: ["enum:ipv4|ipv6"] } },
  "retry-on": { args: { min: 1, max: -1 } },
  // "'ssl-load-extra-files' expects one or multiple arguments (none, all, bundle, sctl, ocsp, issuer)" alone
  "ssl-load-extra-files": { args: { min: 1, max: -1 } },
  "strict-limits": { negatable: true },
  "insecure-fork-wanted": { negatable: true },
  "numa-cpu-mapping": { negatable: true },
  // healthcheck sections (3.4) take every http-check / tcp-check rule (12.9 lists them all);
  // `type` names the check type.
  type: { args: any(1) },
  // in the 3.4 matrix (frontend, listen) without a 4.2 entry; the bind option of the same name is the documented one
  crt: { doc: { chapter: "5.1" } },
  // registered by 2.6.12 (dkall) but documented in neither manual: linked to its documented siblings
  // (and read as they are: "tune.vars.check-max-size: '1k' is an invalid size", `-5` passes; a sweep)
  "tune.vars.check-max-size": { doc: { chapter: "3.2", anchor: "tune.vars.global-max-size" }, args: { min: 0, max: -1, shapes: ["int"], laterShapes: ["size"] } },
};

/**
 * Keywords the 2.6 and 3.4 manuals no longer document, with the version that first refused them and
 * what to write instead. The version is haproxy's own word in 2.6.12's error message when it gives
 * one ("not supported anymore since HAProxy 2.1"); otherwise "2.6" means "refused by 2.6.12, first
 * version unknown here".
 */
const req = (name, replacement, removed = "2.1") => ({ name, sections: ["frontend", "listen", "backend"], args: any(0), conditional: true, availability: { removed, ...(replacement ? { replacement } : {}) } });
export const removedKeywords = [
  // 2.6.12: "the 'contimeout' directive is not supported anymore since HAProxy 2.1. Use 'timeout connect'."
  { name: "contimeout", sections: ["defaults", "frontend", "listen", "backend"], args: any(0), availability: { removed: "2.1", replacement: "timeout connect" } },
  { name: "clitimeout", sections: ["defaults", "frontend", "listen"], args: any(0), availability: { removed: "2.1", replacement: "timeout client" } },
  { name: "srvtimeout", sections: ["defaults", "listen", "backend"], args: any(0), availability: { removed: "2.1", replacement: "timeout server" } },
  // 2.6.12: "The 'reqadd' directive is not supported anymore since HAProxy 2.1. Use 'http-request add-header' instead." (same for the others)
  req("reqadd", "http-request add-header"),
  // 2.6.12: "Use 'http-request replace-path', 'http-request replace-uri' or 'http-request replace-header' instead."
  req("reqrep", "http-request replace-header / replace-uri / replace-path"),
  req("reqirep", "http-request replace-header"),
  req("reqdel", "http-request del-header"),
  req("reqidel", "http-request del-header"),
  req("reqdeny", "http-request deny"),
  req("reqideny", "http-request deny"),
  req("reqallow", "http-request allow"),
  req("reqiallow", "http-request allow"),
  req("reqtarpit", "http-request tarpit"),
  req("reqitarpit", "http-request tarpit"),
  // 2.6.12 says "not supported anymore" with no replacement: the rule passes on to the next one
  req("reqpass", undefined),
  req("reqipass", undefined),
  // 2.6.12: "unknown keyword 'reqsetbe'": removed with the rest of the req* family in 2.1
  req("reqsetbe", "use_backend"),
  req("reqisetbe", "use_backend"),
  req("rspadd", "http-response add-header"),
  req("rsprep", "http-response replace-header"),
  req("rspirep", "http-response replace-header"),
  req("rspdel", "http-response del-header"),
  req("rspidel", "http-response del-header"),
  req("rspdeny", "http-response deny"),
  req("rspideny", "http-response deny"),
  // 2.6.12: "The 'block' directive is not supported anymore since HAProxy 2.1. Use 'http-request deny' which uses the exact same syntax."
  req("block", "http-request deny"),
  // 2.6.12: "keyword 'redispatch' directive is not supported anymore since HAProxy 2.1. Use 'option redispatch'."
  { name: "redispatch", sections: ["defaults", "listen", "backend"], args: any(0), availability: { removed: "2.1", replacement: "option redispatch" } },
  // 2.6.12: "'monitor-net' doesn't exist anymore. Please use 'http-request return status 200 if { src ... }' instead."
  // (no version in the message; 2.6 is the first version lblint knows that refuses it)
  { name: "monitor-net", sections: ["defaults", "frontend", "listen"], args: any(0), availability: { removed: "2.6", replacement: "http-request return status 200 if { src <net> }" } },
  // 2.6.12: "option 'http-tunnel' is not supported any more since HAProxy 2.1, please just remove it"
  { name: "option http-tunnel", sections: ["defaults", "frontend", "listen", "backend"], args: any(0), availability: { removed: "2.1" } },
  // 2.6.12: "option 'forceclose' is not supported any more since HAProxy 2.0, ... or use 'option httpclose' if absolutely needed."
  { name: "option forceclose", sections: ["defaults", "frontend", "listen", "backend"], args: any(0), availability: { removed: "2.0", replacement: "option httpclose" } },
  // 2.6.12: "option 'http_proxy' is not supported any more since HAProxy 2.5 ... 'http-request set-dst' and 'http-request set-uri'"
  { name: "option http_proxy", sections: ["defaults", "frontend", "listen", "backend"], args: any(0), availability: { removed: "2.5", replacement: "http-request set-dst / set-uri" } },
  // 2.6.12: "unknown option 'independant-streams'; did you mean 'independent-streams'" (the misspelt alias is gone)
  { name: "option independant-streams", sections: ["defaults", "frontend", "listen", "backend"], args: any(0), availability: { removed: "2.6", replacement: "option independent-streams" } },
  // 2.6.12: "unknown option 'tcpsplice'; did you mean 'splice-auto'"
  { name: "option tcpsplice", sections: ["defaults", "frontend", "listen", "backend"], args: any(0), availability: { removed: "2.6", replacement: "option splice-auto" } },
  // 2.6.12: "unknown option 'http-use-htx'" (HTX is the only HTTP engine since 2.1)
  { name: "option http-use-htx", sections: ["defaults", "frontend", "listen", "backend"], args: any(0), availability: { removed: "2.6" } },
  // 2.6.12: "'appsession' is not supported anymore since HAProxy 1.6."
  { name: "appsession", sections: ["defaults", "listen", "backend"], args: any(0), availability: { removed: "1.6", replacement: "cookie / stick-table" } },
  // 2.6.12: "nbproc is not supported any more since HAProxy 2.5. Threads will automatically be used ..."
  { name: "nbproc", sections: ["global"], args: any(0), availability: { removed: "2.5", replacement: "nbthread" } },
  // 2.6.12: "option 'tune.chksize' is not supported any more (tune.bufsize is used instead)."
  { name: "tune.chksize", sections: ["global"], args: any(0), availability: { removed: "2.6", replacement: "tune.bufsize" } },
  // 2.6.12: "unknown keyword 'debug' in 'global' section" (the 2.6 manual lists only quiet and zero-warning)
  { name: "debug", sections: ["global"], args: any(0), availability: { removed: "2.6", replacement: "haproxy -d" } },
];
// Checked and left alone: `grace` in a proxy is refused by 2.6.12 ("not supported any more since
// HAProxy version 2.5") but the global `grace` is valid, and availability is per keyword, so a proxy
// `grace` is reported as a wrong section instead. `mode health` (refused since 2.4) is a value of
// `mode`, see haproxy-values.ts. `option httpclose`, `dispatch`, `transparent` are accepted by 2.6.12.
// `ssl-engine`, `wurfl-*`, `51degrees-*`, `deviceatlas-*`, `profiling.memory`, `tune.zlib.*` and the
// QUIC tunables are build options: the Debian 2.6.12 binary lacks them, the manual documents them.

/** Action corrections: `"*"` applies to every rule set. */
export const actions = {
  "*": {
    // `http-request redirect location /x code 301 if c`: the redirect options are free
    redirect: { args: any(2) },
    // 2.6.12 accepts `sc-set-gpt0(0)` and `set-var-fmt(txn.x)` with no value (action min too high)
    "sc-set-gpt": { args: any(0) },
    "sc-set-gpt0": { args: any(0) },
    "set-var-fmt": { args: any(0) },
    // `set-var(txn.x) <expr>` may carry conditions on the variable (3.x `ifexists`, …) in the parentheses only
    "set-var": { args: { min: 1, max: 1 } },
    // `strict-mode { on | off }`: one word (2.6.12: "'http-response strict-mode' expects either 'if' or 'unless'" after it)
    "strict-mode": { args: { min: 1, max: 1 } },
    // `http-request capture <sample> len <n>` / `id <n>`
    capture: { args: any(1) },
    // 3.4 manual, 9.6: "OpenTracing will be deprecated in 3.3 and removed in 3.5"
    "ot-group": { availability: { deprecated: "3.3", removed: "3.5" } },
    // the 3.4 manual's heading misses a `>`: `{ <tos | <expr> }`
    "set-fc-tos": { syntax: "{ <tos> | <expr> }" },
  },
};

/** Bind option corrections. */
export const bindOptions = {
  // 2.6.12: "'process 1' on 'bind' lines is deprecated and will be removed in 2.7."
  process: { availability: { deprecated: "2.6", removed: "2.7", replacement: "thread" } },
};

/** Server option corrections. */
export const serverOptions = {
  // `source <addr>[:<port>] [usesrc {…}] [interface <name>]`: 2.6.12 registers it with a variable count
  source: { args: any(1) },
  // registered by 2.6.12 (dkall), documented under `source` and `check-send-proxy`
  // its syntax is that of `source … usesrc …`
  // read here with its value, so that one written without a `source` before it is reported as such
  usesrc: { args: { min: 1, max: 1 }, doc: { chapter: "5.2", anchor: "source" }, syntax: "{ <addr>[:<port>] | client | clientip | hdr_ip(<hdr>[,<occ>]) }" },
  "no-check-send-proxy": { doc: { chapter: "5.2", anchor: "check-send-proxy" } },
  // the manual writes `<value>`, which says nothing in a hover: what the value is
  cookie: { syntax: "<cookie-value>" },
  id: { syntax: "<number>" },
};

/** Fetch corrections. */
export const fetches = {
  // documented with no argument, registered by 2.6.12 with an optional unit, as `fc_rtt([<unit>])`
  ...Object.fromEntries(["fc_fackets", "fc_lost", "fc_reordering", "fc_retrans", "fc_sacked", "fc_unacked"].map((name) => [name, { syntax: "([<unit>])" }])),
  // registered by 2.6.12 (`sc1_clr_gpc(integer[,table])`), documented only as `sc_clr_gpc`
  sc1_clr_gpc: { syntax: "(<idx>[,<table>])" },
};

/** Converter corrections. */
export const converters = {
  // the manual documents them together as `map_<match_type>[_<output_type>](<map_name>[,<default_value>])`
  ...Object.fromEntries(
    ["beg", "dir", "dom", "end", "int", "ip", "reg", "str", "sub"]
      .flatMap((match) => [`map_${match}`, `map_${match}_int`, `map_${match}_ip`])
      .concat(["map_regm"])
      .map((name) => [name, { syntax: "(<map_name>[,<default_value>])" }]),
  ),
  // both manuals leave `<offset` unclosed; the 3.4 manual's definition writes `(alg,key)` bare
  http_date: { syntax: "([<offset>[,<unit>]])" },
  jwt_verify: { syntax: "(<alg>,<key>)" },
};

/**
 * Keywords of a section that the manual describes in prose or that a section's chapter does not
 * define at column 0: `{ section: [{ name, versions }] }`.
 */
export const sectionKeywords = {
  // 3.4 manual 8.3.5 (prose): `log-profile <name>` takes `log-tag <string>` and
  // `on <step> [drop] [format <fmt>] [sd <sd_fmt>]`; haproxy 3.2.26 reads both.
  "log-profile": [
    { name: "log-tag", versions: ["3.4"] },
    { name: "on", versions: ["3.4"] },
  ],
};

/** A section keyword whose events are separate keywords: resolvers `timeout <event> <time>`. */
export const sectionKeywordExpansion = {
  "resolvers:timeout": ["timeout resolve", "timeout retry"],
};

/** Proxy keywords that are neither in a 4.1 matrix nor in dkall's option list. */
export const extraProxyKeywords = [];

/**
 * Words the sample-fetch line pattern catches that name no fetch or converter: the 3.4 manual's
 * converter table writes the typed map lookups as the pattern `map_match_output(…)`.
 */
export const notSamples = ["map_match", "map_match_output"];

/** Hover text for the most used keywords, in lblint's own words. */
export const summaries = {
  // log-profile
  on: "In a log-profile: how the log line of one logging step (accept, request, connect, response, close, error, any) is built, or that it is dropped.",
  // global
  maxconn: "Caps concurrent connections: process-wide in global, per frontend in a proxy.",
  nbthread: "Number of worker threads haproxy starts.",
  daemon: "Detach from the terminal and run in the background.",
  user: "Global: the user haproxy switches to after start. Userlist: declares a user and its password.",
  group: "Global: the group haproxy switches to after start. Userlist: declares a group of users.",
  chroot: "Directory haproxy chroots into after start, for isolation.",
  pidfile: "File where the process id is written.",
  log: "Where to send logs (syslog address, ring, stdout) and at which facility and level; `log global` reuses the global targets.",
  "stats socket": "Opens the runtime API (CLI) on a UNIX or TCP socket.",
  "ssl-default-bind-options": "Default TLS options for every `bind` line using ssl.",
  "ssl-default-bind-ciphers": "Default TLS 1.2-and-below cipher list for `bind` lines.",
  "tune.bufsize": "Size of each request/response buffer in bytes; bounds the largest header block.",
  "ca-base": "Directory relative CA and CRL file names are resolved against.",
  "crt-base": "Directory relative certificate file names are resolved against.",
  "lua-load": "Loads a Lua script at start.",
  // proxies
  mode: "Protocol the proxy works at: `tcp` (layer 4) or `http` (layer 7).",
  balance: "Load-balancing algorithm used to pick a server.",
  bind: "Address and port a frontend listens on, followed by its listener options.",
  server: "Declares a backend server: name, address, then its options.",
  "default-server": "Options applied to every following `server` line of the section.",
  default_backend: "Backend used when no `use_backend` rule matches.",
  use_backend: "Switches to a backend when its condition matches.",
  acl: "Names a test (a fetch and patterns) to use in conditions.",
  "http-request": "A rule run on each HTTP request: an action, optionally under a condition.",
  "http-response": "A rule run on each HTTP response: an action, optionally under a condition.",
  "tcp-request connection": "A rule run as soon as a connection is accepted, before any data.",
  "tcp-request content": "A rule run on request contents, once the inspect delay allows.",
  "timeout client": "Longest inactivity allowed on the client side.",
  "timeout server": "Longest inactivity allowed on the server side.",
  "timeout connect": "Longest time to wait for a connection to a server to establish.",
  "timeout http-request": "Longest time to wait for a complete HTTP request.",
  "timeout http-keep-alive": "Longest idle time between two requests on a kept-alive connection.",
  "timeout tunnel": "Inactivity timeout once a connection is a tunnel (WebSocket, CONNECT).",
  "timeout check": "Extra read timeout for health checks once connected.",
  "timeout queue": "Longest time a request may wait in the queue for a server slot.",
  "option httplog": "Logs HTTP requests in the detailed HTTP format.",
  "option tcplog": "Logs connections in the detailed TCP format.",
  "option forwardfor": "Adds an X-Forwarded-For header with the client address.",
  "option httpchk": "Health-checks servers with an HTTP request instead of a TCP connect.",
  "option redispatch": "Lets a request go to another server when its persistent server is down.",
  "option http-server-close": "Closes the server-side connection after each response, keeping the client one alive.",
  "option dontlognull": "Does not log connections that carried no data.",
  retries: "Number of connection retries to a server after a failure.",
  cookie: "Cookie-based server persistence: cookie name and insertion mode.",
  "stick-table": "Declares the stick table of this proxy: key type, size, expiry, stored counters.",
  "stick on": "Matches and stores a sample in the stick table for persistence.",
  errorfile: "Serves a file as the response for an HTTP status haproxy generates.",
  "stats enable": "Turns on the statistics page on this proxy.",
  "stats uri": "Path of the statistics page.",
  "stats auth": "user:password allowed to see the statistics page.",
  "hash-type": "Hashing method, function and modifier for hash-based balancing.",
  "http-check expect": "What a health-check response must contain to count as success.",
  redirect: "Answers with an HTTP redirect (location, prefix or scheme) when the condition matches.",
  "log-format": "Custom log line format with %-variables.",
  "capture request header": "Captures a request header value into the logs.",
  compression: "HTTP compression: algorithms, content types, offloading.",
};
