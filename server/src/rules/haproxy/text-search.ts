// Searching the file texts of a haproxy configuration instead of walking its statements: the
// characters each statement's line holds (`Placed.flags`), the statements whose line mentions a
// word, and the lines whose text matches a pattern. One scan of a text answers many questions.
import { searchLines, type TextProbe } from "../search-lines.js";
import type { Line } from "../../../../grammars/haproxy/ast.js";
import type { LineIndex } from "../../../../grammars/common/text.js";
import { ALL_FLAGS, HAS_DOLLAR, HAS_PAREN, HAS_PERCENT, NOT_PLAIN, type Placed } from "./placed.js";
import type { HaproxyFileInput, SectionModel } from "./section-model.js";

/** A file text searched for words, with the statement of each of its lines. */
interface SearchedText {
  readonly lines: LineIndex;
  /** Undefined when the text cannot be searched. */
  byLine: (Placed | undefined)[] | undefined;
  /** Statements that a search cannot rule out: not placed on a line, or quoted or escaped. */
  readonly unsearchable: Placed[];
  /** The lines that hold each declared word (see `searchFor`), found on first use. */
  declared?: Map<string, number[]>;
  /** The parts [from, to) of the text the model's lines stand on, when it is not the whole text. */
  readonly spans: readonly (readonly [number, number])[] | undefined;
}

/** Words the rules look for with `mentioning`, declared with `searchFor` when their modules load. */
const declaredWords = new Set<string>();

/**
 * Declares words a rule looks for with `model.mentioning`: a file is searched for every declared
 * word at once (one scan instead of one per word), on the first search.
 */
export function searchFor(...words: string[]): void {
  for (const word of words) declaredWords.add(word);
}

const FLAG_CHARACTERS: readonly (readonly [string, number])[] = [
  ["%", HAS_PERCENT],
  ["(", HAS_PAREN],
  ['"', NOT_PLAIN],
  ["'", NOT_PLAIN],
  ["\\", NOT_PLAIN],
  ["$", HAS_DOLLAR],
];

/**
 * The file texts of one model, searched for what the rules look for; every search is kept. Each
 * public method but `flag` answers the model's method of the same name (documented in model.ts).
 */
export class TextSearch {
  private readonly searched: SearchedText[] = [];
  private readonly mentions = new Map<string, Placed[]>();
  private readonly allLines = new Map<HaproxyFileInput, Line[]>();
  private readonly values = new Map<Placed, string>();
  /** Each unsearchable statement's text without its quotes (see `mayMatch`), or null where a backslash may escape something. */
  private readonly unquoted = new Map<Placed, string | null>();
  private readonly mappedLines = new Map<HaproxyFileInput, boolean>();

  constructor(private readonly files: readonly HaproxyFileInput[]) {}

  /**
   * Sets the `flags` of `placed` (every statement of `sections`, in order): the few lines that hold
   * one of the characters, found in the file texts. Done once, before any search.
   */
  flag(sections: readonly SectionModel[], placed: readonly Placed[]): void {
    const byFile = new Map<string, Placed[]>();
    if (this.files.length > 1) for (const section of sections) {
      const list = byFile.get(section.uri) ?? byFile.set(section.uri, []).get(section.uri)!;
      const own = section.index!.placed;
      for (let i = 0; i < own.length; i++) list.push(own[i]!);
    }
    for (const file of this.files) {
      const inFile = this.files.length === 1 ? placed : byFile.get(file.uri);
      if (!inFile) continue;
      const lines = file.parse.lines;
      const text = lines.text;
      const searched: SearchedText = { lines, byLine: undefined, unsearchable: [], spans: textSpans(file) };
      this.searched.push(searched);
      // A carriage return alone starts a new line for the line index but not for the grammar: the
      // lines of such a file are not searched, none of its statements is passed over.
      if (searched.spans ? searched.spans.some(([from, to]) => hasLoneCarriageReturn(text, from, to)) : hasLoneCarriageReturn(text)) {
        for (let i = 0; i < inFile.length; i++) inFile[i]!.flags = ALL_FLAGS;
        searched.unsearchable.push(...inFile);
        continue;
      }
      // Each statement stands on one line of its own; one that cannot be placed on the text is never
      // passed over.
      const byLine = new Array<Placed | undefined>(lines.lineCount);
      const base = lines.base.line;
      for (let i = 0; i < inFile.length; i++) {
        const entry = inFile[i]!;
        const line = entry.statement.line - base;
        if (line >= 0 && line < byLine.length && byLine[line] === undefined) byLine[line] = entry;
        else entry.flags = ALL_FLAGS;
      }
      searched.byLine = byLine;
      for (const [character, flag] of FLAG_CHARACTERS) {
        const hits = searchIn(searched, character);
        for (let i = 0; i < hits.length; i++) {
          const entry = byLine[hits[i]!];
          if (entry) entry.flags |= flag;
        }
      }
      for (let i = 0; i < inFile.length; i++) if (inFile[i]!.flags & NOT_PLAIN) searched.unsearchable.push(inFile[i]!);
    }
  }

