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

  it("reports a 'from' without a name after it (found by mutations)", () => {
    expectHaproxy("HA009", "defaults base «common» from\n");
    const found = expectHaproxy("HA009", "defaults base\nbackend app «from»\nfrontend www «from»\n    bind :80\n");
    expect(found.map((p) => p.message)).toEqual([
      "'from' needs the name of a defaults section after it; haproxy refuses this section",
      "'from' needs the name of a defaults section after it; haproxy refuses this section",
    ]);
  });

  it("reports words after the name of other sections, as haproxy 2.6.12 does (found by mutations)", () => {
    const found = expectHaproxy(
      "HA009",
      `global «from»
peers p «extra»
cache c «:80 x»
userlist u «x»
defaults d «x»
resolvers r «x»
ring r2 «x»
http-errors h «x»
`,
    );
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "error 'global' takes no argument; haproxy refuses 'from'",
      "error 'peers' takes only a name; haproxy refuses 'extra'",
      "error 'cache' takes only a name; haproxy refuses ':80'",
      "error 'userlist' takes only a name; haproxy refuses 'x'",
      "warning 'defaults' takes only a name and 'from DEFAULTS'; haproxy 2.6 ignores 'x' and what follows",
      "warning 'resolvers' takes only a name; haproxy 2.6 ignores 'x' and what follows",
      "warning 'ring' takes only a name; haproxy 2.6 ignores 'x' and what follows",
      "warning 'http-errors' takes only a name; haproxy 2.6 ignores 'x' and what follows",
    ]);
  });

  it("warns only about a backend header with more words and nothing under it, which haproxy skips without a word", () => {
    const found = expectHaproxy("HA009", "backend empty «extra»\nbackend full «extra»\n    server s 10.0.0.1:80\n");
    expect(found.map((p) => p.severity)).toEqual(["warning", "error"]);
  });

  it("makes it an error when a proxy routes to the backend the skipped header would have made (found by mutations)", () => {
    const found = expectHaproxy("HA009", "backend be_ref «default»\nbackend unused «default»\nfrontend f\n    bind :80\n    default_backend be_ref\n");
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "error 'backend' takes only a name (and 'from DEFAULTS'); haproxy skips this header without a word, so there is no backend 'be_ref' and the proxies that route to it are refused",
      "warning 'backend' takes only a name (and 'from DEFAULTS'); haproxy skips this header without a word, and would refuse every line under it",
    ]);
  });
});
