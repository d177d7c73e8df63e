// HA051: one address and port bound twice. `haproxy -c` never binds (h29). Measured with haproxy 2.6
// on Linux: two frontends binding 127.0.0.1:18080 both start, and the kernel (SO_REUSEPORT) hands
// each new connection to one of them at random — half the traffic meets the wrong rules. A wildcard
// (`:80`) and a specific address (`127.0.0.1:80`) in two proxies also start; connections to the
// specific address all go to its proxy, the rest to the wildcard one. That can be intended, so it
// is only info, as is a bind repeated inside one proxy.
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import type { SectionModel } from "./model.js";
import { bindOptions, parseAddressList, rangeInWord, type SocketAddress } from "./options.js";
import { describe, lineOf, sameBranch } from "./proxy-settings.js";

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
    const entries: Entry[] = [];
    for (const section of model.sectionsOfType("frontend", "listen")) {
      for (const statement of section.statements) {
        if (statement.keyword.value !== "bind" || !statement.args[0]) continue;
        const word = statement.args[0];
        const options = bindOptions(statement);
        const option = (name: string) => options.find((o) => o.name === name)?.value?.value ?? "";
        const scope = `${option("interface")}|${option("namespace")}`;
        for (const address of parseAddressList(word)) {
          if (address.kind !== "inet" || address.family === undefined || address.portFrom === undefined) continue;
          const text = word.value.slice(address.start, address.end);
          const entry: Entry = { section, statement, address, text, scope };
          const clash = entries.find(
            (e) =>
              e.scope === scope &&
              e.address.transport === address.transport &&
              e.address.family === address.family &&
              sameBranch(e.statement, statement) &&
              overlaps(e.address, address) &&
              (e.address.wildcard || address.wildcard || e.address.host.toLowerCase() === address.host.toLowerCase()),
          );
          entries.push(entry);
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
