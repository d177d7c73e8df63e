import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const GLOBAL = "global\n    external-check\n    insecure-fork-wanted\n\n";

describe("HA070 external-check", () => {
  it("accepts external checks with a command and the global settings, inherited or not", () => {
    expectHaproxy("HA070", `${GLOBAL}backend b\n    option external-check\n    external-check command /bin/true\n    server s 10.0.0.1:80 check\n`);
    expectHaproxy("HA070", `${GLOBAL}defaults\n    option external-check\n    external-check command /bin/true\n\nbackend b\n    server s 10.0.0.1:80 check\n`);
    expectHaproxy("HA070", "backend b\n    no option external-check\n    server s 10.0.0.1:80 check\n");
  });

  it("reports a missing command and missing global settings", () => {
    const found = expectHaproxy("HA070", `${GLOBAL}backend b\n    option «external-check»\n    server s 10.0.0.1:80 check\n`);
    expect(found.map((p) => [p.severity, p.message])).toEqual([["error", "backend 'b' runs external checks but has no 'external-check command' in effect; haproxy refuses it"]]);
    const fork = expectHaproxy("HA070", "global\n    external-check\n\nbackend b\n    option «external-check»\n    external-check command /bin/true\n    server s 10.0.0.1:80 check\n");
    expect(fork.map((p) => [p.severity, p.message])).toEqual([
      ["warning", "backend 'b' runs external checks, and the global section lacks 'insecure-fork-wanted': haproxy warns the checks will likely fail, as it may not start programs"],
    ]);
    const inherited = expectHaproxy("HA070", "defaults\n    option external-check\n    external-check command /bin/true\n\nbackend «b»\n    server s 10.0.0.1:80 check\n");
    expect(inherited.map((p) => p.message)).toEqual(["backend 'b' runs external checks (from defaults, line 2), and the global section lacks 'external-check'; haproxy refuses it"]);
  });
});
