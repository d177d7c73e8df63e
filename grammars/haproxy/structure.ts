// Builds the haproxy tree from the parser's raw lines: each line becomes an empty line, a statement
// or a preprocessor directive; statements whose first word opens a section start a new section;
// `.if` blocks are matched into a tree that every line can look up through its `guard`.
import type { IToken } from "chevrotain";
import { diagnostic, type SyntaxDiagnostic } from "../common/diagnostics.js";
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
  Token,
  Trivia,
} from "./ast.js";
import { conditionStart, parseCondition } from "./condition.js";
import { Comment, Newline, WordToken } from "./lexer.js";
import type { RawLine } from "./parser.js";
import { parsePredicate } from "./predicate.js";
import { SECTION_KINDS } from "./sections.js";
import { Word } from "./words.js";

const DIRECTIVES: ReadonlySet<string> = new Set([".if", ".elif", ".else", ".endif", ".diag", ".notice", ".warning", ".alert"]);

/** haproxy 2.6 truncates a line after this many words, and fails. */
export const MAX_WORDS_PER_LINE = 64;

function toToken(token: IToken, lines: LineIndex): Token {
  const range = lines.range(token.startOffset, token.startOffset + token.image.length);
  const type = token.tokenType;
  if (type === WordToken) return new Word(token.image, range);
  const kind = type === Newline ? "newline" : type === Comment ? "comment" : "whitespace";
  return { kind, text: token.image, range } satisfies Trivia;
}

export function buildLine(raw: RawLine, lines: LineIndex, diagnostics: SyntaxDiagnostic[]): Line {
  const tokens = raw.map((token) => toToken(token, lines));
  const first = raw[0]!;
  const last = raw[raw.length - 1]!;
  const range = lines.range(first.startOffset, last.startOffset + last.image.length);
  const words: Word[] = [];
  let comment: Trivia | undefined;
  for (const token of tokens) {
    if (token.kind === "word") words.push(token);
    else if (token.kind === "comment") comment = token;
  }
  const line = lines.lineOf(first.startOffset);
  const base = { range, tokens, words, comment, line, guard: undefined };
  if (words.length === 0) return { kind: "empty", ...base };

  for (const word of words) {
    const quote = word.unterminatedQuote;
    if (quote) {
      diagnostics.push(diagnostic("unterminated-quote", "error", "this quote is not closed before the end of the line", quote.range));
    }
  }
  if (words.length > MAX_WORDS_PER_LINE) {
    const extra = words[MAX_WORDS_PER_LINE]!;
    diagnostics.push(
      diagnostic(
        "too-many-words",
        "error",
        `a line may hold at most ${MAX_WORDS_PER_LINE} words; haproxy stops reading this one here`,
        lines.range(extra.range.startOffset, words[words.length - 1]!.range.endOffset),
      ),
    );
  }

  const keyword = words[0]!;
  if (DIRECTIVES.has(keyword.text)) {
    const name = keyword.text as DirectiveName;
    const args = words.slice(1);
    let predicate;
    if ((name === ".if" || name === ".elif") && args.length > 0) {
      predicate = parsePredicate(lines, args[0]!.range.startOffset, args[args.length - 1]!.range.endOffset, diagnostics);
    }
    return { kind: "directive", name, keyword, args, predicate, ...base };
  }

  const conditionAt = conditionStart(words);
  const args = words.slice(1, conditionAt < 0 ? words.length : conditionAt);
  const condition = conditionAt < 0 ? undefined : parseCondition(words.slice(conditionAt), lines, diagnostics);
  return { kind: "statement", keyword, args, condition, ...base };
}

/** Groups lines into the preamble and sections. */
export function buildSections(all: readonly Line[], lines: LineIndex, diagnostics: SyntaxDiagnostic[]): Pick<HaproxyConfig, "preamble" | "sections"> {
  const preamble: Line[] = [];
  const sections: Section[] = [];
  let body = preamble;
  let current: { header: Statement; body: Line[] } | undefined;
  const close = () => {
    if (current) sections.push(makeSection(current.header, current.body, lines));
  };
  for (const line of all) {
    if (line.kind === "statement" && SECTION_KINDS.has(line.keyword.text)) {
      close();
      current = { header: line, body: [] };
      body = current.body;
      continue;
    }
    if (line.kind === "statement" && !current) {
      diagnostics.push(
        diagnostic("outside-section", "error", `'${line.keyword.text}' is outside any section; haproxy rejects keywords before the first section`, line.keyword.range),
      );
    }
    body.push(line);
  }
  close();
  return { preamble, sections };
}

function makeSection(header: Statement, body: Line[], lines: LineIndex): Section {
  const kind = SECTION_KINDS.get(header.keyword.text)!;
  let name = kind.named === "no" ? undefined : header.args[0];
  let from = kind.inherits && header.args[1]?.text === "from" ? header.args[2] : undefined;
  // haproxy reads `defaults from PARENT` (exactly these two words) as an unnamed defaults section
  // inheriting from PARENT, not as a section named "from".
  if (header.keyword.text === "defaults" && header.args.length === 2 && header.args[0]!.text === "from") {
    name = undefined;
    from = header.args[1];
  }
  const last = body.length > 0 ? body[body.length - 1]! : header;
  return {
    kind: "section",
    type: header.keyword.text,
    header,
    name,
    from,
    body,
    range: lines.range(header.range.startOffset, last.range.endOffset),
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
