// Lookups over haproxy's keyword knowledge (generated/haproxy.ts): which keyword a line starts with,
// where it may stand, from which version, and what its options, actions, fetches and converters are.
// The indexes are built on first use; every lookup afterwards is a map access or two.
import { loadHaproxySchema } from "./generated/haproxy.js";
import type { ArgSpec, HaproxyKeyword, HaproxyOption, HaproxySchema, HaproxyVersion } from "./types.js";
import { availabilityAt, compareVersions } from "./versions.js";

export { availabilityAt } from "./versions.js";

export interface HaproxyKeywordMatch {
  keyword: HaproxyKeyword;
  /** Words consumed by the keyword itself, prefix included: "no option httplog" = 3. */
  wordCount: number;
  /** Written with a `no` (or `default`) prefix. */
  negated: boolean;
}

interface Index {
  /** First word → keywords starting with it, longest first. */
  readonly families: Map<string, HaproxyKeyword[]>;
  readonly bindOptions: Map<string, HaproxyOption>;
  readonly serverOptions: Map<string, HaproxyOption>;
  readonly actions: Map<string, Map<string, HaproxyOption>>;
  /** Action → the rule set it was found in, for documentation links. */
  readonly actionRuleSet: WeakMap<HaproxyOption, string>;
  readonly fetches: Map<string, HaproxyOption>;
  readonly converters: Map<string, HaproxyOption>;
  readonly acl: Set<string>;
  readonly inSection: Map<string, HaproxyKeyword[]>;
}

let index: Index | undefined;
let schema: HaproxySchema | undefined;

/** The generated tables, parsed on first use: a run that lints no haproxy file never parses them. */
export function haproxySchema(): HaproxySchema {
  schema ??= loadHaproxySchema();
  return schema;
}

function byName<T extends { name: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((item) => [item.name, item]));
}

function build(): Index {
  const schema = haproxySchema();
  const families = new Map<string, HaproxyKeyword[]>();
  for (const keyword of schema.keywords) {
    const first = keyword.name.split(" ", 1)[0]!;
    const list = families.get(first);
    if (list) list.push(keyword);
    else families.set(first, [keyword]);
  }
  for (const list of families.values()) list.sort((a, b) => wordsOf(b.name).length - wordsOf(a.name).length);
  const actions = new Map<string, Map<string, HaproxyOption>>();
  const actionRuleSet = new WeakMap<HaproxyOption, string>();
  for (const [ruleSet, list] of Object.entries(schema.actions)) {
    actions.set(ruleSet, byName(list));
    for (const option of list) actionRuleSet.set(option, ruleSet);
  }
  return {
    families,
    bindOptions: byName(schema.bindOptions),
    serverOptions: byName(schema.serverOptions),
    actions,
    actionRuleSet,
    fetches: byName(schema.fetches),
    converters: byName(schema.converters),
    acl: new Set(schema.aclKeywords),
    inSection: new Map(),
  };
}

function idx(): Index {
  index ??= build();
  return index;
}

const splitCache = new Map<string, readonly string[]>();
function wordsOf(name: string): readonly string[] {
  let found = splitCache.get(name);
  if (!found) {
    found = name.split(" ");
    splitCache.set(name, found);
  }
  return found;
}

/** `set-var(txn.x)` → `set-var`: keyword words after the first are compared without their arguments. */
function bare(word: string): string {
  const paren = word.indexOf("(");
  return paren > 0 ? word.slice(0, paren) : word;
}

function matchAt(words: readonly string[], start: number): { keyword: HaproxyKeyword; count: number } | undefined {
  const first = words[start];
  if (first === undefined) return undefined;
  const family = idx().families.get(first);
  if (!family) return undefined;
  // `stick store EXPR` is `stick store-request EXPR` to haproxy 2.6.12, 3.0.11 and 3.2.26, which the
  // manuals do not say ("'stick' expects 'on', 'match', or 'store'"; sixteenth mutation round).
  if (first === "stick" && words[start + 1] !== undefined && bare(words[start + 1]!) === "store") {
    const keyword = family.find((candidate) => candidate.name === "stick store-request");
    if (keyword) return { keyword, count: 2 };
  }
  for (const keyword of family) {
    const parts = wordsOf(keyword.name);
    if (start + parts.length > words.length) continue;
    let ok = true;
    for (let i = 1; i < parts.length && ok; i++) ok = bare(words[start + i]!) === parts[i];
    if (ok) return { keyword, count: parts.length };
  }
  return undefined;
}

/**
 * The longest keyword known in any section or version that matches the leading words (values,
 * unquoted). A `no` or `default` prefix is consumed and reported as `negated`. Undefined when
 * nothing matches, including `option foo` when `option` is only known as a family prefix.
 */
export function matchHaproxyKeyword(words: readonly string[]): HaproxyKeywordMatch | undefined {
  const first = words[0];
  if (first === undefined) return undefined;
  if ((first === "no" || first === "default") && words.length > 1) {
    const found = matchAt(words, 1);
    return found ? { keyword: found.keyword, wordCount: found.count + 1, negated: true } : undefined;
  }
  const found = matchAt(words, 0);
  return found ? { keyword: found.keyword, wordCount: found.count, negated: false } : undefined;
}

/** The known keywords whose first word is `firstWord` (`option` → every `option …`), for did-you-mean. */
export function haproxyKeywordFamily(firstWord: string): HaproxyKeyword[] {
  return [...(idx().families.get(firstWord) ?? [])];
}

