// Builds the haproxy tree from the parser's raw lines: each line becomes an empty line, a statement
// or a preprocessor directive; statements whose first word opens a section start a new section;
// `.if` blocks are matched into a tree that every line can look up through its `guard`.
import { diagnostic, type SyntaxDiagnostic } from "../common/diagnostics.js";
import { excerpt } from "../common/excerpt.js";
import { suggest } from "../common/suggest.js";
import type { SourceSpan } from "../common/text.js";
import type {
  ConditionalBlock,
  ConditionalBranch,
  Directive,
  DirectiveName,
  Line,
  Section,
  Statement,
} from "./ast.js";
import type { SpanTable } from "../common/span-table.js";
import { DIRECTIVE, EMPTY, type LineStore, STATEMENT } from "./line-store.js";
import { CONDITION_KEYWORDS, conditionStart, parseCondition } from "./condition.js";
import { expandedKeyword, keywordName, undecidedKeyword } from "./keyword.js";
import { LineNode, SPECIAL_WORD, wordsFromTable, type LineExtra } from "./line.js";
import { parsePredicate } from "./predicate.js";
import { SECTION_KINDS } from "./sections.js";
import type { Word } from "./words.js";

const DIRECTIVES: ReadonlySet<string> = new Set([".if", ".elif", ".else", ".endif", ".diag", ".notice", ".warning", ".alert"]);
const CONDITIONAL_DIRECTIVES: ReadonlySet<string> = new Set([".if", ".elif", ".else", ".endif"]);

/**
 * The length and first character of every keyword the grammar tells apart (directives, section
 * keywords, keywords that take a condition): other keywords need not be cut out of the text.
 */
const KNOWN_SHAPES: ReadonlySet<number> = new Set(
  [...DIRECTIVES, ...SECTION_KINDS.keys(), ...CONDITION_KEYWORDS].map((name) => name.length * 65536 + name.charCodeAt(0)),
);

/** haproxy 2.6 truncates a line after this many words, and fails. */
export const MAX_WORDS_PER_LINE = 64;

/** What buildSections needs to know of the lines besides the lines themselves. */
export interface LineKeywords {
  /** For each statement, its keyword as haproxy compares it (see keywordName); "" for other lines. */
  readonly names: string[];
  /** Indexes of the statements whose keyword's name differs from its value (it holds a variable). */
  readonly expanded: Set<number>;
  /** Whether any line is an `.if`, `.elif`, `.else` or `.endif`: without one, there are no blocks to match. */
  conditional: boolean;
}

/**
 * Records the line that spans [start, end): its words (entries [first, first + count) of the
 * store's table), perhaps a comment, perhaps a line break. The spaces in between are not tokens; the
 * line's range covers them. Checks what the grammar checks in a line. Objects are made only for
 * what needs them (the line node and its words): lines with words the scanner flagged (quotes,
 * backslashes, templates), with a condition, and directives; the store makes the others on demand.
 */
