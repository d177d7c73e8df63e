// The Chevrotain parser for keepalived.conf:
//   file      := items(top)
//   items     := ( trivia | definition | statement [trivia* block-body] | block-body | stray-'}' )*
//   block-body:= '{' items '}'?
// A statement followed by `{` (on its line or a later one, as keepalived allows) heads a block.
// The parser never fails: a missing `}` ends the block at the end of the file, a `}` with nothing to
// close becomes a stray brace, and both are reported afterwards.
import { EmbeddedActionsParser, type IToken, type TokenType } from "chevrotain";
import type { LineIndex } from "../common/text.js";
import type { Block, KeepalivedChild, Statement, Trivia } from "./ast.js";
import {
  Comment,
  ConfigId,
  Definition,
  keepalivedTokens,
  LBrace,
  Newline,
  Quoted,
  RBrace,
  Sequence,
  Whitespace,
  WordToken,
} from "./lexer.js";
import { makeBrace, makeDefinition, makeStatement, makeTrivia } from "./nodes.js";

const TRIVIA: ReadonlySet<TokenType> = new Set([Whitespace, Comment, Newline]);

class KeepalivedParser extends EmbeddedActionsParser {
  /** Set before each parse: the parser instance is shared. */
  lines!: LineIndex;

  constructor() {
    super(keepalivedTokens, { recoveryEnabled: false, skipValidations: true, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  readonly file = this.RULE("file", (): KeepalivedChild[] => this.SUBRULE(this.items, { ARGS: [true] }));

  private readonly items = this.RULE("items", (top: boolean): KeepalivedChild[] => {
    const children: KeepalivedChild[] = [];
    this.MANY({
      GATE: () => top || this.LA(1).tokenType !== RBrace,
      DEF: () => {
        this.OR([
          { ALT: () => this.trivia(children, this.CONSUME(Newline)) },
          { ALT: () => this.trivia(children, this.CONSUME(Whitespace)) },
          { ALT: () => this.trivia(children, this.CONSUME(Comment)) },
          {
            ALT: () => {
              const token = this.CONSUME(Definition);
              this.ACTION(() => children.push(makeDefinition(token, this.lines)));
            },
          },
          {
            ALT: () => {
              const found = this.SUBRULE(this.statementOrBlock);
              this.ACTION(() => children.push(...found));
            },
          },
          {
            ALT: () => {
              const block = this.SUBRULE(this.blockBody, { ARGS: [undefined, []] });
              this.ACTION(() => children.push(block));
            },
          },
          {
            ALT: () => {
              const token = this.CONSUME(RBrace);
              this.ACTION(() => {
                const brace = makeBrace(token, this.lines, "close-brace");
                children.push({ kind: "stray-brace", brace, range: brace.range });
              });
            },
          },
        ]);
      },
    });
    return children;
  });

  /** A statement, then its trailing spaces, or the block it heads. */
  private readonly statementOrBlock = this.RULE("statementOrBlock", (): KeepalivedChild[] => {
    const raw: IToken[] = [];
    this.OR([
      { ALT: () => raw.push(this.CONSUME(WordToken)) },
      { ALT: () => raw.push(this.CONSUME(Quoted)) },
      { ALT: () => raw.push(this.CONSUME(ConfigId)) },
      { ALT: () => raw.push(this.CONSUME(Sequence)) },
    ]);
    this.MANY({
      // Stop before spaces that end the statement, so that they stay outside it.
      GATE: () => this.LA(1).tokenType !== Whitespace || this.isStatementToken(this.LA(2).tokenType),
      DEF: () => {
        this.OR2([
          { ALT: () => raw.push(this.CONSUME2(WordToken)) },
          { ALT: () => raw.push(this.CONSUME2(Quoted)) },
          { ALT: () => raw.push(this.CONSUME2(Whitespace)) },
          { ALT: () => raw.push(this.CONSUME2(ConfigId)) },
          { ALT: () => raw.push(this.CONSUME2(Sequence)) },
        ]);
      },
    });
    const statement = this.ACTION(() => makeStatement(raw, this.lines));
    const result: KeepalivedChild[] = [];
    this.OR3([
      {
        GATE: () => this.braceFollows(),
        ALT: () => {
          const beforeOpen: Trivia[] = [];
          this.MANY2(() => {
            this.OR4([
              { ALT: () => this.trivia(beforeOpen, this.CONSUME3(Newline)) },
              { ALT: () => this.trivia(beforeOpen, this.CONSUME3(Whitespace)) },
              { ALT: () => this.trivia(beforeOpen, this.CONSUME3(Comment)) },
            ]);
          });
          const block = this.SUBRULE2(this.blockBody, { ARGS: [statement, beforeOpen] });
          this.ACTION(() => result.push(block));
        },
      },
      { ALT: () => this.ACTION(() => result.push(statement)) },
    ]);
    return result;
  });

  private readonly blockBody = this.RULE("blockBody", (header: Statement | undefined, beforeOpen: Trivia[]): Block => {
    const open = this.CONSUME(LBrace);
    const children = this.SUBRULE(this.items, { ARGS: [false] });
    let close: IToken | undefined;
    this.OPTION(() => {
      close = this.CONSUME(RBrace);
    });
    return this.ACTION(() => {
      const openBrace = makeBrace(open, this.lines, "open-brace");
      const closeBrace = close ? makeBrace(close, this.lines, "close-brace") : undefined;
      const lastChild = children[children.length - 1];
      const end = closeBrace?.range.endOffset ?? lastChild?.range.endOffset ?? openBrace.range.endOffset;
      const start = header?.range.startOffset ?? openBrace.range.startOffset;
      return { kind: "block", header, beforeOpen, open: openBrace, children, close: closeBrace, range: this.lines.range(start, end) };
    });
  });

  private trivia(into: (KeepalivedChild | Trivia)[], token: IToken): void {
    this.ACTION(() => into.push(makeTrivia(token, this.lines)));
  }

  private isStatementToken(type: TokenType): boolean {
    return type === WordToken || type === Quoted || type === ConfigId || type === Sequence;
  }

  /** Whether the next token that is not a space, comment or line break is `{`. */
  private braceFollows(): boolean {
    for (let i = 1; ; i++) {
      const type = this.LA(i).tokenType;
      if (type === LBrace) return true;
      if (!TRIVIA.has(type)) return false;
    }
  }
}

let parser: KeepalivedParser | undefined;

/** Built once per process and reused. */
export function keepalivedParser(): KeepalivedParser {
  parser ??= new KeepalivedParser();
  return parser;
}
