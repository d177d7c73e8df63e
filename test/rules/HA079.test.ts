import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const HEAD = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n";
const BACKEND = "    default_backend b\nbackend b\n    server s 10.0.0.1:80\n";

describe("HA079 bind-hostname", () => {
  it("accepts addresses, wildcards, localhost, sockets, variables and zones", () => {
    expectHaproxy(
      "HA079",
      `${HEAD}frontend f\n    bind :80\n    bind *:81\n    bind 192.0.2.10:82,[2001:db8::1]:83\n    bind localhost:84\n    bind ipv6@[fe80::1%eth0]:85\n    bind unix@/run/h.sock\n    bind "\${VIP}:86"\n    bind abns@front\n${BACKEND}`,
    );
  });

  it("warns on each host name of a bind line, in the word", () => {
    const found = expectHaproxy("HA079", `${HEAD}frontend f\n    bind «lb-vip»:80,192.0.2.1:81,ipv4@«front.example.com»:82\n    bind «__VIRTUAL_IP__»:443 ssl crt /etc/ssl/x.pem\n${BACKEND}`);
    expect(found[0]!.message).toBe(
      "bind address 'lb-vip:80' names the host 'lb-vip': haproxy resolves it while reading the configuration and refuses to start where it does not resolve; bind the IP address itself",
    );
    expect(found.every((p) => p.severity === "warning")).toBe(true);
  });

  it("leaves what is no host name to HA004", () => {
    expectHaproxy("HA079", `${HEAD}frontend f\n    bind <VIP>:80\n    bind *:HTTP_PORT\n${BACKEND}`);
  });
});
