// HA003: a keyword with fewer or more words after it than haproxy accepts. haproxy refuses both
// ("'use_backend' expects a backend name", "'timeout client' expects …") — measured keyword by
// keyword against haproxy 2.6.12 when the tables were generated. Keywords whose extra words
// haproxy 2.6.12 tolerates have no maximum in the tables.
import { compareVersions } from "../../facts/versions.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { keywordRange } from "./keywords.js";

/**
 * Limits that changed between the versions the tables merge (which keep the larger one): the
 * 3.x `option httpchk` takes a fourth argument, the Host header; 2.6.12 refuses it ("cannot handle
 * unexpected argument").
 */
const MAX_BEFORE: Readonly<Record<string, { readonly before: string; readonly max: number }>> = {
  "option httpchk": { before: "2.8", max: 3 },
};

export const argumentCount: HaproxyRule = {
  meta: {
    id: "HA003",
    alias: "argument-count",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a keyword with too few or too many arguments",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    // An indexed loop: a for...of over 100,000 statements allocates an iterator result per step.
    const placedList = model.statements();
    for (let placedAt = 0; placedAt < placedList.length; placedAt++) {
      const { statement, section, reading } = placedList[placedAt]!;
      if (reading.kind !== "known" || !reading.match.keyword.args) continue;
      // `no option x`: the negated form takes no arguments, and haproxy does not count them the same way.
      if (reading.match.negated) continue;
      const { min } = reading.match.keyword.args;
      const older = MAX_BEFORE[reading.match.keyword.name];
      const max = older && compareVersions(model.version, older.before) < 0 ? older.max : reading.match.keyword.args.max;
      const count = reading.count;
      const name = reading.match.keyword.name;
      if (count < min) {
        report({
          uri: section.uri,
          range: keywordRange(statement, reading.match),
          message: `'${name}' needs ${min === 1 ? "an argument" : `at least ${min} arguments`}${count > 0 ? ` (it has ${count})` : ""}`,
        });
      } else if (max >= 0 && count > max) {
        const extra = reading.args.slice(max);
        report({
          uri: section.uri,
          range: { start: extra[0]!.range.start, end: extra[extra.length - 1]!.range.end },
          message: max === 0 ? `'${name}' takes no argument` : `'${name}' takes at most ${max} argument${max === 1 ? "" : "s"}; haproxy refuses the rest`,
        });
      }
    }
  },
};
