// Configurations that grow with n in every direction the rules care about: one frontend with n
// routing rules, one backend with n servers, n backends, n listens and defaults sections, n vrrp
// instances, virtual servers and sync group members, one virtual server with n real servers. Most
// lines are ordinary, some are mistakes that rules report (with did-you-mean candidates), and some
// stand in `.if` branches or carry `@id` prefixes. Used by the rule-scaling test (a rule that slows
// down faster than its input shows up there) and to compare rule output before and after changes.

/** A haproxy.cfg of about 40·n lines. */
export function variedHaproxy(n: number): string {
  const out: string[] = [];
  out.push(
    "global",
    "    log stdout format raw local0",
    "    maxconn 20000",
    "    stats socket ipv4@0.0.0.0:9999 level admin",
    "    ssl-default-bind-options ssl-min-ver TLSv1.0",
    "    ssl-default-bind-ciphers RC4:HIGH:!aNULL",
    "    tune.ssl.default-dh-param 1024",
    "    user root",
    "    insecure-fork-wanted",
  );
  for (let i = 0; i < n; i++) out.push(`    setenv VAR_${i} value${i}`, `    presetenv PRE_${i} "\${VAR_${i}}"`);
  out.push('    description "${UNDEFINED_VAR}"', "");

  out.push(
    "defaults base",
    "    mode http",
    "    timeout connect 5s",
    "    timeout client 30",
    "    timeout server 30s",
    "    option httplog",
    "    option forwardfor",
    "    default-server inter 2s fall 3 rise 2 minconn 20",
    "    acl internal src 10.0.0.0/8",
    "    http-request deny if { path_beg /admin } !internal",
    "    stats enable",
    "",
    "defaults",
    "    mode http",
    "    timeout connect 5000",
    "    timeout client 300",
    "    timeout server 30s",
    "    option httpchk GET /health",
    "    option http-server-close",
    "    option http-keep-alive",
    "    option ssl-hello-chk",
    "    default-server check verify none",
    "",
  );

  // One frontend with n groups of routing lines.
  out.push(
    "frontend fe_main",
    "    bind :80",
    "    bind :443 ssl crt /etc/ssl/site.pem ciphers RC4-SHA:HIGH force-tlsv10",
    "    bind 127.0.0.1:80",
    "    bind :8000-8010",
    "    mode http",
    "    maxconn 100000",
    "    acl is_ws hdr(upgrade) -i websocket",
    "    use_backend %[req.hdr(host),lower,map(/etc/haproxy/dyn.map)]",
    "    use_backend b_missing_typo if is_ws",
    "    monitor-uri /health",
    "    stats uri /stats",
    "    stats auth admin:admin",
  );
  for (let i = 0; i < n; i++) {
    out.push(
      `    acl host_${i} hdr(host) -i b${i}.example.com`,
      `    acl host_reg_${i} hdr_reg(host) b${i}\\.example\\.com`,
      `    acl unused_${i} path_beg /unused/${i}`,
      `    http-request set-header X-Map-${i} %[req.hdr(host),lower,map(/etc/haproxy/hosts${i % 5}.map)]`,
      `    http-request set-var(txn.t${i}) req.hdr(host),regsub(^(a|a)*c$,x)`,
      `    http-request redirect scheme https if !{ ssl_fc } host_${i}`,
      `    use_backend b${i} if host_${i}`,
      `    use_backend b${i} if host_reg_${i} || { path_beg /b${i}/ }`,
      `    http-request deny if { src 10.${i % 250}.0.0/16 } undeclared_${i % 3}`,
      `    tcp-request content accept if { req.len gt ${i} }`,
      `    timeout client ${i + 1}s`,
      `    option httplog`,
      `    option tcplog`,
      `    http-request track-sc0 src table t_missing`,
      `    capture request header Host len ${i % 64}`,
    );
    if (i % 10 === 0) {
      out.push(".if version_atleast(2.8)", `    use_backend b${i} if { path_end .${i} }`, `    bind :${20000 + i}`, ".else", `    bind :${20000 + i}`, ".endif");
    }
  }
  out.push("    default_backend b0", "");

  // A second frontend in tcp mode that routes to the http backends.
  out.push("frontend fe_tcp", `    bind 10.0.0.1:80`, "    mode tcp", "    tcp-request content switch-mode http if { req.len gt 0 }", "    default_backend b1", "    http-request deny", "");

  // n small backends, varied.
  for (let i = 0; i < n; i++) {
    const from = i % 2 === 0 ? " from base" : "";
    out.push(`backend b${i}${from}`);
    if (i % 3 === 0) out.push("    mode tcp", "    balance uri");
    else out.push("    balance roundrobin");
    out.push(
      "    option httpchk GET /h HTTP/1.1",
      "    http-check send ver HTTP/1.1",
      `    server s1 app${i}.internal:80 check init-addr libc`,
      `    server s2 10.${(i >> 8) & 255}.${i & 255}.1:443 check ssl verify none weight ${i % 300}`,
      `    server s3 10.${(i >> 8) & 255}.${i & 255}.2:80 track b${i}/s1`,
      `    server s4 10.${(i >> 8) & 255}.${i & 255}.3:80 track b${(i + 1) % n}/s9`,
      `    use-server s${i % 5} if { always_true }`,
      "    stats enable",
      "    timeout tunnel 0",
    );
    if (i % 7 === 0) out.push("    stick-table type ip size 1m expire 3600", "    http-request track-sc1 src table b0");
    out.push("");
  }

  // One backend with n servers and default-server lines between them.
  out.push("backend big", "    balance leastconn", "    default-server inter 3s", "    http-check expect rstring ^(a+)+$");
  for (let j = 0; j < n; j++) {
    if (j % 50 === 25) out.push(`    default-server inter ${j}ms minconn ${j} maxconn ${j % 7}`);
    out.push(`    server s${j} 10.200.${(j >> 8) & 255}.${j & 255}:80 check inter ${j % 90} fall ${j % 4} weight ${j % 300}${j % 9 === 0 ? " ssl verify none" : ""}`);
    if (j % 100 === 0) out.push(`    server s${j} 10.201.0.1:80`, `    server-template tpl${j} 1-3 app${j}.internal:80 check resolvers dns${j % 2}`);
  }
  out.push("    use-server s1 if { path_beg /one }", "    use-server nothere if { path_beg /none }", "");

  // n listens and named defaults sections, with duplicates and undefined references.
  for (let i = 0; i < n; i++) {
    out.push(`defaults d${i} from base`, "    mode http", `    timeout client ${i + 10}s`, "    http-request set-header X-D d", "");
    out.push(
      `listen l${i} from d${i}`,
      `    bind :${9000 + (i % 500)}`,
      "    server s1 127.0.0.1:8080",
      "    log ring@ring_missing local0",
      "    filter cache c_missing",
      "    http-request cache-use c_missing",
      `    errorfiles errs_${i % 4}`,
      "",
    );
    if (i % 20 === 0) out.push(`frontend l${i}`, "    bind :1", "    default_backend nowhere", "");
  }
  out.push("defaults late from missing_defaults", "    mode tcp", "");

  // n sections with the mistakes the keyword, reference and layout rules report.
  for (let i = 0; i < n; i++) {
    out.push(
      `frontend f${i}`,
      `    balanse roundrobin`,
      `    timeout client`,
      `    reqadd X-Old:\\ ${i}`,
      `    contimeout ${i}s`,
      `    option independant-streams`,
      `    acl bad_${i} hdr_foo(host) -m found`,
      `    acl hash_${i} path_beg /foo#bar`,
      `    acl cont_${i} path_beg /x \\`,
      `    use_backend b${i}x if bad_${i} hash_${i}`,
      `    use_backend unused_${i} if { path_beg /x }`,
      "    http-request redirect scheme https",
      `    http-request set-header Host %[req.hdr(host),map(/m${i})] if is_ws`,
      "    option httpchk GET / HTTP/1.1\\r\\nHost:\\ www",
      `    server x${i} 10.0.0.1:80 chek`,
      ".elsif defined(X)",
      "",
      `backend unused_${i}`,
      "    mode http",
      "    option httpchk GET / HTTP/1.1\\r\\nHost:\\ www",
      "",
      `backend empty_${i}`,
      "",
      `listen old_${i} 0.0.0.0:${7000 + (i % 900)}`,
      "    mode http",
      "    acl is_ws hdr(upgrade) -i websocket",
      "    use_backend big if is_ws",
      "",
    );
  }
  out.push("userlist admins", "    group ops users alice", "    user alice insecure-password alice", "    user bob insecure-password secret", "");
  out.push("userlist admins", "    user carol password $6$x", "");
  out.push("resolvers dns0", "    nameserver ns1 10.0.0.53:53", "    hold valid 10", "    hold valid 20", "");
  out.push("http-errors errs_0", "    errorfile 503 /etc/haproxy/503.http", "");
  out.push("cache c_real", "    total-max-size 4", "");
  return out.join("\n") + "\n";
}

