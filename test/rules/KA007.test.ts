import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectKeepalived, lintText, unmark } from "./harness.js";

describe("KA007 extra-words", () => {
  it("accepts one statement per line and quoted commands", () => {
    expectKeepalived("KA007", 'vrrp_script s {\n    script "/usr/bin/check --fast"\n}\nvrrp_instance V {\n    state BACKUP\n    priority 100\n}\n');
  });

  it("accepts a 'yes' after a keyword that takes no value, and reports a 'no' there", () => {
    expectKeepalived(
      "KA007",
      "global_defs {\n    vrrp_skip_check_adv_addr 1\n    enable_script_security yes\n    vrrp_strict «0»\n}\nvrrp_instance V {\n    state BACKUP\n    nopreempt true\n    dont_track_primary «off»\n}\n",
    );
  });

  it("reports settings that share a line, and moves them to their own line", () => {
    const source = "vrrp_instance V {\n    state BACKUP «priority 100»\n    authentication { auth_type PASS «auth_pass s3cret» }\n}\n";
    const [state, auth] = expectKeepalived("KA007", source);
    expect(state!.message).toBe("keepalived reads 'state' with one value and drops 'priority 100'; 'priority' must stand on its own line");
    const { text } = unmark(source);
    expect(applyEdits(text, state!.fix!.edits)).toBe("vrrp_instance V {\n    state BACKUP\n    priority 100\n    authentication { auth_type PASS auth_pass s3cret }\n}\n");
    expect(auth!.fix).toBeDefined();
  });

  it("reports an unquoted command with parameters and quotes it", () => {
    const source = "vrrp_script s {\n    script /usr/bin/check «--fast»\n}\n";
    const [found] = expectKeepalived("KA007", source);
    expect(found!.message).toBe("keepalived runs only '/usr/bin/check' and drops '--fast'; quote the whole command");
    expect(applyEdits(unmark(source).text, found!.fix!.edits)).toContain('script "/usr/bin/check --fast"');
  });
});

describe("KA007 and a backslash at the end of a line", () => {
  it("says keepalived joins it to the value before it, and offers to remove it", () => {
    const text = "vrrp_instance VI {\n    interface eth0\n    virtual_router_id 5\n    priority 100 \\\n    advert_int 1\n}\n";
    const [found] = lintText("keepalived", text).filter((p) => p.ruleId === "KA007");
    expect(found!.message).toBe("a '\\' does not continue the line: keepalived reads '100\\' as the value of 'priority'");
    expect(found!.fix).toBeUndefined();
    expect(applyEdits(text, found!.suggestions![0]!.edits)).toBe(text.replace("100 \\\n", "100\n"));
  });

  it("reads a backslash right before '#' or '!' as the start of the comment, not as a glued one", () => {
    // keepalived 2.2.7 -t: `priority 300 \# note` reports 300 out of range, so nothing is glued.
    expectKeepalived("KA007", "vrrp_instance VI {\n    interface eth0\n    virtual_router_id 5 \\!five\n    priority 100 \\# see the docs\n}\n");
  });
});

describe("KA007 and a note written without its '#'", () => {
  // Tutorials annotate lines in their own language and lose the '#' on the way: keepalived 2.2.7 -t
  // accepts `state MASTER   MASTER或BACKUP` and `priority 120 权限` without a word, reading MASTER and 120.
  it("warns, and offers to make the note a comment, when every dropped word has a letter outside ASCII", () => {
    const source = "vrrp_instance VI {\n    state MASTER   «MASTER或BACKUP»\n    interface eth0   «网卡 地址»\n    virtual_router_id 5\n    priority 120 «权限 100»\n}\n";
    const [state, iface, priority] = expectKeepalived("KA007", source);
    expect([state!.severity, iface!.severity, priority!.severity]).toEqual(["warning", "warning", "error"]);
    expect(state!.message).toBe("keepalived reads 'state' with one value and drops 'MASTER或BACKUP', which reads like a note: start it with '#'");
    expect(applyEdits(unmark(source).text, iface!.fix!.edits)).toContain("interface eth0   # 网卡 地址\n");
  });

  // keepalived 2.2.7 -t is silent on `state MASTER   // the first node` and reads MASTER: '//' marks
  // a note, whatever follows it; a value before the '//' is still a dropped value.
  it("warns when the dropped words start with '//', and stays an error when a value comes first", () => {
    const source = "global_defs {\n    router_id lb1   «// our first balancer»\n}\nvrrp_instance VI {\n    state MASTER «//primary»\n    interface eth0\n    virtual_router_id 5\n    priority 120 «90 // on the backup»\n}\n";
    const [routerId, state, priority] = expectKeepalived("KA007", source);
    expect([routerId!.severity, state!.severity, priority!.severity]).toEqual(["warning", "warning", "error"]);
    expect(applyEdits(unmark(source).text, routerId!.fix!.edits)).toContain("router_id lb1   # // our first balancer\n");
  });

  // keepalived 2.2.7 -t is silent on `priority 110 ;; above the backup` and reads 110 (a real
  // tutorial wrote its notes so): ';' marks a note as '//' does.
  it("warns when the dropped words start with ';', and stays an error when a value comes first", () => {
    const source = "vrrp_instance VI {\n    state BACKUP «; the other node is MASTER»\n    interface eth1   «;;check with ip a»\n    virtual_router_id 7\n    priority 90 «80 ;; was 80»\n}\n";
    const [state, iface, priority] = expectKeepalived("KA007", source);
    expect([state!.severity, iface!.severity, priority!.severity]).toEqual(["warning", "warning", "error"]);
    expect(iface!.message).toBe("keepalived reads 'interface' with one value and drops ';;check with ip a', which reads like a note: start it with '#'");
    expect(applyEdits(unmark(source).text, state!.fix!.edits)).toContain("state BACKUP # ; the other node is MASTER\n");
  });

  it("reports a password that goes on after '#' or '!', which keepalived cuts there, and quotes it (a real file, ninth round)", () => {
    const source = "vrrp_instance V {\n    authentication {\n        auth_type PASS\n        auth_pass Ab«#12!x»\n    }\n}\nvrrp_instance W {\n    authentication {\n        auth_pass secret«!»\n    }\n}\n";
    const [first, second] = expectKeepalived("KA007", source);
    expect(first!.severity).toBe("warning");
    expect(first!.message).toBe("keepalived starts a comment at '#' even inside a word: the password is 'Ab', and '#12!x' is dropped; put it in double quotes to keep it whole");
    expect(second!.message).toBe("keepalived starts a comment at '!' even inside a word: the password is 'secret', and '!' is dropped; put it in double quotes to keep it whole");
    expect(applyEdits(unmark(source).text, first!.fix!.edits)).toContain('        auth_pass "Ab#12!x"\n');
  });

  it("leaves a note after a blank, a quoted password and a note glued to another value alone", () => {
    expectKeepalived("KA007", 'vrrp_instance V {\n    interface eth0#uplink\n    authentication {\n        auth_pass abc #note\n    }\n}\nvrrp_instance W {\n    authentication {\n        auth_pass "a#b"\n    }\n}\n');
  });
});
