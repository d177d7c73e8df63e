import { describe, expect, it } from "vitest";
import { edit, findBlock, findKeepalivedStatement, parseKeepalived } from "../../grammars/index.js";

const CONFIG = `vrrp_script chk_haproxy {
    script "/usr/bin/pgrep haproxy"
    interval 2
}

vrrp_sync_group VG_1 {
    group {
        VI_1
    }
}

vrrp_instance VI_1 {
    state BACKUP
    priority 100   # lower than the master
    track_script {
        chk_haproxy
    }
}
`;

describe("editing keepalived configurations", () => {
  it("raises the priority of a vrrp_instance, keeping the comment", () => {
    const doc = parseKeepalived(CONFIG);
    const instance = findBlock(doc.ast, "vrrp_instance", "VI_1")!;
    const out = edit(doc).setArgument(findKeepalivedStatement(instance, "priority")!, 0, "150").toString();
    expect(out).toBe(CONFIG.replace("priority 100", "priority 150"));
  });

  it("adds a statement before the closing brace with the siblings' indentation", () => {
    const doc = parseKeepalived(CONFIG);
    const instance = findBlock(doc.ast, "vrrp_instance", "VI_1")!;
    const out = edit(doc).insertStatement(instance, "nopreempt").toString();
    expect(out).toContain("        chk_haproxy\n    }\n    nopreempt\n}\n");
  });

  it("adds a whole block, indenting every line", () => {
    const doc = parseKeepalived(CONFIG);
    const instance = findBlock(doc.ast, "vrrp_instance", "VI_1")!;
    const out = edit(doc).insertStatement(instance, "virtual_ipaddress {\n    10.0.0.100/24\n}", { after: findKeepalivedStatement(instance, "priority") }).toString();
    expect(out).toContain("    priority 100   # lower than the master\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n    track_script {\n");
    expect(parseKeepalived(out).diagnostics).toEqual([]);
  });

  it("opens up a block written on one line instead of adding a second statement to the line", () => {
    const text = "vrrp_instance VI_1 {\n    authentication { auth_type PASS }\n}\n";
    const doc = parseKeepalived(text);
    const auth = findBlock(findBlock(doc.ast, "vrrp_instance")!, "authentication")!;
    const out = edit(doc).insertStatement(auth, "auth_pass secret").toString();
    expect(out).toBe("vrrp_instance VI_1 {\n    authentication { auth_type PASS \n        auth_pass secret\n    }\n}\n");
    const reparsed = parseKeepalived(out);
    const statements = findBlock(findBlock(reparsed.ast, "vrrp_instance")!, "authentication")!.children.filter((child) => child.kind === "statement");
    expect(statements.map((statement) => statement.kind === "statement" && statement.keyword.value)).toEqual(["auth_type", "auth_pass"]);
  });

  it("adds a top-level block at the end of the file after a blank line", () => {
    const doc = parseKeepalived("global_defs {\n    router_id lb1\n}\n");
    expect(edit(doc).insertStatement(doc.ast, "vrrp_script chk {\n    script true\n}").toString()).toBe(
      "global_defs {\n    router_id lb1\n}\n\nvrrp_script chk {\n    script true\n}\n",
    );
  });

  it("removes a statement with its line and comment, and a block with all its lines", () => {
    const doc = parseKeepalived(CONFIG);
    const instance = findBlock(doc.ast, "vrrp_instance", "VI_1")!;
    const out = edit(doc).remove(findKeepalivedStatement(instance, "priority")!).remove(findBlock(instance, "track_script")!).toString();
    expect(out).toContain("vrrp_instance VI_1 {\n    state BACKUP\n}\n");
  });

  it("removes only the statement when it shares its line", () => {
    const text = "vrrp_instance VI_1 {\n  authentication { auth_type PASS }\n}\n";
    const doc = parseKeepalived(text);
    const auth = findBlock(findBlock(doc.ast, "vrrp_instance")!, "authentication")!;
    expect(edit(doc).remove(findKeepalivedStatement(auth, "auth_type")!).toString()).toBe("vrrp_instance VI_1 {\n  authentication { }\n}\n");
  });

  it("renames a vrrp_script and every track_script entry that names it", () => {
    const doc = parseKeepalived(CONFIG);
    const out = edit(doc).rename(findBlock(doc.ast, "vrrp_script", "chk_haproxy")!, "chk_lb").toString();
    expect(out).toContain("vrrp_script chk_lb {\n");
    expect(out).toContain("    track_script {\n        chk_lb\n    }\n");
  });

  it("renames a vrrp_instance and its sync group membership", () => {
    const doc = parseKeepalived(CONFIG);
    const out = edit(doc).rename(findBlock(doc.ast, "vrrp_instance", "VI_1")!, "VI_WEB").toString();
    expect(out).toContain("    group {\n        VI_WEB\n    }\n");
    expect(out).toContain("vrrp_instance VI_WEB {\n");
  });

  it("quotes values with spaces and refuses values keepalived cannot hold", () => {
    const doc = parseKeepalived(CONFIG);
    const script = findKeepalivedStatement(findBlock(doc.ast, "vrrp_script")!, "script")!;
    expect(edit(doc).setArgument(script, 0, "/bin/check --fast").toString()).toContain('    script "/bin/check --fast"\n');
    expect(() => edit(doc).setArgument(script, 0, 'say "hi"')).toThrow(RangeError);
  });
});
