// LVS sites for the S02x/S03x/X005 rule tests: a NAT router pair with two web servers, and a
// direct-routing router pair with two real servers (one with the VIP on lo and ARP sysctls, one with
// arptables), each file replaceable by path.
import { ifcfg } from "./harness.js";

export const KEEPALIVED = "etc/keepalived/keepalived.conf";
export const NS = "etc/sysconfig/network-scripts";

export function realServers(addresses: readonly string[], port = 80): string {
  // Port 0: none written, as for a firewall-mark service.
  return addresses.map((a) => `    real_server ${a}${port === 0 ? "" : ` ${port}`} {\n        TCP_CHECK {\n            connect_timeout 10\n        }\n    }\n`).join("");
}

export function natRouter(options: { master: boolean; kind?: string; servers?: string; vsExtra?: string; port?: number }): string {
  const { master } = options;
  return `vrrp_sync_group VG_1 {
    group {
        VI_EXT
        VI_INT
    }
}

vrrp_instance VI_EXT {
    state ${master ? "MASTER" : "BACKUP"}
    interface eth0
    virtual_router_id 50
    priority ${master ? 150 : 100}
    virtual_ipaddress {
        192.168.26.10/24
    }
}

vrrp_instance VI_INT {
    state ${master ? "MASTER" : "BACKUP"}
    interface eth1
    virtual_router_id 2
    priority ${master ? 150 : 100}
    virtual_ipaddress {
        10.11.12.10/24
    }
}

virtual_server 192.168.26.10 ${options.port ?? 80} {
    lb_algo rr
    lb_kind ${options.kind ?? "NAT"}
    protocol TCP
${options.vsExtra ?? ""}${options.servers ?? realServers(["10.11.12.1", "10.11.12.2"], options.port ?? 80)}}
`;
}

