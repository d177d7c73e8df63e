// Casts from 3.0: the address fetches and ipmask give an address, which is no integer nor boolean
// (measured on 3.0.11 and 3.2.26: "converter 'add' cannot be applied" after `src`; 2.6.12 takes it).
import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const lines = (...expressions: string[]) =>
  `frontend f\n    mode http\n    bind :80\n${expressions.map((e) => `    http-request set-var(txn.x) ${e}\n`).join("")}    default_backend b\nbackend b\n    server s 127.0.0.1:80\n`;

describe("HA085 converter-input at 3.0, 3.2 and 3.4", () => {
  it("takes an address as an integer at 2.6, as 2.6.12 does", () => {
    expectHaproxy("HA085", lines("src,add(1)", "fc_src,not", "src,ipmask(24),add(1)", "hdr_ip(x),ltime(%Y)"), { haproxyVersion: "2.6" });
  });

  it.each(["3.0", "3.2", "3.4"] as const)("refuses an address where an integer or a boolean is wanted at %s", (version) => {
    const found = expectHaproxy("HA085", lines("src,«add»(1)", "fc_src,«not»", "src,ipmask(24),«add»(1)", "req.hdr_ip(x),«and»(1)", "src,«iif»(a,b)"), { haproxyVersion: version });
    expect(found[0]!.message).toBe("converter 'add' takes an integer, and sample fetch 'src' gives an address, which haproxy cannot cast to it: haproxy refuses the line");
    expectHaproxy("HA085", lines("src,ipmask(24),lower", "src,hex", "ipv4(10.0.0.1),add(1)", "src,ipmask(24),ipmask(16)"), { haproxyVersion: version });
  });
});
