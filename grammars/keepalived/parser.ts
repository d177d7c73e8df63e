// The Chevrotain parser for keepalived.conf:
//   file      := items(top)
//   items     := ( trivia | definition | statement [trivia* block-body] | block-body | stray-'}' )*
//   block-body:= '{' items '}'?
// A statement followed by `{` (on its line or a later one, as keepalived allows) heads a block.
// The parser never fails: a missing `}` ends the block at the end of the file, a `}` with nothing to
// close becomes a stray brace, and both are reported afterwards.
//
// This is the reference, as lexer.ts is for the tokens: parse.ts reads items with a plain recursive
// descent over the scanner (items.ts), which makes no token objects, and
// test/grammars/parser-agreement.test.ts holds it to this parser, fed by the Chevrotain lexer, on the
// corpus and on random text. Nothing outside the tests loads it, so the shipped bundles carry no
// Chevrotain. It gives the items as plain shapes (offsets and kinds), which the test compares with
// the tree.
import { EmbeddedActionsParser, EOF, type IToken, type TokenType } from "chevrotain";
import { MAX_BLOCK_DEPTH } from "./items.js";
import {
  Comment,
  ConfigId,
  Definition,
  keepalivedLexer,
  keepalivedTokens,
  LBrace,
  Newline,
  Quoted,
  RBrace,
  Sequence,
  Whitespace,
  WordToken,
} from "./lexer.js";

const TRIVIA: ReadonlySet<TokenType> = new Set([Whitespace, Comment, Newline]);

/** An item as offsets: what the test compares with the tree. */
export type ItemShape =
  | { readonly kind: "statement"; readonly parts: readonly (readonly [number, number, string])[] }
  | { readonly kind: "block"; readonly header: ItemShape | undefined; readonly open: number; readonly items: readonly ItemShape[]; readonly close: number }
  | { readonly kind: "definition"; readonly start: number; readonly end: number }
  | { readonly kind: "stray-brace"; readonly at: number; readonly open: boolean; readonly deep: boolean }
  | { readonly kind: "alternative-header"; readonly header: ItemShape; readonly open: number };

/** An `@id` prefix as read: which hosts keep the line. */
interface Hosts {
  readonly id: string;
  readonly negated: boolean;
}

/** Whether no host keeps both lines (see AlternativeHeader in ast.ts). */
const exclusive = (one: Hosts, other: Hosts): boolean => (one.id === other.id ? one.negated !== other.negated : !one.negated && !other.negated);

/** The `@id` of a statement that is one prefix and words, or undefined. */
function hostsOf(tokens: readonly IToken[]): Hosts | undefined {
  const parts = tokens.filter((token) => token.tokenType !== Whitespace);
  if (parts.length < 2 || parts[0]!.tokenType !== ConfigId || parts.slice(1).some((token) => token.tokenType === ConfigId || token.tokenType === Sequence)) return undefined;
  const text = parts[0]!.image;
  const negated = text.startsWith("@^");
  return { id: text.slice(negated ? 2 : 1), negated };
}

const statementShape = (raw: readonly IToken[]): ItemShape => ({
  kind: "statement",
  parts: raw.filter((token) => token.tokenType !== Whitespace).map((token) => [token.startOffset, token.startOffset + token.image.length, token.tokenType.name] as const),
});

class KeepalivedParser extends EmbeddedActionsParser {
  private depth = 0;
  /** `{` read flat past the limit and not yet closed. */
  private flatDepth = 0;