export function readLine(
  store: LineStore,
  first: number,
  count: number,
  start: number,
  end: number,
  commentStart: number,
  newlineStart: number,
  localLine: number,
  diagnostics: SyntaxDiagnostic[],
  keywords: LineKeywords,
): void {
  // No closures here: this runs once per line of the file.
  if (count === 0) {
    keywords.names.push("");
    store.push(start, end, first, count, commentStart, localLine, EMPTY, undefined);
    return;
  }
  const table = store.table;
  const lines = table.lines;
  const text = lines.text;
  let words: readonly Word[] | undefined;
  for (let i = 0; i < count; i++) {
    if ((table.flags(first + i) & SPECIAL_WORD) === 0) continue;
    words ??= wordsFromTable(table, first, count);
    const word = words[i]!;
    if (word.isPlain) continue;
    const quote = word.unterminatedQuote;
    if (quote) {
      diagnostics.push(diagnostic("unterminated-quote", "error", "this quote is not closed before the end of the line", quote.range));
    }
    for (const problem of word.problems) diagnostics.push(diagnostic(problem.code, "error", problem.message, problem.range));
  }
  if (count >= MAX_WORDS_PER_LINE) reportTooManyWords(table, first, count, end, commentStart, newlineStart, diagnostics);

  // Keywords are compared unquoted and expanded, as haproxy compares them: `".if"` is `.if`. A word
  // the scanner did not flag is plain: its name is its text, which matters only if it may be one of
  // the keywords the grammar tells apart ("" stands for any other). A flagged one was made above.
  const keyword = words === undefined || (table.flags(first) & SPECIAL_WORD) === 0 ? undefined : words[0]!;
  const keywordStart = table.start(first);
  const keywordEnd = table.end(first);
  const keywordText = keyword
    ? keywordName(keyword)
    : KNOWN_SHAPES.has((keywordEnd - keywordStart) * 65536 + text.charCodeAt(keywordStart))
      ? text.slice(keywordStart, keywordEnd)
      : "";
  const expanded = keyword !== undefined && keywordText !== keyword.value;
  if (DIRECTIVES.has(keywordText)) {
    keywords.names.push("");
    const name = keywordText as DirectiveName;
    if (CONDITIONAL_DIRECTIVES.has(name)) keywords.conditional = true;
    if (expanded) diagnostics.push(expandedKeyword(keyword, keywordText));
    let predicate;
    if ((name === ".if" || name === ".elif") && count > 1) {
      words ??= wordsFromTable(table, first, count);
      predicate = parsePredicate(lines, words.slice(1), diagnostics);
    }
    const extra: LineExtra = { hasCondition: false, name, predicate, argsEnd: count };
    const node = new LineNode("directive", table, start, end, first, count, commentStart, localLine, extra, words);
    store.push(start, end, first, count, commentStart, localLine, DIRECTIVE, node);
    return;
  }
  if (expanded) keywords.expanded.add(keywords.names.length);
  keywords.names.push(keywordText);
  // Only the first words of some statements take a condition: the other lines need no word objects.
  const keywordValue = keyword ? keyword.value : keywordText;
  let extra: LineExtra | undefined;
  if (CONDITION_KEYWORDS.has(keywordValue)) {
    words ??= wordsFromTable(table, first, count);
    const conditionAt = conditionStart(words);
    if (conditionAt >= 0) {
      // Read for its diagnostics; the line makes it again when asked (see LineNode.condition).
      parseCondition(words.slice(conditionAt), lines, diagnostics);
      extra = { hasCondition: true, name: undefined, predicate: undefined, argsEnd: conditionAt };
    }
  }
  // The words made here are let go: the store makes the line and its words again when asked for,
  // and most of a large file never is. Only what the line itself must keep makes it now.
  const node = extra ? new LineNode("statement", table, start, end, first, count, commentStart, localLine, extra, undefined) : undefined;
  store.push(start, end, first, count, commentStart, localLine, STATEMENT, node);
}

/** A line of 64 words or more: haproxy 2.6 truncates it and fails. */
function reportTooManyWords(
  table: SpanTable,
  first: number,
  count: number,
  end: number,
  commentStart: number,
  newlineStart: number,
  diagnostics: SyntaxDiagnostic[],
): void {
  const lines = table.lines;
  if (count > MAX_WORDS_PER_LINE) {
    diagnostics.push(
      diagnostic(
        "too-many-words",
        "error",
        `a line may hold at most ${MAX_WORDS_PER_LINE} words; haproxy stops reading this one here`,
        lines.range(table.start(first + MAX_WORDS_PER_LINE), table.end(first + count - 1)),
      ),
    );
    return;
  }
  // haproxy takes a blank after the 64th word (before a comment or the line end) for the start
  // of a 65th word, and fails the same way.
  const last = table.end(first + MAX_WORDS_PER_LINE - 1);
  const stop = commentStart >= 0 ? commentStart : newlineStart >= 0 ? newlineStart : end;
  if (stop > last) {
    diagnostics.push(
      diagnostic("too-many-words", "error", `haproxy reads the blank after the ${MAX_WORDS_PER_LINE}th word as the start of one word too many`, lines.range(last, stop)),
    );
  }
}

/**
 * Groups the lines into the preamble and sections; `keywords.names[i]` is what readLine said of line
 * i. A section's body is the lines from its header to the next, made when first asked for; so is the
 * preamble (`preambleEnd` is where it ends).
 */
export function buildSections(
  store: LineStore,
  keywords: LineKeywords,
  diagnostics: SyntaxDiagnostic[],
): { preambleEnd: number; sections: Section[] } {
  const lines = store.table.lines;
  const text = lines.text;
  const sections: Section[] = [];
  let header = -1;
  const close = (next: number) => {
    if (header >= 0) sections.push(makeSection(store, header, next));
    else preambleEnd = next;
  };
  let preambleEnd = 0;
  // After a keyword that may or may not open a section depending on the environment, lblint cannot
  // tell whether the lines that follow are outside one.
  let undecided = false;
  const count = store.length;
  for (let i = 0; i < count; i++) {
    if (store.kind(i) !== STATEMENT) continue;
    const keyword = keywords.names[i]!;
    if (keywords.expanded.has(i)) {
      const line = store.line(i) as Statement;
      if (SECTION_KINDS.has(keyword)) diagnostics.push(expandedKeyword(line.keyword, keyword));
      else if (header < 0 && !undecided) {
        diagnostics.push(undecidedKeyword(line.keyword));
        undecided = true;
        continue;
      }
    }
    if (SECTION_KINDS.has(keyword)) {
      close(i);
      header = i;
      continue;
    }
    // A byte order mark is reported on its own: it is why the first keyword is not a section's.
    if (header < 0 && !undecided && text.charCodeAt(store.keywordStart(i)) !== 0xfeff) {
      const line = store.line(i) as Statement;
      // A misspelt section header (`gglobal`) is one: say which, as the lines after it are reported too.
      const meant = suggest(line.keyword.text, SECTION_KINDS.keys(), 1)[0];
      diagnostics.push(
        diagnostic(
          "outside-section",
          "error",
          `'${excerpt(line.keyword.text)}' is outside any section; haproxy rejects keywords before the first section${meant ? ` (did you mean the section '${meant}'?)` : ""}`,
          line.keyword.range,
        ),
      );
    }
  }
  close(count);
  return { preambleEnd, sections };
}

