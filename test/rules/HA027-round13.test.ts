// The thirteenth mutation round's HA027 lines: `observe layer7` on a server of a proxy in mode tcp.
// haproxy 2.6.12, 3.0.11 and 3.2.26 say "'layer7' can only be used in http proxies" and take the file
// (the server's responses are then not watched): a warning, as for the other HTTP settings there.
import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const HEAD = "defaults\n    mode tcp\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\nfrontend f\n    bind :8080\n    default_backend b\n";

describe("HA027 http-in-tcp: observe layer7 (thirteenth mutation round)", () => {
  it("warns about observe layer7 on a server or default-server of a tcp backend", () => {
    const found = expectHaproxy("HA027", `${HEAD}backend b\n    default-server observe «layer7»\n    server s1 127.0.0.1:80 check observe «layer7» error-limit 10 on-error mark-down\n`);
    expect(found.map((p) => p.severity)).toEqual(["warning", "warning"]);
    expect(found[1]!.message).toContain("the 'observe layer7' of server 's1' needs HTTP");
  });

  it("leaves observe layer4, and observe layer7 in an HTTP backend, alone", () => {
    expectHaproxy("HA027", `${HEAD}backend b\n    server s1 127.0.0.1:80 check observe layer4\nbackend h\n    mode http\n    server s1 127.0.0.1:80 check observe layer7\n`);
  });
});
