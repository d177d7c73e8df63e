// HA075: a server that runs health checks but has no port to check. haproxy 2.6.12 refuses it
// ("server 's' has neither service port nor check port"): its address gives no port (none, an empty
// one, 0 or an offset such as `+1`), and neither its line, a default-server line nor a `tcp-check
// connect … port` rule of the check type in effect names one. Only IP addresses: haproxy does not ask a host name for a port
// (measured: `server s localhost check` passes). Unix sockets and families are left alone.
// An agent check needs its own port, from `agent-port` or a check `port` (on the server or a
// default-server) and never from the address: without one haproxy 2.6.12 disables the agent check
// with an alert ("server s does not have agent port. Agent check has been disabled.") and `-c`
// exits 1, so it is an error here.
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import { isIp, isPlainIpv4AndPort } from "../../facts/shapes.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { checkType } from "./check-type.js";
import { describe, optionOf, searchFor, type HaproxyModel, type SectionModel } from "./model.js";

searchFor("agent-check");
import { serverChecks, serverRunsAgent } from "./undefined-server.js";

/** Whether an IP server address leaves the port unknown (`10.0.0.1`, `10.0.0.1:`, `10.0.0.1:0`, `[::1]`, `10.0.0.1:+1`). */
export function lacksPort(address: string): boolean {
  if (isPlainIpv4AndPort(address)) return false;
  if (address.includes("$") || address.includes("@") || address.startsWith("/")) return false;
  let port: string | undefined;
  let host: string;
  if (address.startsWith("[")) {
    const close = address.indexOf("]");
    // `[::1:80`, `[::1]80`: no address haproxy reads but a name to resolve (HA004 reports it), and it asks a name for no port
    if (close < 0 || (close + 1 < address.length && address[close + 1] !== ":")) return false;
    host = address.slice(1, close);
    port = close >= 0 && address[close + 1] === ":" ? address.slice(close + 2) : undefined;
  } else {
    const colon = address.lastIndexOf(":");
    // A bare IPv6 address (`2001:db8::1`) ends with a group, not a port.
    if (colon >= 0 && address.indexOf(":") !== colon) return false;
    host = colon >= 0 ? address.slice(0, colon) : address;
    port = colon >= 0 ? address.slice(colon + 1) : undefined;
  }
  return isIp(host) && (port === undefined || !/^\d*[1-9]/.test(port));
}

/** Whether `port N` is among a line's words from `from` on. */
function namesPort(statement: Statement, from: number): boolean {
  for (let i = from; i < statement.wordCount - 1; i++) if (statement.wordIs(i, "port")) return true;
  return false;
}

/**
 * Whether the servers of a backend get a check port elsewhere: a default-server's `port`, or a
 * `tcp-check`/`http-check connect … port` of the check type in effect (measured: without `option
 * tcp-check` the tcp-check rules are ignored, and their port with them).
 */
function portFromSection(model: HaproxyModel, section: SectionModel): boolean {
  const type = checkType(model, section);
  const rules = type ? ({ "tcp-check": "tcp-check", httpchk: "http-check" } as Record<string, string>)[optionOf(type.statement)!.name] : undefined;
  for (const holder of [...model.defaultsChain(section), section]) {
    if (model.keywordIn(holder, "default-server").some((statement) => namesPort(statement, 1))) return true;
    if (rules && model.keywordIn(holder, rules).some((statement) => statement.wordIs(1, "connect") && namesPort(statement, 2))) return true;
  }
  return false;
}

export const checkWithoutPort: HaproxyRule = {
  meta: {
    id: "HA075",
    alias: "check-without-port",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a server runs health checks but neither its address nor a port option gives a port",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const section of model.sectionsOfType("backend", "listen")) {
      let fromSection: boolean | undefined;
      for (const server of model.keywordsIn(section, ["server", "server-template"])) {
        const at = server.wordIs(0, "server") ? 2 : 3;
        const address = server.wordValue(at);
        if (address === undefined || !lacksPort(address) || namesPort(server, at + 1)) continue;
        if (!serverChecks(model, section, server, false)) continue;
        if ((fromSection ??= portFromSection(model, section))) break;
        report({
          range: server.args[at - 1]!.range,
          uri: section.uri,
          message: `server '${server.wordValue(1)}' of ${describe(section)} runs health checks, but its address '${address}' has no port and no 'port' option gives one; haproxy refuses it`,
        });
      }
    }
    // The proxies whose servers may run an agent check: those that say `agent-check`, and those
    // that inherit a default-server saying it.
    const proxies = new Set<SectionModel>();
    for (const { section } of model.mentioning("agent-check")) {
      if (section.type === "defaults") for (const heir of model.heirs(section)) proxies.add(heir);
      else proxies.add(section);
    }
    for (const section of proxies) {
      // A peers section's servers are checked alike (measured: "'server (null)/B' : server B does not have agent port").
      if (section.type !== "backend" && section.type !== "listen" && section.type !== "peers") continue;
      let fromSection: boolean | undefined;
      for (const server of model.keywordsIn(section, ["server", "server-template"])) {
        if (!serverRunsAgent(model, section, server) || agentPort(server, server.wordIs(0, "server") ? 3 : 4)) continue;
        if ((fromSection ??= [...model.defaultsChain(section), section].some((holder) => model.keywordIn(holder, "default-server").some((line) => agentPort(line, 1))))) break;
        const word = server.args.find((arg) => arg.value === "agent-check") ?? server.args[0]!;
        report({
          range: word.range,
          uri: section.uri,
          message: `server '${server.wordValue(1)}' of ${describe(section)} runs an agent check, but no 'agent-port' (or check 'port') gives the agent's port; haproxy disables the agent check with an alert and refuses the configuration`,
        });
      }
    }
  },
};

/**
 * Whether `agent-port N`, or a check `port N` (which serves the agent too: measured, `check port 8008
 * agent-check` passes), with N above 0 is among a line's words from `from` on.
 */
function agentPort(statement: Statement, from: number): boolean {
  for (let i = from; i < statement.wordCount - 1; i++) if ((statement.wordIs(i, "agent-port") || statement.wordIs(i, "port")) && /^\d*[1-9]/.test(statement.wordValue(i + 1) ?? "")) return true;
  return false;
}
