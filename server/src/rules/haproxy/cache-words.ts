// HA004 checks of cache section words that haproxy 2.6.12 warns about and then ignores, measured by a
// second sweep of value forms: `process-vary` other than on or off ("'process-vary' expects "on" or
// "off" (enable or disable vary processing)"), `max-age` without its value ("'max-age' expects an age
// parameter in seconds"). The file stays valid; the setting keeps its default.
import type { Statement, Word } from "../../../../grammars/haproxy/ast.js";
import type { Report } from "../../lint/rule.js";
import { holdsVariable } from "./word-lists.js";

function warning(statement: Statement, word: Word | undefined, message: string): Report[] {
  return [{ severity: "warning", range: (word ?? statement.keyword).range, message: `${message}; haproxy warns and keeps the default` }];
}

export const CACHE_CHECKS: Readonly<Record<string, (args: readonly Word[], version: string, statement: Statement, sectionType?: string) => Report[]>> = {
  "process-vary": (args, _version, statement, sectionType) => {
    const value = args[0];
    if (sectionType !== "cache" || (value && (holdsVariable(value) || value.value === "on" || value.value === "off"))) return [];
    return warning(statement, value, value ? `'${value.value}' is not on or off for 'process-vary'` : "'process-vary' needs on or off");
  },
  "max-age": (args, _version, statement, sectionType) => (sectionType === "cache" && args.length === 0 ? warning(statement, undefined, "'max-age' needs a number of seconds") : []),
};
