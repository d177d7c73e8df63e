// Reading `haproxy -dKall` output (dkall-2.6.12.txt): every keyword the haproxy 2.6.12 binary
// registers. Hard-coded keywords (maxconn, daemon, userlist and peers keywords, tcp-request accept …)
// are not in it, so it is one source among three, never the only one.
import { readFileSync } from "node:fs";

/** Argument counts of `name(type,type[,type])` as printed by -dKall. */
export function dkallArgCounts(argText) {
  if (!argText) return { min: 0, max: 0, types: [] };
  const inner = argText.slice(1, -1);
  const bracket = inner.indexOf("[");
  const mandatoryPart = bracket < 0 ? inner : inner.slice(0, bracket);
  const mandatory = mandatoryPart.split(",").map((s) => s.trim()).filter(Boolean);
  const all = inner.replace(/[[\]]/g, "").split(",").map((s) => s.trim()).filter(Boolean);
  // haproxy accepts a keyword without parentheses when its only mandatory argument may be empty
  // (a string, or a backend/frontend/table/server name meaning "the current one"); integers and
  // masks may not be empty. Checked against haproxy 2.6.12: `env`, `be_conn`, `src,add` pass,
  // `src,bytes`, `src,ipmask`, `sc_http_req_cnt` and `str(a),regsub` fail, and so does a user list
  // (`http_auth`, `http_auth_group()`: "missing userlist name in arg 1").
  const emptyOk = (type) => ["string", "backend", "frontend", "table", "server"].includes(type);
  const min = mandatory.length === 1 && emptyOk(mandatory[0]) ? 0 : mandatory.length;
  return { min, max: all.length, types: all };
}

export function readDkall(path) {
  const lines = readFileSync(path, "utf8").split("\n");
  const out = {
    acl: [], // { name, fetch, match }
    sections: new Map(), // section → Set(keyword)
    proxyOptions: [], // { name, flags }
    bindOptions: new Map(), // name → { args, ssl }
    serverOptions: new Map(), // name → { args }
    crtListOptions: new Map(),
    actions: new Map(), // rule set → Map(name → { prefix })
    converters: new Map(), // name → { min, max, types, in, out }
    fetches: new Map(), // name → { min, max, types, out, usable }
    filters: [],
    services: [],
  };
  let part = "";
  let section = "";
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, "");
    if (line.startsWith("# List of registered ")) {
      part = line.slice("# List of registered ".length);
      continue;
    }
    if (line.startsWith("#") || line === "") continue;
    if (part.startsWith("ACL keywords")) {
      const m = /^(\S+) = (\S+) -m (\S+)$/.exec(line);
      if (m) out.acl.push({ name: m[1], fetch: m[2], match: m[3] });
    } else if (part.startsWith("configuration keywords")) {
      if (!line.startsWith("\t")) {
        section = line.trim();
        if (!out.sections.has(section)) out.sections.set(section, new Set());
        continue;
      }
      const body = line.slice(1);
      let m;
      if ((m = /^option (\S+)(?: \[ (.*) \])?$/.exec(body))) {
        out.proxyOptions.push({ name: m[1], flags: (m[2] ?? "").split(/\s+/).filter(Boolean) });
        out.sections.get(section).add("option");
      } else if ((m = /^bind <addr> (ssl )?(\S+)(?: \+(-?\d+))?$/.exec(body))) {
        out.bindOptions.set(m[2], { args: m[3] === undefined ? 0 : Number(m[3]), ssl: Boolean(m[1]) });
        out.sections.get(section).add("bind");
      } else if ((m = /^server <name> <addr> (\S+)(?: \+(-?\d+))?$/.exec(body))) {
        out.serverOptions.set(m[1], { args: m[2] === undefined ? 0 : Number(m[2]) });
        out.sections.get(section).add("server");
      } else if ((m = /^(http-request|http-response|http-after-response|tcp-request connection|tcp-request session|tcp-request content|tcp-response content) (\S+?)(\*)?$/.exec(body))) {
        if (!out.actions.has(m[1])) out.actions.set(m[1], new Map());
        out.actions.get(m[1]).set(m[2], { prefix: Boolean(m[3]) });
        out.sections.get(section).add(m[1].split(" ")[0]);
      } else if (section === "crt-list" && (m = /^(\S+)(?: \+(-?\d+))?$/.exec(body))) {
        out.crtListOptions.set(m[1], { args: m[2] === undefined ? 0 : Number(m[2]) });
      } else if ((m = /^(\S+)$/.exec(body))) {
        out.sections.get(section).add(m[1]);
      }
    } else if (part.startsWith("sample converter")) {
      const m = /^([^\s(:]+)(\([^)]*\))?: (\S+) => (\S+)$/.exec(line);
      // The dump prints a converter's output type first: `length: sint => str`, `not: bool => sint`.
      if (m) out.converters.set(m[1], { ...dkallArgCounts(m[2]), out: m[3], in: m[4] });
    } else if (part.startsWith("sample fetch")) {
      const m = /^\[ ((?:[Y.] ){22})\] ([^\s(:]+)(\([^)]*\))?: (\S+)$/.exec(line);
      if (m) out.fetches.set(m[2], { ...dkallArgCounts(m[3]), out: m[4], usable: m[1].replace(/ /g, "") });
    } else if (part.startsWith("filter names")) {
      out.filters.push(line.split(/\s+/)[0]);
    } else if (part.startsWith("service names")) {
      out.services.push(line.trim());
    }
  }
  return out;
}
