// Finds regular expressions that a backtracking engine (PCRE2, which haproxy uses) can take
// exponential time on: those where some repeated part can match one piece of text in two different
// ways, so that an input that finally fails to match makes the engine try every way of splitting it.
//
// Method: the regex becomes a position automaton (Glushkov) whose transitions count how many ways
// the syntax allows them — `(a+)+` has the transition a→a twice, once from each `+`, which a plain
// set construction would merge. The automaton is ambiguous in the exponential sense (EDA) when some
// state p has two different paths back to itself that read the same text; in the product automaton
// that is a strongly connected component holding a diverging step out of a pair (p, p). It matters
// only when the engine can be made to fail from p, so the state must not be an accepting one (with
// nothing left to match, the engine stops at the first success): `(\w+\s?)*` alone is harmless,
// `^(\w+\s?)*$` is not. Bounded repeats are unrolled a few times; large bounds count as unbounded.
// Anything the parser does not know (recursion, atomic groups, possessive quantifiers, which
// already disable backtracking) makes the check give up rather than guess.

type CharSet = readonly number[]; // sorted, disjoint, inclusive [lo, hi] pairs, flattened

const MAX_CODE = 0x10ffff;
const ANY: CharSet = [0, MAX_CODE];
const NOT_NEWLINE: CharSet = [0, 9, 11, MAX_CODE];

function set(...ranges: [number, number][]): CharSet {
  return normalize(ranges.flat());
}

function normalize(flat: readonly number[]): CharSet {
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    const last = out.length - 1;
    if (out.length > 0 && lo <= out[last]! + 1) out[last] = Math.max(out[last]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

function union(a: CharSet, b: CharSet): CharSet {
  return normalize([...a, ...b]);
}

function negate(a: CharSet): CharSet {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < a.length; i += 2) {
    if (a[i]! > next) out.push(next, a[i]! - 1);
    next = a[i + 1]! + 1;
  }
  if (next <= MAX_CODE) out.push(next, MAX_CODE);
  return out;
}

function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1]! < b[j]!) i += 2;
    else if (b[j + 1]! < a[i]!) j += 2;
    else return true;
  }
  return false;
}

function foldCase(a: CharSet): CharSet {
  const extra: number[] = [];
  const shift = (lo: number, hi: number, from: number, to: number, by: number) => {
    const l = Math.max(lo, from);
    const h = Math.min(hi, to);
    if (l <= h) extra.push(l + by, h + by);
  };
  for (let i = 0; i < a.length; i += 2) {
    shift(a[i]!, a[i + 1]!, 65, 90, 32);
    shift(a[i]!, a[i + 1]!, 97, 122, -32);
  }
  return union(a, extra);
}

const DIGIT = set([48, 57]);
const WORD = set([48, 57], [65, 90], [95, 95], [97, 122]);
const SPACE = set([9, 13], [32, 32]);
const HSPACE = set([9, 9], [32, 32], [160, 160]);
const VSPACE = set([10, 13], [133, 133], [0x2028, 0x2029]);

const POSIX: Readonly<Record<string, CharSet>> = {
  alpha: set([65, 90], [97, 122]),
  digit: DIGIT,
  alnum: set([48, 57], [65, 90], [97, 122]),
  upper: set([65, 90]),
  lower: set([97, 122]),
  space: SPACE,
  blank: set([9, 9], [32, 32]),
  punct: set([33, 47], [58, 64], [91, 96], [123, 126]),
  xdigit: set([48, 57], [65, 70], [97, 102]),
  word: WORD,
  cntrl: set([0, 31], [127, 127]),
  print: set([32, 126]),
  graph: set([33, 126]),
  ascii: set([0, 127]),
};

// ---- syntax ----------------------------------------------------------------------------------

type Node =
  | { readonly t: "char"; readonly set: CharSet }
  | { readonly t: "end" }
  | { readonly t: "empty" }
  | { readonly t: "cat"; readonly items: Node[] }
  | { readonly t: "alt"; readonly items: Node[] }
  | { readonly t: "rep"; readonly node: Node; readonly min: number; readonly max: number };

class Unsupported extends Error {}

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

// ---- analysis --------------------------------------------------------------------------------

const MAX_POSITIONS = 200;
const MAX_EDGES = 400_000;

type Counts = Map<number, number>;

interface Info {
  nul: number;
  first: Counts;
  last: Counts;
}

function add(into: Counts, from: Counts, times = 1): void {
  if (times === 0) return;
  for (const [p, n] of from) into.set(p, Math.min(2, (into.get(p) ?? 0) + n * times));
}

class Automaton {
  readonly sets: CharSet[] = [];
  readonly ends: boolean[] = [];
  readonly follow: Counts[] = [];

  position(s: CharSet, end: boolean): number {
    if (this.sets.length >= MAX_POSITIONS) throw new Unsupported("too large");
    this.sets.push(s);
    this.ends.push(end);
    this.follow.push(new Map());
    return this.sets.length - 1;
  }

  link(from: Counts, to: Counts): void {
    for (const [p, n] of from) {
      const row = this.follow[p]!;
      for (const [q, m] of to) row.set(q, Math.min(2, (row.get(q) ?? 0) + n * m));
    }
  }

