// NameIndex answers did-you-mean questions among many names without comparing every pair; its
// answers must be exactly those of `suggest`, which the rules used before.
import { describe, expect, it } from "vitest";
import { suggest } from "../../server/src/lint/suggest.js";
import { NameIndex } from "../../server/src/rules/name-index.js";
import { seededRandom } from "../support/random.js";

function variants(random: () => number, base: string): string {
  const chars = "abcdefxyz_-.0123456789ABC";
  const pick = () => chars[Math.floor(random() * chars.length)]!;
  let word = base;
  const edits = Math.floor(random() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (word.length + 1));
    const kind = Math.floor(random() * 5);
    if (kind === 0) word = word.slice(0, at) + pick() + word.slice(at);
    else if (kind === 1) word = word.slice(0, at) + word.slice(at + 1);
    else if (kind === 2) word = word.slice(0, at) + pick() + word.slice(at + 1);
    else if (kind === 3 && at + 1 < word.length) word = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    else word = word.toUpperCase();
  }
  return word;
}

describe("NameIndex", () => {
  it("gives the same suggestions as suggest, for small and large candidate lists", () => {
    const random = seededRandom(7);
    const bases = ["backend_app", "b12", "host_b7", "web", "api-v2", "static.example", "ab", "x"];
    for (let round = 0; round < 40; round++) {
      const count = round % 2 === 0 ? 20 : 300 + Math.floor(random() * 300);
      const names = Array.from({ length: count }, (_, i) => (i % 3 === 0 ? `${bases[i % bases.length]}${i}` : variants(random, bases[Math.floor(random() * bases.length)]!)));
      names.push(names[0]!, names[1]!.toUpperCase());
      const index = new NameIndex(names);
      for (let q = 0; q < 60; q++) {
        const query = q % 4 === 0 ? names[Math.floor(random() * names.length)]! : variants(random, names[Math.floor(random() * names.length)]!);
        const max = 1 + (q % 3);
        expect(index.suggest(query, max), query).toEqual(suggest(query, names, max));
        const before = Math.floor(random() * names.length);
        const excluding = names[Math.floor(random() * names.length)]!;
        expect(index.suggest(query, max, { before, excluding }), `${query} before ${before} without ${excluding}`).toEqual(
          suggest(
            query,
            names.slice(0, before).filter((name) => name !== excluding),
            max,
          ),
        );
      }
    }
  });

  it("answers the same while it grows one name at a time, across the size where the trie starts", () => {
    const random = seededRandom(11);
    const bases = ["VIP_EXT", "RS_NUM", "PORT", "check_web", "x1"];
    const index = new NameIndex();
    const names: string[] = [];
    for (let i = 0; i < 400; i++) {
      const name = i % 2 === 0 ? `${bases[i % bases.length]}${i}` : variants(random, bases[Math.floor(random() * bases.length)]!);
      index.add(name);
      names.push(name);
      if (i % 7 !== 0) continue;
      const query = variants(random, names[Math.floor(random() * names.length)]!);
      expect(index.suggest(query), `${query} after ${names.length} names`).toEqual(suggest(query, names));
    }
  });
});
