import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const FRONTEND = (body: string) => `frontend f\n    mode http\n    bind :8000\n${body}    default_backend b\n\nbackend b\n    mode http\n    http-request capture req.hdr(x) id 5\n    server s 10.0.0.1:80\n`;

describe("HA066 capture-slot", () => {
  it("counts a capture with 'len' as a request slot of its own", () => {
    expectHaproxy("HA066", FRONTEND("    http-request capture req.hdr(host) len 32\n    tcp-request content capture src len 16\n    http-request capture req.hdr(x) id 1\n"));
    const [found] = expectHaproxy("HA066", FRONTEND("    http-request capture req.hdr(host) len 32\n    http-request capture req.hdr(x) id «1»\n"));
    expect(found!.message).toContain("declares 1 request capture slot (id 0)");
  });

  it("accepts ids within the slots of their direction, header captures included", () => {
    expectHaproxy("HA066", FRONTEND("    capture request header Host len 32\n    declare capture request len 16\n    declare capture response len 10\n    http-request capture req.hdr(ua) id 1\n    http-response capture res.hdr(server) id 0\n"));
  });

  it("reports an id past the slots, each direction counted on its own", () => {
    const found = expectHaproxy("HA066", FRONTEND("    declare capture request len 32\n    http-request capture req.hdr(host) id «1»\n    http-response capture res.hdr(server) id «0»\n"));
    expect(found.map((p) => p.message)).toEqual([
      "frontend 'f' declares 1 request capture slot (id 0), so there is no id 1; haproxy refuses the rule (add 'declare capture request len N')",
      "frontend 'f' declares no response capture slots, so there is no id 0; haproxy refuses the rule (add 'declare capture response len N')",
    ]);
  });

  it("counts the slots that capture rules of a named defaults section make, before the proxy's own", () => {
    const head = "defaults base\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n    http-request capture hdr(host) len 64\n";
    expectHaproxy("HA066", `${head}frontend f from base\n    bind :80\n    declare capture request len 32\n    http-request capture hdr(x) id 1\n    http-request return status 200 hdr "X" "%[capture.req.hdr(1)]"\n`);
    expectHaproxy("HA066", `${head}frontend f from base\n    bind :80\n    http-request capture hdr(x) id «1»\n    http-request return status 200 hdr "X" "%[capture.req.hdr(0)]"\n`);
  });

  it("checks the ids of a named defaults section against its own slots (found by mutations: a rule moved there)", () => {
    const head = "defaults base\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n    http-request capture hdr(host) len 64\n";
    const found = expectHaproxy("HA066", `${head}    http-request capture hdr(x) id 0\n    http-request capture hdr(y) id «1»\nfrontend f from base\n    bind :80\n    declare capture request len 32\n    http-request capture hdr(x) id 1\n`);
    expect(found[0]!.message).toBe(
      "defaults 'base' declares 1 request capture slot (id 0), so there is no id 1; haproxy refuses the rule (a defaults section declares no slots: capture with 'len N' there, or move the rule into the frontend)",
    );
  });
});

describe("HA066 capture-slot: ids past 32 bits", () => {
  it("reads an id as haproxy keeps it in 32 bits after atol() (tenth mutation round)", () => {
    // haproxy 2.6.12: `id 4294967296` is slot 0 and passes, `id 4294967298` is "unable to find capture
    // id '2'", `id 2147483648` comes out negative and passes without a word.
    const found = expectHaproxy(
      "HA066",
      "frontend f\n    bind :80\n    declare capture request len 10\n    declare capture request len 10\n    http-request capture req.hdr(host) id 4294967296\n    http-request capture req.hdr(host) id «4294967298»\n    http-request capture req.hdr(host) id 2147483648\n",
    );
    expect(found[0]!.message).toBe("frontend 'f' declares 2 request capture slots (ids 0-1), so there is no id 4294967298 (read as 2); haproxy refuses the rule (add 'declare capture request len N')");
  });
});
