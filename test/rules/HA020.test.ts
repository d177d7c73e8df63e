import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectHaproxy, lintText } from "./harness.js";

describe("HA020 missing-timeouts", () => {
  it("accepts timeouts set in the proxy, in defaults, or through a from chain", () => {
    expectHaproxy(
      "HA020",
      `defaults base
    timeout connect 5s
    timeout client 30s
    timeout server 30s
defaults other from base
    mode http
frontend www from other
    bind :80
backend app from base
    server a 10.0.0.1:80
defaults
    mode tcp
listen db
    bind :5432
    timeout connect 1s
    timeout client 1h
    timeout tunnel 1h
    server d 10.0.0.2:5432
`,
    );
  });

  it("does not ask a backend without servers for backend timeouts", () => {
    expectHaproxy("HA020", "defaults\n    timeout client 5s\nbackend empty\n    http-request return status 200\nfrontend f\n    bind :80\n");
  });

  it("reports each proxy once, on its name, listing what is missing", () => {
    const found = expectHaproxy(
      "HA020",
      `defaults
    timeout connect 5s
    timeout server 0
frontend «www»
    bind :80
backend «app»
    server a 10.0.0.1:80
listen «both»
    bind :81
    timeout client 30s
    server a 10.0.0.1:80
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "frontend 'www' has no 'timeout client' in effect (set here or in its defaults section, not 0): connections may hang forever, and haproxy warns about missing timeouts",
      "backend 'app' has no 'timeout server' in effect (set here or in its defaults section, not 0): connections may hang forever, and haproxy warns about missing timeouts",
      "listen 'both' has no 'timeout server' in effect (set here or in its defaults section, not 0): connections may hang forever, and haproxy warns about missing timeouts",
    ]);
  });

  it("lets timeout tunnel stand in for timeout server in mode tcp only; a new defaults starts empty", () => {
    expectHaproxy(
      "HA020",
      `defaults
    timeout connect 5s
    timeout client 30s
    timeout tunnel 1h
backend tcp
    server a 10.0.0.1:80
backend «http»
    mode http
    server a 10.0.0.1:80
defaults
    mode tcp
frontend «late»
    bind :80
`,
    );
  });
});

describe("HA020 suggestions", () => {
  it("sets the missing timeouts in the proxy: a value for its own 0, new lines after its header", () => {
    const text = `defaults
    mode http
    timeout client 30s
listen app   # the app
  bind :80
  timeout connect 0
  server a 10.0.0.1:80
`;
    const [found] = lintText("haproxy", text).filter((p) => p.ruleId === "HA020");
    expect(found!.fix).toBeUndefined();
    const [suggestion] = found!.suggestions!;
    expect(suggestion!.description).toBe("set 'timeout connect 5s' and 'timeout server 30s' in listen 'app'");
    const fixed = applyEdits(text, suggestion!.edits);
    expect(fixed).toBe(text.replace("# the app\n", "# the app\n  timeout server 30s\n").replace("timeout connect 0", "timeout connect 5s"));
    expect(lintText("haproxy", fixed).filter((p) => p.ruleId === "HA020" || p.ruleId === "HA022")).toEqual([]);
  });
});

describe("HA020 suggestions in the defaults section", () => {
  it("also offers to set them in the defaults section the proxy inherits from", () => {
    const text = "defaults web\n    mode http\nbackend app from web\n    server a 10.0.0.1:80\n";
    const [found] = lintText("haproxy", text).filter((p) => p.ruleId === "HA020");
    expect(found!.suggestions!.map((s) => [s.description, applyEdits(text, s.edits)])).toEqual([
      ["set 'timeout connect 5s' and 'timeout server 30s' in backend 'app'", text.replace("from web\n", "from web\n    timeout connect 5s\n    timeout server 30s\n")],
      ["set 'timeout connect 5s' and 'timeout server 30s' in defaults 'web'", text.replace("defaults web\n", "defaults web\n    timeout connect 5s\n    timeout server 30s\n")],
    ]);
  });
});

describe("HA020 on rings", () => {
  it("asks a ring that forwards to a server for its own timeout connect and timeout server", () => {
    const found = expectHaproxy(
      "HA020",
      `defaults
    timeout connect 5s
    timeout client 30s
    timeout server 30s
ring «logbuf»
    size 32764
    timeout connect 0
    server syslog 127.0.0.1:514
ring complete
    timeout connect 5s
    timeout server 10s
    server syslog 127.0.0.1:514
ring local
    size 32764
frontend www
    bind :80
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "ring 'logbuf' forwards to a server but has no 'timeout connect' and 'timeout server' of its own (not 0; defaults do not apply to a ring): its connections may hang forever, and haproxy warns about missing timeouts",
    ]);
  });

  it("offers to set them in the ring", () => {
    const text = "ring logbuf\n    size 32764\n    timeout connect 0\n    server syslog 127.0.0.1:514\n";
    const [found] = lintText("haproxy", text).filter((p) => p.ruleId === "HA020");
    expect(found!.suggestions!.map((s) => [s.description, applyEdits(text, s.edits)])).toEqual([
      ["set 'timeout connect 5s' and 'timeout server 30s' in ring 'logbuf'", "ring logbuf\n    timeout server 30s\n    size 32764\n    timeout connect 5s\n    server syslog 127.0.0.1:514\n"],
    ]);
  });
});
