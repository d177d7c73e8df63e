// The proxy keywords haproxy refuses (exit 1), rather than ignores with a warning, in a proxy
// section that does not take them: HA002 reports these as errors and the rest as warnings.
// Measured with haproxy 2.6.12 by scripts/oracle/haproxy-sections.mjs (a real line of each keyword
// written into each proxy section it does not belong in); test/rules/HA002-oracle.test.ts asks
// haproxy again. Keywords newer than 2.6 are not in it.
export const REFUSED_IN_SECTION: Readonly<Record<string, ReadonlySet<string>>> = {
  defaults: new Set([
    "bind",
    "capture cookie",
    "capture request header",
    "capture response header",
    "declare capture",
    "description",
    "dispatch",
    "filter",
    "force-persist",
    "id",
    "ignore-persist",
    "monitor fail",
    "redirect",
    "server",
    "server-template",
    "stats admin",
    "stats http-request",
    "stick match",
    "stick on",
    "stick store-request",
    "stick store-response",
    "stick-table",
    "use-fcgi-app",
    "use-server",
    "use_backend",
  ]),
  frontend: new Set([
    "default-server",
    "retry-on",
    "server",
    "server-template",
    "tcp-response content",
    "tcp-response inspect-delay",
    "use-fcgi-app",
  ]),
  backend: new Set([
    "declare capture",
    "tcp-request connection",
    "tcp-request session",
  ]),
};