  constructor() {
    super(keepalivedTokens, { recoveryEnabled: false, skipValidations: true, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  prepare(): void {
    this.depth = 0;
    this.flatDepth = 0;
  }

  readonly file = this.RULE("file", (): ItemShape[] => this.SUBRULE(this.items, { ARGS: [true] }));

  private readonly items = this.RULE("items", (top: boolean): ItemShape[] => {
    const items: ItemShape[] = [];
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
              this.ACTION(() => items.push({ kind: "definition", start: token.startOffset, end: token.startOffset + token.image.length }));
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
              const block = this.SUBRULE(this.blockBody, { ARGS: [undefined, undefined] });
              this.ACTION(() => items.push(block));
            },
          },
          {
            ALT: () => {
              const token = this.CONSUME(LBrace);
              this.ACTION(() => {
                this.flatDepth++;
                items.push({ kind: "stray-brace", at: token.startOffset, open: true, deep: true });
              });
            },
          },
          {
            ALT: () => {
              const token = this.CONSUME(RBrace);
              this.ACTION(() => {
                const deep = this.flatDepth > 0;
                if (deep) this.flatDepth--;
                items.push({ kind: "stray-brace", at: token.startOffset, open: false, deep });
              });
            },
          },
        ]);
      },
    });
    return items;
  });

  /** A statement, or the block it heads when a `{` follows it. */
  private readonly statementOrBlock = this.RULE("statementOrBlock", (): ItemShape => {
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
    const statement = this.ACTION(() => statementShape(raw));
    let result: ItemShape = statement;
    this.OPTION({
      GATE: () => this.depth < MAX_BLOCK_DEPTH && this.braceFollows(),
      DEF: () => {
        let sameLine = true;
        this.MANY2(() => {
          this.OR4([
            {
              ALT: () => {
                this.CONSUME3(Newline);
                sameLine = false;
              },
            },
            { ALT: () => this.CONSUME3(Whitespace) },
            { ALT: () => this.CONSUME3(Comment) },
          ]);
        });
        result = this.SUBRULE2(this.blockBody, { ARGS: [statement, sameLine ? raw : undefined] });
      },
    });
    return result;
  });

  /** `headerTokens`: the header's tokens when its `{` is on its line, which alternative headers may then follow. */
  private readonly blockBody = this.RULE("blockBody", (header: ItemShape | undefined, headerTokens: readonly IToken[] | undefined): ItemShape => {
    const open = this.CONSUME(LBrace);
    this.ACTION(() => this.depth++);
    const alternatives: ItemShape[] = [];
    const first = headerTokens && this.ACTION(() => hostsOf(headerTokens));
    const hosts: Hosts[] = first && this.depth < MAX_BLOCK_DEPTH && this.endsLine(1) ? [first] : [];
    this.MANY3({
      GATE: () => hosts.length > 0 && this.alternativeFollows(hosts),
      DEF: () => {
        this.MANY4(() => this.CONSUME4(Newline));
        const raw: IToken[] = [];
        this.AT_LEAST_ONE(() => {
          this.OR5([
            { ALT: () => raw.push(this.CONSUME5(WordToken)) },
            { ALT: () => raw.push(this.CONSUME5(Quoted)) },
            { ALT: () => raw.push(this.CONSUME5(ConfigId)) },
            { ALT: () => raw.push(this.CONSUME5(Sequence)) },
          ]);
        });
        const brace = this.CONSUME2(LBrace);
        this.ACTION(() => {
          hosts.push(hostsOf(raw)!);
          alternatives.push({ kind: "alternative-header", header: statementShape(raw), open: brace.startOffset });
        });
      },
    });
    const items = this.SUBRULE(this.items, { ARGS: [false] });
    this.ACTION(() => this.depth--);
    let close: IToken | undefined;
    this.OPTION2(() => {
      close = this.CONSUME(RBrace);
    });
    return this.ACTION(() => ({ kind: "block", header, open: open.startOffset, items: [...alternatives, ...items], close: close ? close.startOffset : -1 }));
  });

  /** Whether token `i` ahead is a line break or the end (what follows a `{` that ends its line). */
  private endsLine(i: number): boolean {
    const type = this.LA(i).tokenType;
    return type === Newline || type === EOF;
  }

  /**
   * Whether line breaks, then an `@id` statement that no host keeps together with any of `hosts`,
   * then a `{` that ends its line come next: an alternative header.
   */
  private alternativeFollows(hosts: readonly Hosts[]): boolean {
    let i = 1;
    while (this.LA(i).tokenType === Newline) i++;
    const tokens: IToken[] = [];
    while (this.isStatementToken(this.LA(i).tokenType)) tokens.push(this.LA(i++));
    const read = hostsOf(tokens);
    return read !== undefined && this.LA(i).tokenType === LBrace && this.endsLine(i + 1) && hosts.every((other) => exclusive(other, read));
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

/**
 * The items of a text as the reference reads them: the Chevrotain lexer's tokens, spaces and comments
 * left out, through the Chevrotain parser. Throws if the parser reports an error (the grammar accepts
 * every token sequence).
 */
export function referenceItems(text: string): ItemShape[] {
  parser ??= new KeepalivedParser();
  parser.prepare();
  parser.input = keepalivedLexer.tokenize(text).tokens.filter((token) => token.tokenType !== Whitespace && token.tokenType !== Comment);
  const items = parser.file();
  if (parser.errors.length > 0) throw new Error(`the reference parser failed: ${parser.errors[0]!.message}`);
  return items;
}
