// The grammar of a haproxy.cfg, stated for Chevrotain: a file is a sequence of lines, a line is words,
// perhaps a comment, and a line break. Sections and conditional blocks are built from these lines
// afterwards (structure.ts), because which words open a section is data, not grammar.
//
// This is the reference, as lexer.ts is for the tokens: parse.ts reads lines with a plain loop over
// the scanner, which makes no token objects, and test/grammars/parser-agreement.test.ts holds that
// loop to this parser, fed by the Chevrotain lexer, on the corpus and on random text. Nothing outside
// the tests loads it, so the shipped bundles carry no Chevrotain.
import { EmbeddedActionsParser, type IToken } from "chevrotain";
import { Comment, haproxyLexer, haproxyTokens, Newline, Whitespace, WordToken } from "./lexer.js";

/** The tokens of one physical line, its line break included (the last line may have none); no spaces. */
export type RawLine = IToken[];

class HaproxyLineParser extends EmbeddedActionsParser {
  constructor() {
    super(haproxyTokens, { recoveryEnabled: false, skipValidations: true, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  readonly file = this.RULE("file", (): RawLine[] => {
    const lines: RawLine[] = [];
    this.MANY(() => {
      const line = this.SUBRULE(this.line);
      this.ACTION(() => lines.push(line));
    });
    return lines;
  });

  /** Words, then perhaps a comment, then perhaps a line break; spaces are not in the token stream. */
  private readonly line = this.RULE("line", (): RawLine => {
    const tokens: IToken[] = [];
    this.OR([
      { ALT: () => { tokens.push(this.CONSUME(Newline)); } },
      {
        ALT: () => {
          this.AT_LEAST_ONE(() => { tokens.push(this.CONSUME(WordToken)); });
          this.OPTION(() => { tokens.push(this.CONSUME(Comment)); });
          this.OPTION2(() => { tokens.push(this.CONSUME2(Newline)); });
        },
      },
      {
        ALT: () => {
          tokens.push(this.CONSUME2(Comment));
          this.OPTION3(() => { tokens.push(this.CONSUME3(Newline)); });
        },
      },
    ]);
    return tokens;
  });
}

let parser: HaproxyLineParser | undefined;

/** One line as offsets: [start, end) of the line, its words, its comment and line break (-1: none). */
export interface LineShape {
  readonly start: number;
  readonly end: number;
  readonly words: readonly (readonly [number, number])[];
  readonly comment: number;
  readonly newline: number;
}

/**
 * The lines of a text as the reference reads them: the Chevrotain lexer's tokens, spaces left out,
 * through the Chevrotain parser. Lines follow each other without gaps: each starts where the previous
 * one's line break ends, and the last one runs to the end of the text. Throws if the parser reports
 * an error (the grammar accepts every token sequence).
 */
export function referenceLines(text: string): LineShape[] {
  parser ??= new HaproxyLineParser();
  parser.input = haproxyLexer.tokenize(text).tokens.filter((token) => token.tokenType !== Whitespace);
  const raw = parser.file();
  if (parser.errors.length > 0) throw new Error(`the reference parser failed: ${parser.errors[0]!.message}`);
  const shapes: LineShape[] = [];
  let start = 0;
  raw.forEach((tokens, index) => {
    const last = tokens[tokens.length - 1]!;
    const end = index === raw.length - 1 && last.tokenType !== Newline ? text.length : last.startOffset + last.image.length;
    const offsetOf = (type: typeof Newline) => tokens.find((token) => token.tokenType === type)?.startOffset ?? -1;
    const words = tokens.filter((token) => token.tokenType === WordToken).map((token) => [token.startOffset, token.startOffset + token.image.length] as const);
    shapes.push({ start, end, words, comment: offsetOf(Comment), newline: offsetOf(Newline) });
    start = end;
  });
  if (start < text.length) shapes.push({ start, end: text.length, words: [], comment: -1, newline: -1 });
  return shapes;
}