export function natSite(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const files: Record<string, string | undefined> = {
    [`lb1/${KEEPALIVED}`]: natRouter({ master: true }),
    [`lb2/${KEEPALIVED}`]: natRouter({ master: false }),
    [`lb1/${NS}/ifcfg-eth0`]: ifcfg("eth0", "192.168.26.11", 24, "GATEWAY=192.168.26.1\n"),
    [`lb2/${NS}/ifcfg-eth0`]: ifcfg("eth0", "192.168.26.12", 24, "GATEWAY=192.168.26.1\n"),
    [`lb1/${NS}/ifcfg-eth1`]: ifcfg("eth1", "10.11.12.21"),
    [`lb2/${NS}/ifcfg-eth1`]: ifcfg("eth1", "10.11.12.22"),
    "lb1/etc/sysctl.d/90-lvs.conf": "net.ipv4.ip_forward = 1\n",
    "lb2/etc/sysctl.d/90-lvs.conf": "net.ipv4.ip_forward = 1\n",
    [`web1/${NS}/ifcfg-eth0`]: ifcfg("eth0", "10.11.12.1", 24, "GATEWAY=10.11.12.10\n"),
    [`web2/${NS}/ifcfg-eth0`]: ifcfg("eth0", "10.11.12.2", 24, "GATEWAY=10.11.12.10\n"),
    ...overrides,
  };
  return Object.fromEntries(Object.entries(files).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export function drRouter(options: { master: boolean; head?: string; servers?: string; vsExtra?: string; kind?: string }): string {
  const { master } = options;
  return `vrrp_instance VI_1 {
    state ${master ? "MASTER" : "BACKUP"}
    interface eth0
    virtual_router_id 51
    priority ${master ? 150 : 100}
    virtual_ipaddress {
        192.168.1.100/24
    }
}

virtual_server ${options.head ?? "192.168.1.100 80"} {
    lb_algo wlc
    lb_kind ${options.kind ?? "DR"}
    protocol TCP
${options.vsExtra ?? ""}${options.servers ?? realServers(["192.168.1.21", "192.168.1.22"])}}
`;
}

export const ARP_SYSCTL = "net.ipv4.conf.all.arp_ignore = 1\nnet.ipv4.conf.all.arp_announce = 2\n";
export const LO_VIP = "DEVICE=lo:0\nIPADDR=192.168.1.100\nNETMASK=255.255.255.255\nONBOOT=yes\n";
export const ETH_VIP = "DEVICE=eth0:1\nBOOTPROTO=none\nONBOOT=yes\nIPADDR=192.168.1.100\nPREFIX=32\n";
export const ARPTABLES = "*filter\n:INPUT ACCEPT\n:OUTPUT ACCEPT\n:FORWARD ACCEPT\n-A INPUT -d 192.168.1.100 -j DROP\n-A OUTPUT -s 192.168.1.100 -j mangle --mangle-ip-s 192.168.1.22\nCOMMIT\n";

export function drSite(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const files: Record<string, string | undefined> = {
    [`lb1/${KEEPALIVED}`]: drRouter({ master: true }),
    [`lb2/${KEEPALIVED}`]: drRouter({ master: false }),
    [`lb1/${NS}/ifcfg-eth0`]: ifcfg("eth0", "192.168.1.11"),
    [`lb2/${NS}/ifcfg-eth0`]: ifcfg("eth0", "192.168.1.12"),
    [`rs1/${NS}/ifcfg-eth0`]: ifcfg("eth0", "192.168.1.21"),
    [`rs1/${NS}/ifcfg-lo:0`]: LO_VIP,
    "rs1/etc/sysctl.d/90-lvs-dr.conf": ARP_SYSCTL,
    [`rs2/${NS}/ifcfg-eth0`]: ifcfg("eth0", "192.168.1.22"),
    [`rs2/${NS}/ifcfg-eth0:1`]: ETH_VIP,
    "rs2/etc/sysconfig/arptables": ARPTABLES,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(files).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** A firewalld zone file with the given elements. */
export function zone(...elements: string[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<zone>\n  <short>Public</short>\n${elements.map((e) => `  ${e}\n`).join("")}</zone>\n`;
}

/** firewalld's direct.xml with mangle PREROUTING rules. */
export function direct(...rules: string[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<direct>\n${rules.map((r) => `  <rule ipv="ipv4" table="mangle" chain="PREROUTING" priority="0">${r}</rule>\n`).join("")}</direct>\n`;
}

/** A small haproxy.cfg with one frontend bind. */
export function haproxyBind(bind: string): string {
  return `global\n    maxconn 4000\n\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\nfrontend www\n    bind ${bind}\n    default_backend app\n\nbackend app\n    server app1 127.0.0.1:8081 check\n`;
}

export const TUNL0_VIP = "DEVICE=tunl0\nTYPE=IPIP\nBOOTPROTO=none\nONBOOT=yes\nIPADDR=192.168.1.100\nNETMASK=255.255.255.255\n";
export const TUN_SYSCTL = `${ARP_SYSCTL}net.ipv4.conf.all.rp_filter = 0\nnet.ipv4.conf.tunl0.rp_filter = 0\n`;

/**
 * A tunnelling pair (lb_kind TUN) with two real servers on another network: rs1 holds the VIP on
 * tunl0 with ARP and rp_filter sysctls, rs2 holds it on eth0:1 behind arptables and loads ipip at boot.
 */
export function tunSite(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  return drSite({
    [`lb1/${KEEPALIVED}`]: drRouter({ master: true, kind: "TUN", servers: realServers(["10.20.0.21", "10.20.0.22"]) }),
    [`lb2/${KEEPALIVED}`]: drRouter({ master: false, kind: "TUN", servers: realServers(["10.20.0.21", "10.20.0.22"]) }),
    [`rs1/${NS}/ifcfg-eth0`]: ifcfg("eth0", "10.20.0.21"),
    [`rs1/${NS}/ifcfg-lo:0`]: undefined,
    [`rs1/${NS}/ifcfg-tunl0`]: TUNL0_VIP,
    "rs1/etc/sysctl.d/90-lvs-dr.conf": undefined,
    "rs1/etc/sysctl.d/90-lvs-tun.conf": TUN_SYSCTL,
    [`rs2/${NS}/ifcfg-eth0`]: ifcfg("eth0", "10.20.0.22"),
    "rs2/etc/modules-load.d/ipip.conf": "ipip\n",
    ...overrides,
  });
}
