// HA009: words after a section's name. haproxy 1.x let `listen NAME ADDRESS:PORT` (and `frontend`)
// carry the listening address on the section line; haproxy 2.x refuses it ("please use the 'bind'
// keyword for listening addresses") and then refuses every line of the section. Any other extra word
// on a proxy's line is refused too (a backend's quietly, then each of its lines: "'listen' or
// 'defaults' expected"). Other sections, measured on haproxy 2.6.12: `global` takes no word and
// `peers`, `userlist`, `cache`, `program`, `log-forward`, `fcgi-app` only a name ("cannot handle
// unexpected argument"); `defaults`, `resolvers`, `ring` and `http-errors` ignore what follows
// their name (a warning).
import type { HaproxyRule } from "../../lint/rule.js";
import type { HaproxyModel } from "./model.js";
import { routes } from "./proxy-settings.js";

const NAMED = new Set(["defaults", "frontend", "backend", "listen"]);

/** Whether a frontend or listen names backend `name` in a static `use_backend` or `default_backend`. */
function routedTo(model: HaproxyModel, name: string): boolean {
  return model.sectionsOfType("frontend", "listen").some((proxy) => routes(model, proxy).some((route) => route.name === name));
}
/** Sections whose line takes a name and nothing more: refused with more, or (IGNORING) read without it. */
const NAME_ONLY = new Set(["peers", "userlist", "cache", "program", "log-forward", "fcgi-app"]);
const IGNORING = new Set(["defaults", "resolvers", "ring", "http-errors"]);

export const headerAddress: HaproxyRule = {
  meta: {
    id: "HA009",
    alias: "header-address",
    product: "haproxy",
    severity: "error",
    category: "compatibility",
    description: "a listening address (or another word) after a section's name",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    const texts = new Map(model.files.map((file) => [file.uri, file.parse.lines.text]));
    for (const section of model.sections) {
      const header = section.section.header;
      if (!NAMED.has(section.type)) {
        const takes = section.type === "global" ? 0 : NAME_ONLY.has(section.type) || IGNORING.has(section.type) ? 1 : undefined;
        const extra = takes === undefined ? [] : header.args.slice(takes);
        if (extra.length === 0) continue;
        const range = { start: extra[0]!.range.start, end: extra[extra.length - 1]!.range.end };
        const what = takes === 0 ? `'${section.type}' takes no argument` : `'${section.type}' takes only a name`;
        if (IGNORING.has(section.type)) report({ uri: section.uri, range, severity: "warning", message: `${what}; haproxy 2.6 ignores '${extra[0]!.text}' and what follows` });
        else report({ uri: section.uri, range, message: `${what}; haproxy refuses '${extra[0]!.text}'` });
        continue;
      }
      // Words after the name, leaving out `from NAME` (most headers have none: their words are not made).
      if (header.argCount <= 1) continue;
      const args = header.args;
      let extra = args.slice(1);
      const fromAt = extra.findIndex((word) => word.value === "from");
      // A defaults section ignores what follows its name unless it is `from` (measured).
      if (fromAt >= 0 && fromAt === extra.length - 1 && (fromAt === 0 || section.type !== "defaults")) {
        report({ uri: section.uri, range: extra[fromAt]!.range, message: `'from' needs the name of a defaults section after it; haproxy refuses this section` });
        continue;
      }
      if (fromAt >= 0) extra = [...extra.slice(0, fromAt), ...extra.slice(fromAt + 2)];
      if (extra.length === 0 || args.length === 0) continue;
      const first = extra[0]!;
      const range = { start: first.range.start, end: extra[extra.length - 1]!.range.end };
      const isAddress = /[:@]|^\*|^\d+\.\d+\.\d+\.\d+/.test(first.value) && section.type !== "backend" && section.type !== "defaults";
      if (!isAddress && section.type === "defaults") {
        report({ uri: section.uri, range, severity: "warning", message: `'defaults' takes only a name and 'from DEFAULTS'; haproxy 2.6 ignores '${first.text}' and what follows` });
        continue;
      }
      if (!isAddress && section.type === "backend" && section.statements.length === 0) {
        // Measured with 2.6.12: the header is refused without a word, and only its first line says
        // so; the backend then does not exist, and a proxy that routes to it is refused ("unable to
        // find required default_backend").
        const used = section.name !== undefined && routedTo(model, section.name);
        const message = used
          ? `'backend' takes only a name (and 'from DEFAULTS'); haproxy skips this header without a word, so there is no backend '${section.name}' and the proxies that route to it are refused`
          : `'backend' takes only a name (and 'from DEFAULTS'); haproxy skips this header without a word, and would refuse every line under it`;
        report({ uri: section.uri, range, ...(used ? {} : { severity: "warning" as const }), message });
        continue;
      }
      if (!isAddress) {
        report({ uri: section.uri, range, message: `'${section.type}' takes only a name${section.type === "defaults" || section.section.from ? "" : " (and 'from DEFAULTS')"}; haproxy refuses this section` });
        continue;
      }
      const text = texts.get(section.uri);
      const body = section.statements[0];
      const keyword = body?.keyword.range.start;
      const indent = keyword ? (/^[ \t]*/.exec(text?.slice(keyword.offset - keyword.column, keyword.offset) ?? "")?.[0] ?? "    ") : "    ";
      const lineEnd = header.range.end.offset;
      const newline = text?.slice(header.range.start.offset, lineEnd).match(/\r?\n$/)?.[0] ?? "\n";
      const address = extra.map((word) => word.text).join(" ");
      report({
        uri: section.uri,
        range,
        message: `an address on the '${section.type}' line is haproxy 1.x syntax that haproxy 2.x refuses, with every line of the section; write 'bind ${address}' inside the section`,
        fix: {
          description: `move the address to a 'bind' line`,
          edits: [
            { start: args[0]!.range.end.offset, end: range.end.offset, newText: "" },
            { start: lineEnd, end: lineEnd, newText: `${indent}bind ${address}${newline}` },
          ],
        },
      });
    }
  },
};
