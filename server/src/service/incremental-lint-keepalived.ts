// Incremental checks of a big keepalived.conf: the top-level vrrp_instance and virtual_server
// blocks an edit touches are checked again with the rules whose findings there depend on the block
// and the rest of the file but not on the other such blocks (KEEPALIVED_SCOPED); every other rule
// runs over the whole file. Same findings as lint(): test/service/incremental-lint.test.ts compares
// them after random edits of every corpus file. A file with includes is always checked whole.
import type { KeepalivedItem } from "../../../grammars/keepalived/ast.js";
import { ConfigNode } from "../../../grammars/keepalived/containers.js";
import type { KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import { ruleSteps } from "../lint/lint.js";
import { keepalivedRules } from "../lint/registry.js";
import { KeepalivedModel } from "../rules/keepalived/model.js";
import { collect, IncrementalLinter, type Units } from "./incremental-lint.js";

/** The blocks that make a keepalived file big, each checked on its own when an edit touches it. */
const MOVABLE: ReadonlySet<string> = new Set(["vrrp_instance", "virtual_server"]);

/**
 * Rules whose findings in a vrrp_instance or virtual_server block depend only on that block and on
 * what is not such a block (global_defs, scripts, groups, definitions), and that report nothing
 * elsewhere because of one.
 */
export const KEEPALIVED_SCOPED: ReadonlySet<string> = new Set([
  "KA001", "KA002", "KA003", "KA004", "KA005", "KA006", "KA007", "KA008", "KA009", "KA010", "KA011", "KA012", "KA013",
  "KA014", "KA016", "KA019", "KA020", "KA021", "KA022", "KA024", "KA025", "KA026", "KA027", "KA028", "KA029", "KA030",
  "KA031", "KA033", "KA034", "KA035", "KA036", "KA037", "KA038", "KA041", "KA042", "KA044", "KA045", "KA046", "KA047",
]);

function movable(item: KeepalivedItem): boolean {
  return item.kind === "block" && item.header !== undefined && !item.header.prefixOnly && MOVABLE.has(item.header.keyword.value) && item.close !== undefined;
}

function keepalivedUnits(uri: string): Units<KeepalivedParseResult, KeepalivedItem> {
  return {
    product: "keepalived",
    scoped: KEEPALIVED_SCOPED,
    stable: new Map(),
    units: (parse) => parse.ast.items,
    start: (item) => item.range.start,
    movable,
    // The header (`vrrp_instance VI_1`, `virtual_server 10.0.0.1 80`) names the block for the others.
    signature: (item) => (item.kind === "block" && item.header ? item.header.words.map((word) => word.value).join(" ") : ""),
    sameOutside: () => true,
    context: () => false,
    run(parse, items, config, wanted, add) {
      const view: KeepalivedParseResult = items ? { ...parse, ast: new ConfigNode(items, parse.ast.range) } : parse;
      const model = new KeepalivedModel([{ uri, parse: view }], [], config.targets.keepalived);
      return ruleSteps(keepalivedRules().filter((rule) => wanted(rule.meta.id)), model, config, uri, collect(uri, add));
    },
  };
}

/** The incremental checker of an open keepalived file without includes. */
export class KeepalivedLinter extends IncrementalLinter<KeepalivedParseResult, KeepalivedItem> {
  constructor(uri: string) {
    super(keepalivedUnits(uri));
  }
}
