// Results computed per haproxy section and kept while the section is unchanged: an edit re-parses
// only the sections it touches (grammars/incremental/), the others keep their objects, so what was
// computed from them stays true — moved down or up by the lines the edit added or removed. Editors
// ask for symbols, links and tokens after every edit; on a 15,000-line file this keeps them cheap.
import type { Section } from "../../../grammars/haproxy/ast.js";

/** Something with editor ranges that can move by whole lines. */
export type Shift<T> = (item: T, lines: number) => T;

/**
 * The same for any unit of a document that keeps its object while unchanged (a keepalived
 * top-level item): results are moved by the offsets and lines the unit moved.
 */
export class UnitCache<Unit extends object, T> {
  private readonly entries = new WeakMap<Unit, { key: string; offset: number; line: number; items: T[] }>();

  constructor(
    private readonly where: (unit: Unit) => { offset: number; line: number },
    private readonly shift: (item: T, offsets: number, lines: number) => T,
  ) {}

  get(unit: Unit, compute: () => T[], key = ""): T[] {
    const { offset, line } = this.where(unit);
    let entry = this.entries.get(unit);
    if (!entry || entry.key !== key) {
      entry = { key, offset, line, items: compute() };
      this.entries.set(unit, entry);
    }
    const offsets = offset - entry.offset;
    const lines = line - entry.line;
    return offsets === 0 && lines === 0 ? entry.items : entry.items.map((item) => this.shift(item, offsets, lines));
  }
}

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
