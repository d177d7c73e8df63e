import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

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
