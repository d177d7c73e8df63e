import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectKeepalived, unmark } from "./harness.js";

describe("KA007 extra-words", () => {
  it("accepts one statement per line and quoted commands", () => {
    expectKeepalived("KA007", 'vrrp_script s {\n    script "/usr/bin/check --fast"\n}\nvrrp_instance V {\n    state BACKUP\n    priority 100\n}\n');
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
