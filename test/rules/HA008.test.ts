import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA008 newer-keyword", () => {
  it("is an error for 2.6 and a warning for releases lblint does not know exactly", () => {
    const text = "frontend f\n    bind :80\n    option «forwarded»\n";
    expect(expectHaproxy("HA008", text.replace("option «forwarded»", "«option forwarded»"), { haproxyVersion: "2.6" })[0]!.severity).toBe("error");
    expect(expectHaproxy("HA008", text.replace("option «forwarded»", "«option forwarded»"), { haproxyVersion: "3.0" })[0]!.severity).toBe("warning");
    expectHaproxy("HA008", text.replace(/[«»]/g, ""), { haproxyVersion: "3.4" });
  });

  it("skips lines in .if branches the target version cannot take", () => {
    expectHaproxy("HA008", ".if version_atleast(3.1-dev8)\nfrontend f\n    bind :80\n    option forwarded\n.endif\n", { haproxyVersion: "2.6" });
  });
});

describe("HA008 newer-keyword: actions", () => {
  it("reports a rule action newer than the target", () => {
    const [found] = expectHaproxy("HA008", "frontend f\n    bind :80\n    tcp-request session «attach-srv» be/srv\n", { haproxyVersion: "2.6" });
    expect(found!.message).toMatch(/^'tcp-request session attach-srv' does not exist in haproxy 2.6/);
  });
});
