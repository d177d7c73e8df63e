import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectHaproxy, lintText } from "./harness.js";

describe("HA006 deprecated-keyword", () => {
  it("warns about a keyword deprecated at the target version", () => {
    const [found] = expectHaproxy("HA006", "listen l\n    bind :80\n    «dispatch» 10.0.0.1:80\n", { haproxyVersion: "3.4" });
    expect(found!.severity).toBe("warning");
    expect(found!.message).toMatch(/^'dispatch' is deprecated since haproxy \d\.\d/);
  });

  it("says nothing for a version before the deprecation", () => {
    expectHaproxy("HA006", "listen l\n    bind :80\n    dispatch 10.0.0.1:80\n", { haproxyVersion: "2.6" });
  });
});

describe("HA006 fixes", () => {
  it("renames a keyword whose replacement is the same setting, keeping a 'no' and the spacing", () => {
    const text = "global\n    tune.ssl.capture-cipherlist-size 800\ndefaults\n    mode http\n    no option accept-invalid-http-request\n    option  accept-invalid-http-response\n";
    const found = lintText("haproxy", text, { haproxyVersion: "3.4" }).filter((p) => p.ruleId === "HA006");
    expect(applyEdits(text, found.flatMap((p) => p.fix?.edits ?? []))).toBe(
      "global\n    tune.ssl.capture-buffer-size 800\ndefaults\n    mode http\n    no option accept-unsafe-violations-in-http-request\n    option  accept-unsafe-violations-in-http-response\n",
    );
  });

  it("does not rename into a keyword the target deprecates too, or one the section ignores", () => {
    const text = "defaults\n    mode http\nbackend b\n    transparent\nfrontend f\n    bind :80\n    transparent\n";
    expect(lintText("haproxy", text, { haproxyVersion: "3.4" }).filter((p) => p.ruleId === "HA006" && p.fix)).toEqual([]);
  });
});
