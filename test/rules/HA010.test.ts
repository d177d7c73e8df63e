import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectHaproxy, unmark } from "./harness.js";

describe("HA010 undefined-backend", () => {
  it("accepts backends and listens that exist, and names computed per request", () => {
    expectHaproxy(
      "HA010",
      `frontend fe
    bind :80
    use_backend api if { path_beg /api }
    use_backend %[req.hdr(host),lower,map(/etc/haproxy/hosts.map)]
    default_backend web
backend api
    server a 10.0.0.1:80
listen web
    bind :81
`,
    );
  });

  it("reports every static name that no backend or listen defines, with a fix for a near miss", () => {
    const source = `frontend fe
    bind :80
    use_backend «aip» if { path_beg /api }
    default_backend «nowhere»
backend api
    server a 10.0.0.1:80
`;
    const [typo, missing] = expectHaproxy("HA010", source);
    expect(typo!.message).toBe("backend 'aip' is not defined; did you mean 'api'?");
    expect(missing!.message).toBe("backend 'nowhere' is not defined");
    expect(missing!.fix).toBeUndefined();
    const { text } = unmark(source);
    expect(applyEdits(text, typo!.fix!.edits)).toContain("use_backend api if { path_beg /api }");
  });

  it("does not count a frontend as a backend", () => {
    expectHaproxy("HA010", "frontend fe\n    bind :80\n    default_backend «other»\nfrontend other\n    bind :81\n");
  });

  it("leaves a listen alone that names a backend of its name declared before it, which haproxy 2.6.12 takes (no loop)", () => {
    expectHaproxy("HA010", "backend be\n    server s 10.0.0.1:80\nlisten be\n    bind :80\n    default_backend be\n");
  });

  it("reports a backend or listen that names itself (found by mutations)", () => {
    const found = expectHaproxy("HA010", "frontend fe\n    bind :80\n    default_backend b\nlisten b\n    bind :81\n    default_backend «b»\nbackend c\n    use_backend «c»\n");
    expect(found.map((p) => p.message)).toEqual(["'default_backend' names listen 'b' itself; haproxy refuses the loop", "'use_backend' names backend 'c' itself; haproxy refuses the loop"]);
  });

  it("leaves a default_backend that a later one replaces, which haproxy never looks up (found by a sweep of references)", () => {
    expectHaproxy("HA010", "frontend f\n    bind :80\n    default_backend nosuch\n    default_backend b\nbackend b\n    server s 10.0.0.1:80\n");
    expectHaproxy("HA010", "frontend f\n    bind :80\n    default_backend b\n    default_backend «nosuch»\nbackend b\n    server s 10.0.0.1:80\n");
  });
});
