// Counts the work a piece of code does, deterministically, instead of timing it: every read of a
// tree node's or a word's accessor (words, args, keyword, value, range, items, children...), every
// call of a rule model's method, and for every array method that walks an array (filter, some,
// find, map, includes, indexOf, for...of...) the array's length. A rule that compares each
// statement with every other reads something per pair, so its count grows with the square of its
// input; a machine busy with other work changes nothing. Loops that only index plain arrays of
// strings are not seen: the count is a lower bound of the work, good for telling linear from
// quadratic, not for telling fast from slow.
import { LineNode } from "../../grammars/haproxy/line.js";
import { Word as HaproxyWord } from "../../grammars/haproxy/words.js";
import { WordBase } from "../../grammars/common/word-base.js";
import { StatementNode, WordNode } from "../../grammars/keepalived/nodes.js";
import { BlockNode, ConfigNode } from "../../grammars/keepalived/containers.js";
import { HaproxyModel, Placed } from "../../server/src/rules/haproxy/model.js";
import { InheritedSettings } from "../../server/src/rules/haproxy/inherited-settings.js";
import { TextSearch } from "../../server/src/rules/haproxy/text-search.js";
import { KeepalivedModel } from "../../server/src/rules/keepalived/model.js";
import { BlockView, Entry, GlobalView, SyncGroup, TrackingView, VirtualServer, VrrpInstance } from "../../server/src/rules/keepalived/vrrp.js";

let count = 0;
/** When set, the work per accessor or method name (to find what grows). */
export let tally: Map<string, number> | undefined;
export function keepTally(on: boolean): void {
  tally = on ? new Map() : undefined;
}

type Patch = { target: object; key: PropertyKey; original: PropertyDescriptor };

function counting(key: PropertyKey, descriptor: PropertyDescriptor, weight: (self: unknown) => number): PropertyDescriptor {
  if (descriptor.get) {
    const get = descriptor.get;
    return {
      ...descriptor,
      get(this: unknown) {
        count += 1;
        tally?.set(String(key), (tally.get(String(key)) ?? 0) + 1);
        return get.call(this);
      },
    };
  }
  const fn = descriptor.value as (...args: unknown[]) => unknown;
  return {
    ...descriptor,
    value: function (this: unknown, ...args: unknown[]) {
      const work = weight(this);
      count += work;
      tally?.set(String(key), (tally.get(String(key)) ?? 0) + work);
      return fn.apply(this, args);
    },
  };
}

/** Accessors and methods whose every use counts one. */
const CLASSES: object[] = [
  LineNode.prototype,
  HaproxyWord.prototype,
  WordBase.prototype,
  StatementNode.prototype,
  WordNode.prototype,
  BlockNode.prototype,
  ConfigNode.prototype,
  HaproxyModel.prototype,
  // What the model hands its work to: counted as the model's own methods were.
  InheritedSettings.prototype,
  TextSearch.prototype,
  Placed.prototype,
  KeepalivedModel.prototype,
  BlockView.prototype,
  TrackingView.prototype,
  SyncGroup.prototype,
  VrrpInstance.prototype,
  VirtualServer.prototype,
  GlobalView.prototype,
  Entry.prototype,
];

/** Array methods that walk the array: each use counts the array's length. */
const WALKS = ["filter", "some", "every", "find", "findIndex", "findLast", "findLastIndex", "map", "forEach", "includes", "indexOf", "lastIndexOf", "reduce", "slice", "concat", "join", Symbol.iterator] as const;

function install(): Patch[] {
  const patches: Patch[] = [];
  for (const target of CLASSES) {
    for (const key of Reflect.ownKeys(target)) {
      if (key === "constructor") continue;
      const original = Object.getOwnPropertyDescriptor(target, key)!;
      if (!original.get && typeof original.value !== "function") continue;
      patches.push({ target, key, original });
      Object.defineProperty(target, key, counting(key, original, () => 1));
    }
  }
  for (const key of WALKS) {
    const original = Object.getOwnPropertyDescriptor(Array.prototype, key)!;
    patches.push({ target: Array.prototype, key, original });
    Object.defineProperty(Array.prototype, key, counting(key, original, (self) => (self as unknown[]).length));
  }
  return patches;
}

/** The work `run` does, counted as above. */
export function countWork(run: () => void): number {
  const patches = install();
  count = 0;
  try {
    run();
  } finally {
    for (const { target, key, original } of patches.reverse()) Object.defineProperty(target, key, original);
  }
  return count;
}
