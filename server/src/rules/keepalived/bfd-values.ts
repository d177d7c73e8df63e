// KA062: BFD settings keepalived sets aside. A `bfd_instance` whose name is longer than 31 characters
// is ignored ("BFD instance NAME name too long (maximum length is 31 characters) - ignoring"); one
// whose `source_ip` is of the other address family than its `neighbor_ip` is disabled ("source address
// … and neighbor address … are not of the same family, disabling instance", on its closing brace). A
// real server's `BFD_CHECK` without a `name` is skipped ("No name has been specified for BFD_CHECKER -
// skipping", on its closing brace), and a second `name` in one is ignored ("BFD_CHECK - BFD B2 already
// specified as B1"). Measured with keepalived 2.2.7 and 2.3.3 (fifteenth mutation round); a block
// with lines for some hosts only, or values known at run time, is left alone.
import type { Statement, Word } from "../../../../grammars/keepalived/ast.js";
import type { KeepalivedRule } from "../../lint/rule.js";
import { parseAddress } from "./ip.js";
import { throughClose } from "./model.js";
import { BlockView } from "./vrrp.js";
import { isConditional, isDynamic } from "./view-values.js";

/** keepalived's limit on a BFD instance's name (BFD_INAME_MAX less its terminating byte). */
const NAME_MAX = 31;

const familyOf = (word: Word | undefined) => (word && !isDynamic(word) ? parseAddress(word.value)?.family : undefined);
const unknowable = (statements: readonly { statement: Statement }[]) => statements.some(({ statement }) => isConditional(statement) || statement.words.some(isDynamic));

export const bfdValues: KeepalivedRule = {
  meta: {
    id: "KA062",
    alias: "bfd-values",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "a bfd_instance keepalived ignores or disables (a name past 31 characters, a source_ip of the other family), or a BFD_CHECK without one name",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    if (!model.holdsKeyword("bfd_instance") && !model.holdsKeyword("BFD_CHECK")) return;
    for (const [name, blocks] of model.definitions("bfd_instance")) {
      for (const placed of blocks) {
        const view = new BlockView(model, placed);
        if (view.opaque) continue;
        const nameWord = placed.block.header?.args[0];
        if (nameWord && !isDynamic(nameWord) && name.length > NAME_MAX) {
          report({ uri: placed.uri, range: nameWord.range, message: `this bfd_instance name has ${name.length} characters, more than the ${NAME_MAX} keepalived takes: it reports it and ignores the whole instance` });
          continue;
        }
        const sources = view.statements("source_ip");
        const neighbors = [...view.statements("neighbor_ip"), ...view.statements("neighbour_ip")];
        if (unknowable(sources) || unknowable(neighbors)) continue;
        const source = sources.at(-1)?.statement.args[0];
        const neighbor = neighbors.sort((a, b) => a.order - b.order).at(-1)?.statement.args[0];
        const [from, to] = [familyOf(source), familyOf(neighbor)];
        if (!source || from === undefined || to === undefined || from === to) continue;
        report({
          uri: sources.at(-1)!.uri,
          range: throughClose(source.range, placed.block),
          message: `this source_ip is IPv${from} but the neighbor_ip is IPv${to}; keepalived disables the bfd_instance '${name}'`,
          related: [{ uri: placed.uri, range: neighbor!.range, message: "the neighbour's address" }],
        });
      }
    }
    for (const placed of model.blocksWithId("virtual_server>real_server>BFD_CHECK")) {
      const view = new BlockView(model, placed);
      const names = view.statements("name");
      if (view.opaque || unknowable(names) || view.statements("include").length > 0) continue;
      if (names.length === 0) {
        report({ uri: placed.uri, range: throughClose(placed.block.header!.keyword.range, placed.block), message: "this BFD_CHECK names no bfd_instance; keepalived skips it" });
        continue;
      }
      const first = names[0]!.statement.args[0];
      for (const { statement, uri } of names.slice(1)) {
        const word = statement.args[0];
        if (!word || !first) continue;
        report({ uri, range: word.range, message: `this BFD_CHECK already names '${first.value}': keepalived reports this second name and ignores it`, related: [{ uri: names[0]!.uri, range: first.range, message: "the name keepalived keeps" }] });
      }
    }
  },
};
