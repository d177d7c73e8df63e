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
import { intersects, type CharSet } from "./regex-charset.js";
import { parseRegex, Unsupported, type Node } from "./regex-syntax.js";

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
    const tree = parseRegex(pattern, ignoreCase);
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
