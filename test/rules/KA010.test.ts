import { describe, expect, it } from "vitest";
import { MemoryFileSystem } from "../../server/src/workspace/fs.js";
import { loadConfig } from "../../server/src/workspace/loader.js";
import { lintLoaded } from "../../server/src/lint/lint.js";
import { defaultConfig } from "../../server/src/lint/config.js";
import { expectKeepalived, lintText } from "./harness.js";

describe("KA010 undefined-variable", () => {
  it("accepts variables defined before use, ~SEQ variables, predefined names and shell variables in quotes", () => {
    expectKeepalived(
      "KA010",
      `$IFACE=eth0
@lb1 $PRIO=150
@lb2 $PRIO=100
vrrp_instance VI_1 {
  interface \${IFACE}
  priority $PRIO
  virtual_router_id 51
  notify_master "/bin/sh -c 'echo $HOME \${USER}'"
  virtual_ipaddress {
    ~SEQ(i, 1, 3) 10.0.0.\${i}/24
  }
  track_script {
    chk_\${_INSTANCE}
  }
}
`,
    );
  });

  it("leaves a lone $word alone when the file defines no variable (keepalived then changes nothing)", () => {
    expectKeepalived("KA010", "vrrp_instance VI_1 {\n  authentication {\n    auth_type PASS\n    auth_pass pa$word\n  }\n}\n");
  });

  it("reports an unbraced $NAME used before any definition of it, once definitions are in use", () => {
    const found = expectKeepalived("KA010", "$A=1\nvrrp_instance VI_1 {\n  priority «$PRIO»\n}\n$PRIO=100\n");
    expect(found[0]!.message).toBe("'$PRIO' is defined only after this line (line 5); keepalived leaves it as written");
    expect(found[0]!.severity).toBe("error");
  });

  it("does not repeat what the grammar reports for ${NAME} in one file", () => {
    const problems = lintText("keepalived", "vrrp_instance VI_1 {\n  priority ${PRIO}\n}\n");
    expect(problems.filter((p) => p.ruleId === "KA010")).toEqual([]);
    expect(problems.filter((p) => p.code === "undefined-variable")).toHaveLength(1);
  });

  it("offers the defined name that is closest", () => {
    const found = expectKeepalived("KA010", "$PRIORITY=150\nvrrp_instance VI_1 {\n  priority «$PRIORTY»\n}\n");
    expect(found[0]!.message).toBe("'$PRIORTY' is not defined; keepalived leaves it as written; did you mean '$PRIORITY'?");
    expect(found[0]!.fix?.edits[0]?.newText).toBe("$PRIORITY");
  });

  it("reports ${_NAME}s that keepalived 2.2 does not predefine", () => {
    const found = expectKeepalived("KA010", 'vrrp_script chk {\n  script "/bin/true"\n  user «${_PWDD}»\n}\n', { keepalivedVersion: "2.2" });
    expect(found[0]!.message).toBe("'${_PWDD}' is not one of keepalived's predefined definitions; did you mean '${_PWD}'?");
    // keepalived 2.4's manual adds ${_ENV NAME}; 2.3.3 leaves ${_ENV} as written (test/rules/KA010-ka23.test.ts).
    expectKeepalived("KA010", "vrrp_script chk {\n  user ${_ENV}\n}\n", { keepalivedVersion: "2.4" });
  });

  it("counts the names a multi-line definition defines when it is used as a statement", () => {
    expectKeepalived("KA010", "$RS= \\\n  $RS_PORT=80 \\\n  real_server 10.0.0.2 80 { \\\n  }\nvirtual_server 10.0.0.1 80 {\n  $RS\n  delay_loop $RS_PORT\n}\n");
  });

  it("stops after an include it cannot follow", () => {
    expectKeepalived("KA010", "$A=1\ninclude /etc/keepalived/vars.conf\nvrrp_instance VI_1 {\n  priority $PRIO\n}\n");
  });

  it("follows includes: names defined in an included file count, ${NAME}s after the include are checked", async () => {
    const fs = new MemoryFileSystem({
      "file:///etc/keepalived/keepalived.conf": "include vars.conf\nvrrp_instance VI_1 {\n  interface ${IFACE}\n  priority ${PRIO}\n}\n",
      "file:///etc/keepalived/vars.conf": "$IFACE=eth0\n",
    });
    const loaded = await loadConfig(fs, "file:///etc/keepalived/keepalived.conf", "keepalived");
    const problems = lintLoaded(loaded, defaultConfig()).get("file:///etc/keepalived/keepalived.conf")!;
    const found = problems.filter((p) => p.ruleId === "KA010");
    expect(found.map((p) => [p.range.start.line, p.message])).toEqual([
      [3, "'${PRIO}' is not defined; keepalived leaves it as written and reads its '{' and '}' as braces"],
    ]);
  });

  it("reports a name glued to a keyword even without any definition: keepalived reports the keyword as unknown", () => {
    const found = expectKeepalived("KA010", "vrrp_instance VI_1 {\n  state«$state»\n  interface eth0\n  virtual_router_id 5\n  priority 100 $literal\n  notify_master \"/bin/echo $x\"\n}\n");
    expect(found.map((p) => p.message)).toEqual(["'$state' is not defined; keepalived leaves it as written and reports 'state$state' as an unknown keyword, dropping the line"]);
  });
});
