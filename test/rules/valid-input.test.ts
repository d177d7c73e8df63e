// Valid input that other tools flag by mistake: each of these configurations is accepted by the
// real daemon, and lblint must report no error and no warning on it.
import { describe, expect, it } from "vitest";
import { lintText } from "./harness.js";

const HAPROXY_BASE = `global
    chroot /var/lib/haproxy
    user haproxy
    group haproxy
    maxconn 4096
defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
`;

function serious(format: "haproxy" | "keepalived", text: string): string[] {
  return lintText(format, text)
    .filter((p) => p.severity !== "info")
    .map((p) => `${p.range.start.line + 1}: ${p.ruleId} ${p.message}`);
}

describe("valid input stays clean", () => {
  it("haproxy: quoted addresses, single-label host names with resolvers, captures, track-sc0, .if feature(), thread-groups", () => {
    const text = `${HAPROXY_BASE.replace("    maxconn 4096\n", "    maxconn 4096\n    thread-groups 1\n")}
resolvers dns
    nameserver ns1 10.0.0.53:53
frontend www
    bind "127.0.0.1:8080"
    capture request header Host len 32
    tcp-request content track-sc0 src table per_ip
    http-request deny if { sc_http_req_rate(0) gt 100 }
    default_backend app
backend per_ip
    stick-table type ip size 100k expire 30s store http_req_rate(10s)
backend app
.if feature(OPENSSL)
    http-request set-header X-TLS yes
.endif
    server app1 app:8080 check resolvers dns init-addr none
`;
    expect(serious("haproxy", text)).toEqual([]);
  });

  it("haproxy: a peers server without an address (the local peer)", () => {
    const text = `${HAPROXY_BASE}
peers mypeers
    peer lb1 10.0.0.1:10000
    server lb2
frontend www
    bind 127.0.0.1:8080
    default_backend app
backend app
    stick-table type ip size 1k peers mypeers
    stick on src
    server app1 10.0.1.1:8080 check
`;
    expect(serious("haproxy", text)).toEqual([]);
  });

  it("keepalived: '#' inside a word, nopreempt 1, smtp_server localhost", () => {
    const text = `global_defs {
    router_id lb#1
    notification_email {
        ops@example.com
    }
    notification_email_from lb@example.com
    smtp_server localhost
    smtp_connect_timeout 30
    enable_script_security
    script_user keepalived_script
}
vrrp_script chk_haproxy {
    script "/usr/bin/killall -0 haproxy"
    interval 2
    timeout 1
}
vrrp_instance VI_1 {
    state BACKUP
    nopreempt 1
    interface eth0
    virtual_router_id 51
    priority 100
    advert_int 1
    track_script {
        chk_haproxy
    }
    virtual_ipaddress {
        192.168.1.100/24 dev eth0
    }
}
`;
    expect(serious("keepalived", text)).toEqual([]);
  });
});
