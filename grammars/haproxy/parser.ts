// The Chevrotain parser for haproxy.cfg: a file is a sequence of lines, a line is words and trivia
// up to a line break. Sections and conditional blocks are built from these lines afterwards
// (structure.ts), because which words open a section is data, not grammar.
import { EmbeddedActionsParser, type IToken } from "chevrotain";
import { Comment, Newline, Whitespace, WordToken, haproxyTokens } from "./lexer.js";

/** The tokens of one physical line, its line break included (the last line may have none). */
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

  private readonly line = this.RULE("line", (): RawLine => {
    const tokens: IToken[] = [];
    this.OR([
      { ALT: () => { tokens.push(this.CONSUME(Newline)); } },
      {
        ALT: () => {
          this.AT_LEAST_ONE(() => {
            this.OR2([
              { ALT: () => { tokens.push(this.CONSUME(WordToken)); } },
              { ALT: () => { tokens.push(this.CONSUME(Whitespace)); } },
              { ALT: () => { tokens.push(this.CONSUME(Comment)); } },
            ]);
          });
          this.OPTION(() => { tokens.push(this.CONSUME2(Newline)); });
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
