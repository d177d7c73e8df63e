import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import type { Fix } from "../../server/src/lint/rule.js";
import { expectKeepalived, lintText } from "./harness.js";

describe("KA013 duplicate-setting", () => {
  it("accepts single settings, repeated list keywords and value blocks, and @id alternatives", () => {
    expectKeepalived(
      "KA013",
      `vrrp_instance VI_1 {
  @lb1 state MASTER
  @lb2 state BACKUP
  @lb1 priority 150
  @lb2 priority 100
  interface eth0
  virtual_router_id 51
  virtual_ipaddress {
    10.0.0.1/24
    10.0.0.2/24
  }
  virtual_ipaddress {
    10.0.0.3/24
  }
  track_script {
    chk_a
    chk_b
  }
}
virtual_server 10.0.0.1 80 {
  protocol TCP
  real_server 10.0.0.11 80 {
    weight 1
  }
  real_server 10.0.0.12 80 {
    weight 1
  }
}
`,
    );
  });

  it("reports a repeated priority, where the last one silently wins", () => {
    const found = expectKeepalived("KA013", "vrrp_instance VI_1 {\n  priority 150\n  virtual_router_id 51\n  «priority» 120\n}\n");
    expect(found[0]!.message).toBe("'priority' is already set on line 2; keepalived silently uses this last one");
    expect(found[0]!.severity).toBe("warning");
  });

  it("says which one keepalived keeps for state and notify scripts", () => {
    const found = expectKeepalived(
      "KA013",
      'vrrp_instance VI_1 {\n  state MASTER\n  «state» BACKUP\n  notify_master "/bin/true a"\n  «notify_master» "/bin/true b"\n}\n',
    );
    expect(found.map((p) => p.message)).toEqual([
      "'state' is already set on line 2; keepalived keeps MASTER and ignores this one",
      "'notify_master' is already set on line 4; keepalived keeps the first one and ignores this one",
    ]);
  });

  it("names the kept line for a third notify script or state, not the one ignored before it (realworld7)", () => {
    const found = expectKeepalived(
      "KA013",
      "vrrp_instance VI_9 {\n  state MASTER\n  «state» BACKUP\n  «state» BACKUP\n  notify /usr/local/bin/n1.sh\n  «notify» /usr/local/bin/n2.sh\n  «notify» /usr/local/bin/n3.sh\n}\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'state' is already set on line 2; keepalived keeps MASTER and ignores this one",
      "'state' is already set on line 2; keepalived keeps MASTER and ignores this one",
      "'notify' is already set on line 5; keepalived keeps the first one and ignores this one",
      "'notify' is already set on line 5; keepalived keeps the first one and ignores this one",
    ]);
  });

  it("checks nested blocks: authentication, scripts, real servers", () => {
    expectKeepalived(
      "KA013",
      'vrrp_script chk {\n  interval 2\n  «interval» 3\n}\nvrrp_instance VI_1 {\n  authentication {\n    auth_type PASS\n    «auth_type» AH\n  }\n}\nvirtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    weight 1\n    «weight» 2\n  }\n}\n',
    );
  });

  it("reports a tracker listed twice, whose second entry keepalived ignores", () => {
    const found = expectKeepalived("KA013", "vrrp_instance VI_1 {\n  track_script {\n    chk weight -10\n    «chk» weight -20\n  }\n}\n");
    expect(found[0]!.message).toBe("'chk' is already in track_script (line 3); keepalived ignores this entry and its options");
  });

  it("leaves blocks with template statements alone", () => {
    expectKeepalived("KA013", "vrrp_instance VI_1 {\n  {% if master %}\n  state MASTER\n  {% else %}\n  state BACKUP\n  {% endif %}\n}\n");
  });
});

describe("KA013 fixes", () => {
  const apply = (text: string, fix: Fix | undefined) => applyEdits(text, fix?.edits ?? []);

  it("removes a repeated line, and offers to remove the line keepalived does without", () => {
    const text = `vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 100
    priority 150 ! the one in use
    interface eth0
    notify_master /etc/keepalived/a.sh
    notify_master /etc/keepalived/b.sh
    virtual_ipaddress {
        10.0.0.10/24
    }
    track_script {
        chk_a
        chk_a weight 10
    }
}
vrrp_script chk_a {
    script "/bin/true"
}
`;
    const found = lintText("keepalived", text).filter((p) => p.ruleId === "KA013");
    expect(found.map((p) => [p.fix?.description, p.suggestions?.map((s) => s.description)])).toEqual([
      [undefined, ["remove the earlier 'priority' (line 5), which keepalived overrides"]],
      ["remove this line", undefined],
      [undefined, ["remove this line"]],
      [undefined, ["remove this entry"]],
    ]);
    expect(apply(text, found[0]!.suggestions![0])).toBe(text.replace("    priority 100\n", ""));
    expect(apply(text, found[1]!.fix)).toBe(text.replace("    interface eth0\n    notify_master", "    notify_master"));
    expect(apply(text, found[2]!.suggestions![0])).toBe(text.replace("    notify_master /etc/keepalived/b.sh\n", ""));
    expect(apply(text, found[3]!.suggestions![0])).toBe(text.replace("        chk_a weight 10\n", ""));
  });

  it("offers nothing for a statement that shares its line", () => {
    const found = lintText("keepalived", "vrrp_instance VI_1 {\n    priority 100\n    authentication { auth_type PASS auth_pass abc }\n    priority 100 }\n").filter((p) => p.ruleId === "KA013");
    expect(found).toHaveLength(1);
    expect(found[0]!.fix).toBeUndefined();
    expect(found[0]!.suggestions).toBeUndefined();
  });

  it("reports a second path or virtualhost in one url of an HTTP_GET or SSL_GET check", () => {
    expectKeepalived(
      "KA013",
      "virtual_server 10.0.0.10 80 {\n    protocol TCP\n    real_server 10.0.0.4 80 {\n        HTTP_GET {\n            url {\n                path /a\n                «path» /b\n            }\n            url {\n                path /c\n            }\n        }\n        SSL_GET {\n            url {\n                virtualhost a.example.com\n                «virtualhost» b.example.com\n            }\n        }\n    }\n}\n",
    );
  });
});