/** A section: its header, and its body made from the store when first asked for. */
class SectionNode implements Section {
  readonly kind = "section" as const;
  private lineList: Line[] | undefined = undefined;

  constructor(
    readonly type: string,
    readonly header: Statement,
    readonly name: Word | undefined,
    readonly from: Word | undefined,
    readonly range: SourceSpan,
    private readonly store: LineStore,
    /** The body is lines [bodyStart, bodyEnd) of the store. */
    private readonly bodyStart: number,
    private readonly bodyEnd: number,
  ) {}

  get body(): Line[] {
    this.lineList ??= this.store.lines(this.bodyStart, this.bodyEnd);
    return this.lineList;
  }

  toJSON(): object {
    const { kind, type, header, name, from, body, range } = this;
    return { kind, type, header, name, from, body, range };
  }
}

/** The section whose header is line `header` of the store and whose body runs up to line `next`. */
function makeSection(store: LineStore, headerIndex: number, next: number): Section {
  const header = store.line(headerIndex) as Statement;
  const type = keywordName(header.keyword);
  const kind = SECTION_KINDS.get(type)!;
  let name = kind.named === "no" ? undefined : header.args[0];
  let from = kind.inherits && header.args[1]?.value === "from" ? header.args[2] : undefined;
  // haproxy reads `defaults from PARENT` (exactly these two words) as an unnamed defaults section
  // inheriting from PARENT, not as a section named "from".
  if (type === "defaults" && header.args.length === 2 && header.args[0]!.value === "from") {
    name = undefined;
    from = header.args[1];
  }
  const range = store.table.lines.range(store.start(headerIndex), store.end(next - 1));
  return new SectionNode(type, header, name, from, range, store, headerIndex + 1, next);
}

/** Matches `.if`/`.elif`/`.else`/`.endif` and sets every line's guard. */
export function buildConditionals(all: readonly Line[], diagnostics: SyntaxDiagnostic[]): ConditionalBlock[] {
  const roots: ConditionalBlock[] = [];
  const open: { block: ConditionalBlock; branch: ConditionalBranch; sawElse: boolean }[] = [];
  const report = (line: Directive, code: string, message: string) =>
    diagnostics.push(diagnostic(code, "error", message, line.keyword.range));

  for (const line of all) {
    const top = open[open.length - 1];
    line.guard = top?.branch;
    if (line.kind !== "directive" || !CONDITIONAL_DIRECTIVES.has(line.name)) {
      top?.branch.lines.push(line);
      continue;
    }
    if (line.name === ".if") {
      const block: ConditionalBlock = { kind: "conditional", branches: [], end: undefined, parent: top?.branch };
      const branch: ConditionalBranch = { kind: "branch", directive: line, block, lines: [], children: [] };
      block.branches.push(branch);
      if (top) top.branch.children.push(block);
      else roots.push(block);
      open.push({ block, branch, sawElse: false });
      continue;
    }
    if (!top) {
      report(line, "lone-conditional", `'${line.name}' has no matching '.if'`);
      continue;
    }
    if (line.name === ".endif") {
      line.guard = top.block.parent;
      top.block.end = line;
      open.pop();
      continue;
    }
    if (top.sawElse) {
      report(line, "conditional-after-else", `'${line.name}' is not allowed after '.else'`);
    }
    line.guard = top.block.parent;
    const branch: ConditionalBranch = { kind: "branch", directive: line, block: top.block, lines: [], children: [] };
    top.block.branches.push(branch);
    top.branch = branch;
    if (line.name === ".else") top.sawElse = true;
  }
  for (const { block } of open) {
    report(block.branches[0]!.directive, "unterminated-conditional", "this '.if' block is not closed by an '.endif'");
  }
  return roots;
}