  analyze(node: Node): Info {
    switch (node.t) {
      case "char":
      case "end": {
        const p = this.position(node.t === "char" ? node.set : [], node.t === "end");
        return { nul: 0, first: new Map([[p, 1]]), last: new Map([[p, 1]]) };
      }
      case "empty":
        return { nul: 1, first: new Map(), last: new Map() };
      case "cat":
        return node.items.map((n) => this.analyze(n)).reduce((a, b) => this.concat(a, b), { nul: 1, first: new Map(), last: new Map() } as Info);
      case "alt": {
        const out: Info = { nul: 0, first: new Map(), last: new Map() };
        for (const item of node.items) {
          const info = this.analyze(item);
          out.nul = Math.min(2, out.nul + info.nul);
          add(out.first, info.first);
          add(out.last, info.last);
        }
        return out;
      }
      case "rep":
        return this.repeat(node.node, node.min, node.max);
    }
  }

  private concat(a: Info, b: Info): Info {
    this.link(a.last, b.first);
    const first = new Map(a.first);
    add(first, b.first, a.nul);
    const last = new Map(b.last);
    add(last, a.last, b.nul);
    return { nul: Math.min(2, a.nul * b.nul), first, last };
  }

  private repeat(node: Node, min: number, max: number): Info {
    const unbounded = max === Infinity || max - min > 8 || max > 16;
    let result: Info = { nul: 1, first: new Map(), last: new Map() };
    const mandatory = unbounded ? Math.min(min, 2) : Math.min(min, 3);
    // Copies that must match, each a fresh set of positions.
    for (let k = 0; k < (unbounded && mandatory > 0 ? mandatory - 1 : mandatory); k++) result = this.concat(result, this.analyze(node));
    if (unbounded) {
      const body = this.analyze(node);
      this.link(body.last, body.first);
      const loop: Info = { nul: mandatory > 0 ? body.nul : 1, first: body.first, last: body.last };
      return this.concat(result, loop);
    }
    // Optional copies, nested so that a shorter match is one way only: (E(E(E)?)?)?
    const optional = Math.min(max - min, 3);
    const nest = (k: number): Info => {
      if (k === 0) return { nul: 1, first: new Map(), last: new Map() };
      const body = this.concat(this.analyze(node), nest(k - 1));
      return { nul: Math.min(2, 1 + body.nul), first: body.first, last: body.last };
    };
    return this.concat(result, nest(optional));
  }
}

export interface Ambiguity {
  /** True when some input can make a backtracking engine take exponential time. */
  readonly exponential: boolean;
}

/**
 * Whether `pattern` (PCRE syntax) can backtrack exponentially; undefined when the pattern uses
 * something this analysis does not model or is too large to analyse.
 */
export function analyzeRegex(pattern: string, ignoreCase = false): Ambiguity | undefined {
  let automaton: Automaton;
  let whole: Info;
  try {
    const tree = new Parser(pattern, ignoreCase).parse();
    automaton = new Automaton();
    whole = automaton.analyze(tree);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  const { sets, ends, follow } = automaton;
  const n = sets.length;
  const accepting = new Set([...whole.last.keys()].filter((p) => !ends[p]));

  // Product automaton, explored from every pair (p, p).
  const index = new Map<number, number>();
  const pairs: [number, number][] = [];
  const edges: number[][] = [];
  const diverging: [number, number][] = [];
  const node = (u: number, v: number): number => {
    const key = u * n + v;
    let id = index.get(key);
    if (id === undefined) {
      id = pairs.length;
      index.set(key, id);
      pairs.push([u, v]);
      edges.push([]);
    }
    return id;
  };
  for (let p = 0; p < n; p++) if (!ends[p]) node(p, p);
  let edgeCount = 0;
  for (let id = 0; id < pairs.length; id++) {
    const [u, v] = pairs[id]!;
    for (const [u2, c1] of follow[u]!) {
      if (ends[u2]) continue;
      for (const [v2, c2] of follow[v]!) {
        if (ends[v2] || !intersects(sets[u2]!, sets[v2]!)) continue;
        const target = node(u2, v2);
        edges[id]!.push(target);
        if (u === v && (u2 !== v2 || Math.min(c1, c2) >= 2)) diverging.push([id, target]);
        if (++edgeCount > MAX_EDGES) return undefined;
      }
    }
  }
  if (diverging.length === 0) return { exponential: false };

  const component = stronglyConnected(edges);
  for (const [from, to] of diverging) {
    if (component[from] !== component[to]) continue;
    const c = component[from];
    for (let id = 0; id < pairs.length; id++) {
      const [u, v] = pairs[id]!;
      if (component[id] === c && u === v && !accepting.has(u)) return { exponential: true };
    }
  }
  return { exponential: false };
}

/** Tarjan's algorithm, iterative: the component number of every node. */
function stronglyConnected(edges: readonly number[][]): number[] {
  const n = edges.length;
  const order = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const component = new Array<number>(n).fill(-1);
  const stack: number[] = [];
  const onStack = new Array<boolean>(n).fill(false);
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, i] = frame;
      if (i < edges[v]!.length) {
        frame[1]++;
        const w = edges[v]![i]!;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, order[w]!);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]![0];
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === order[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          component[w] = components;
        } while (w !== v);
        components++;
      }
    }
  }
  return component;
}
