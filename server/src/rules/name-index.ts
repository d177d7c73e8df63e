// Did-you-mean among many names: `suggest` (lint/suggest.ts) compares a misspelt name with every
// candidate, which for a configuration with thousands of backends and as many typos grows with
// their product. NameIndex keeps the candidates in a trie and walks only the branches that can
// stay within the distance `suggest` allows, then lets `suggest` score the few it finds: the answer
// is the same, in time that follows the size of the configuration.
import { suggest } from "../lint/suggest.js";

interface Node {
  readonly children: Map<number, Node>;
  /** Candidates that end here, by their first place in the list. */
  readonly ends: number[];
  /** The shortest and longest candidate through this node. */
  shortest: number;
  longest: number;
}

/** Below this many candidates a plain `suggest` is as fast as the index. */
const SMALL = 64;

export class NameIndex {
  private readonly names: string[] = [];
  private root: Node | undefined;
  /** Lower-cased name → places: `suggest` also offers a candidate that differs only in case. */
  private byLowerCase: Map<string, number[]> | undefined;

  constructor(candidates: Iterable<string> = []) {
    for (const name of candidates) this.add(name);
  }

  /**
   * Adds a candidate after the others (a name defined further down): in time that follows its
   * length, so that an index can grow while a file is read.
   */
  add(name: string): void {
    this.names.push(name);
    if (this.root) this.insert(name, this.names.length - 1);
    else if (this.names.length >= SMALL) {
      this.root = { children: new Map(), ends: [], shortest: Infinity, longest: 0 };
      this.byLowerCase = new Map();
      this.names.forEach((each, index) => this.insert(each, index));
    }
  }

  private insert(name: string, index: number): void {
    let node = this.root!;
    const reach = (at: Node) => {
      at.shortest = Math.min(at.shortest, name.length);
      at.longest = Math.max(at.longest, name.length);
    };
    reach(node);
    for (let i = 0; i < name.length; i++) {
      const c = name.charCodeAt(i);
      let next = node.children.get(c);
      if (!next) node.children.set(c, (next = { children: new Map(), ends: [], shortest: Infinity, longest: 0 }));
      node = next;
      reach(node);
    }
    node.ends.push(index);
    const lower = name.toLowerCase();
    (this.byLowerCase!.get(lower) ?? this.byLowerCase!.set(lower, []).get(lower)!).push(index);
  }

  /**
   * What `suggest(name, candidates, max)` answers; with `before`, among the first `before`
   * candidates only, and without the candidate `excluding`.
   */
  suggest(name: string, max = 3, { before = Infinity, excluding }: { before?: number; excluding?: string } = {}): string[] {
    const among = (names: readonly string[]) => (excluding === undefined ? names : names.filter((candidate) => candidate !== excluding));
    if (!this.root) return suggest(name, among(before < this.names.length ? this.names.slice(0, before) : this.names), max);
    // The same bound as `suggest`.
    const limit = Math.min(3, Math.max(1, Math.floor(name.length * 0.3)));
    const found = new Set<number>(this.byLowerCase!.get(name.toLowerCase()) ?? []);
    // Rows of the optimal string alignment table: one per character of the candidate (the path
    // through the trie), one column per character of `name`.
    const first = Array.from({ length: name.length + 1 }, (_, j) => j);
    const visit = (node: Node, depth: number, previous: readonly number[], beforePrevious: readonly number[] | undefined, chars: number[]) => {
      if (previous[name.length]! <= limit) for (const index of node.ends) found.add(index);
      let previousLeast = previous[0]!;
      for (let j = 1; j <= name.length; j++) if (previous[j]! < previousLeast) previousLeast = previous[j]!;
      for (const [c, child] of node.children) {
        // The distance is at least the difference of the lengths.
        if (child.shortest - name.length > limit || name.length - child.longest > limit) continue;
        const row = new Array<number>(name.length + 1);
        row[0] = depth + 1;
        let least = row[0];
        for (let j = 1; j <= name.length; j++) {
          const cost = name.charCodeAt(j - 1) === c ? 0 : 1;
          let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
          if (beforePrevious && j > 1 && name.charCodeAt(j - 1) === chars[depth - 1] && name.charCodeAt(j - 2) === c) value = Math.min(value, beforePrevious[j - 2]! + 1);
          row[j] = value;
          if (value < least) least = value;
        }
        // A later row is never below the least of this row, nor below the least of the previous
        // row plus one (a transposition reaches two rows back): past both, nothing can come back.
        if (least > limit && previousLeast + 1 > limit) continue;
        chars[depth] = c;
        visit(child, depth + 1, row, previous, chars);
      }
    };
    if (this.root.shortest - name.length <= limit && name.length - this.root.longest <= limit) visit(this.root, 0, first, undefined, []);
    // `suggest` scores the few that can be close, in the order the candidates were given.
    const close = [...found].filter((index) => index < before).sort((a, b) => a - b);
    return suggest(name, among(close.map((index) => this.names[index]!)), max);
  }
}
