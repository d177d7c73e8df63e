// KA055: the words after `lb_kind` / `lvs_method` that keepalived 2.2.7 cannot read. After the
// method it reads tunnel options whatever the method is: `type ipip|gue|gre`, `port N` (a gue
// tunnel needs one, the others take none), and a checksum option (`nocsum`, `csum`, `remcsum`: none
// for ipip, the tunnel type when no type is given; no `remcsum` for gre). Any other word is
// reported ("Invalid tunnel option persistence_timeout for virtual server."), which is what two
// lines run together (`lb_kind NAT persistence_timeout 50`) give. Measured with keepalived -t.
import type { Word } from "../../../../grammars/keepalived/ast.js";
import type { KeepalivedRule } from "../../lint/rule.js";
import { isDynamic } from "./vrrp.js";

const TYPES = new Set(["ipip", "gue", "gre"]);
const CHECKSUMS = new Set(["nocsum", "csum", "remcsum"]);

/** The first word after the method keepalived reports, with what it says; undefined when it takes them all. */
function tunnelProblem(keyword: string, words: readonly Word[]): { word: Word; message: string } | undefined {
  let type: Word | undefined;
  let port: Word | undefined;
  let checksum: Word | undefined;
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    const value = word.value;
    if (value === "type" || value === "port") {
      const next = words[i + 1];
      if (!next) return { word, message: `'${value}' needs a value; keepalived reports it and ignores it` };
      i++;
      if (value === "type" && !TYPES.has(next.value)) return { word: next, message: `'${next.value}' is not a tunnel type (ipip, gue, gre); keepalived reports it` };
      if (value === "port" && !(/^\d+$/.test(next.value) && Number(next.value) >= 1 && Number(next.value) <= 65535)) return { word: next, message: `'${next.value}' is not a port (1-65535) for the gue tunnel; keepalived reports it` };
      if (value === "type") type = next;
      else port = next;
    } else if (CHECKSUMS.has(value)) checksum = word;
    else return { word, message: `'${value}' is not a tunnel option of ${keyword}; keepalived reports it and ignores it (a line run into this one?)` };
  }
  const kind = type?.value ?? "ipip";
  if (kind === "gue" && !port) return { word: type!, message: "a gue tunnel needs a port; keepalived reports it" };
  if (kind !== "gue" && port) return { word: port, message: `only a gue tunnel takes a port, not ${kind}; keepalived reports it` };
  if (kind === "ipip" && checksum) return { word: checksum, message: "an ipip tunnel takes no checksum option; keepalived reports it" };
  if (kind === "gre" && checksum?.value === "remcsum") return { word: checksum, message: "a gre tunnel takes no remote checksum option; keepalived reports it" };
  return undefined;
}

export const tunnelOptions: KeepalivedRule = {
  meta: {
    id: "KA055",
    alias: "tunnel-options",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "words after lb_kind or lvs_method that are not tunnel options keepalived can use",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const keyword of ["lb_kind", "lvs_method"]) {
      for (const { statement, uri } of model.withKeyword(keyword)) {
        if (statement.wordCount < 3) continue;
        const args = statement.args;
        if (args.some(isDynamic)) continue;
        const found = tunnelProblem(keyword, args);
        if (found) report({ uri, range: found.word.range, message: found.message });
      }
    }
  },
};
