// Inlay hints where they help: on a haproxy proxy's header, the timeouts it takes from its defaults
// section; after a keepalived `$VAR`, the value it stands for.
import { InlayHintKind, type InlayHint } from "vscode-languageserver-types";
import type { HaproxyParseResult } from "../../../grammars/haproxy/parse.js";
import type { KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import { HaproxyModel } from "../rules/haproxy/model.js";
import { nameIndex } from "./names.js";
import type { Project } from "./project.js";
import type { ParseResult } from "../workspace/loader.js";

const TIMEOUTS = ["client", "connect", "server"];

export function inlayHints(project: Project, uri: string, parsed: ParseResult, lines: { start: number; end: number }): InlayHint[] {
  return parsed.format === "haproxy" ? haproxyHints(project, uri, parsed, lines) : keepalivedHints(project, uri, parsed, lines);
}

function haproxyHints(project: Project, uri: string, parsed: HaproxyParseResult, lines: { start: number; end: number }): InlayHint[] {
  const model = new HaproxyModel([{ uri, parse: parsed }], project.config.targets.haproxy);
  const hints: InlayHint[] = [];
  for (const section of model.sectionsOfType("frontend", "backend", "listen")) {
    const header = section.section.header;
    if (header.line < lines.start || header.line > lines.end) continue;
    const inherited: string[] = [];
    for (const name of TIMEOUTS) {
      if (name === "client" && section.type === "backend") continue;
      if (name !== "client" && section.type === "frontend") continue;
      const found = model.timeout(section, name);
      if (found && found.section !== section) inherited.push(`${name} ${found.statement.args[1]?.value ?? "?"}`);
    }
    if (inherited.length === 0) continue;
    const end = header.words[header.words.length - 1]!.range.end;
    hints.push({
      position: { line: end.line, character: end.column },
      label: `timeout ${inherited.join(", ")}`,
      kind: InlayHintKind.Parameter,
      paddingLeft: true,
      tooltip: "inherited from its defaults section",
    });
  }
  return hints;
}

function keepalivedHints(project: Project, uri: string, parsed: KeepalivedParseResult, lines: { start: number; end: number }): InlayHint[] {
  const index = nameIndex(project);
  const hints: InlayHint[] = [];
  for (const site of index.inFile(uri)) {
    if (site.definition || !site.key.startsWith("var:") || site.range.start.line < lines.start || site.range.start.line > lines.end) continue;
    const definition = index.definitions(site.key)[0];
    if (!definition) continue;
    const file = project.loaded.files.get(definition.uri);
    if (!file || file.parse.format !== "keepalived") continue;
    const item = file.parse.ast.items.find((candidate) => candidate.kind === "definition" && candidate.name === site.name);
    if (!item || item.kind !== "definition") continue;
    const value = item.value.replace(/\\\r?\n\s*/g, " ").trim();
    hints.push({ position: { line: site.range.end.line, character: site.range.end.column + (site.name.length > 0 ? closing(parsed.lines.text, site.end) : 0) }, label: `= ${value.length > 40 ? `${value.slice(0, 39)}…` : value}`, kind: InlayHintKind.Type, paddingLeft: true });
  }
  return hints;
}

/** A `${NAME}` reference ends one character after its name. */
function closing(text: string, end: number): number {
  return text[end] === "}" ? 1 : 0;
}