  mentioning(patterns: readonly (string | RegExp)[]): readonly Placed[] {
    const key = patterns.map((p) => (typeof p === "string" ? `s${p}` : `r${p.source}/${p.flags}`)).join("\u0000");
    let found = this.mentions.get(key);
    if (found) return found;
    found = [];
    for (const searched of this.searched) {
      const { lines, byLine, unsearchable: unsearched } = searched;
      const at: Placed[] = [];
      if (byLine) {
        const hit = new Set<number>();
        for (const pattern of patterns) {
          const hits = typeof pattern === "string" && declaredWords.has(pattern) ? declaredLines(searched, pattern) : searchIn(searched, pattern);
          for (let i = 0; i < hits.length; i++) if (byLine[hits[i]!]) hit.add(hits[i]!);
        }
        for (const line of [...hit].sort((a, b) => a - b)) at.push(byLine[line]!);
      }
      // The statements the text search cannot rule out: their words' values are searched.
      const unsearchable = unsearched.filter((placed) => patterns.some((pattern) => this.mayMatch(placed, pattern) && matches(this.valuesText(placed), pattern)));
      // Both lists are in the order of the file: merge them.
      const base = lines.base.line;
      let i = 0;
      let j = 0;
      while (i < at.length || j < unsearchable.length) {
        const a = at[i];
        const b = unsearchable[j];
        if (a === b) {
          found.push(a!);
          i++;
          j++;
        } else if (b === undefined || (a !== undefined && a.statement.line - base < b.statement.line - base)) {
          found.push(a!);
          i++;
        } else {
          found.push(b);
          j++;
        }
      }
    }
    this.mentions.set(key, found);
    return found;
  }

