import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain script of the repository, without types
import { messagesByLine } from "../../scripts/oracle/keepalived-lines.mjs";
import { expectKeepalived, unmark } from "./harness.js";

describe("KA001 unknown-keyword", () => {
  it("accepts keywords of every block, includes, definitions and lines for other hosts", () => {
    expectKeepalived(
      "KA001",
      `$PRIO=150
global_defs {
    router_id lb1
    enable_script_security
}
@lb1 include /etc/keepalived/extra.conf
vrrp_script chk {
    script "/usr/bin/check"
    interval 2
}
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority \${PRIO}
    track_script {
        chk
    }
    virtual_ipaddress {
        10.0.0.1/24 dev eth0
    }
}
virtual_server 10.0.0.1 80 {
    lb_algo rr
    real_server 10.0.1.1 80 {
        TCP_CHECK {
            connect_timeout 3
        }
    }
}
`,
    );
  });

  it("reports typos and wrong case, with a fix for one close keyword", () => {
    const [upper, typo, address] = expectKeepalived(
      "KA001",
      `vrrp_instance VI_1 {
    «Virtual_Router_ID» 5
    «virtual_ipadress» {
        «10.0.0.1/24»
    }
}
`,
    );
    expect(upper!.message).toContain("did you mean 'virtual_router_id'?");
    expect(typo!.message).toBe("'virtual_ipadress' is not a keepalived keyword in vrrp_instance; keepalived ignores its '{', reads the lines inside as lines of vrrp_instance, and its '}' closes vrrp_instance: the lines after it are read outside; did you mean 'virtual_ipaddress'?");
    expect(typo!.fix?.edits[0]?.newText).toBe("virtual_ipaddress");
    // keepalived reads the address as a line of the instance (2.2.7: "Unknown keyword '10.0.0.1/24'").
    expect(address!.message).toBe("'10.0.0.1/24' is not a keepalived keyword in vrrp_instance");
  });

  it("reports a typo in another host's header of a block (keepalived 2.2.7 -i lb2: \"Unknown keyword 'vrrp_instnce'\")", () => {
    const [found] = expectKeepalived("KA001", "@lb1 vrrp_instance A {\n@lb2 «vrrp_instnce» B {\n    state MASTER\n}\n");
    expect(found!.message).toContain("did you mean 'vrrp_instance'?");
  });

  it("reads what stands inside an unknown top-level block at the top level, as keepalived does (2.2.7: \"Unknown keyword 'stat'\")", () => {
    expectKeepalived("KA001", "«vrrp_instanse» VI_1 {\n    «stat» MASTER\n}\n");
  });
});

describe("KA001 unknown-keyword: a '$' that keepalived does not substitute", () => {
  const source = "«prompt$» cat keepalived.conf\n$IF=eth0\n«$IF/24» x\nglobal_defs {\n    router_id a\n}\n";

  it("reports a keyword whose '$' starts no variable, and leaves real variables alone", () => {
    expectKeepalived("KA001", source, { keepalivedVersion: "2.2" });
    expectKeepalived("KA001", "$BLOCK=global_defs\n$BLOCK {\n    router_id a\n}\n${BLOCK} {\n}\n", { keepalivedVersion: "2.2" });
  });

  it("agrees with keepalived 2.2.7, which reports both lines as unknown keywords", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ka001-"));
    const file = join(dir, "keepalived.conf");
    writeFileSync(file, unmark(source).text);
    const messages = messagesByLine(file) as Map<number, string[]>;
    rmSync(dir, { recursive: true, force: true });
    expect(messages.get(1)).toContain("Unknown keyword 'prompt$'");
    expect(messages.get(3)).toContain("Unknown keyword '$IF/24'");
  });
});

describe("KA001 unknown-keyword: a definition behind an '@id' prefix", () => {
  // keepalived strips the prefix and reads `$NAME=value` as a definition on the hosts it names
  // (keepalived 2.2.7 -i low: `@low $IF=lo` then `interface $IF` uses lo).
  it("reads '@id $NAME=value' and '@^id $NAME=value' as definitions, not keywords", () => {
    expectKeepalived(
      "KA001",
      "@low $IF=eth0\n@^low $IF=eth1\n@high $PRI=110\nvrrp_instance V {\n    interface $IF\n    priority $PRI\n    virtual_router_id 1\n}\n",
      { keepalivedVersion: "2.2" },
    );
  });

  it("still reports a prefixed word that is no definition", () => {
    expectKeepalived("KA001", "@low «$IF/eth0» x\n@low «IF=eth0»\n", { keepalivedVersion: "2.2" });
  });
});

describe("KA001 unknown-keyword: a line that starts with a backslash before '#' or '!'", () => {
  // keepalived 2.2.7 -t, measured: at the top level and in global_defs `\# note` and `\!note` are
  // "Unknown keyword '#'" and "Unknown keyword '!note'"; in the blocks its VRRP and checker processes
  // read (vrrp_instance, vrrp_script, virtual_server, and the list blocks) such a line says nothing,
  // and after a value it ends the line (`priority 100 \# note` is priority 100).
  it("reports it at the top level and in global_defs, with a fix that removes the backslash", () => {
    const [inGlobals, atTop] = expectKeepalived(
      "KA001",
      "global_defs {\n    router_id lb2 \\# the second\n    «\\#» mail settings\n}\n«\\!instances»\nvrrp_instance VI_2 {\n    \\# the second one\n    interface eth1\n    virtual_router_id 8 \\!not 9\n    priority 90\n}\n",
      { keepalivedVersion: "2.2" },
    );
    expect(inGlobals!.message).toBe(`'\\#' starts no comment here: at the start of a line in global_defs keepalived reads '#' as a keyword ("Unknown keyword '#'"); remove the backslash`);
    expect(inGlobals!.fix?.edits).toEqual([{ start: 50, end: 51, newText: "" }]);
    expect(atTop!.message).toContain("at the start of a line in the top level keepalived reads '!instances' as a keyword");
  });

  it("leaves such lines alone inside the other blocks, lists included", () => {
    expectKeepalived(
      "KA001",
      "global_defs {\n    notification_email {\n        \\# nobody yet\n    }\n}\nvrrp_script chk {\n    script /bin/true\n    \\# every two seconds\n    interval 2\n}\nvirtual_server 10.1.1.1 443 {\n    \\# the web pool\n    real_server 10.1.1.2 443 {\n        \\# first node\n        weight 1\n    }\n}\n",
      { keepalivedVersion: "2.2" },
    );
  });
});

describe("KA001 unknown-keyword: 'include' in quotes", () => {
  const source = '«"include"» /etc/keepalived/conf.d/*.conf\ninclude /etc/keepalived/conf.d/*.conf\nglobal_defs {\n    "router_id" lb1\n}\n';

  it("reports a quoted include, which includes nothing, and leaves other quoted keywords alone", () => {
    const [quoted] = expectKeepalived("KA001", source, { keepalivedVersion: "2.2" });
    expect(quoted!.message).toBe(`keepalived reads 'include' as an include only without quotes: it reports "include" as an unknown keyword and includes nothing`);
    expect(quoted!.fix?.edits[0]?.newText).toBe("include");
  });

  it("agrees with keepalived 2.2.7", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ka001-"));
    const file = join(dir, "keepalived.conf");
    writeFileSync(file, unmark(source).text);
    const messages = messagesByLine(file) as Map<number, string[]>;
    rmSync(dir, { recursive: true, force: true });
    expect(messages.get(1)).toContain("Unknown keyword 'include'");
    expect(messages.get(4)).toBeUndefined();
  });
});
