// Every named thing of a configuration and every place that names it, across its files: haproxy
// sections, servers, ACLs and environment variables; keepalived named blocks and `$VAR`s. Go to
// definition, find references, rename and highlights all read this one index: each place has a key,
// and the places with one key are one thing. Built on first use, once per state of the project.
import type { Range } from "../../../grammars/common/text.js";
import type { Section, Word as HaproxyWord } from "../../../grammars/haproxy/ast.js";
import type { HaproxyParseResult } from "../../../grammars/haproxy/parse.js";
import type { KeepalivedItem, Word as KeepalivedWord } from "../../../grammars/keepalived/ast.js";
import { ConfigNode } from "../../../grammars/keepalived/containers.js";
import { UnitCache } from "./section-cache.js";
import type { KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import { keepalivedItems, keepalivedStatements } from "../../../grammars/keepalived/walk.js";
import { haproxyReferences, referencesSection, type HaproxyReference } from "../../../grammars/references/haproxy.js";
import { blockName, keepalivedReferences } from "../../../grammars/references/keepalived.js";
import { aclReferences, HaproxyModel, PREDEFINED_ACLS } from "../rules/haproxy/model.js";
import type { Project } from "./project.js";

/** One place that defines or names something. */
export interface NameSite {
  readonly uri: string;
  /** The characters of the name (the whole word when it is escaped or partly quoted). */
  readonly range: Range;
  readonly start: number;
  readonly end: number;
  /** The same key for the definition and every reference of one thing. */
  readonly key: string;
  readonly name: string;
  /** What it is, for messages and symbols: `backend`, `server`, `acl`, `vrrp_script`, `variable`, … */
  readonly what: string;
  readonly definition: boolean;
  /** False when the range is the whole word rather than exactly the name. */
  readonly exact: boolean;
}

export class NameIndex {
  readonly sites: NameSite[] = [];
  private readonly byKey = new Map<string, NameSite[]>();
  private readonly byUri = new Map<string, NameSite[]>();

  add(site: NameSite): void {
    this.sites.push(site);
    (this.byKey.get(site.key) ?? this.byKey.set(site.key, []).get(site.key)!).push(site);
    (this.byUri.get(site.uri) ?? this.byUri.set(site.uri, []).get(site.uri)!).push(site);
  }

  /** The place whose name holds the offset, if any. */
  at(uri: string, offset: number): NameSite | undefined {
    return this.byUri.get(uri)?.find((site) => site.start <= offset && offset <= site.end);
  }

  /** Every place of one thing, definitions first. */
  withKey(key: string): NameSite[] {
    const all = this.byKey.get(key) ?? [];
    return [...all.filter((site) => site.definition), ...all.filter((site) => !site.definition)];
  }

  definitions(key: string): NameSite[] {
    return (this.byKey.get(key) ?? []).filter((site) => site.definition);
  }

  inFile(uri: string): readonly NameSite[] {
    return this.byUri.get(uri) ?? [];
  }
}

type AnyWord = HaproxyWord | KeepalivedWord;
type Parse = HaproxyParseResult | KeepalivedParseResult;

/** Where the value's characters [start, end) of a word are in the text, when plain or simply quoted. */
function nameOffsets(word: AnyWord, start: number, end: number): { start: number; end: number; exact: boolean } {
  const text = word.text;
  const value = word.value;
  let shift: number | undefined;
  if (text === value) shift = 0;
  else if (text.length === value.length + 2 && /^(["']).*\1$/s.test(text) && text.slice(1, -1) === value) shift = 1;
  if (shift === undefined) return { start: word.range.startOffset, end: word.range.endOffset, exact: false };
  return { start: word.range.startOffset + shift + start, end: word.range.startOffset + shift + end, exact: true };
}

function site(uri: string, parse: Parse, word: AnyWord, key: string, what: string, definition: boolean, start = 0, end = word.value.length): NameSite {
  const at = nameOffsets(word, start, end);
  const range = { start: parse.lines.position(at.start), end: parse.lines.position(at.end) };
  return { uri, range, start: at.start, end: at.end, key, name: word.value.slice(start, end), what, definition, exact: at.exact };
}

const cache = new WeakMap<Project, NameIndex>();

/**
 * The name at an offset, or undefined. On a haproxy line the line alone tells whether the cursor is
 * on a name at all, so the whole index (tens of milliseconds on a 15,000-line file) is built only
 * when it is.
 */
export function nameAt(project: Project, uri: string, offset: number): NameSite | undefined {
  const file = project.loaded.files.get(uri);
  if (file?.parse.format === "haproxy" && !haproxyLineHasName(file.parse, offset)) return undefined;
  return nameIndex(project).at(uri, offset);
}

function haproxyLineHasName(parse: HaproxyParseResult, offset: number): boolean {
  const sections = parse.ast.sections;
  let lo = 0;
  let hi = sections.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid]!.range.startOffset <= offset) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const section = sections[at];
  if (!section) return false;
  const line = [section.header, ...section.body].find((candidate) => candidate.range.startOffset <= offset && offset <= candidate.range.endOffset);
  if (!line || line.kind !== "statement") return false;
  if (line === section.header) return section.name?.range.contains(offset) === true || section.from?.range.contains(offset) === true;
  return localNames(parse, { ...section, body: [line] }).some((candidate) => candidate.start <= offset && offset <= candidate.end);
}

/**
 * The names a haproxy section defines and uses, found from the section alone (their keys are not
 * resolved): enough to tell where names are, for the line under the cursor and for semantic tokens.
 */
export function localNames(parse: HaproxyParseResult, section: Section): NameSite[] {
  return haproxySectionSites(parse, section).map(({ site }) => site);
}

export function nameIndex(project: Project): NameIndex {
  let index = cache.get(project);
  if (!index) {
    index = project.format === "haproxy" ? haproxyIndex(project) : keepalivedIndex(project);
    cache.set(project, index);
  }
  return index;
}

// ---- haproxy ------------------------------------------------------------------------------------

/**
 * A name found in one section, before its key is known: what the key depends on outside the section
 * (which section a reference names, where an ACL is defined, the section's place in its file) is
 * resolved each time the index is made, while these are kept per section and moved with it, so an
 * edit reads only the sections it touched.
 */
type PendingKey =
  | { readonly kind: "fixed"; readonly key: string }
  | { readonly kind: "section"; readonly reference: HaproxyReference }
  | { readonly kind: "acl"; readonly name: string };

interface LocalSite {
  readonly site: NameSite;
  readonly pending: PendingKey;
}

const sectionSites = new UnitCache<Section, LocalSite>(
  (section) => ({ offset: section.range.startOffset, line: section.range.start.line }),
  (found, offsets, lines) => ({ site: moveSite(found.site, offsets, lines), pending: found.pending }),
);

function haproxyIndex(project: Project): NameIndex {
  const index = new NameIndex();
  const files = [...project.loaded.files.values()].map((file) => ({ uri: file.uri, parse: file.parse as HaproxyParseResult }));
  const model = new HaproxyModel(files, project.config.targets.haproxy);
  const all = files.flatMap((file) => file.parse.ast.sections.map((section) => ({ section, file, local: sectionSites.get(section, () => haproxySectionSites(file.parse, section)) })));
  const byName = new Map<string, typeof all>();
  const aclsDefined = new Map<Section, Set<string>>();
  const uriOf = new Map<Section, string>();
  for (const entry of all) {
    const name = entry.section.name?.value;
    if (name !== undefined) (byName.get(name) ?? byName.set(name, []).get(name)!).push(entry);
    uriOf.set(entry.section, entry.file.uri);
    const acls = new Set<string>();
    for (const { site, pending } of entry.local) if (pending.kind === "acl" && site.definition) acls.add(pending.name);
    aclsDefined.set(entry.section, acls);
  }
  const scopeKey = (section: Section) => `${uriOf.get(section)}#${section.range.startOffset}`;
  const aclKey = (section: Section, name: string, definition: boolean) => {
    const owner = model.sectionModel(section);
    if (definition || !owner || aclsDefined.get(section)!.has(name)) return `acl:${scopeKey(section)}:${name}`;
    const holder = model.defaultsChain(owner).find((defaults) => aclsDefined.get(defaults.section)?.has(name));
    if (holder) return `acl:${scopeKey(holder.section)}:${name}`;
    return PREDEFINED_ACLS.has(name) ? `acl:predefined:${name}` : `acl:${scopeKey(section)}:${name}`;
  };
  const sectionReferenceKey = (reference: HaproxyReference) => {
    const target = (byName.get(reference.name) ?? []).find(({ section, file }) => referencesSection(file.parse.ast, section, reference));
    return { key: target ? `section:${target.section.type}:${target.section.name?.value}` : `undefined:${reference.target}:${reference.name}`, what: target?.section.type ?? reference.target };
  };
  for (const { section, file, local } of all) {
    for (const { site, pending } of local) {
      if (pending.kind === "fixed") index.add({ ...site, uri: file.uri, key: pending.key });
      else if (pending.kind === "acl") index.add({ ...site, uri: file.uri, key: aclKey(section, pending.name, site.definition) });
      else index.add({ ...site, uri: file.uri, ...sectionReferenceKey(pending.reference) });
    }
  }
  return index;
}

/** The names one haproxy section defines and uses, their keys left to `haproxyIndex`. */
function haproxySectionSites(parse: HaproxyParseResult, section: Section): LocalSite[] {
  const found: LocalSite[] = [];
  const fixed = (site: NameSite) => found.push({ site, pending: { kind: "fixed", key: site.key } });
  if (section.name) fixed(site("", parse, section.name, `section:${section.type}:${section.name.value}`, section.type, true));
  if (section.type === "global") {
    for (const line of section.body) {
      if (line.kind !== "statement" || !["setenv", "presetenv"].includes(line.keyword.value) || !line.args[0]) continue;
      fixed(site("", parse, line.args[0], `env:${line.args[0].value}`, "environment variable", true));
    }
  }
  for (const reference of haproxyReferences({ ...parse.ast, sections: [section] })) {
    if (reference.target === "server") fixed(site("", parse, reference.word, `server:${reference.backend}:${reference.name}`, "server", false, reference.start, reference.end));
    else found.push({ site: site("", parse, reference.word, "", reference.target, false, reference.start, reference.end), pending: { kind: "section", reference } });
  }
  for (const line of section.body) {
    if (line.kind !== "statement") continue;
    const keyword = line.keyword.value;
    const name = line.args[0];
    if ((keyword === "server" || keyword === "server-template") && name && section.name) {
      fixed(site("", parse, name, `server:${section.name.value}:${name.value}`, "server", true));
    }
    if (keyword === "acl" && name) found.push({ site: site("", parse, name, "", "acl", true), pending: { kind: "acl", name: name.value } });
    for (const reference of aclReferences(line.condition)) {
      const start = Math.max(0, reference.word.value.indexOf(reference.name));
      found.push({ site: site("", parse, reference.word, "", "acl", false, start, start + reference.name.length), pending: { kind: "acl", name: reference.name } });
    }
    for (const word of line.words) {
      for (const variable of word.variables) {
        const at = variableSite("", parse, variable.name, variable.range.startOffset, variable.text, `env:${variable.name}`);
        found.push({ site: at, pending: { kind: "fixed", key: at.key } });
      }
    }
  }
  return found;
}

/** A `${NAME}` or `$NAME` reference: the name's characters inside the reference. */
function variableSite(uri: string, parse: Parse, name: string, refStart: number, refText: string, key: string): NameSite {
  const at = refStart + refText.indexOf(name, 1);
  const range = { start: parse.lines.position(at), end: parse.lines.position(at + name.length) };
  return { uri, range, start: at, end: at + name.length, key, name, what: "variable", definition: false, exact: true };
}

/** A site of a unit (section, top-level item) that moved by `offsets` characters and `lines` lines. */
function moveSite(found: NameSite, offsets: number, lines: number): NameSite {
  const move = (position: NameSite["range"]["start"]) => ({ offset: position.offset + offsets, line: position.line + lines, column: position.column });
  return { ...found, start: found.start + offsets, end: found.end + offsets, range: { start: move(found.range.start), end: move(found.range.end) } };
}

// ---- keepalived ---------------------------------------------------------------------------------

function keepalivedIndex(project: Project): NameIndex {
  const index = new NameIndex();
  for (const file of project.loaded.files.values()) {
    const parse = file.parse as KeepalivedParseResult;
    for (const item of parse.ast.items) for (const found of itemSites.get(item, () => keepalivedItemSites(file.uri, parse, item), file.uri)) index.add(found);
  }
  return index;
}

/** The names of a keepalived top-level item, kept while the item is unchanged (it moves with the text). */
const itemSites = new UnitCache<KeepalivedItem, NameSite>(
  (item) => ({ offset: item.range.startOffset, line: item.range.start.line }),
  moveSite,
);

function keepalivedItemSites(uri: string, parse: KeepalivedParseResult, item: KeepalivedItem): NameSite[] {
  const index = new NameIndex();
  const lone = new ConfigNode([item], parse.ast.range);
  for (const inner of keepalivedItems(lone)) {
    if (inner.kind !== "definition") continue;
    const start = inner.nameRange.startOffset;
    const range = { start: parse.lines.position(start), end: parse.lines.position(inner.nameRange.endOffset) };
    index.add({ uri, range, start, end: inner.nameRange.endOffset, key: `var:${inner.name}`, name: inner.name, what: "variable", definition: true, exact: true });
  }
  if (item.kind === "block") {
    const named = blockName(item);
    if (named && !item.header!.prefixOnly) index.add(site(uri, parse, named.word, `block:${named.keyword}:${named.word.value}`, named.keyword, true));
    // What the block is named on the hosts that read it under an alternative header.
    for (const { header } of item.alternatives) {
      const word = header.args[0];
      if (word) index.add(site(uri, parse, word, `block:${header.keyword.value}:${word.value}`, header.keyword.value, true));
    }
  }
  for (const reference of keepalivedReferences(lone)) index.add(site(uri, parse, reference.word, `block:${reference.target}:${reference.name}`, reference.target, false));
  for (const statement of keepalivedStatements(lone)) {
    for (const word of statement.words) {
      for (const variable of word.variables) index.add(variableSite(uri, parse, variable.name, variable.range.startOffset, variable.text, `var:${variable.name}`));
    }
  }
  return index.sites;
}
