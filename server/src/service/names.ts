// Every named thing of a configuration and every place that names it, across its files: haproxy
// sections, servers, ACLs and environment variables; keepalived named blocks and `$VAR`s. Go to
// definition, find references, rename and highlights all read this one index: each place has a key,
// and the places with one key are one thing. Built on first use, once per state of the project.
import type { Range } from "../../../grammars/common/text.js";
import type { Section, Statement, Word as HaproxyWord } from "../../../grammars/haproxy/ast.js";
import type { HaproxyParseResult } from "../../../grammars/haproxy/parse.js";
import type { KeepalivedItem, Word as KeepalivedWord } from "../../../grammars/keepalived/ast.js";
import { ConfigNode } from "../../../grammars/keepalived/containers.js";
import { UnitCache } from "./section-cache.js";
import type { KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import { keepalivedItems, keepalivedStatements } from "../../../grammars/keepalived/walk.js";
import { haproxyReferences, referencesSection } from "../../../grammars/references/haproxy.js";
import { blockName, keepalivedReferences } from "../../../grammars/references/keepalived.js";
import { aclReferences, HaproxyModel, PREDEFINED_ACLS, type SectionModel } from "../rules/haproxy/model.js";
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
  const index = new NameIndex();
  if (section.name) index.add(site("", parse, section.name, "", section.type, true));
  for (const reference of haproxyReferences({ ...parse.ast, sections: [section] })) {
    index.add(site("", parse, reference.word, "", reference.target, false, reference.start, reference.end));
  }
  const model = new HaproxyModel([], "3.4");
  for (const line of section.body) if (line.kind === "statement") addStatementNames(index, "", parse, section, line, undefined, model, () => "");
  return index.sites;
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

function haproxyIndex(project: Project): NameIndex {
  const index = new NameIndex();
  const files = [...project.loaded.files.values()].map((file) => ({ uri: file.uri, parse: file.parse as HaproxyParseResult }));
  const model = new HaproxyModel(files, project.config.targets.haproxy);
  const sectionKey = (section: Section) => `section:${section.type}:${section.name?.value}`;
  const all = files.flatMap((file) => file.parse.ast.sections.map((section) => ({ section, file })));
  const byName = new Map<string, typeof all>();
  for (const entry of all) {
    const name = entry.section.name?.value;
    if (name !== undefined) (byName.get(name) ?? byName.set(name, []).get(name)!).push(entry);
  }
  const sectionUri = new Map(all.map(({ section, file }) => [section, file.uri]));
  const modelOf = (section: Section) => model.sectionModel(section);
  const scopeKey = (section: SectionModel | undefined, fallback: Section) => `${sectionUri.get(section?.section ?? fallback)}#${(section?.section ?? fallback).range.startOffset}`;

  for (const { section, file } of all) {
    if (section.name) index.add(site(file.uri, file.parse, section.name, sectionKey(section), section.type, true));
    if (section.type === "global") addEnvironment(index, file.uri, file.parse, section);
  }
  for (const file of files) {
    for (const reference of haproxyReferences(file.parse.ast)) {
      if (reference.target === "server") {
        index.add(site(file.uri, file.parse, reference.word, `server:${reference.backend}:${reference.name}`, "server", false, reference.start, reference.end));
        continue;
      }
      const target = (byName.get(reference.name) ?? []).find(({ section, file: defining }) => referencesSection(defining.parse.ast, section, reference));
      const key = target ? sectionKey(target.section) : `undefined:${reference.target}:${reference.name}`;
      index.add(site(file.uri, file.parse, reference.word, key, target?.section.type ?? reference.target, false, reference.start, reference.end));
    }
    for (const section of file.parse.ast.sections) {
      const owner = modelOf(section);
      for (const line of section.body) {
        if (line.kind !== "statement") continue;
        addStatementNames(index, file.uri, file.parse, section, line, owner, model, scopeKey);
      }
    }
  }
  return index;
}

function addStatementNames(
  index: NameIndex,
  uri: string,
  parse: HaproxyParseResult,
  section: Section,
  line: Statement,
  owner: SectionModel | undefined,
  model: HaproxyModel,
  scopeKey: (section: SectionModel | undefined, fallback: Section) => string,
): void {
  const keyword = line.keyword.value;
  const name = line.args[0];
  if ((keyword === "server" || keyword === "server-template") && name && section.name) {
    index.add(site(uri, parse, name, `server:${section.name.value}:${name.value}`, "server", true));
  }
  if (keyword === "acl" && name) index.add(site(uri, parse, name, `acl:${scopeKey(owner, section)}:${name.value}`, "acl", true));
  for (const reference of aclReferences(line.condition)) {
    const aclName = reference.name;
    let key = `acl:${scopeKey(owner, section)}:${aclName}`;
    if (owner && !model.aclsDefinedIn(owner).has(aclName)) {
      const holder = model.defaultsChain(owner).find((defaults) => model.aclsDefinedIn(defaults).has(aclName));
      if (holder) key = `acl:${scopeKey(holder, section)}:${aclName}`;
      else if (PREDEFINED_ACLS.has(aclName)) key = `acl:predefined:${aclName}`;
    }
    const start = reference.word.value.indexOf(aclName);
    index.add(site(uri, parse, reference.word, key, "acl", false, Math.max(0, start), Math.max(0, start) + aclName.length));
  }
  for (const word of line.words) {
    for (const variable of word.variables) addVariable(index, uri, parse, variable.name, variable.range.startOffset, variable.text, `env:${variable.name}`);
  }
}

/** `setenv NAME value` and `presetenv NAME value` in global define environment variables for the rest of the file. */
function addEnvironment(index: NameIndex, uri: string, parse: HaproxyParseResult, section: Section): void {
  for (const line of section.body) {
    if (line.kind !== "statement" || !["setenv", "presetenv"].includes(line.keyword.value) || !line.args[0]) continue;
    index.add(site(uri, parse, line.args[0], `env:${line.args[0].value}`, "environment variable", true));
  }
}

/** A `${NAME}` or `$NAME` reference: the name's characters inside the reference. */
function addVariable(index: NameIndex, uri: string, parse: Parse, name: string, refStart: number, refText: string, key: string): void {
  const at = refStart + refText.indexOf(name, 1);
  const range = { start: parse.lines.position(at), end: parse.lines.position(at + name.length) };
  index.add({ uri, range, start: at, end: at + name.length, key, name, what: "variable", definition: false, exact: true });
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
  (found, offsets, lines) => {
    const move = (position: NameSite["range"]["start"]) => ({ offset: position.offset + offsets, line: position.line + lines, column: position.column });
    return { ...found, start: found.start + offsets, end: found.end + offsets, range: { start: move(found.range.start), end: move(found.range.end) } };
  },
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
  }
  for (const reference of keepalivedReferences(lone)) index.add(site(uri, parse, reference.word, `block:${reference.target}:${reference.name}`, reference.target, false));
  for (const statement of keepalivedStatements(lone)) {
    for (const word of statement.words) {
      for (const variable of word.variables) addVariable(index, uri, parse, variable.name, variable.range.startOffset, variable.text, `var:${variable.name}`);
    }
  }
  return index.sites;
}