/** A keepalived.conf of about 30·n lines. */
export function variedKeepalived(n: number): string {
  const out: string[] = [];
  out.push("$PREFIX=10.9", "global_defs {", "    router_id lb1", "    vrrp_strict", "    vrrp_mcast_group4 239.1.1.1", "    script_user root");
  for (let i = 0; i < n; i++) out.push(`    notification_email_from ops${i}@example.com`);
  out.push("}", "");

  for (let i = 0; i < n; i++) {
    out.push(
      `vrrp_script chk_${i} {`,
      `    script "/usr/bin/check ${i}"`,
      `    interval ${1 + (i % 3)}`,
      `    timeout ${i % 4}`,
      i % 2 === 0 ? "    weight -20" : "    fall 2",
      "}",
      "",
    );
  }
  out.push("vrrp_track_process proc_unused {", "    process haproxy", "}", "");

  for (let i = 0; i < n; i++) {
    const host = i % 10 === 0 ? "@lb1 " : "";
    out.push(
      `vrrp_instance VI_${i} {`,
      `    state ${i % 2 === 0 ? "MASTER" : "BACKUP"}`,
      `    ${host}interface eth${i % 4}`,
      `    virtual_router_id ${(i % 255) + 1}`,
      `    priority ${i % 3 === 0 ? 255 : 100 + (i % 50)}`,
      `    @lb2 priority ${90 + (i % 20)}`,
      "    advert_int 1",
      i % 4 === 0 ? "    nopreempt" : "    preempt_delay 5",
      `    unicast_src_ip 10.1.${(i >> 8) & 255}.${i & 255}`,
      "    unicast_peer {",
      `        10.1.${(i >> 8) & 255}.${i & 255}`,
      `        10.2.${(i >> 8) & 255}.${i & 255}`,
      "    }",
      "    authentication {",
      "        auth_type PASS",
      `        auth_pass secret${i}longer`,
      "    }",
      "    virtual_ipaddress {",
      `        10.3.${(i >> 8) & 255}.${i & 255}/24`,
      `        10.4.${(i >> 8) & 255}.${(i * 7) & 255}`,
      `        fe80::${(i & 0xffff).toString(16)}/64`,
      "    }",
      "    track_script {",
      `        chk_${i} weight ${i % 2 === 0 ? 300 : -10}`,
      `        chk_${(i + 1) % n}`,
      `        chk_${i}`,
      "    }",
      "    track_interface {",
      `        eth${i % 4} weight 10`,
      "    }",
      i % 5 === 0 ? "    track_file { missing_file }" : "    garp_master_delay 5",
      "}",
      "",
    );
  }

  // Many small instances on one interface with one VRID: half of them for one host or the other.
  for (let i = 0; i < 8 * n; i++) {
    out.push(
      `${i % 2 === 0 ? `@lb${i % 4} ` : ""}vrrp_instance VL_${i} {`,
      "    interface eth9",
      "    virtual_router_id 200",
      `    priority ${100 + (i % 50)}`,
      `    virtual_ipaddress { 10.10.${(i >> 8) & 255}.${i & 255} }`,
      "}",
    );
  }
  out.push("");

  out.push("vrrp_sync_group SG_1 {", "    group {");
  for (let i = 0; i < n; i++) out.push(`        VI_${i}`, `        VI_missing_${i}`);
  out.push("    }", "}", "vrrp_sync_group SG_2 {", "    group {", "        VI_0", "    }", "}", "");

  for (let i = 0; i < n; i++) {
    out.push(
      `virtual_server 10.3.${(i >> 8) & 255}.${i & 255} ${80 + (i % 3)} {`,
      "    delay_loop 6",
      "    lb_algo rr",
      `    lb_kind ${i % 2 === 0 ? "DR" : "NAT"}`,
      i % 3 === 0 ? "    persistence_timeout 50" : "    protocol TCP",
      `    real_server 10.5.${(i >> 8) & 255}.${i & 255} 8080 {`,
      "        weight 1",
      "        TCP_CHECK {",
      "            connect_timeout 3",
      "            connect_timeout 4",
      "        }",
      "    }",
      "}",
      "",
    );
    if (i % 25 === 0) out.push(`virtual_server group vsg_missing_${i} {`, "    lb_algo rr", "}", "");
  }

  out.push("virtual_server 10.9.9.9 443 {", "    lb_algo rr", "    lb_kind DR", "    protocol TCP");
  for (let j = 0; j < n; j++) {
    out.push(`    real_server 10.6.${(j >> 8) & 255}.${j & 255} ${j % 2 === 0 ? 443 : 8443} {`, "        weight 1", `        MISC_CHECK { misc_path "/bin/check ${j}" }`, "    }");
  }
  out.push("}", "");
  out.push("virtual_server_group vsg_real {", "    10.9.9.10 80", "}", "");

  // n blocks with the mistakes the keyword, layout and instance rules report.
  for (let i = 0; i < n; i++) {
    out.push(
      `vrrp_instance VX_${i} {`,
      "    state master",
      "    interface eth0",
      "    priorty 100",
      "    lvs_sched rr",
      "    state BACKUP priority 150",
      "    advert_int 1 {",
      "    }",
      `    virtual_router_id ${(i % 255) + 1}`,
      "    nopreempt",
      "    track_script {",
      `        chk_${i} weight 2`,
      `        chk_missing_${i}`,
      "    }",
      "    authentication {",
      "        auth_type PASS",
      "    }",
      "    virtual_ipaddress {",
      `        10.3.0.${i & 255}/24 10.3.1.${i & 255}/24`,
      `        $PREFIX.${i & 255}/24`,
      `        \${UNDEFINED_${i % 4}}`,
      "    }",
      "    virtual_routes {",
      `        10.7.${i & 255}.0/24 via 10.0.0.1`,
      "    }",
      "    virtual_rules {",
      `        from 10.8.${i & 255}.0/24 table 100`,
      "    }",
      "    unicast_ttl 5",
      "    notify_master /bin/true extra words",
      "} garp_master_delay 5",
      "",
      `vrrp_instance VX_${i} {`,
      "    interface eth0",
      "}",
      "",
      `real_server 10.0.0.${i & 255} 80 { weight 1 TCP_CHECK { connect_timeout 3 } }`,
      "",
    );
  }
  return out.join("\n") + "\n";
}
