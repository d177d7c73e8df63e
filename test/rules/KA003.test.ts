import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA003 invalid-arguments", () => {
  it("says what keepalived does with a keyword without its value: exits, skips the line, or nothing", () => {
    const found = expectKeepalived(
      "KA003",
      `global_defs {
    «router_id»
    «smtp_helo_name»
}
vrrp_instance V {
    «interface»
}
`,
    );
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "error 'router_id' needs a value; keepalived reports it and skips the line",
      "warning 'smtp_helo_name' needs a value; keepalived -t says nothing and skips the line, so the setting keeps its default",
      "error 'interface' needs a value; keepalived reports a missing parameter and exits without reading further",
    ]);
  });

  it("accepts valid values, variables and values only known at run time", () => {
    expectKeepalived(
      "KA003",
      `vrrp_instance V {
    state BACKUP
    virtual_router_id \${VRID}
    priority 255
    advert_int 0.5
    nopreempt 1
    unicast_src_ip 10.0.0.1/24
}
`,
    );
  });

  it("judges a value whose '$' starts no variable, which keepalived reads as written", () => {
    const found = expectKeepalived("KA003", "$VRID=5\nvrrp_instance V {\n    state «MASTER$»\n    virtual_router_id $VRID\n    priority «100$»\n    advert_int «$5»\n}\n");
    expect(found.map((p) => p.message)).toEqual([
      "'MASTER$' is not one of MASTER, BACKUP for 'state'",
      "'100$' is not a whole number for 'priority'",
      "'$5' is not a number for 'advert_int'",
    ]);
  });

  it("reads an unbraced $NAME as written when no line defines a variable, as keepalived does", () => {
    const found = expectKeepalived("KA003", "vrrp_instance V {\n    state «$state»\n    virtual_router_id 5\n    priority «$priority»\n}\n");
    expect(found.map((p) => p.message)).toEqual([
      "'$state' is not one of MASTER, BACKUP for 'state'; keepalived reads it as written, as no '$NAME=' line defines a variable (a template tool must fill it in first)",
      "'$priority' is not a whole number for 'priority'; keepalived reads it as written, as no '$NAME=' line defines a variable (a template tool must fill it in first)",
    ]);
    expectKeepalived("KA003", "$priority=100\nvrrp_instance V {\n    virtual_router_id 5\n    priority $priority\n}\n");
  });

  it("counts a definition behind an '@id' prefix, which the hosts it names substitute", () => {
    // keepalived 2.2.7 -i low accepts this; on other hosts $US stays as written (host-dependent).
    expectKeepalived("KA003", "@low $US=3\n@high $US=1\nvrrp_instance V {\n    virtual_router_id 5\n    unicast_src_ip 10.1.2.$US\n}\n");
  });

  it("reports missing values, values outside the allowed set or range, with a fix for the case", () => {
    const found = expectKeepalived(
      "KA003",
      `vrrp_instance V {
    state «master»
    virtual_router_id «300»
    «priority»
}
vrrp_script s {
    interval «.2»
}
`,
      { keepalivedVersion: "2.2" },
    );
    expect(found.map((p) => p.message)).toEqual([
      "'master' is not one of MASTER, BACKUP for 'state'",
      "'300' must be at most 255 for 'virtual_router_id'",
      "'priority' needs a value; keepalived reports a missing parameter and exits without reading further",
      "'.2' is not a whole number for 'interval'",
    ]);
    expect(found[0]!.fix?.edits[0]?.newText).toBe("MASTER");
    // keepalived 2.2.7 stops at a keyword without its value (exit status 2).
    expect(found.map((p) => p.severity)).toEqual(["error", "error", "error", "error"]);
  });

  it("says what keepalived does with a block without its name: exits, skips the block, or nothing", () => {
    const found = expectKeepalived(
      "KA003",
      `«vrrp_script» {
    script "/usr/bin/true"
}
«vrrp_sync_group» {
    group {
        VI_1
    }
}
virtual_server 192.0.2.1 443 {
    «real_server» {
        weight 2
    }
}
«bfd_instance» {
}
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'vrrp_script' needs a value; keepalived reports a missing parameter and exits without reading further",
      "'vrrp_sync_group' needs a value; keepalived reports it and skips the whole block",
      "'real_server' needs a value; keepalived reports a missing parameter and exits without reading further",
      "'bfd_instance' needs a value; keepalived -t says nothing about it",
    ]);
    expect(found.map((p) => p.severity)).toEqual(["error", "error", "error", "warning"]);
  });
});

describe("KA003 invalid-arguments: the ranges keepalived holds numbers to", () => {
  it("reports negative and too large counts and delays, and numbers outside their own range", () => {
    const found = expectKeepalived(
      "KA003",
      "vrrp_instance VI_1 {\n  advert_int «300»\n  garp_master_delay «-1»\n}\nvirtual_server 10.0.0.1 80 {\n  persistence_timeout «99999999999»\n  real_server 10.0.0.2 80 {\n    TCP_CHECK {\n      connect_timeout «5000»\n      retry 3\n      delay_before_retry «-2»\n    }\n  }\n}\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'300' must be at most 255 for 'advert_int'",
      "'-1' must be at least 0 for 'garp_master_delay'",
      "'99999999999' must be at most 2678400 for 'persistence_timeout'",
      "'5000' must be at most 4294.967295 for 'connect_timeout'",
      "'-2' must be at least 0 for 'delay_before_retry'",
    ]);
  });
});

describe("KA003 invalid-arguments: a url's status codes (found by mutations)", () => {
  it("takes codes from 100 to 599 and ranges of them, and reports the others", () => {
    const url = (codes: string) => `virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    HTTP_GET {\n      url {\n        path /\n        status_code ${codes}\n      }\n    }\n  }\n}\n`;
    expectKeepalived("KA003", url("200 301-302 100-599"));
    // keepalived 2.2.7 takes a '+' before a number and leading zeros, in base 10 (tenth mutation round).
    expectKeepalived("KA003", url("+200 200-+300 +200-300 0200"));
    const found = expectKeepalived("KA003", url("200 «200m» «99» «200-199» «600» «-200» «0x12c» «+99»"));
    expect(found.map((p) => p.message)).toEqual([
      "'200m' is not a status code (100-599) or a range of them (200-299) for 'status_code'",
      "'99' is not a status code (100-599) or a range of them (200-299) for 'status_code'",
      "'200-199' is not a status code (100-599) or a range of them (200-299) for 'status_code'",
      "'600' is not a status code (100-599) or a range of them (200-299) for 'status_code'",
      "'-200' is not a status code (100-599) or a range of them (200-299) for 'status_code'",
      "'0x12c' is not a status code (100-599) or a range of them (200-299) for 'status_code'",
      "'+99' is not a status code (100-599) or a range of them (200-299) for 'status_code'",
    ]);
  });
});

describe("KA003 invalid-arguments: an smtp_server no resolver finds (found by mutations)", () => {
  it("reports four numbers with one above 255, and takes host names", () => {
    expectKeepalived("KA003", "global_defs {\n  smtp_server mail.example.com 25\n}\n");
    const found = expectKeepalived("KA003", "global_defs {\n  smtp_server «10.1.1.300»\n}\n");
    expect(found.map((p) => p.message)).toEqual(["'10.1.1.300' is not an IP address for 'smtp_server'"]);
    // An octal part with an 8 or a 9 is no address either (keepalived 2.2.7: "Invalid smtp server 192.168.1.079 25"); `07` is one.
    expectKeepalived("KA003", "global_defs {\n  smtp_server «192.168.1.079»\n}\n");
    expectKeepalived("KA003", "global_defs {\n  smtp_server 192.168.1.07\n}\n");
  });
});

describe("KA003 invalid-arguments: zero where keepalived wants at least one (found by mutations)", () => {
  it("reports delays and counts keepalived refuses at 0, and takes 0 where keepalived does", () => {
    const found = expectKeepalived(
      "KA003",
      "virtual_server 10.0.0.1 80 {\n  delay_loop «0»\n  persistence_timeout «0»\n  retry «0»\n  quorum «0»\n  delay_before_retry 0\n  real_server 10.0.0.2 80 {\n    TCP_CHECK {\n      delay_loop «0»\n      retry 0\n    }\n  }\n}\nvrrp_script S {\n  script /bin/true\n  fall «0»\n  timeout «0»\n}\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'0' must be at least 0.000001 for 'delay_loop'",
      "'0' must be at least 1 for 'persistence_timeout'",
      "'0' must be at least 1 for 'retry'",
      "'0' must be at least 1 for 'quorum'",
      "'0' must be at least 0.000001 for 'delay_loop'",
      "'0' must be at least 1 for 'fall'",
      // from 2.3 (lblint's default is 2.4) a timeout takes fractions: keepalived 2.3.3 "vrrp script timeout must be greater than 0"
      "'0' must be at least 0.001 for 'timeout'",
    ]);
  });
});

describe("KA003 invalid-arguments: an address with a prefix length where a plain one is wanted", () => {
  it("is a warning, as keepalived 2.2.7 takes it without a word", () => {
    const found = expectKeepalived("KA003", "virtual_server 10.0.0.1 80 {\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n  real_server 10.0.0.2 80 {\n    HTTP_GET {\n      connect_ip «10.0.0.9/24»\n      url {\n        path /\n      }\n    }\n  }\n}\n");
    expect(found.map((p) => [p.severity, p.message])).toEqual([["warning", "'10.0.0.9/24' has a prefix length, which 'connect_ip' does not take; keepalived -t says nothing about it"]]);
  });

  it("is a warning with a range, as keepalived 2.2.7 reads the address up to the '-' without a word", () => {
    const found = expectKeepalived(
      "KA003",
      "global_defs {\n  vrrp_mcast_group4 «224.0.0.18/8»\n}\nvirtual_server 10.0.0.1 80 {\n  sorry_server «10.0.0.8-9» 80\n  real_server «10.0.0.2-5/24» 80 {\n    TCP_CHECK {\n      bindto «2001:db8::1-4»\n    }\n  }\n}\nvrrp_instance VI_1 {\n  mcast_src_ip «10.0.0.5-6»\n}\n",
    );
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["warning", "'224.0.0.18/8' has a prefix length, which 'vrrp_mcast_group4' does not take; keepalived -t says nothing about it"],
      ["warning", "'10.0.0.8-9' is read as 10.0.0.8: 'sorry_server' takes one address, not a range, and keepalived drops '-9'; keepalived -t says nothing about it"],
      ["warning", "'10.0.0.2-5/24' is read as 10.0.0.2: 'real_server' takes one address, not a range, and keepalived drops '-5/24'; keepalived -t says nothing about it"],
      ["warning", "'2001:db8::1-4' is read as 2001:db8::1: 'bindto' takes one address, not a range, and keepalived drops '-4'; keepalived -t says nothing about it"],
      ["warning", "'10.0.0.5-6' is read as 10.0.0.5: 'mcast_src_ip' takes one address, not a range, and keepalived drops '-6'; keepalived -t says nothing about it"],
    ]);
  });

  it("is an error with a '-' after the '/', which leaves no address (found by mutations)", () => {
    const found = expectKeepalived(
      "KA003",
      "virtual_server 10.0.0.1 80 {\n  real_server «10.0.0.2/-1» 80 {\n    TCP_CHECK {\n      connect_timeout 3\n    }\n  }\n}\nvrrp_instance VI_1 {\n  unicast_src_ip «10.0.0.5/-1»\n}\n",
    );
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["error", "'10.0.0.2/-1' is not an IP address for 'real_server'"],
      ["error", "'10.0.0.5/-1' has a prefix length that is not a number for 'unicast_src_ip'"],
    ]);
  });
});

describe("KA003 check values", () => {
  const check = (body: string) => `virtual_server 10.0.0.1 80 {\n  protocol TCP\n  real_server 10.0.0.2 80 {\n${body}  }\n}\n`;

  it("holds HTTP_GET status codes to 100..599 and ranges low to high, as keepalived 2.2.7 does", () => {
    expectKeepalived("KA003", check("    HTTP_GET {\n      url {\n        path /\n        status_code 200 301-308 «600» «200-100» «200,301»\n      }\n    }\n"));
  });

  it("wants a digest of 32 hexadecimal digits and a DNS check type keepalived knows", () => {
    const found = expectKeepalived(
      "KA003",
      check("    SSL_GET {\n      url {\n        path /\n        digest «123»\n        digest 0123456789ABCDEF0123456789abcdef\n      }\n    }\n    DNS_CHECK {\n      type «PTR»\n    }\n    DNS_CHECK {\n      type aaaa\n    }\n"),
    );
    expect(found[0]!.message).toContain("is not 32 hexadecimal digits");
  });
});

describe("KA003 named options", () => {
  it("reports an lvs_sync_daemon that names no vrrp_instance, which keepalived drops when it starts", () => {
    const found = expectKeepalived("KA003", "global_defs {\n  lvs_sync_daemon eth1 «VI_2» id 3\n  lvs_sync_daemon eth1 inst «VI_2»\n}\nvrrp_instance VI_1 {\n  interface eth1\n}\n");
    expect(found[0]!.message).toBe("lvs_sync_daemon names vrrp_instance 'VI_2', which is not defined: keepalived drops the sync daemon's settings when it starts; did you mean 'VI_1'?");
  });

  it("reports an option written last without its value (fifteenth mutation round)", () => {
    // keepalived 2.2.7 and 2.3.3: "No value specified for lvs_sync_daemon id, defaulting to vrid", "No value specified
    // for lvs_sync_daemon port - ignoring", "No value specified for lvs_timeout tcpfin - ignoring".
    const found = expectKeepalived(
      "KA003",
      "global_defs {\n  lvs_sync_daemon eth1 VI_1 «id»\n  lvs_sync_daemon eth1 VI_1 id 5 «port»\n  lvs_timeouts udp 10 «tcpfin»\n}\nvrrp_instance VI_1 {\n  interface eth1\n}\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'id' needs a value after it; keepalived reports it and uses the instance's router id instead",
      "'port' needs a value after it; keepalived reports it and ignores it",
      "'tcpfin' needs a value after it; keepalived reports it and ignores it",
    ]);
  });

  it("holds lvs_sync_daemon's and lvs_timeouts' options to what keepalived 2.2.7 takes", () => {
    const found = expectKeepalived(
      "KA003",
      "global_defs {\n  lvs_sync_daemon eth1 VI_1 id «300» maxlen 1500 port «0» ttl 1 group «10.0.0.1»\n  lvs_sync_daemon eth1 inst VI_1 id 3 group 224.0.0.81\n  lvs_timeouts tcp 7200 «tcpfinal» 120 udp «86400000»\n}\nvrrp_instance VI_1 {\n  interface eth1\n}\n",
    );
    expect(found[0]!.message).toBe("'300' is not a whole number from 0 to 255 for lvs_sync_daemon id; keepalived uses the instance's router id instead");
    expect(found[3]!.message).toBe("'tcpfinal' is not an option of lvs_timeouts (tcp, tcpfin, udp); keepalived reports it");
  });
});

describe("KA003 umask and http_protocol", () => {
  it("reads umask as keepalived does (base 0, at most 0777, or bit names) and http_protocol's versions", () => {
    expectKeepalived(
      "KA003",
      "global_defs {\n  umask 022\n  umask IWGRP|IWOTH\n  umask «777»\n  umask «iwgrp»\n}\nvirtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    HTTP_GET {\n      http_protocol 1.0C\n      http_protocol «2»\n      url {\n        path /\n      }\n    }\n  }\n}\n",
    );
  });
});

describe("KA003 real_server and sorry_server ports", () => {
  it("takes port 0 for a real_server or sorry_server, as keepalived 2.2.7 does, and no port above 65535", () => {
    const found = expectKeepalived(
      "KA003",
      "virtual_server fwmark 31 {\n  lb_kind DR\n  real_server 10.0.0.2 0 {\n    weight 1\n  }\n  sorry_server 10.0.0.3 0\n}\nvirtual_server 10.0.0.1 80 {\n  real_server 10.0.0.4 «70000» {\n    weight 1\n  }\n  sorry_server 10.0.0.5 «-1»\n}\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'70000' is neither 0 nor a port between 1 and 65535 for 'real_server'",
      "'-1' is not a port number for 'sorry_server'",
    ]);
  });
});

describe("KA003 whole seconds up to 4294", () => {
  it("reports a vrrp_script interval or timeout with a fraction at 2.2, and a misc_timeout past 4294 (found by mutations of real files)", () => {
    const found = expectKeepalived(
      "KA003",
      'vrrp_script chk {\n  script "/bin/true"\n  interval «2.5»\n  timeout «4295»\n}\nvirtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    MISC_CHECK {\n      misc_path "/bin/true"\n      misc_timeout «2147483647»\n    }\n  }\n}\n',
      { keepalivedVersion: "2.2" },
    );
    expect(found.map((p) => p.message)).toEqual([
      "'2.5' is not a whole number for 'interval'",
      "'4295' must be at most 4294 for 'timeout'",
      "'2147483647' must be at most 4294 for 'misc_timeout'",
    ]);
  });
});

describe("KA003 quote marks keepalived does not know", () => {
  it("warns about a value in single or typographic quotes, which keepalived keeps (found by mutations of real files)", () => {
    const found = expectKeepalived(
      "KA003",
      "vrrp_instance VI_1 {\n  interface «'eth0'»\n  virtual_router_id 51\n  priority 100\n  track_interface {\n    «“eth1”»\n  }\n  virtual_ipaddress {\n    10.0.0.1/24 dev eth0 label \"eth0:1\"\n  }\n}\n",
    );
    expect(found.map((p) => p.severity)).toEqual(["warning", "warning"]);
    expect(found[0]!.message).toBe(`keepalived knows only double quotes: it keeps the quote marks of 'eth0' as part of the value; write eth0 or "eth0"`);
  });

  it("warns about a quote on one side of an interface's name (eleventh mutation round: a quote left open)", () => {
    // keepalived 2.2.7: "WARNING - interface 'eth0 for ip address 172.20.128.4/24 doesn't exist"; other values are left to the other checks.
    const found = expectKeepalived(
      "KA003",
      "vrrp_instance VI_1 {\n  interface «eth0'»\n  virtual_router_id 51\n  priority 100\n  virtual_ipaddress {\n    10.0.0.1/24 dev «'eth0»\n    10.0.0.2/24 dev eth0 label eth0'1\n  }\n}\n",
    );
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "warning keepalived knows only double quotes: it looks for an interface named eth0', quote mark included",
      "warning keepalived knows only double quotes: it looks for an interface named 'eth0, quote mark included",
    ]);
  });
});

describe("KA003 spaces keepalived does not know", () => {
  it("warns about a no-break or ideographic space at the end of a value or a list entry (found by mutations of real files)", () => {
    const found = expectKeepalived(
      "KA003",
      "vrrp_instance VI_1 {\n  interface «eth1\u00a0»\n  virtual_router_id «51\u00a0»\n  priority 100\n  track_interface {\n    «eth2\u3000»\n  }\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\n",
    );
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "warning 'eth1\u00a0' holds a no-break space (U+00A0), which keepalived reads as part of the value, not as a blank",
      "error '51\u00a0' is not a whole number for 'virtual_router_id'",
      "warning 'eth2\u3000' holds an ideographic space (U+3000), which keepalived reads as part of the value, not as a blank",
    ]);
  });
});

describe("KA003 invalid-arguments: words keepalived reads as it does (found by a sweep of value forms)", () => {
  it("takes on/off, true/false and yes/no in lower case only, and offers the lower case", () => {
    const found = expectKeepalived("KA003", "vrrp_instance VI_1 {\n  state BACKUP\n  interface eth0\n  virtual_router_id 5\n  priority 100\n  smtp_alert «TRUE»\n  skip_check_adv_addr «Off»\n  nopreempt\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\n");
    expect(found.map((p) => p.message)).toEqual([
      "'TRUE' is not on/off, true/false or yes/no (keepalived reads them in lower case only) for 'smtp_alert'",
      "'Off' is not on/off, true/false or yes/no (keepalived reads them in lower case only) for 'skip_check_adv_addr'",
    ]);
    expect(found.map((p) => p.fix?.edits[0]?.newText)).toEqual(["true", "off"]);
  });

  it("takes a port with a leading '+', which strtoul() reads, and a limit of 1 for the real-time limits", () => {
    expectKeepalived("KA003", "global_defs {\n  vrrp_rlimit_rttime 1\n  checker_rlimit_rttime «0»\n}\nvirtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    TCP_CHECK {\n      connect_port +8080\n      bind_port «+80x»\n    }\n  }\n}\n");
  });
});

describe("KA003 invalid-arguments: what keepalived 2.3 reads otherwise (keepalived 2.3.3 as oracle)", () => {
  it("takes a vrrp_script interval in fractions of a second from 2.3 on, 0.001 to 4294", () => {
    const text = "vrrp_script chk {\n    script \"/bin/true\"\n    interval «.2»\n}\n";
    expect(expectKeepalived("KA003", text, { keepalivedVersion: "2.2" })[0]!.message).toBe("'.2' is not a whole number for 'interval'");
    expectKeepalived("KA003", text.replace(/[«»]/g, ""), { keepalivedVersion: "2.3" });
    expectKeepalived("KA003", text.replace(/[«»]/g, "").replace(".2", "0.001"));
    expect(expectKeepalived("KA003", text.replace(".2", "5000"), { keepalivedVersion: "2.4" })[0]!.message).toBe("'5000' must be at most 4294 for 'interval'");
  });

  it("reads a decimal written with a leading dot as keepalived's strtod does", () => {
    expectKeepalived("KA003", "global_defs {\n    vrrp_garp_interval .5\n}\n", { keepalivedVersion: "2.2" });
  });

  it("holds the top-level child_wait_time to a whole number of seconds, 0 to 2^32-1 (2.2.7 and 2.3.3: 'Invalid child_wait_time')", () => {
    for (const value of ["-1", "1.5", "4294967296"]) {
      expect(expectKeepalived("KA003", `child_wait_time «${value}»\n`, { keepalivedVersion: "2.3" })[0]!.severity).toBe("error");
    }
    expectKeepalived("KA003", "child_wait_time 0\nchild_wait_time 4294967295\n");
  });

  it("reports a DNS_CHECK name keepalived finds an empty label in, and offers to drop the final '.' it objects to", () => {
    const text = (name: string) => `virtual_server 10.0.0.1 53 {\n    protocol UDP\n    real_server 10.0.0.2 53 {\n        DNS_CHECK {\n            name ${name}\n        }\n    }\n}\n`;
    expect(expectKeepalived("KA003", text("«a..b»"))[0]!.fix).toBeUndefined();
    const [odd] = expectKeepalived("KA003", text("«x.example.com.»"));
    const dot = text("x.example.com.").indexOf("x.example.com.") + "x.example.com".length;
    expect(odd!.fix?.edits).toEqual([{ start: dot, end: dot + 1, newText: "" }]);
    expectKeepalived("KA003", text("example.com."));
    expectKeepalived("KA003", text("."));
  });
});
