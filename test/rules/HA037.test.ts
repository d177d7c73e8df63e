import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA037 undefined-env", () => {
  it("accepts defaults, setenv/presetenv, haproxy's own variables, .if defined() and unquoted $", () => {
    expectHaproxy(
      "HA037",
      `global
    setenv ADDR 10.0.0.1
    presetenv PORT 8080
    log "\${LOGHOST-127.0.0.1}" local0
frontend www
    bind "\${ADDR}:\${PORT}"
    http-request set-header X-Peer "\${HAPROXY_LOCALPEER}"
    http-request set-header X-Line "\${.LINE}"
    http-request set-header X-Price $5
    http-request set-header X-Single '\${NOT_EXPANDED}'
.if defined(EXTRA) && defined(MORE)
    bind "\${EXTRA}:\${MORE}"
.endif
`,
    );
  });

  it("reports references nothing defines, each on its reference", () => {
    const found = expectHaproxy(
      "HA037",
      `global
    setenv ADDR 10.0.0.1
    unsetenv ADDR
frontend www
    bind "«\${ADDR}»:«$PORT»"
.if defined(OTHER)
.else
    bind "«\${OTHER}»:80"
.endif
backend app
    server a "«\${HOSTS[*]}»"
`,
    );
    expect(found[0]!.message).toBe(
      "'${ADDR}' expands to an empty string unless the environment sets ADDR, which nothing in the configuration defines: give it a default ('${ADDR-…}') or list it in the rule's 'known' option",
    );
  });

  it("reports a HAPROXY_ name haproxy does not set itself", () => {
    // haproxy 2.6.12: `bind "${HAPROXY_BIND}"` unset is refused for want of an address, while the
    // local peer name is set by haproxy; the log format variables are its own in later releases.
    expectHaproxy(
      "HA037",
      'frontend www\n    bind "«${HAPROXY_BIND}»"\n    bind "${HAPROXY_LOCALPEER}:81"\n    log-format "${HAPROXY_HTTP_LOG_FMT} x=%[src]"\n',
    );
  });

  it("reads a setenv only for the lines after it", () => {
    expectHaproxy("HA037", 'global\n    log "«${LOGHOST}»" local0\n    setenv LOGHOST 127.0.0.1\n    log "${LOGHOST}" local1\n');
  });

  it("takes the variables the environment provides from the known option", () => {
    expectHaproxy("HA037", 'backend app\n    server a "${APP_HOST}:80"\n    server b "«${OTHER}»:80"\n', { rules: { "undefined-env": ["warning", { known: ["APP_HOST"] }] } });
  });
});
