// Hover: on a keyword, option, action, fetch or converter, what it does and how it is written (see
// describe.ts); on a name, where and how it is defined.
import { MarkupKind, type Hover } from "vscode-languageserver-types";
import type { Range } from "../../../grammars/common/text.js";
import type { HaproxyParseResult } from "../../../grammars/haproxy/parse.js";
import type { KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import { haproxyAction, haproxyBindOption, haproxyConverter, haproxyFetch, haproxyServerOption, matchHaproxyKeyword } from "../facts/haproxy.js";
import { keepalivedBlock, keepalivedKeyword } from "../facts/keepalived.js";
import type { HaproxyItemKind } from "../facts/haproxy-docs.js";
import type { HaproxyOption } from "../facts/types.js";
import { describeHaproxyKeyword, describeHaproxyOption, describeKeepalivedKeyword, describeMisplacedKeepalivedKeyword } from "./describe.js";
import { lspRange } from "./document.js";
import { describeLuaItem, isLuaName } from "./lua-hover.js";
import { describeHaproxyValue, describeKeepalivedValue } from "./value-hover.js";
import { haproxyCursor, keepalivedCursor } from "./locate.js";
import { nameAt, nameIndex, type NameSite } from "./names.js";
import type { Project } from "./project.js";
import type { ParseResult } from "../workspace/loader.js";

export function hover(project: Project, uri: string, parsed: ParseResult, offset: number): Hover | null {
  // A keyword is never a name: answer it without building the name index.
  const keyword = parsed.format === "haproxy" ? haproxyKeywordHover(project, parsed, offset) : keepalivedHover(project, parsed, offset);
  if (keyword) return keyword;
  const site = nameAt(project, uri, offset);
  if (site) return nameHover(project, site);
  return parsed.format === "haproxy" ? haproxyHover(project, parsed, offset) : null;
}

function haproxyKeywordHover(project: Project, parsed: HaproxyParseResult, offset: number): Hover | null {
  const cursor = haproxyCursor(parsed, offset);
  if (!cursor.word || cursor.inComment || cursor.onHeader) return null;
  const match = matchHaproxyKeyword(cursor.words.map((w) => w.value));
  if (!match || cursor.index >= match.wordCount) return null;
  const range = { start: cursor.words[0]!.range.start, end: cursor.words[match.wordCount - 1]!.range.end };
  return markdown(describeHaproxyKeyword(match.keyword, project.config.targets.haproxy), range);
}

function markdown(value: string, range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: lspRange(range) };
}

/** Where a name is defined, with the defining line; or that it is not defined. */
function nameHover(project: Project, site: NameSite): Hover {
  const definitions = nameIndex(project).definitions(site.key);
  const lines: string[] = [];
  if (site.key.startsWith("acl:predefined:")) lines.push(`**${site.name}**: an ACL haproxy defines itself.`);
  else if (definitions.length === 0) lines.push(`**${site.name}**: no ${site.what} of this name is defined in this configuration.`);
  for (const definition of definitions.slice(0, 3)) {
    const file = project.loaded.files.get(definition.uri);
    const where = definition.uri === site.uri ? `line ${definition.range.start.line + 1}` : `line ${definition.range.start.line + 1} of ${decodeURIComponent(definition.uri.slice(definition.uri.lastIndexOf("/") + 1))}`;
    lines.push(`${site.what} **${definition.name}**, defined on ${where}`);
    if (file) {
      const text = definitionText(file.text, file.parse, definition);
      lines.push("```" + project.format + "\n" + text + "\n```");
    }
  }
  return markdown(lines.join("\n\n"), site.range);
}

/** The defining line, and for a block header the lines up to its closing brace (at most ten). */
function definitionText(text: string, parse: ParseResult, site: NameSite): string {
  const first = site.range.start.line;
  const start = parse.lines.lineStart(first);
  const lineEnd = (line: number) => (line + 1 < parse.lines.lineCount ? parse.lines.lineStart(line + 1) : text.length);
  let last = first;
  if (parse.format === "keepalived") {
    const block = parse.ast.items.find((item) => item.kind === "block" && item.range.startOffset <= site.start && site.end <= item.range.endOffset);
    if (block) last = Math.min(block.range.end.line, first + 9);
  }
  return text.slice(start, lineEnd(last)).replace(/\s+$/, "");
}

