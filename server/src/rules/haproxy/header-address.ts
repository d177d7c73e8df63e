// HA009: words after a section's name. haproxy 1.x let `listen NAME ADDRESS:PORT` (and `frontend`)
// carry the listening address on the section line; haproxy 2.x refuses it ("please use the 'bind'
// keyword for listening addresses") and then refuses every line of the section. Any other extra word
// on a section line is refused too.
import type { HaproxyRule } from "../../lint/rule.js";

const NAMED = new Set(["defaults", "frontend", "backend", "listen"]);

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
      if (!NAMED.has(section.type)) continue;
      const header = section.section.header;
      // Words after the name, leaving out `from NAME`.
      const args = header.args;
      let extra = args.slice(1);
      const fromAt = extra.findIndex((word) => word.value === "from");
      if (fromAt >= 0) extra = [...extra.slice(0, fromAt), ...extra.slice(fromAt + 2)];
      if (extra.length === 0 || args.length === 0) continue;
      const first = extra[0]!;
      const range = { start: first.range.start, end: extra[extra.length - 1]!.range.end };
      const isAddress = /[:@]|^\*|^\d+\.\d+\.\d+\.\d+/.test(first.value) && section.type !== "backend" && section.type !== "defaults";
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
