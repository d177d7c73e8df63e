// The Chevrotain parser for keepalived.conf:
//   file      := items(top)
//   items     := ( trivia | definition | statement [trivia* block-body] | block-body | stray-'}' )*
//   block-body:= '{' items '}'?
// A statement followed by `{` (on its line or a later one, as keepalived allows) heads a block.
// The parser never fails: a missing `}` ends the block at the end of the file, a `}` with nothing to
// close becomes a stray brace, and both are reported afterwards.
import { EmbeddedActionsParser, type IToken, type TokenType } from "chevrotain";
import type { LineIndex } from "../common/text.js";
import type { Block, KeepalivedItem, Statement } from "./ast.js";
import { BlockNode } from "./containers.js";
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
import { makeBrace, makeDefinition, makeStatement } from "./nodes.js";

const TRIVIA: ReadonlySet<TokenType> = new Set([Whitespace, Comment, Newline]);

/** Real configurations nest four or five levels; past this a `{` is read flat, not as a new block. */
export const MAX_BLOCK_DEPTH = 100;

class KeepalivedParser extends EmbeddedActionsParser {
  /** Set before each parse (see prepare): the parser instance is shared. */
  private lines!: LineIndex;
  private depth = 0;
  /** `{` read flat past the limit and not yet closed. */
  private flatDepth = 0;

  constructor() {
    super(keepalivedTokens, { recoveryEnabled: false, skipValidations: true, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  prepare(lines: LineIndex): void {
    this.lines = lines;
    this.depth = 0;
    this.flatDepth = 0;
  }

  readonly file = this.RULE("file", (): KeepalivedItem[] => this.SUBRULE(this.items, { ARGS: [true] }));

  private readonly items = this.RULE("items", (top: boolean): KeepalivedItem[] => {
    const items: KeepalivedItem[] = [];
    this.MANY({
      GATE: () => top || this.flatDepth > 0 || this.LA(1).tokenType !== RBrace,
      DEF: () => {
        this.OR([
          // Trivia are not kept: the tree finds them again in the gaps between items.
          { ALT: () => this.CONSUME(Newline) },
          { ALT: () => this.CONSUME(Whitespace) },
          { ALT: () => this.CONSUME(Comment) },
          {
            ALT: () => {
              const token = this.CONSUME(Definition);
              this.ACTION(() => items.push(makeDefinition(token, this.lines)));
            },
          },
          {
            ALT: () => {
              const found = this.SUBRULE(this.statementOrBlock);
              this.ACTION(() => items.push(found));
            },
          },
          {
            GATE: () => this.depth < MAX_BLOCK_DEPTH,
            ALT: () => {
              const block = this.SUBRULE(this.blockBody, { ARGS: [undefined] });
              this.ACTION(() => items.push(block));
            },
          },
          {
            ALT: () => {
              const token = this.CONSUME(LBrace);
              this.ACTION(() => {
                this.flatDepth++;
                const brace = makeBrace(token, this.lines, "open-brace");
                items.push({ kind: "stray-brace", brace, deep: true, range: brace.range });
              });
            },
          },
          {
            ALT: () => {
              const token = this.CONSUME(RBrace);
              this.ACTION(() => {
                const deep = this.flatDepth > 0;
                if (deep) this.flatDepth--;
                const brace = makeBrace(token, this.lines, "close-brace");
                items.push({ kind: "stray-brace", brace, deep, range: brace.range });
              });
            },
          },
        ]);
      },
    });
    return items;
  });

  /** A statement, or the block it heads when a `{` follows it. */
  private readonly statementOrBlock = this.RULE("statementOrBlock", (): Statement | Block => {
    const raw: IToken[] = [];
    this.OR([
      { ALT: () => raw.push(this.CONSUME(WordToken)) },
      { ALT: () => raw.push(this.CONSUME(Quoted)) },
      { ALT: () => raw.push(this.CONSUME(ConfigId)) },
      { ALT: () => raw.push(this.CONSUME(Sequence)) },
    ]);
    this.MANY({
      // Spaces inside a statement may be in the stream; those that end it stay outside it.
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
    let result: Statement | Block = statement;
    this.OPTION({
      GATE: () => this.depth < MAX_BLOCK_DEPTH && this.braceFollows(),
      DEF: () => {
        this.MANY2(() => {
          this.OR4([{ ALT: () => this.CONSUME3(Newline) }, { ALT: () => this.CONSUME3(Whitespace) }, { ALT: () => this.CONSUME3(Comment) }]);
        });
        result = this.SUBRULE2(this.blockBody, { ARGS: [statement] });
      },
    });
    return result;
  });

  private readonly blockBody = this.RULE("blockBody", (header: Statement | undefined): Block => {
    const open = this.CONSUME(LBrace);
    this.ACTION(() => this.depth++);
    const items = this.SUBRULE(this.items, { ARGS: [false] });
    this.ACTION(() => this.depth--);
    let close: IToken | undefined;
    this.OPTION2(() => {
      close = this.CONSUME(RBrace);
    });
    return this.ACTION(() => {
      const openBrace = makeBrace(open, this.lines, "open-brace");
      const closeBrace = close ? makeBrace(close, this.lines, "close-brace") : undefined;
      // A block that is never closed runs to the end of the file, as keepalived reads it.
      const end = closeBrace?.range.localEnd ?? this.lines.text.length;
      const start = header?.range.localStart ?? openBrace.range.localStart;
      return new BlockNode(header, openBrace, items, closeBrace, this.lines.range(start, end));
    });
  });

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
