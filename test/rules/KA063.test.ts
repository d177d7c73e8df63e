import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const server = (port: number, inside: string) =>
  `virtual_server 10.0.0.1 ${port} {\n${inside}  lb_kind NAT\n  protocol TCP\n  real_server 10.0.0.2 ${port} {\n    TCP_CHECK {\n      connect_timeout 3\n    }\n  }\n}\n`;

describe("KA063 scheduler-flags", () => {
  it("accepts the flags below an sh or mh scheduler (either flag with either), the generic flags with any, and a scheduler of some hosts only", () => {
    expectKeepalived(
      "KA063",
      server(80, "  lb_algo sh\n  sh-port\n  mh-fallback\n") + server(81, "  lvs_sched mh\n  sh-port\n  mh-port\n") + server(82, "  lb_algo wrr\n  flag-1\n  flag-2\n  flag-3\n") + server(83, "  @lb1 lb_algo sh\n  sh-port\n"),
    );
  });

  it("reports them under another scheduler, above the scheduler, without one, and after an invalid one", () => {
    const found = expectKeepalived(
      "KA063",
      server(80, "  lb_algo rr\n  «sh-port»\n  «mh-fallback»\n") + server(81, "  «sh-fallback»\n  lb_algo sh\n") + server(82, "  «mh-port»\n") + server(83, "  lb_algo SH\n  «sh-port»\n"),
    );
    expect(found.map((p) => p.message)).toEqual([
      "'sh-port' applies only to the sh and mh schedulers, and this virtual_server's is rr; keepalived reports it and ignores it",
      "'mh-fallback' applies only to the sh and mh schedulers, and this virtual_server's is rr; keepalived reports it and ignores it",
      "'sh-fallback' comes before the 'lb_algo sh' it applies to; keepalived reports it and ignores it (move it below)",
      "'mh-port' in a virtual_server without an sh or mh scheduler; keepalived reports it and ignores it",
      "'sh-port' in a virtual_server without an sh or mh scheduler; keepalived reports it and ignores it",
    ]);
  });
});
