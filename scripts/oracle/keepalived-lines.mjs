// Shared by the keepalived oracle scripts and their tests: a keyword placed in a minimal block of
// its kind, and keepalived -t's messages by line.
import { spawnSync } from "node:child_process";

/** The lines of a block of kind `block` holding `line`, and the index of `line` among them. */
export function blockWith(block, line, n) {
  const ip = `10.${Math.floor(n / 250) + 1}.${n % 250}.1`;
  const head = [`virtual_server ${ip} 80 {`, "  lb_algo rr", "  lb_kind NAT", "  protocol TCP"];
  const check = (name, inner) => [
    "  real_server 10.200.0.1 80 {",
    `    ${name} {`,
    ...inner.map((l) => `      ${l}`),
    ...(/HTTP_GET|SSL_GET/.test(name) ? ["      url {", "        path /", "        status_code 200", "      }"] : []),
    ...(name === "MISC_CHECK" ? ["      misc_path /bin/true"] : []),
    "    }",
    "  }",
  ];
  switch (block) {
    case "global_defs":
      return { lines: ["global_defs {", `  ${line}`, "}"], at: 1 };
    case "vrrp_instance":
      return { lines: [`vrrp_instance VI_${n} {`, "  state BACKUP", "  interface eth0", `  virtual_router_id ${(n % 250) + 1}`, "  priority 100", "  virtual_ipaddress {", `    ${ip}`, "  }", `  ${line}`, "}"], at: 8 };
    case "vrrp_script":
      return { lines: [`vrrp_script S_${n} {`, '  script "/bin/true"', `  ${line}`, "}"], at: 2 };
    case "virtual_server":
      return { lines: [...head, `  ${line}`, ...check("TCP_CHECK", ["connect_timeout 3"]), "}"], at: 4 };
    case "bfd_instance":
      return { lines: [`bfd_instance B_${n} {`, `  neighbor_ip ${ip}`, `  ${line}`, "}"], at: 2 };
    case "garp_group":
      return { lines: ["garp_group {", "  interface eth0", `  ${line}`, "}"], at: 2 };
    case "vrrp_track_process":
      return { lines: [`vrrp_track_process P_${n} {`, "  process keepalived", `  ${line}`, "}"], at: 2 };
    case "track_file":
    case "vrrp_track_file":
      return { lines: [`${block} F_${n} {`, "  file /tmp/lblint-track-file", `  ${line}`, "}"], at: 2 };
    case "virtual_server>real_server>SMTP_CHECK>host":
      return { lines: [...head, "  real_server 10.200.0.1 25 {", "    SMTP_CHECK {", "      host {", "        connect_ip 10.200.0.2", `        ${line}`, "      }", "    }", "  }", "}"], at: 8 };
    case "virtual_server>real_server":
      return { lines: [...head, "  real_server 10.200.0.1 80 {", `    ${line}`, "    TCP_CHECK {", "      connect_timeout 3", "    }", "  }", "}"], at: 5 };
    default:
      return { lines: [...head, ...check(block.split(">").pop(), [line]), "}"], at: 6 };
  }
}

/** keepalived -t's messages for a file by line number. Its checker process may print after the parent exits: the pipe through cat waits for it. */
export function messagesByLine(file) {
  const run = spawnSync("sh", ["-c", 'keepalived -t -f "$1" -l -D 2>&1 | cat', "sh", file], { encoding: "utf8", timeout: 60_000 });
  const found = new Map();
  for (const text of run.stdout.split("\n")) {
    const line = /Line (\d+)\) (.*)$/.exec(text);
    if (line) found.set(Number(line[1]), [...(found.get(Number(line[1])) ?? []), line[2]]);
  }
  return found;
}

