// Results computed per haproxy section and kept while the section is unchanged: an edit re-parses
// only the sections it touches (grammars/incremental/), the others keep their objects, so what was
// computed from them stays true — moved down or up by the lines the edit added or removed. Editors
// ask for symbols, links and tokens after every edit; on a 15,000-line file this keeps them cheap.
import type { Section } from "../../../grammars/haproxy/ast.js";

/** Something with editor ranges that can move by whole lines. */
export type Shift<T> = (item: T, lines: number) => T;

export class SectionCache<T> {
  private readonly entries = new WeakMap<Section, { key: string; line: number; items: T[] }>();

  constructor(private readonly shift: Shift<T>) {}

  /** The items of a section, computed once per section object (and `key`, e.g. the target version). */
  get(section: Section, compute: () => T[], key = ""): T[] {
    const line = section.header.line;
    let entry = this.entries.get(section);
    if (!entry || entry.key !== key) {
      entry = { key, line, items: compute() };
      this.entries.set(section, entry);
    }
    const lines = line - entry.line;
    return lines === 0 ? entry.items : entry.items.map((item) => this.shift(item, lines));
  }
}

/** An editor range moved by whole lines. */
export function shiftRange<R extends { start: { line: number; character: number }; end: { line: number; character: number } }>(range: R, lines: number): R {
  return { ...range, start: { ...range.start, line: range.start.line + lines }, end: { ...range.end, line: range.end.line + lines } };
}