/** Whether the keyword may stand in a section of this type (`namedDefaults`: the defaults section has a name). */
export function isAllowedIn(keyword: HaproxyKeyword, sectionType: string, namedDefaults: boolean): boolean {
  if (!keyword.sections.includes(sectionType)) return false;
  if (sectionType === "defaults" && keyword.namedDefaultsOnly === true && !namedDefaults) return false;
  return true;
}

/** Keywords usable in a section type at a version (neither removed nor not yet there), by name. */
export function haproxyKeywordsIn(sectionType: string, version: HaproxyVersion): HaproxyKeyword[] {
  const key = `${sectionType}\u0000${version}`;
  const cache = idx().inSection;
  let found = cache.get(key);
  if (!found) {
    found = haproxySchema().keywords.filter((k) => {
      if (!k.sections.includes(sectionType)) return false;
      const state = availabilityAt(k.availability, version);
      return state === "ok" || state === "deprecated";
    });
    cache.set(key, found);
  }
  return [...found];
}

export function haproxyBindOption(name: string): HaproxyOption | undefined {
  return idx().bindOptions.get(name);
}

export function haproxyServerOption(name: string): HaproxyOption | undefined {
  const found = idx().serverOptions.get(name);
  if (found !== undefined || name.charCodeAt(name.length - 1) !== 41 /* ) */) return found;
  // `set-proxy-v2-tlv-fmt(0xE1)`: an option that carries an id in its own word.
  const called = idx().serverOptions.get(bare(name));
  return called?.called ? called : undefined;
}

const LUA_ACTION: HaproxyOption = { name: "lua.*", args: { min: 0, max: -1 } };

/**
 * An action of a rule set (`http-request`, `tcp-request content`, …), by its word as written:
 * `set-var(txn.x)` is `set-var`. Lua actions (`lua.<name>`) are registered by scripts, so any
 * `lua.` name is accepted with unchecked arguments.
 */
export function haproxyAction(ruleSet: string, name: string): HaproxyOption | undefined {
  const set = idx().actions.get(ruleSet);
  if (!set) return undefined;
  const found = set.get(bare(name));
  if (found) return found;
  if (name.startsWith("lua.") && name.length > 4) return LUA_ACTION;
  return undefined;
}

/** The actions of a rule set, for completion. */
export function haproxyActions(ruleSet: string): HaproxyOption[] {
  return [...(idx().actions.get(ruleSet)?.values() ?? [])];
}

/** A sample fetch by name (`req.hdr(host)` → `req.hdr`). */
/** The fetch an ACL keyword stands for in a condition (`hdr` → `req.hdr`), or the name itself. */
export function haproxyAclFetch(name: string): string {
  return haproxySchema().aclFetches?.[name] ?? name;
}

export function haproxyFetch(name: string): HaproxyOption | undefined {
  return idx().fetches.get(bare(name));
}

export function haproxyConverter(name: string): HaproxyOption | undefined {
  return idx().converters.get(bare(name));
}

/** Whether a word is an ACL keyword alias (`path_beg`, `hdr_dom`, …); ACLs also take any sample fetch. */
export function isHaproxyAclKeyword(name: string): boolean {
  return idx().acl.has(bare(name));
}

// Manual chapters were renumbered by 3.4; links for older versions point at the old numbers. Which
// release moved them is not known here (the references are the 2.6 and 3.4 manuals): up to 3.0 the
// 2.6 layout is assumed, from 3.2 the 3.4 one.
const OLD_CHAPTERS: Readonly<Record<string, string>> = {
  "11.2": "3.5",
  "12.2": "3.4",
  "12.3": "3.6",
  "12.4": "3.8",
  "12.5": "3.9",
  "12.6": "3.10",
  "3.4": "3.1",
};
const NEW_LAYOUT_FROM = "3.2";

/** Link to the official documentation of a keyword, option or action, for a version. */
export function haproxyDocUrl(item: HaproxyKeyword | HaproxyOption, version: HaproxyVersion): string {
  const base = `https://docs.haproxy.org/${version}/configuration.html`;
  const doc = item.doc;
  if (!doc) return base;
  let chapter = doc.chapter;
  let anchor = doc.anchor ?? item.name;
  if (version === "2.6" && doc.chapter26) chapter = doc.chapter26;
  else if (compareVersions(version, NEW_LAYOUT_FROM) < 0) {
    if (chapter === "4.4") {
      const ruleSet = idx().actionRuleSet.get(item as HaproxyOption);
      chapter = "4.2";
      if (ruleSet) anchor = `${ruleSet} ${anchor}`;
    } else chapter = OLD_CHAPTERS[chapter] ?? chapter;
  }
  return `${base}#${chapter}-${encodeURIComponent(anchor)}`;
}

const argsAfter26 = new WeakMap<ArgSpec, ArgSpec>();

/**
 * A keyword's arguments as the target version reads them: where a value changed kind after 2.6
 * (`tune.bufsize`: a number, then a size) the later shapes (`laterShapes`) replace 2.6's.
 */
export function haproxyArgsAt(args: ArgSpec | undefined, version: HaproxyVersion): ArgSpec | undefined {
  if (!args?.laterShapes || version === "2.6") return args;
  let later = argsAfter26.get(args);
  if (!later) {
    later = { ...args, shapes: args.laterShapes };
    argsAfter26.set(args, later);
  }
  return later;
}
