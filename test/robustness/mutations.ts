// Grammar-aware mutations of real configuration files, as fast-check arbitraries: the damage people
// and tools do to these files (lines deleted, duplicated or swapped; braces and quotes dropped or
// added; NUL bytes, CRLF, lone CR, tabs, a byte order mark; very long lines, deep nesting, long runs
// of one character).
import fc from "fast-check";

type Mutation = (text: string) => string;

const lines = (text: string) => text.split("\n");

function at<T>(list: readonly T[], seed: number): number {
  return list.length === 0 ? 0 : seed % list.length;
}

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((seed): Mutation => (text) => {
    const l = lines(text);
    l.splice(at(l, seed), 1);
    return l.join("\n");
  }),
  fc.nat().map((seed): Mutation => (text) => {
    const l = lines(text);
    const i = at(l, seed);
    l.splice(i, 0, l[i] ?? "");
    return l.join("\n");
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (text) => {
    const l = lines(text);
    const i = at(l, a);
    const j = at(l, b);
    [l[i], l[j]] = [l[j] ?? "", l[i] ?? ""];
    return l.join("\n");
  }),
  fc.tuple(fc.nat(), fc.constantFrom("{", "}", '"', "'", "\\", "#", "!", "\u0000", "\r", "\t", "\ufeff", "$", "${", "%[", " if ", "\r\n")).map(
    ([seed, inserted]): Mutation => (text) => {
      const i = text.length === 0 ? 0 : seed % (text.length + 1);
      return text.slice(0, i) + inserted + text.slice(i);
    },
  ),
  fc.tuple(fc.nat(), fc.constantFrom("{", "}", '"', "\n")).map(([seed, removed]): Mutation => (text) => {
    const positions: number[] = [];
    for (let i = text.indexOf(removed); i >= 0 && positions.length < 1000; i = text.indexOf(removed, i + 1)) positions.push(i);
    if (positions.length === 0) return text;
    const i = positions[seed % positions.length]!;
    return text.slice(0, i) + text.slice(i + removed.length);
  }),
  fc.constant<Mutation>((text) => text.replace(/\n/g, "\r\n")),
  fc.constant<Mutation>((text) => `\ufeff${text}`),
  fc.tuple(fc.nat(), fc.constantFrom("x", "{", "}", "!", "${", "{%", " ", "#")).map(([seed, unit]): Mutation => (text) => {
    const i = text.length === 0 ? 0 : seed % (text.length + 1);
    return text.slice(0, i) + unit.repeat(20_000) + text.slice(i);
  }),
  fc.constant<Mutation>((text) => `${"a {\n".repeat(300)}${text}${"}\n".repeat(300)}`),
);

export const mutations: fc.Arbitrary<Mutation[]> = fc.array(mutation, { minLength: 1, maxLength: 4 });

export function apply(text: string, list: readonly Mutation[]): string {
  return list.reduce((current, mutate) => mutate(current), text);
}
