// Semantic tokens: what the tables know about each word, for editors to colour beyond what the
// TextMate grammars can tell — keywords (struck through when deprecated at the target version),
// section and block names where defined and where used, ACLs, `$VAR`s, numbers with units and
// haproxy's `.if` directives. Encoded as LSP wants: five integers per token, relative to the last.
import type { Range } from "../../../grammars/common/text.js";
import type { Line, Section } from "../../../grammars/haproxy/ast.js";
import type { HaproxyParseResult } from "../../../grammars/haproxy/parse.js";
import type { KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import { keepalivedStatements } from "../../../grammars/keepalived/walk.js";
import { matchHaproxyKeyword } from "../facts/haproxy.js";
import { keepalivedKeyword } from "../facts/keepalived.js";
import type { Availability } from "../facts/types.js";
import { availabilityAt } from "../facts/versions.js";
import { keepalivedBlockId } from "./locate.js";
import { localNames, nameIndex } from "./names.js";
import type { Project } from "./project.js";
import type { ParseResult } from "../workspace/loader.js";

export const TOKEN_TYPES = ["keyword", "class", "variable", "function", "enumMember", "number", "macro", "operator", "property"] as const;
export const TOKEN_MODIFIERS = ["declaration", "deprecated"] as const;
type TokenType = (typeof TOKEN_TYPES)[number];

interface Token {
  line: number;
  column: number;
  length: number;
  type: number;
  modifiers: number;
}

const NUMBER = /^-?\d+(?:\.\d+)?(?:us|ms|s|m|h|d|k|g)?$/i;

class Collector {
  readonly tokens: Token[] = [];
  constructor(private readonly lines?: { start: number; end: number }) {}
  add(range: Range, type: TokenType, modifiers = 0): void {
    if (range.start.line !== range.end.line || range.end.column <= range.start.column) return;
    if (this.lines && (range.start.line < this.lines.start || range.start.line > this.lines.end)) return;
    this.tokens.push({ line: range.start.line, column: range.start.column, length: range.end.column - range.start.column, type: TOKEN_TYPES.indexOf(type), modifiers });
  }
}

function deprecatedBit(availability: Availability | undefined, version: string): number {
  const state = availabilityAt(availability, version);
  return state === "deprecated" || state === "removed" ? 2 : 0;
}

/** The tokens of a document (or of the lines from `start` to `end`), encoded for LSP. */
export function semanticTokens(project: Project, uri: string, parsed: ParseResult, lines?: { start: number; end: number }): number[] {
  if (parsed.format === "haproxy") return encode(haproxyTokens(parsed, project.config.targets.haproxy, lines));
  const collector = new Collector(lines);
  const named = new Set<number>();
  for (const site of nameIndex(project).inFile(uri)) {
    if (!site.exact) continue;
    collector.add(site.range, site.what.includes("variable") ? "variable" : "class", site.definition ? 1 : 0);
    named.add(site.start);
  }
  keepalivedTokens(collector, parsed, project.config.targets.keepalived, named);
  return encode(collector.tokens);
}

/** Tokens of haproxy sections, kept per section: an edit recomputes only the sections it touched. */
const sectionTokens = new WeakMap<Section, { version: string; line: number; tokens: Token[] }>();

function haproxyTokens(parsed: HaproxyParseResult, version: string, only?: { start: number; end: number }): Token[] {
  const preamble = new Collector(only);
  haproxyLines(preamble, parsed.ast.preamble, version, new Set());
  const tokens: Token[] = preamble.tokens;
  for (const section of parsed.ast.sections) {
    const first = section.header.line;
    if (only && (first > only.end || section.range.end.line < only.start)) continue;
    let cached = sectionTokens.get(section);
    if (!cached || cached.version !== version) {
      const collector = new Collector();
      const named = new Set<number>();
      for (const site of localNames(parsed, section)) {
        if (!site.exact) continue;
        collector.add(site.range, site.what === "acl" || site.what.includes("variable") ? "variable" : "class", site.definition ? 1 : 0);
        named.add(site.start);
      }
      haproxyLines(collector, [section.header, ...section.body], version, named);
      cached = { version, line: first, tokens: collector.tokens };
      sectionTokens.set(section, cached);
    }
    const shift = first - cached.line;
    for (const token of cached.tokens) {
      const line = token.line + shift;
      if (!only || (line >= only.start && line <= only.end)) tokens.push(shift === 0 ? token : { ...token, line });
    }
  }
  return tokens;
}

function haproxyLines(collector: Collector, lines: readonly Line[], version: string, named: Set<number>): void {
  for (const line of lines) {
    if (line.kind === "directive") {
      collector.add(line.keyword.range, "macro");
      continue;
    }
    if (line.kind !== "statement") continue;
    const match = matchHaproxyKeyword(line.words.map((word) => word.value));
    const keywordWords = match?.wordCount ?? 1;
    const modifiers = match ? deprecatedBit(match.keyword.availability, version) : 0;
    line.words.forEach((word, i) => {
      if (named.has(word.range.startOffset)) return;
      if (i < keywordWords) collector.add(word.range, "keyword", modifiers);
      else if (word.value === "if" || word.value === "unless") collector.add(word.range, "keyword");
      else if (word.value === "||" || word.value === "or" || word.value === "!") collector.add(word.range, "operator");
      else if (NUMBER.test(word.text)) collector.add(word.range, "number");
    });
  }
}

function keepalivedTokens(collector: Collector, parsed: KeepalivedParseResult, version: string, named: Set<number>): void {
  const blockIds = new Map<unknown, string | undefined>();
  const visit = (items: KeepalivedParseResult["ast"]["items"], path: Parameters<typeof keepalivedBlockId>[0]) => {
    const id = keepalivedBlockId(path);
    for (const item of items) {
      if (item.kind === "statement") blockIds.set(item, id);
      if (item.kind === "block") {
        if (item.header) blockIds.set(item.header, id);
        visit(item.items, [...path, item]);
      }
    }
  };
  visit(parsed.ast.items, []);
  for (const statement of keepalivedStatements(parsed.ast)) {
    const blockId = blockIds.get(statement);
    const keyword = blockId ? keepalivedKeyword(blockId, statement.keyword.value) : undefined;
    statement.words.forEach((word, i) => {
      if (named.has(word.range.startOffset)) return;
      if (i === 0 && keyword) collector.add(word.range, "keyword", deprecatedBit(keyword.availability, version));
      else if (i > 0 && NUMBER.test(word.text)) collector.add(word.range, "number");
      else if (i > 0 && keyword?.args?.shapes?.[i - 1]?.startsWith("enum:")) collector.add(word.range, "enumMember");
    });
  }
}

function encode(tokens: Token[]): number[] {
  tokens.sort((a, b) => a.line - b.line || a.column - b.column);
  const data: number[] = [];
  let line = 0;
  let column = 0;
  let lastEnd = -1;
  let lastLine = -1;
  for (const token of tokens) {
    // Overlapping tokens are not allowed: the first one at a place wins.
    if (token.line === lastLine && token.column < lastEnd) continue;
    data.push(token.line - line, token.line === line ? token.column - column : token.column, token.length, token.type, token.modifiers);
    line = token.line;
    column = token.column;
    lastLine = token.line;
    lastEnd = token.column + token.length;
  }
  return data;
}
