import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectHaproxy, unmark } from "./harness.js";

describe("HA005 removed-keyword", () => {
  it("reports haproxy 1.x keywords with the release that removed them and the replacement", () => {
    const source = "defaults\n    «contimeout» 5000\nfrontend f\n    bind :80\n    «reqadd» X-A:\\ b\n    «block» if TRUE\n";
    const found = expectHaproxy("HA005", source, { haproxyVersion: "2.6" });
    expect(found[0]!.message).toBe("'contimeout' is not supported by haproxy 2.6: it was removed in haproxy 2.1; use 'timeout connect' instead");
    expect(applyEdits(unmark(source).text, found[0]!.fix!.edits)).toContain("    timeout connect 5000\n");
    expect(found[1]!.fix).toBeUndefined();
  });

  it("reports removed values and global keywords", () => {
    const found = expectHaproxy("HA005", "global\n    «nbproc» 2\nbackend b\n    mode «health»\n", { haproxyVersion: "2.6" });
    expect(found[0]!.message).toContain("use 'nbthread' instead");
  });

  it("reports a section kind the target no longer has once, on its header", () => {
    const source = "global\n    master-worker\n«program» api\n    command /usr/bin/dataplaneapi --port 5555\n    no option start-on-reload\n";
    const [found] = expectHaproxy("HA005", source, { haproxyVersion: "3.4" });
    expect(found!.message).toBe("'program' is not supported by haproxy 3.4: haproxy 3.4 does not accept it");
    expectHaproxy("HA005", unmark(source).text, { haproxyVersion: "2.6" });
  });

  it("accepts the current keywords", () => {
    expectHaproxy("HA005", "defaults\n    timeout connect 5s\n    option redispatch\n");
  });
});
