// Whole sections and blocks to start from, as completion snippets (LSP snippet syntax: $1 tab stops,
// ${1:default} placeholders). Each is a complete, minimal configuration piece that lblint accepts:
// test/service/snippets.test.ts lints every one.

export interface Snippet {
  readonly label: string;
  readonly detail: string;
  readonly body: string;
}

export const HAPROXY_SNIPPETS: readonly Snippet[] = [
  {
    label: "frontend (snippet)",
    detail: "a frontend with a bind and a default backend",
    body: "frontend ${1:fe_main}\n    bind ${2:*:80}\n    default_backend ${3:be_app}\n$0",
  },
  {
    label: "backend (snippet)",
    detail: "a backend with a balance algorithm and a checked server",
    body: "backend ${1:be_app}\n    balance ${2|roundrobin,leastconn,source|}\n    server ${3:app1} ${4:192.0.2.10:8080} check\n$0",
  },
  {
    label: "defaults (snippet)",
    detail: "defaults with a mode and the three main timeouts",
    body: "defaults\n    mode ${1|http,tcp|}\n    timeout connect ${2:5s}\n    timeout client ${3:30s}\n    timeout server ${4:30s}\n$0",
  },
];

export const KEEPALIVED_SNIPPETS: readonly Snippet[] = [
  {
    label: "vrrp_instance (snippet)",
    detail: "a VRRP instance with every keyword it needs",
    body:
      "vrrp_instance ${1:VI_1} {\n    state ${2|BACKUP,MASTER|}\n    interface ${3:eth0}\n    virtual_router_id ${4:51}\n    priority ${5:100}\n" +
      "    advert_int ${6:1}\n    virtual_ipaddress {\n        ${7:192.0.2.100/24}\n    }\n}\n$0",
  },
  {
    label: "virtual_server (snippet)",
    detail: "an LVS virtual server with a real server checked over TCP",
    body:
      "virtual_server ${1:192.0.2.100} ${2:80} {\n    delay_loop ${3:6}\n    lb_algo ${4|rr,wrr,lc,wlc,sh|}\n    lb_kind ${5|NAT,DR,TUN|}\n    protocol TCP\n\n" +
      "    real_server ${6:10.0.0.11} ${7:80} {\n        weight 1\n        TCP_CHECK {\n            connect_timeout ${8:3}\n        }\n    }\n}\n$0",
  },
  {
    label: "vrrp_script (snippet)",
    detail: "a tracking script with an interval, a timeout and a weight",
    body: 'vrrp_script ${1:chk_haproxy} {\n    script "${2:/usr/bin/killall -0 haproxy}"\n    interval ${3:2}\n    timeout ${4:1}\n    weight ${5:-20}\n}\n$0',
  },
];
