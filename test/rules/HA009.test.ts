import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectHaproxy, unmark } from "./harness.js";

describe("HA009 header-address", () => {
  it("accepts names and 'from'", () => {
    expectHaproxy("HA009", "defaults base\nfrontend www from base\n    bind :80\n");
  });

  it("moves an address on the section line to a bind line", () => {
    const source = "listen stats «0.0.0.0:8080» # old style\n\tmode http\n";
    const [found] = expectHaproxy("HA009", source);
    expect(applyEdits(unmark(source).text, found!.fix!.edits)).toBe("listen stats # old style\n\tbind 0.0.0.0:8080\n\tmode http\n");
  });

  it("reports other extra words", () => {
    expectHaproxy("HA009", "backend app «extra»\n");
  });
});
