// The Chevrotain parser for haproxy.cfg: a file is a sequence of lines, a line is words, perhaps a
// comment, and a line break. Sections and conditional blocks are built from these lines afterwards
// (structure.ts), because which words open a section is data, not grammar.
import { EmbeddedActionsParser, type IToken } from "chevrotain";
import { Comment, Newline, WordToken, haproxyTokens } from "./lexer.js";

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

/** The parser is built once per process and reused: building it is the expensive part. */
export function haproxyLineParser(): HaproxyLineParser {
  parser ??= new HaproxyLineParser();
  return parser;
}
