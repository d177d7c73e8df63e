// HA051: one address and port bound twice. `haproxy -c` never binds (h29). Measured with haproxy 2.6
// on Linux: two frontends binding 127.0.0.1:18080 both start, and the kernel (SO_REUSEPORT) hands
// each new connection to one of them at random — half the traffic meets the wrong rules. A wildcard
// (`:80`) and a specific address (`127.0.0.1:80`) in two proxies also start; connections to the
// specific address all go to its proxy, the rest to the wildcard one. That can be intended, so it
// is only info, as is a bind repeated inside one proxy.
import type { ConditionalBranch, Statement } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import type { SectionModel } from "./model.js";
import { bindOptions, parseAddressList, rangeInWord, type SocketAddress } from "./options.js";
import { describe, lineOf } from "./proxy-settings.js";

interface Entry {
  readonly section: SectionModel;
  readonly statement: Statement;
  readonly address: SocketAddress;
  readonly text: string;
  readonly scope: string;
}

function overlaps(a: SocketAddress, b: SocketAddress): boolean {
  return a.portFrom! <= b.portTo! && b.portFrom! <= a.portTo!;
}

/**
 * The binds seen so far, found again by what can clash: same interface and namespace, transport,
 * family and `.if` branch (`sameBranch` holds exactly when two lines share their branch), then the
 * port and host. `first` returns the earliest clash, as a search through all of them in order would.
 */
class Bound {
  private readonly groups = new Map<string, Map<ConditionalBranch | undefined, Group>>();
  private count = 0;

  first(entry: Entry): Entry | undefined {
    const group = this.groups.get(groupKey(entry))?.get(entry.statement.guard);
    if (!group) return undefined;
    const address = entry.address;
    const clashes = (e: Sequenced) => overlaps(e.address, address) && (e.address.wildcard || address.wildcard || e.host === address.host.toLowerCase());
    let best: Sequenced | undefined;
    const consider = (e: Sequenced | undefined) => {
      if (e && (!best || e.sequence < best.sequence)) best = e;
    };
    if (address.portFrom !== address.portTo) {
      // A port range: rare, looked through in full.
      for (const e of group.all) if (clashes(e)) return e.entry;
      return undefined;
    }
    const port = group.ports.get(address.portFrom!);
    if (port) consider(address.wildcard ? port.first : port.firstWildcard ?? port.byHost.get(address.host.toLowerCase()));
    if (port && !address.wildcard) consider(port.byHost.get(address.host.toLowerCase()));
    for (const e of group.ranges) if (clashes(e)) consider(e);
    return best?.entry;
  }

  add(entry: Entry): void {
    const key = groupKey(entry);
    const byBranch = this.groups.get(key) ?? this.groups.set(key, new Map()).get(key)!;
    const guard = entry.statement.guard;
    const group = byBranch.get(guard) ?? byBranch.set(guard, { all: [], ranges: [], ports: new Map() }).get(guard)!;
    const sequenced: Sequenced = { entry, address: entry.address, host: entry.address.host.toLowerCase(), sequence: this.count++ };
    group.all.push(sequenced);
    const address = entry.address;
    if (address.portFrom !== address.portTo) {
      group.ranges.push(sequenced);
      return;
    }
    const port = group.ports.get(address.portFrom!) ?? group.ports.set(address.portFrom!, { first: sequenced, firstWildcard: undefined, byHost: new Map() }).get(address.portFrom!)!;
    if (address.wildcard) port.firstWildcard ??= sequenced;
    if (!port.byHost.has(sequenced.host)) port.byHost.set(sequenced.host, sequenced);
  }
}

interface Sequenced {
  readonly entry: Entry;
  readonly address: SocketAddress;
  /** The host, lower-cased. */
  readonly host: string;
  readonly sequence: number;
}

interface Group {
  readonly all: Sequenced[];
  /** Binds of a port range. */
  readonly ranges: Sequenced[];
  /** Binds of one port: the first one, the first wildcard, the first per host. */
  readonly ports: Map<number, { readonly first: Sequenced; firstWildcard: Sequenced | undefined; readonly byHost: Map<string, Sequenced> }>;
}

function groupKey(entry: Entry): string {
  return `${entry.scope}\u0000${entry.address.transport}\u0000${entry.address.family}`;
}

export const duplicateBind: HaproxyRule = {
  meta: {
    id: "HA051",
    alias: "duplicate-bind",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "the same address and port are bound twice, so connections are split between listeners",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    const bound = new Bound();
    for (const section of model.sectionsOfType("frontend", "listen")) {
      for (const statement of model.keywordIn(section, "bind")) {
        if (!statement.args[0]) continue;
        const word = statement.args[0];
        const options = bindOptions(statement);
        const option = (name: string) => options.find((o) => o.name === name)?.value?.value ?? "";
        const scope = `${option("interface")}|${option("namespace")}`;
        for (const address of parseAddressList(word)) {
          if (address.kind !== "inet" || address.family === undefined || address.portFrom === undefined) continue;
          const text = word.value.slice(address.start, address.end);
          const entry: Entry = { section, statement, address, text, scope };
          const clash = bound.first(entry);
          bound.add(entry);
          if (!clash) continue;
          const where = clash.section === section ? "this " + section.type : describe(clash.section);
          const line = lineOf(clash.statement, clash.section.uri, section.uri);
          const exact = clash.address.wildcard === address.wildcard;
          const range = rangeInWord(word, address.start, address.end);
          const related = [{ uri: clash.section.uri, range: clash.statement.args[0]!.range, message: `'${clash.text}' bound here` }];
          if (exact && clash.section !== section) {
            report({
              uri: section.uri,
              range,
              related,
              message: `'${text}' is also bound by ${where} (${line}): both start, and the kernel hands each connection to one of the two at random`,
            });
          } else if (exact) {
            report({ uri: section.uri, range, related, severity: "info", message: `'${text}' is already bound in ${where} (${line})` });
          } else {
            const specific = address.wildcard ? clash.text : text;
            report({
              uri: section.uri,
              range,
              related,
              severity: "info",
              message: `'${text}' overlaps '${clash.text}' of ${where} (${line}): connections to '${specific}' all go to the specific bind, the others to the wildcard one`,
            });
          }
        }
      }
    }
  },
};
