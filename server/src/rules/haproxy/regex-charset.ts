// Sets of code points for the regex analysis (regex-ambiguity.ts): sorted ranges with the few
// operations the parser and the automaton need, and the classes PCRE names (`\d`, `[:alpha:]`).

export type CharSet = readonly number[]; // sorted, disjoint, inclusive [lo, hi] pairs, flattened

const MAX_CODE = 0x10ffff;
export const ANY: CharSet = [0, MAX_CODE];
export const NOT_NEWLINE: CharSet = [0, 9, 11, MAX_CODE];

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

export function union(a: CharSet, b: CharSet): CharSet {
  return normalize([...a, ...b]);
}

export function negate(a: CharSet): CharSet {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < a.length; i += 2) {
    if (a[i]! > next) out.push(next, a[i]! - 1);
    next = a[i + 1]! + 1;
  }
  if (next <= MAX_CODE) out.push(next, MAX_CODE);
  return out;
}

export function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1]! < b[j]!) i += 2;
    else if (b[j + 1]! < a[i]!) j += 2;
    else return true;
  }
  return false;
}

export function foldCase(a: CharSet): CharSet {
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

export const DIGIT = set([48, 57]);
export const WORD = set([48, 57], [65, 90], [95, 95], [97, 122]);
export const SPACE = set([9, 13], [32, 32]);
export const HSPACE = set([9, 9], [32, 32], [160, 160]);
export const VSPACE = set([10, 13], [133, 133], [0x2028, 0x2029]);

export const POSIX: Readonly<Record<string, CharSet>> = {
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