function haproxyHover(project: Project, parsed: HaproxyParseResult, offset: number): Hover | null {
  const cursor = haproxyCursor(parsed, offset);
  const word = cursor.word;
  if (!word || cursor.inComment) return null;
  const version = project.config.targets.haproxy;
  const values = cursor.words.map((w) => w.value);
  const match = matchHaproxyKeyword(values);
  if (match && cursor.index < match.wordCount) {
    const range = { start: cursor.words[0]!.range.start, end: cursor.words[match.wordCount - 1]!.range.end };
    return markdown(describeHaproxyKeyword(match.keyword, version), range);
  }
  if (cursor.onHeader && cursor.index === 0) return markdown(`Starts a **${word.value}** section.`, word.range);
  let option: HaproxyOption | undefined;
  let kind: HaproxyItemKind = "bind option";
  if (match) {
    const keyword = match.keyword;
    if (keyword.actions && cursor.index === match.wordCount) [option, kind] = [haproxyAction(keyword.actions, word.value), { ruleSet: keyword.actions }];
    else if (keyword.name === "bind") [option, kind] = [haproxyBindOption(word.value), "bind option"];
    else if (["server", "default-server", "server-template"].includes(keyword.name)) [option, kind] = [haproxyServerOption(word.value), "server option"];
  }
  if (option) {
    if (typeof kind !== "string" && option.name === "lua.*") return markdown(describeLuaItem("action", word.value, version), word.range);
    return markdown(describeHaproxyOption(option, kind, version), word.range);
  }
  if (match?.keyword.actions && cursor.index === match.wordCount + 1 && values[match.wordCount] === "use-service" && isLuaName(word.value)) {
    return markdown(describeLuaItem("service", word.value, version), word.range);
  }
  if (match && cursor.index >= match.wordCount) {
    const value = describeHaproxyValue(match, values.slice(match.wordCount), cursor.index - match.wordCount, version);
    if (value) return markdown(value, word.range);
  }
  // A sample expression: the fetch before the first comma, converters after.
  const inWord = offset - word.range.startOffset;
  const text = word.text;
  const segmentStart = text.lastIndexOf(",", Math.max(0, inWord - 1)) + 1;
  let segmentEnd = text.indexOf(",", inWord);
  if (segmentEnd < 0) segmentEnd = text.length;
  const name = text.slice(segmentStart, segmentEnd).replace(/\(.*$/s, "").replace(/^%\[/, "");
  const asFetch = segmentStart === 0 || text.startsWith("%[");
  const fetch = asFetch ? haproxyFetch(name) : undefined;
  const converter = segmentStart > 0 ? haproxyConverter(name) : undefined;
  const found = fetch ?? converter;
  const start = word.range.startOffset + segmentStart;
  const range = { start: parsed.lines.position(start), end: parsed.lines.position(start + name.length + (text.slice(segmentStart).startsWith("%[") ? 2 : 0)) };
  if (found) return markdown(describeHaproxyOption(found, fetch ? "sample fetch" : "converter", version), range);
  if (isLuaName(name)) return markdown(describeLuaItem(segmentStart === 0 ? "sample fetch" : "converter", name, version), range);
  return null;
}

function keepalivedHover(project: Project, parsed: KeepalivedParseResult, offset: number): Hover | null {
  const cursor = keepalivedCursor(parsed, offset);
  const word = cursor.word;
  if (!word || cursor.blockId === undefined) return null;
  if (cursor.index > 0) {
    // a value: `lvs_sched wlc`, `lb_kind DR`, `state BACKUP`
    const keyword = cursor.statement && keepalivedKeyword(cursor.blockId, cursor.statement.keyword.value);
    const value = keyword && describeKeepalivedValue(keyword, word.value, project.config.targets.keepalived);
    return value ? markdown(value, word.range) : null;
  }
  if (keepalivedBlock(cursor.blockId)?.entries) return null;
  const version = project.config.targets.keepalived;
  const keyword = keepalivedKeyword(cursor.blockId, word.value);
  if (keyword) return markdown(describeKeepalivedKeyword(keyword, cursor.blockId, version), word.range);
  const misplaced = describeMisplacedKeepalivedKeyword(word.value, cursor.blockId, version);
  return misplaced ? markdown(misplaced, word.range) : null;
}
