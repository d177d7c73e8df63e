import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA013 duplicate-proxy", () => {
  it("lets a frontend and a backend share a name", () => {
    expectHaproxy("HA013", "frontend app\n    bind :80\n    default_backend app\nbackend app\n    server a 10.0.0.1:80\n");
  });

  it("refuses two frontends, two backends, and a backend after a listen of the same name", () => {
    const found = expectHaproxy(
      "HA013",
      `frontend www
    bind :80
frontend «www»
    bind :81
backend b
backend «b»
listen app
    bind :82
backend «app»
`,
    );
    expect(found.map((p) => p.severity)).toEqual(["error", "error", "error"]);
    expect(found[0]!.message).toBe("frontend 'www' has the same name as the frontend on line 1");
    expect(found[0]!.related?.[0]?.range.start.line).toBe(0);
  });

  it("warns when haproxy accepts the clash but use_backend becomes ambiguous", () => {
    const found = expectHaproxy("HA013", "backend app\nlisten «app»\n    bind :80\n");
    expect(found[0]!.severity).toBe("warning");
  });

  it("treats named defaults as ambiguous only once a from refers to them", () => {
    expect(expectHaproxy("HA013", "defaults d\ndefaults «d»\n")[0]!.severity).toBe("warning");
    expect(expectHaproxy("HA013", "defaults d\ndefaults «d»\nfrontend f from d\n    bind :80\n")[0]!.severity).toBe("error");
  });

  it("does not compare sections in different branches of an .if block", () => {
    expectHaproxy("HA013", ".if defined(BLUE)\nbackend app\n.else\nbackend app\n.endif\n");
  });
});

describe("HA013 duplicate-proxy: ids", () => {
  it("reports a proxy with the id of another, with the other as related", () => {
    const found = expectHaproxy("HA013", "frontend a\n    bind :80\n    id 5\nbackend b\n    id «5»\nbackend c\n    id 6\n");
    expect(found[0]!.message).toBe("backend 'b' has the same id (5) as frontend 'a'; haproxy refuses it");
    expect(found[0]!.related?.[0]?.range.start.line).toBe(2);
  });

  it("reads an id as haproxy does, with atol() (found by mutations: 'id 10x' next to 'id 10')", () => {
    const found = expectHaproxy("HA013", "frontend a\n    bind :80\n    id 10\nbackend b\n    id «10x»\nbackend c\n    id «010»\nbackend d\n    id 11\n");
    expect(found.map((p) => p.message)).toEqual([
      "backend 'b' has the same id ('10x', read as 10) as frontend 'a'; haproxy refuses it",
      "backend 'c' has the same id ('010', read as 10) as frontend 'a'; haproxy refuses it",
    ]);
  });
});
