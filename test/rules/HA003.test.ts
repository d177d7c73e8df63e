import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA003 argument-count", () => {
  it("accepts the right number of words, conditions and negated forms", () => {
    expectHaproxy("HA003", "defaults\n    timeout client 30s\n    no log\n    description my long description here\nfrontend f\n    use_backend b if TRUE\n");
  });

  it("reports missing arguments on the keyword and extra ones on the extra words", () => {
    const found = expectHaproxy("HA003", "defaults\n    «timeout client»\n    maxconn 10 «20»\nfrontend f\n    «use_backend» if TRUE\n");
    expect(found.map((p) => p.message)).toEqual([
      "'timeout client' needs an argument",
      "'maxconn' takes at most 1 argument; haproxy refuses the rest",
      "'use_backend' needs an argument",
    ]);
  });
});
