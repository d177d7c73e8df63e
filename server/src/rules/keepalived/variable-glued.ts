// KA011: `$NAME` with more text right after it (`10.0.0.$ID/24`). keepalived substitutes `$NAME`
// only when a blank, `,`, `)` or the end of the line follows; glued to other text it stays as
// written. `${NAME}` substitutes anywhere. Reported when NAME is a defined variable, or in an
// unquoted word of a configuration that uses definitions (in quotes a `$` is usually the shell's).
import type { KeepalivedRule } from "../../lint/rule.js";
import { replaceRange } from "../../lint/fixes.js";
import { DEFINITION_STATEMENT } from "./model.js";

const GLUED = /\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Value blocks whose entries start with an address, and keywords whose first argument is one. */
const ADDRESS_BLOCK = /(?:^|>)(?:virtual_ipaddress|virtual_ipaddress_excluded|static_ipaddress|unicast_peer)$/;
const ADDRESS_KEYWORDS: ReadonlySet<string> = new Set(["virtual_server", "real_server", "sorry_server", "unicast_src_ip", "mcast_src_ip"]);

/**
 * An address left with a `$` in it is no address: keepalived skips the VIP, peer or server ("VRRP
 * parsed invalid IP", "malformed unicast peer address", "Invalid real server ip address") and
 * `keepalived -t` fails, so there the finding is an error.
 */
function isAddress(blockId: string, keyword: string, wordIndex: number): boolean {
  return wordIndex === 0 ? ADDRESS_BLOCK.test(blockId) : wordIndex === 1 && ADDRESS_KEYWORDS.has(keyword);
}

export const variableGlued: KeepalivedRule = {
  meta: {
    id: "KA011",
    alias: "variable-glued",
    product: "keepalived",
    severity: "warning",
    category: "syntax",
    description: "a $NAME is followed directly by other text, so keepalived does not substitute it",
    fixable: true,
    native: "partly",
  },
  check({ model, report }) {
    // Every definition holds a `$`.
    if (!model.textHolds("$")) return;
    const defined = new Set<string>();
    for (const { item } of model.reading) {
      if (item.kind === "definition") defined.add(item.name);
      else if (item.kind === "statement") {
        const name = DEFINITION_STATEMENT.exec(item.keyword.value)?.[1];
        if (name !== undefined) defined.add(name);
      }
    }
    if (defined.size === 0) return;
    for (const { item, uri, blockId } of model.reading) {
      const statement = item.kind === "statement" ? item : item.kind === "block" ? item.header : undefined;
      if (!statement || statement.prefixOnly || DEFINITION_STATEMENT.test(statement.keyword.value)) continue;
      for (let index = 0; index < statement.words.length; index++) {
        const word = statement.words[index]!;
        const value = word.value;
        if (!value.includes("$")) continue;
        const offset = word.range.localStart + (word.quoted ? 1 : 0);
        for (const m of value.matchAll(GLUED)) {
          const end = m.index + m[0].length;
          const next = value[end];
          if (next === undefined || " \t,)".includes(next)) continue;
          const name = m[1]!;
          if (name.startsWith("_") || (!defined.has(name) && word.quoted)) continue;
          const range = word.range.lines.range(offset + m.index, offset + end);
          const address = isAddress(blockId, statement.keyword.value, index);
          report({
            range,
            uri,
            ...(address ? { severity: "error" as const } : {}),
            message: `'$${name}' is followed by '${value.slice(end, end + 8)}', so keepalived leaves it as written${address ? " and skips the address" : ""}; write '\${${name}}'`,
            ...(defined.has(name) ? { fix: replaceRange(range, `\${${name}}`, `replace with '\${${name}}'`) } : {}),
          });
        }
      }
    }
  },
};
