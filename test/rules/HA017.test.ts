import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA017 undefined-server", () => {
  it("accepts use-server and track naming servers, templates, other backends and chains", () => {
    expectHaproxy(
      "HA017",
      `backend app
    use-server a1 if { req.hdr(x-a) -m found }
    use-server web2 if { req.hdr(x-w) -m found }
    use-server %[req.hdr(x-server)] if { req.hdr(x-server) -m found }
    server a1 10.0.0.1:80 check
    server-template web 1-3 10.0.0.2:80 check
    server a2 10.0.0.3:80 track a1
    server a3 10.0.0.3:80 track a2
    server a4 10.0.0.4:80 track health/h1
    server a5 10.0.0.5:80 track agent/g1
backend health
    default-server check
    server h1 10.0.0.9:80
backend agent
    server g1 10.0.0.9:80 agent-check agent-port 9999
`,
    );
  });

  it("reports an unknown use-server with a did-you-mean fix", () => {
    const found = expectHaproxy("HA017", "backend app\n    use-server «app-canary» if TRUE\n    server app-canry 10.0.0.1:80\n");
    expect(found[0]!.message).toBe("backend 'app' has no server 'app-canary'; did you mean 'app-canry'?");
    expect(found[0]!.fix?.edits[0]?.newText).toBe("app-canry");
  });

  it("reports use-server in a frontend, which has no server: haproxy 2.6.12 refuses the file (found by a sweep of keyword forms)", () => {
    const [found] = expectHaproxy("HA017", "frontend f\n    bind :80\n    use-server «s» if TRUE\n    default_backend b\nbackend b\n    server s 10.0.0.1:80\n");
    expect(found!.message).toBe("frontend 'f' has no server 's' (a frontend has none): haproxy looks it up all the same and refuses the file");
  });

  it("reports track of an unknown backend or server, of a server without check, and loops", () => {
    const found = expectHaproxy(
      "HA017",
      `backend app
    server a1 10.0.0.1:80
    server a2 10.0.0.2:80 track «b9»
    server a3 10.0.0.3:80 track «nob/x1»
    server a4 10.0.0.4:80 track «other/x9»
    server a5 10.0.0.5:80 track «a1»
    server a6 10.0.0.6:80 track «a6»
    server a7 10.0.0.6:80 track «a8»
    server a8 10.0.0.6:80 track «a7»
backend other
    server x1 10.0.0.9:80 check
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "cannot track 'b9': backend 'app' has no server 'b9'",
      "cannot track 'nob/x1': there is no backend 'nob'",
      "cannot track 'other/x9': backend 'other' has no server 'x9'; did you mean 'other/x1'?",
      "cannot track 'a1': that server runs no 'check' nor 'agent-check', so haproxy refuses to track it",
      "cannot track 'a6': the tracking chain loops back to this server",
      "cannot track 'a8': the tracking chain loops back to this server",
      "cannot track 'a7': the tracking chain loops back to this server",
    ]);
  });

  it("reports a server that both tracks and checks, also through default-server", () => {
    expectHaproxy("HA017", "backend app\n    server a1 10.0.0.1:80 check\n    server a2 10.0.0.2:80 «check» track a1\n");
    const found = expectHaproxy("HA017", "defaults d\n    default-server check\nbackend app from d\n    server a1 10.0.0.1:80\n    server a2 10.0.0.2:80 «track» a1\n    server a3 10.0.0.3:80 track a1 no-check\n");
    expect(found[0]!.message).toContain("add 'no-check'");
  });
});