  /**
   * False when `pattern`, a string, cannot be in the statement's values: its line has no backslash
   * (whose escapes could make one of its characters) and does not hold it once the quotes are taken
   * out. Values are the words' texts without their quotes, so the values cannot hold it either; this
   * spares making the words of the many quoted lines a word search does not concern.
   */
  private mayMatch(placed: Placed, pattern: string | RegExp): boolean {
    if (typeof pattern !== "string") return true;
    let raw = this.unquoted.get(placed);
    if (raw === undefined) {
      const statement = placed.statement;
      const text = statement.range.lines.text.slice(statement.range.localStart, statement.range.localEnd);
      this.unquoted.set(placed, (raw = text.includes("\\") ? null : text.replace(/["']/g, "")));
    }
    return raw === null || raw.includes(pattern);
  }

  /** The values of a statement's words, joined by blanks, as a search reads them. */
  private valuesText(placed: Placed): string {
    let text = this.values.get(placed);
    if (text === undefined) this.values.set(placed, (text = placed.statement.words.map((word) => word.value).join(" ")));
    return text;
  }

  fileLines(file: HaproxyFileInput): readonly Line[] {
    let lines = this.allLines.get(file);
    if (!lines) {
      const ast = file.parse.ast;
      lines = [...ast.preamble];
      for (const section of ast.sections) {
        lines.push(section.header);
        const body = section.body;
        for (let i = 0; i < body.length; i++) lines.push(body[i]!);
      }
      this.allLines.set(file, lines);
    }
    return lines;
  }

  linesMatching(pattern: string | RegExp | TextProbe): readonly { readonly file: HaproxyFileInput; readonly line: Line; readonly index: number }[] {
    const found: { file: HaproxyFileInput; line: Line; index: number }[] = [];
    for (const file of this.files) {
      const lines = this.fileLines(file);
      const index = file.parse.lines;
      const base = index.base.line;
      // Lines are numbered from their first one: the n-th line of the text is at n - first.
      const first = lines[0] ? lines[0].line - base : 0;
      let mapped = this.mappedLines.get(file);
      if (mapped === undefined) {
        mapped = !hasLoneCarriageReturn(index.text);
        for (let i = 0; mapped && i < lines.length; i++) mapped = lines[i]!.line - base === first + i;
        this.mappedLines.set(file, mapped);
      }
      if (!mapped) {
        lines.forEach((line, i) => found.push({ file, line, index: i }));
        continue;
      }
      for (const number of searchLines(index.text, index, pattern)) {
        const at = number - first;
        if (at >= 0 && at < lines.length) found.push({ file, line: lines[at]!, index: at });
      }
    }
    return found;
  }
}

/** The lines of a text that hold a declared word (see `searchFor`): all declared words found in one scan. */
function declaredLines(searched: SearchedText, word: string): readonly number[] {
  if (!searched.declared) {
    // A one-character word (`(`) is found by indexOf, which is fast: in the alternation it makes the
    // regular expression try a match at nearly every character (10 ms instead of 4 on 4 MB).
    const single = [...declaredWords].filter((each) => each.length === 1);
    const words = [...declaredWords].filter((each) => each.length > 1);
    const declared = new Map<string, number[]>(words.map((each) => [each, []]));
    const { lines } = searched;
    const text = lines.text;
    for (const each of single) declared.set(each, searchIn(searched, each));
    // The lines holding any of the longer words, then which words each of them holds.
    const any = new RegExp(words.map((each) => each.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
    for (const line of words.length === 0 ? [] : searchIn(searched, any)) {
      const lineText = text.slice(lines.lineStart(line), lines.lineStart(line + 1));
      for (const each of words) if (lineText.includes(each)) declared.get(each)!.push(line);
    }
    searched.declared = declared;
  }
  // A word declared after the first search is looked for on its own.
  return searched.declared.get(word) ?? searchIn(searched, word);
}

/** `searchLines` over the parts of the text the model stands on. */
function searchIn(searched: SearchedText, pattern: string | RegExp): number[] {
  const { lines, spans } = searched;
  if (!spans) return searchLines(lines.text, lines, pattern);
  const found: number[] = [];
  for (const [from, to] of spans) for (const line of searchLines(lines.text, lines, pattern, from, to)) found.push(line);
  return found;
}

/**
 * The parts of a file's text its tree holds, as offsets: undefined for the whole text. The
 * incremental check builds a model of a few sections of a big file (a view of its tree): searching
 * the whole text for them cost more than the rules' own work on those sections.
 */
function textSpans(file: HaproxyFileInput): readonly (readonly [number, number])[] | undefined {
  const { ast, lines } = file.parse;
  const base = lines.base.line;
  const intervals: [number, number][] = [];
  for (const line of ast.preamble) intervals.push([line.line - base, line.line - base]);
  for (const section of ast.sections) {
    const body = section.body;
    const last = body.length > 0 ? body[body.length - 1]!.line : section.header.line;
    intervals.push([section.header.line - base, last - base]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const interval of intervals) {
    const top = merged[merged.length - 1];
    if (top && interval[0] <= top[1] + 1) top[1] = Math.max(top[1], interval[1]);
    else merged.push([interval[0], interval[1]]);
  }
  const spans = merged.map(([first, last]) => [lines.lineStart(first), lines.lineStart(last + 1)] as const);
  // One part from the start to the end (or to the empty line after a last line break): the whole text.
  if (spans.length === 1 && spans[0]![0] === 0 && spans[0]![1] >= lines.lineStart(lines.lineCount - 1)) return undefined;
  return spans;
}

function matches(text: string, pattern: string | RegExp): boolean {
  if (typeof pattern === "string") return text.includes(pattern);
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

/** Whether [from, to) of the text holds a carriage return alone (one in a statement of another section changes nothing here). */
function hasLoneCarriageReturn(text: string, from = 0, to = text.length): boolean {
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  for (let at = part.indexOf("\r"); at >= 0; at = part.indexOf("\r", at + 1)) if (part.charCodeAt(at + 1) !== 10 || at + 1 === part.length && text.charCodeAt(to) !== 10) return true;
  return false;
}
