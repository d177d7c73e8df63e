// Builds the haproxy tree from the parser's raw lines: each line becomes an empty line, a statement
// or a preprocessor directive; statements whose first word opens a section start a new section;
// `.if` blocks are matched into a tree that every line can look up through its `guard`.
import { diagnostic, type SyntaxDiagnostic } from "../common/diagnostics.js";
import { excerpt } from "../common/excerpt.js";
import type { LineIndex } from "../common/text.js";
import type {
  ConditionalBlock,
  ConditionalBranch,
  Directive,
  DirectiveName,
  HaproxyConfig,
  Line,
  Section,
  Statement,
} from "./ast.js";
import type { SpanTable } from "../common/span-table.js";
import { CONDITION_KEYWORDS, conditionStart, parseCondition } from "./condition.js";
import { expandedKeyword, keywordName, undecidedKeyword } from "./keyword.js";
import { LineNode, SPECIAL_WORD, wordsFromTable, type LineExtra } from "./line.js";
import { parsePredicate } from "./predicate.js";
import { SECTION_KINDS } from "./sections.js";
import type { Word } from "./words.js";

const DIRECTIVES: ReadonlySet<string> = new Set([".if", ".elif", ".else", ".endif", ".diag", ".notice", ".warning", ".alert"]);

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
}

/**
 * Builds the line that spans [start, end) from its words (entries [first, first + count) of
 * `table`), perhaps a comment, perhaps a line break. The spaces in between are not tokens; the line's
 * range covers them. Word objects are made only for what needs them: words the scanner flagged
 * (quotes, backslashes, templates) and lines with a condition or a predicate.
 */
export function buildLine(
  table: SpanTable,
  first: number,
  count: number,
  start: number,
  end: number,
  commentStart: number,
  newlineStart: number,
  localLine: number,
  diagnostics: SyntaxDiagnostic[],
  keywords: LineKeywords,
): Line {
  const lines = table.lines;
  const make = (kind: Line["kind"], words?: readonly Word[], extra?: LineExtra) =>
    new LineNode(kind, table, start, end, first, count, commentStart, localLine, extra, words) as unknown as Line;
  if (count === 0) {
    keywords.names.push("");
    return make("empty");
  }
  const text = lines.text;
  let words: readonly Word[] | undefined;
  const wordsOfLine = () => (words ??= wordsFromTable(table, first, count));
  for (let i = 0; i < count; i++) {
    if ((table.flags(first + i) & SPECIAL_WORD) === 0) continue;
    const word = wordsOfLine()[i]!;
    if (word.isPlain) continue;
    const quote = word.unterminatedQuote;
    if (quote) {
      diagnostics.push(diagnostic("unterminated-quote", "error", "this quote is not closed before the end of the line", quote.range));
    }
    for (const problem of word.problems) diagnostics.push(diagnostic(problem.code, "error", problem.message, problem.range));
  }
  if (count > MAX_WORDS_PER_LINE) {
    diagnostics.push(
      diagnostic(
        "too-many-words",
        "error",
        `a line may hold at most ${MAX_WORDS_PER_LINE} words; haproxy stops reading this one here`,
        lines.range(table.start(first + MAX_WORDS_PER_LINE), table.end(first + count - 1)),
      ),
    );
  } else if (count === MAX_WORDS_PER_LINE) {
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

  // Keywords are compared unquoted and expanded, as haproxy compares them: `".if"` is `.if`. A word
  // the scanner did not flag is plain: its name is its text, which matters only if it may be one of
  // the keywords the grammar tells apart ("" stands for any other).
  const plainKeyword = (table.flags(first) & SPECIAL_WORD) === 0;
  const keyword = plainKeyword ? undefined : wordsOfLine()[0]!;
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
    if (expanded) diagnostics.push(expandedKeyword(keyword, keywordText));
    let predicate;
    if ((name === ".if" || name === ".elif") && count > 1) {
      predicate = parsePredicate(lines, wordsOfLine().slice(1), diagnostics);
    }
    return make("directive", words, { condition: undefined, name, predicate, argsEnd: count });
  }
  if (expanded) keywords.expanded.add(keywords.names.length);
  keywords.names.push(keywordText);
  // Only the first words of some statements take a condition: the other lines need no word objects.
  const keywordValue = keyword ? keyword.value : keywordText;
  if (!CONDITION_KEYWORDS.has(keywordValue)) return make("statement", words);
  const all = wordsOfLine();
  const conditionAt = conditionStart(all);
  if (conditionAt < 0) return make("statement", all);
  const condition = parseCondition(all.slice(conditionAt), lines, diagnostics);
  return make("statement", all, { condition, name: undefined, predicate: undefined, argsEnd: conditionAt });
}

/** Groups lines into the preamble and sections; `keywords[i]` is what buildLine said of `all[i]`. */
export function buildSections(
  all: readonly Line[],
  keywords: LineKeywords,
  lines: LineIndex,
  diagnostics: SyntaxDiagnostic[],
): Pick<HaproxyConfig, "preamble" | "sections"> {
  const preamble: Line[] = [];
  const sections: Section[] = [];
  let body = preamble;
  let current: { header: Statement; body: Line[] } | undefined;
  const close = () => {
    if (current) sections.push(makeSection(current.header, current.body, lines));
  };
  // After a keyword that may or may not open a section depending on the environment, lblint cannot
  // tell whether the lines that follow are outside one.
  let undecided = false;
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    const keyword = keywords.names[i]!;
    if (line.kind === "statement" && keywords.expanded.has(i)) {
      if (SECTION_KINDS.has(keyword)) diagnostics.push(expandedKeyword(line.keyword, keyword));
      else if (!current && !undecided) {
        diagnostics.push(undecidedKeyword(line.keyword));
        undecided = true;
        body.push(line);
        continue;
      }
    }
    if (line.kind === "statement" && SECTION_KINDS.has(keyword)) {
      close();
      current = { header: line, body: [] };
      body = current.body;
      continue;
    }
    // A byte order mark is reported on its own: it is why the first keyword is not a section's.
    if (line.kind === "statement" && !current && !undecided && line.keyword.text.charCodeAt(0) !== 0xfeff) {
      diagnostics.push(
        diagnostic("outside-section", "error", `'${excerpt(line.keyword.text)}' is outside any section; haproxy rejects keywords before the first section`, line.keyword.range),
      );
    }
    body.push(line);
  }
  close();
  return { preamble, sections };
}

function makeSection(header: Statement, body: Line[], lines: LineIndex): Section {
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
  const last = body.length > 0 ? body[body.length - 1]! : header;
  return {
    kind: "section",
    type,
    header,
    name,
    from,
    body,
    range: lines.range(header.range.localStart, last.range.localEnd),
  };
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
    if (line.kind !== "directive" || ![".if", ".elif", ".else", ".endif"].includes(line.name)) {
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
