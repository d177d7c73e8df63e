// Reads a regex in PCRE syntax into the small tree the ambiguity analysis (regex-ambiguity.ts)
// works on: character sets, the end, concatenations, alternatives and repeats. Zero-width
// assertions (`^`, `\b`, lookarounds), comments and back-references become an empty node; what the
// analysis cannot model (atomic groups, possessive quantifiers, recursion) throws `Unsupported`.
import { ANY, DIGIT, foldCase, HSPACE, negate, NOT_NEWLINE, POSIX, SPACE, union, VSPACE, WORD, type CharSet } from "./regex-charset.js";

export type Node =
  | { readonly t: "char"; readonly set: CharSet }
  | { readonly t: "end" }
  | { readonly t: "empty" }
  | { readonly t: "cat"; readonly items: Node[] }
  | { readonly t: "alt"; readonly items: Node[] }
  | { readonly t: "rep"; readonly node: Node; readonly min: number; readonly max: number };

export class Unsupported extends Error {}

const EMPTY: Node = { t: "empty" };

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private ignoreCase: boolean,
  ) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.src.length) throw new Unsupported("unbalanced ')'");
    return node;
  }

  private peek(): string | undefined {
    return this.src[this.i];
  }

  private char(code: number): Node {
    const s: CharSet = [code, code];
    return { t: "char", set: this.ignoreCase ? foldCase(s) : s };
  }

  private charSet(s: CharSet): Node {
    return { t: "char", set: this.ignoreCase ? foldCase(s) : s };
  }

  private alternation(): Node {
    const items = [this.sequence()];
    while (this.peek() === "|") {
      this.i++;
      items.push(this.sequence());
    }
    return items.length === 1 ? items[0]! : { t: "alt", items };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.peek() !== "|" && this.peek() !== ")") {
      let atom = this.atom();
      for (;;) {
        const quantified = this.quantifier(atom);
        if (quantified === undefined) break;
        atom = quantified;
      }
      items.push(atom);
    }
    return items.length === 1 ? items[0]! : { t: "cat", items };
  }

  private quantifier(atom: Node): Node | undefined {
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === "*" || c === "+" || c === "?") {
      this.i++;
      [min, max] = c === "*" ? [0, Infinity] : c === "+" ? [1, Infinity] : [0, 1];
    } else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return undefined;
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
    } else return undefined;
    if (this.peek() === "+") throw new Unsupported("possessive quantifier");
    if (this.peek() === "?") this.i++;
    return { t: "rep", node: atom, min, max };
  }

  private atom(): Node {
    const c = this.src[this.i++]!;
    switch (c) {
      case "(":
        return this.group();
      case "[":
        return this.charSet(this.bracket());
      case ".":
        return { t: "char", set: NOT_NEWLINE };
      case "^":
        return EMPTY;
      case "$":
        return { t: "end" };
      case "\\":
        return this.escape();
      default:
        return this.char(c.codePointAt(0)!);
    }
  }

  private group(): Node {
    const rest = this.src.slice(this.i);
    if (rest.startsWith("*")) {
      // (*VERB) at the start of a pattern: options, no text.
      const close = this.src.indexOf(")", this.i);
      if (close < 0) throw new Unsupported("verb");
      this.i = close + 1;
      return EMPTY;
    }
    let lookaround = false;
    if (rest.startsWith("?")) {
      const m = /^\?(?:(#[^)]*)|(:|\||<[A-Za-z_]\w*>|P<[A-Za-z_]\w*>|'[A-Za-z_]\w*')|(=|!|<=|<!)|(>)|([imnsxJU]*(?:-[imnsxJU]*)?)([:)]))/.exec(rest);
      if (!m) throw new Unsupported("group kind");
      this.i += m[0].length;
      if (m[1] !== undefined) {
        this.i++; // the comment's ')'
        return EMPTY;
      }
      if (m[4] !== undefined) throw new Unsupported("atomic group");
      if (m[3] !== undefined) lookaround = true;
      if (m[5] !== undefined) {
        const [on, off = ""] = m[5].split("-");
        if (on!.includes("i")) this.ignoreCase = true;
        if (off.includes("i")) this.ignoreCase = false;
        if (m[6] === ")") return EMPTY;
      }
    }
    const inner = this.alternation();
    if (this.peek() !== ")") throw new Unsupported("missing ')'");
    this.i++;
    return lookaround ? EMPTY : inner;
  }

  private escape(): Node {
    const c = this.src[this.i++];
    if (c === undefined) throw new Unsupported("trailing backslash");
    const cls = this.classEscape(c);
    if (cls) return this.charSet(cls);
    switch (c) {
      case "b":
      case "B":
      case "A":
      case "G":
      case "K":
      case "E":
        return EMPTY;
      case "z":
      case "Z":
        return { t: "end" };
      case "Q": {
        const end = this.src.indexOf("\\E", this.i);
        const text = this.src.slice(this.i, end < 0 ? this.src.length : end);
        this.i = end < 0 ? this.src.length : end + 2;
        return { t: "cat", items: [...text].map((ch) => this.char(ch.codePointAt(0)!)) };
      }
      case "g":
      case "k": {
        const m = /^(?:\{[^}]*\}|<[^>]*>|'[^']*'|-?\d+)/.exec(this.src.slice(this.i));
        if (m) this.i += m[0].length;
        return EMPTY; // a back-reference: treated as matching nothing new
      }
      default:
        if (/[1-9]/.test(c)) {
          while (/\d/.test(this.peek() ?? "")) this.i++;
          return EMPTY;
        }
        return this.char(this.literalEscape(c));
    }
  }

  /** Escapes that stand for a set: `\d`, `\w`, `\s`, `\p{…}`… */
  private classEscape(c: string): CharSet | undefined {
    switch (c) {
      case "d":
        return DIGIT;
      case "D":
        return negate(DIGIT);
      case "w":
        return WORD;
      case "W":
        return negate(WORD);
      case "s":
        return SPACE;
      case "S":
        return negate(SPACE);
      case "h":
        return HSPACE;
      case "H":
        return negate(HSPACE);
      case "v":
        return VSPACE;
      case "V":
        return negate(VSPACE);
      case "R":
        return VSPACE;
      case "N":
        return NOT_NEWLINE;
      case "p":
      case "P":
      case "X": {
        const m = /^(?:\{[^}]*\}|\w)/.exec(this.src.slice(this.i));
        if (c !== "X" && m) this.i += m[0].length;
        return ANY;
      }
      default:
        return undefined;
    }
  }

  /** The code of a single-character escape (`\t`, `\x41`, `\.`); advances past its digits. */
  private literalEscape(c: string): number {
    const simple: Record<string, number> = { t: 9, n: 10, r: 13, f: 12, e: 27, a: 7 };
    if (simple[c] !== undefined) return simple[c]!;
    if (c === "x") {
      const m = /^(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{1,2}))/.exec(this.src.slice(this.i));
      if (!m) return 0;
      this.i += m[0].length;
      return parseInt(m[1] ?? m[2]!, 16);
    }
    if (c === "0") {
      const m = /^[0-7]{0,2}/.exec(this.src.slice(this.i))!;
      this.i += m[0].length;
      return parseInt("0" + m[0], 8);
    }
    if (c === "c") return (this.src.charCodeAt(this.i++) || 0) ^ 64;
    return c.codePointAt(0)!;
  }

  private bracket(): CharSet {
    let negated = false;
    if (this.peek() === "^") {
      negated = true;
      this.i++;
    }
    let members: CharSet = [];
    let first = true;
    while (this.i < this.src.length) {
      const c = this.src[this.i]!;
      if (c === "]" && !first) {
        this.i++;
        return negated ? negate(members) : members;
      }
      first = false;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.src.slice(this.i));
      if (posix) {
        this.i += posix[0].length;
        const named = POSIX[posix[2]!] ?? ANY;
        members = union(members, posix[1] ? negate(named) : named);
        continue;
      }
      const lo = this.classAtom();
      if (typeof lo !== "number") {
        members = union(members, lo);
        continue;
      }
      if (this.peek() === "-" && this.src[this.i + 1] !== "]" && this.i + 1 < this.src.length) {
        this.i++;
        const hi = this.classAtom();
        if (typeof hi === "number" && hi >= lo) members = union(members, [lo, hi]);
        else members = union(members, typeof hi === "number" ? [lo, lo, 45, 45, hi, hi] : union([lo, lo, 45, 45], hi));
        continue;
      }
      members = union(members, [lo, lo]);
    }
    throw new Unsupported("missing ']'");
  }

  private classAtom(): number | CharSet {
    const c = this.src[this.i++]!;
    if (c !== "\\") return c.codePointAt(0)!;
    const e = this.src[this.i++];
    if (e === undefined) throw new Unsupported("trailing backslash");
    if (e === "b") return 8;
    return this.classEscape(e) ?? this.literalEscape(e);
  }
}

/** The tree of `pattern`; throws `Unsupported` for what the analysis does not model. */
export function parseRegex(pattern: string, ignoreCase: boolean): Node {
  return new Parser(pattern, ignoreCase).parse();
}
