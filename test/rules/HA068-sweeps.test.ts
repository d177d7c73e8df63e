// Value forms found by sweeps against haproxy 2.6.12 (docs/agreement.md, "Sweeps of value forms").
import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const line = (expression: string) => `frontend f\n    mode http\n    bind :80\n    http-request set-header X %[${expression}]\n`;

describe("HA068 sample-arguments: converter arguments as haproxy 2.6.12 reads them", () => {
  it("reads a mask length with atoi() into an int", () => {
    for (const ok of ["src,ipmask(+24)", "src,ipmask(024)", "src,ipmask(4294967320)", "src,ipmask(24,+64)"]) expectHaproxy("HA068", line(ok), { haproxyVersion: "2.6" });
    const found = expectHaproxy("HA068", line("src,ipmask(«2147483648»)"), { haproxyVersion: "2.6" });
    expect(found[0]!.message).toBe("converter 'ipmask' takes an IPv4 mask as argument 1 in haproxy 2.6, not '2147483648'; haproxy refuses the line");
  });

  it("knows sha2's bits, field and word indexes, regsub's flags, be2hex's sizes, protobuf's paths and date units", () => {
    expectHaproxy("HA068", line("str(a),sha2(+256),field(-1,:),regsub(a,b,gi),be2hex(:,1000,1),protobuf(1.2.3)"), { haproxyVersion: "2.6" });
    const found = expectHaproxy(
      "HA068",
      line("str(a),sha2(«0»),field(«0»,:),regsub(a,b,«I»),«be2hex»(:,0,2),ungrpc(«+1»),http_date(0,«»)"),
      { haproxyVersion: "2.6" },
    );
    expect(found.map((p) => p.message)).toEqual([
      "converter 'sha2' takes a size of 224, 256, 384 or 512 bits as argument 1, not '0'; haproxy refuses the line",
      "converter 'field' takes an index other than 0 (1 is the first, -1 the last) as argument 1, not '0'; haproxy refuses the line",
      "converter 'regsub' takes only the flags i and g as argument 3, not 'I'; haproxy refuses the line",
      "converter 'be2hex' needs a chunk size above 0 as argument 2 once a separator is given; haproxy refuses the line",
      "converter 'ungrpc' takes a field path (numbers separated by dots) as argument 1, not '+1'; haproxy refuses the line",
      "converter 'http_date' takes a unit (s, ms, us) as argument 2, not ''; haproxy refuses the line",
    ]);
  });
});
