// keepalived-only mutation kinds for scripts/mutations.mjs: the mistakes people make in keepalived.conf
// that a generic change (a letter swapped, a line moved) rarely produces. Each takes the file's lines
// and the script's seeded helpers, changes the lines in place and returns the index of the changed
// line (undefined when the file has nothing to change).

const statements = (lines, test) => lines.map((line, index) => [line, index]).filter(([line]) => !/^\s*[#!]/.test(line) && test(line));

/** Wrong or near-miss words for the keywords that take one of a list. */
const ENUM_MISTAKES = {
  state: ["master", "MASTR", "SLAVE", "PRIMARY", "BACKUP1", "FAULT"],
  auth_type: ["pass", "PASSWORD", "ah", "AH2", "NONE"],
  lb_algo: ["roundrobin", "rrr", "RR", "wrrr", "leastconn", "source"],
  lvs_sched: ["roundrobin", "rrr", "RR"],
  lb_kind: ["dr", "DIRECT", "TUNNEL", "nat", "FULLNAT", "NAT1"],
  lvs_method: ["dr", "DIRECT", "TUNNEL", "nat"],
  protocol: ["tcp", "HTTP", "TCP6", "udp", "ICMP"],
  ops: ["yes", "on"],
  ha_suspend: ["yes"],
};

/** Keywords of one block that do not belong in another, as people misplace them. */
const FOREIGN = {
  vrrp_instance: ["weight 1", "lb_algo rr", "delay_loop 6", "connect_timeout 3", "router_id LVS_1", "persistence_timeout 50", "script \"/bin/true\"", "notification_email_from a@b.c"],
  global_defs: ["priority 100", "virtual_router_id 51", "advert_int 1", "state MASTER", "interface eth0", "lb_kind NAT", "nopreempt"],
  virtual_server: ["priority 100", "state MASTER", "router_id LVS_1", "advert_int 1", "connect_port 80", "interval 2"],
  real_server: ["lb_kind DR", "priority 100", "delay_loop 6", "virtual_router_id 51", "protocol TCP"],
  vrrp_script: ["priority 100", "weight_reverse", "interface eth0", "timeout_ms 3"],
};

/** Numbers out of (or at the edge of) the range each keyword takes. */
const OUT_OF_RANGE = {
  priority: ["0", "256", "-1", "1000", "255"],
  virtual_router_id: ["0", "256", "-1", "300"],
  advert_int: ["0", "-1", "256", "0.001", "1000"],
  weight: ["-300", "300", "99999", "-1", "254"],
  fall: ["0", "-1"],
  rise: ["0", "-1"],
  interval: ["0", "-1"],
  delay_loop: ["0", "-1"],
  connect_timeout: ["0", "-1"],
  retry: ["0", "-1"],
  garp_master_delay: ["-1", "256"],
  persistence_timeout: ["-1", "0"],
  connect_port: ["0", "65536", "-1"],
};

const pickEnum = (pick) => ({
  enumValue(lines) {
    const chosen = pick(statements(lines, (line) => new RegExp(`^\\s*(${Object.keys(ENUM_MISTAKES).join("|")})\\s+\\S`).test(line)));
    if (!chosen) return undefined;
    const [line, index] = chosen;
    const [, head, keyword, value] = /^(\s*(\S+)\s+)(\S+)/.exec(line);
    const wrong = pick(ENUM_MISTAKES[keyword].filter((word) => word !== value));
    lines[index] = head + wrong + line.slice(head.length + value.length);
    return index;
  },
});

/** The first line of each block of `kind` (`kind name {` or `kind {`). */
const blockStarts = (lines, kind) => statements(lines, (line) => new RegExp(`^\\s*${kind}\\b[^{}]*\\{\\s*(#.*)?$`).test(line));

export function keepalivedMutations(pick) {
  return {
    ...pickEnum(pick),
    wrongBlock(lines) {
      const kind = pick(Object.keys(FOREIGN));
      const start = pick(blockStarts(lines, kind));
      if (!start) return undefined;
      const indent = /^\s*/.exec(start[0])[0] + "  ";
      lines.splice(start[1] + 1, 0, indent + pick(FOREIGN[kind]));
      return start[1] + 1;
    },
    badAddress(lines) {
      const chosen = pick(statements(lines, (line) => /\b\d{1,3}(\.\d{1,3}){3}\b/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const address = /\b(\d{1,3}(?:\.\d{1,3}){3})(\/\d+)?/.exec(line);
      const octets = address[1].split(".");
      const broken = pick([
        () => [...octets.slice(0, 3), "300"].join("."),
        () => `${octets.join(".")}/33`,
        () => octets.slice(0, 3).join("."),
        () => `${octets.join(".")}.5`,
        () => `${octets.join(".")}/`,
        () => `${octets.join(".")}/-1`,
        () => `${octets.slice(0, 2).join(".")}..${octets[3]}`,
      ])();
      lines[index] = line.slice(0, address.index) + broken + line.slice(address.index + address[0].length);
      return index;
    },
    outOfRange(lines) {
      const chosen = pick(statements(lines, (line) => new RegExp(`^\\s*(${Object.keys(OUT_OF_RANGE).join("|")})\\s+-?\\d`).test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const [, head, keyword, value] = /^(\s*(\S+)\s+)(\S+)/.exec(line);
      lines[index] = head + pick(OUT_OF_RANGE[keyword]) + line.slice(head.length + value.length);
      return index;
    },
    renameDefinition(lines) {
      // a vrrp_script, vrrp_instance or sync group named differently from where it is used
      const chosen = pick(statements(lines, (line) => /^\s*(vrrp_script|vrrp_instance|vrrp_sync_group|virtual_server_group)\s+[^\s{]+/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      lines[index] = line.replace(/^(\s*\S+\s+)([^\s{]+)/, "$1$2_x");
      return index;
    },
    renameTracked(lines) {
      // an entry of a track_script / track_interface / group block, or a group named on a line
      const inside = [];
      let open = "";
      lines.forEach((line, index) => {
        if (/^\s*(track_script|track_interface|group)\s*\{\s*(#.*)?$/.test(line)) open = "x";
        else if (open && /\}/.test(line)) open = "";
        else if (open && /^\s*[A-Za-z_]/.test(line)) inside.push([line, index]);
      });
      const chosen = pick(inside);
      if (!chosen) return undefined;
      lines[chosen[1]] = chosen[0].replace(/^(\s*)(\S+)/, pick(["$1$2_x", "$1$2x", "$1x$2"]));
      return chosen[1];
    },
    mergeLines(lines) {
      const candidates = statements(lines, (line) => /^\s*[a-z]/.test(line) && !/[{}#]/.test(line)).filter(([, index]) => /^\s*[a-z][^{}#]*$/.test(lines[index + 1] ?? ""));
      const chosen = pick(candidates);
      if (!chosen) return undefined;
      lines.splice(chosen[1], 2, `${chosen[0].trimEnd()} ${lines[chosen[1] + 1].trim()}`);
      return chosen[1];
    },
    dropBlockName(lines) {
      const chosen = pick(statements(lines, (line) => /^\s*(vrrp_instance|vrrp_script|vrrp_sync_group|virtual_server|virtual_server_group|real_server)\s+[^{]*\{/.test(line)));
      if (!chosen) return undefined;
      lines[chosen[1]] = chosen[0].replace(/^(\s*\S+)\s+[^{]*\{/, "$1 {");
      return chosen[1];
    },
    duplicateVrid(lines) {
      const vrids = statements(lines, (line) => /^\s*virtual_router_id\s+\d+/.test(line));
      if (vrids.length >= 2) {
        const [from, to] = [pick(vrids), pick(vrids)];
        if (from[1] === to[1]) return undefined;
        lines[to[1]] = to[0].replace(/\d+/, /\d+/.exec(from[0])[0]);
        return to[1];
      }
      // one instance: a copy of it under another name, on the same interface and id
      const start = pick(blockStarts(lines, "vrrp_instance"));
      if (!start) return undefined;
      let depth = 0;
      let end = start[1];
      for (; end < lines.length; end++) {
        depth += (lines[end].match(/\{/g) ?? []).length - (lines[end].match(/\}/g) ?? []).length;
        if (depth <= 0) break;
      }
      if (end >= lines.length) return undefined;
      const copy = lines.slice(start[1], end + 1);
      copy[0] = copy[0].replace(/^(\s*vrrp_instance\s+)(\S+)/, "$1$2_copy");
      lines.splice(end + 1, 0, ...copy);
      return end + 1;
    },
    swapArguments(lines) {
      // `real_server 80 10.0.0.2`, `smtp_server 25 10.0.0.1`: two values in the wrong order
      const chosen = pick(statements(lines, (line) => /^\s*[a-z_]+\s+[^\s{}#]+\s+[^\s{}#]+/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const swapped = line.replace(/^(\s*[a-z_]+\s+)([^\s{}#]+)(\s+)([^\s{}#]+)/, "$1$4$3$2");
      if (swapped === line) return undefined;
      lines[index] = swapped;
      return index;
    },
    numberUnit(lines) {
      // `advert_int 1s`, `interval 2ms`: keepalived takes no units
      const chosen = pick(statements(lines, (line) => /^\s*[a-z_]+\s+\d+\s*(#.*)?$/.test(line)));
      if (!chosen) return undefined;
      lines[chosen[1]] = chosen[0].replace(/^(\s*[a-z_]+\s+\d+)/, `$1${pick(["s", "ms", "sec", "m", "%"])}`);
      return chosen[1];
    },
    changeCase(lines) {
      // `State MASTER`, `STATE master`, `Virtual_IPAddress {`
      const chosen = pick(statements(lines, (line) => /^\s*[a-z][a-z_]{3,}/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const [, indent, word] = /^(\s*)([a-z_]+)/.exec(line);
      const changed = pick([word.toUpperCase(), word[0].toUpperCase() + word.slice(1)]);
      lines[index] = indent + changed + line.slice(indent.length + word.length);
      return index;
    },
    trackWeight(lines) {
      // a tracked script or interface with a weight out of range or a wrong word
      const inside = [];
      let open = false;
      lines.forEach((line, index) => {
        if (/^\s*(track_script|track_interface)\s*\{\s*(#.*)?$/.test(line)) open = true;
        else if (open && /\}/.test(line)) open = false;
        else if (open && /^\s*[A-Za-z_]/.test(line)) inside.push([line, index]);
      });
      const chosen = pick(inside);
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const weight = pick(["weight 300", "weight -300", "weight abc", "weight", "weight 10 reverse", "wieght 10", "weight 0"]);
      lines[index] = /\sweight\s+\S+/.test(line) ? line.replace(/\sweight\s+\S+/, ` ${weight}`) : line.replace(/^(\s*\S+)/, `$1 ${weight}`);
      return index;
    },
    vipOption(lines) {
      let open = false;
      const entries = [];
      lines.forEach((line, index) => {
        if (/^\s*(virtual_ipaddress|virtual_ipaddress_excluded|static_ipaddress)\s*\{/.test(line)) open = true;
        else if (open && /\}/.test(line)) open = false;
        else if (open && /^\s*\d/.test(line)) entries.push([line, index]);
      });
      const chosen = pick(entries);
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const option = pick(["dev", "scope", "label", "brd", "broadcast", "nodev", "no_track", "preferred_lft", "home"]);
      const values = { dev: ["eth0", "", "nosuchif0"], scope: ["global", "site", "wrong", "", "host", "255"], label: ["eth0:1", "vip", "", "x:1"], brd: ["10.0.0.255", "300.0.0.1", ""], broadcast: ["+", "x"], nodev: [""], no_track: [""], preferred_lft: ["0", "forever", "-1", "x"], home: [""] }[option];
      const value = pick(values);
      const replaced = new RegExp(`\\s${option}\\s+\\S+`).test(line);
      const clause = ` ${option}${value ? ` ${value}` : ""}`;
      lines[index] = replaced ? line.replace(new RegExp(`\\s${option}\\s+\\S+`), clause) : line.replace(/^(\s*\S+)/, `$1${clause}`);
      return index;
    },
  };
}
