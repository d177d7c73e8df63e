// HA004 checks of cache and fcgi-app section words, measured by a second sweep of value forms against
// haproxy 2.6.12. A cache's `process-vary` other than on or off ("'process-vary' expects "on" or
// "off" (enable or disable vary processing)") and `max-age` without its value ("'max-age' expects an
// age parameter in seconds") haproxy warns about and ignores: the setting keeps its default. An
// fcgi-app's `option max-reqs` that atoi() reads as 0 or less ("expects a strictly positive integer
// argument": `0x10`, `4294967296`), or as more than 1 ("multiplexing not supported, ignore the option
// 'max-reqs'", a warning after which the file fails; so does a negative number) and a `log-stderr` of one word other than `global` ("expects
// <address> and <facility> or global as arguments") it refuses.
import type { Statement, Word } from "../../../../grammars/haproxy/ast.js";
import type { Report } from "../../lint/rule.js";
import { atolInt32 } from "./numbers.js";
import { holdsVariable } from "./word-lists.js";

function warning(statement: Statement, word: Word | undefined, message: string): Report[] {
  return [{ severity: "warning", range: (word ?? statement.keyword).range, message: `${message}; haproxy warns and keeps the default` }];
}

export const SECTION_CHECKS: Readonly<Record<string, (args: readonly Word[], version: string, statement: Statement, sectionType?: string) => Report[]>> = {
  "process-vary": (args, _version, statement, sectionType) => {
    const value = args[0];
    if (sectionType !== "cache" || (value && (holdsVariable(value) || value.value === "on" || value.value === "off"))) return [];
    return warning(statement, value, value ? `'${value.value}' is not on or off for 'process-vary'` : "'process-vary' needs on or off");
  },
  "max-age": (args, _version, statement, sectionType) => (sectionType === "cache" && args.length === 0 ? warning(statement, undefined, "'max-age' needs a number of seconds") : []),
  "option max-reqs": (args, _version, _statement, sectionType) => {
    const count = args[0];
    if (sectionType !== "fcgi-app" || !count || holdsVariable(count)) return [];
    const read = atolInt32(count.value);
    if (read <= 0) return [{ range: count.range, message: `'${count.value}' is read as ${read}: 'option max-reqs' needs a number above 0; haproxy refuses the line` }];
    // Measured on 2.6.12, 3.0.11 and 3.2.26 alike.
    if (read === 1) return [];
    return [{ range: count.range, message: `haproxy does not multiplex FastCGI connections: it warns that it ignores 'option max-reqs ${count.value}' and then refuses the file (only 1 passes)` }];
  },
  "log-stderr": (args, _version, _statement, sectionType) => {
    const target = args[0];
    if (sectionType !== "fcgi-app" || !target || args.length > 1 || holdsVariable(target) || target.value === "global") return [];
    return [{ range: target.range, message: `'log-stderr' takes 'global', or an address and a facility ('${target.value}' alone is neither); haproxy refuses the line` }];
  },
};
