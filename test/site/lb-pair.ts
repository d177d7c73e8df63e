// A haproxy + keepalived pair for the X… rule tests: each host with its keepalived.conf, haproxy.cfg,
// ifcfg-eth0 and a sysctl.d file, every part replaceable.
import { ifcfg } from "./harness.js";

export function keepalivedFor(priority: number, state: "MASTER" | "BACKUP", script = "/usr/bin/killall -0 haproxy"): string {
  return `global_defs {
    enable_script_security
    script_user root
}

vrrp_script chk_haproxy {
    script "${script}"
    interval 2
    timeout 1
    weight -60
}

vrrp_instance VI_1 {
    state ${state}
    interface eth0
    virtual_router_id 51
    priority ${priority}
    virtual_ipaddress {
        192.168.1.100/24
    }
    track_script {
        chk_haproxy
    }
}
`;
}

export function haproxyFor(bind = "192.168.1.100:80"): string {
  return `global
    log stdout local0

defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s

frontend www
    bind ${bind}
    default_backend web

backend web
    server web1 192.168.2.21:80 check
`;
}

export function lbPair(overrides: Record<string, string> = {}): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, address, priority, state] of [
    ["lb1", "192.168.1.11", 150, "MASTER"],
    ["lb2", "192.168.1.12", 100, "BACKUP"],
  ] as const) {
    files[`${name}/etc/keepalived/keepalived.conf`] = keepalivedFor(priority, state);
    files[`${name}/etc/haproxy/haproxy.cfg`] = haproxyFor();
    files[`${name}/etc/sysconfig/network-scripts/ifcfg-eth0`] = ifcfg("eth0", address);
    files[`${name}/etc/sysctl.d/90-lb.conf`] = "net.ipv4.ip_nonlocal_bind = 1\n";
  }
  return { ...files, ...overrides };
}
