// haproxy.cfg completion. The cursor's section decides which keywords may start a line; the words
// before the cursor decide the rest: the next word of `option `, `timeout `, `http-request `, a
// keyword's enumerated values, bind and server options, names (backends, servers, ACLs), sample
// fetches and converters.
import type { CompletionItem } from "vscode-languageserver-types";
import type { Section } from "../../../grammars/haproxy/ast.js";
import type { HaproxyParseResult } from "../../../grammars/haproxy/parse.js";
import { SECTION_KINDS } from "../../../grammars/haproxy/sections.js";
import { haproxyActions, haproxyArgsAt, haproxyKeywordsIn, haproxySchema, matchHaproxyKeyword } from "../facts/haproxy.js";
import { haproxyItemDoc, type HaproxyItemKind } from "../facts/haproxy-docs.js";
import { HAPROXY_SECTION_AVAILABILITY, HAPROXY_VALUES, type HaproxyValue } from "../facts/haproxy-values.js";
import type { HaproxyKeyword, HaproxyOption, HaproxyVersion } from "../facts/types.js";
import { HAPROXY_VALUE_SUMMARIES, haproxyValueSummary } from "../facts/value-summaries.js";
import { PREDEFINED_ACLS } from "../rules/haproxy/model.js";
import { CompletionItemKind, enumValues, item, usable, withRange, type CompletionRequest } from "./completion.js";
import { optionSyntax, parameters, syntaxLine } from "./describe.js";
import { haproxyCursor } from "./locate.js";
import { HAPROXY_SNIPPETS } from "./snippets.js";

const SERVER_OPTIONS_FROM: Readonly<Record<string, number>> = { server: 2, "default-server": 0, "server-template": 3 };

export function completeHaproxy(request: CompletionRequest, parsed: HaproxyParseResult): CompletionItem[] {
  const cursor = haproxyCursor(parsed, request.offset);
  if (cursor.inComment) return [];
  const version = request.project.config.targets.haproxy;
  const start = cursor.word ? cursor.word.range.startOffset : request.offset;
  const replace = { start, end: request.offset };
  const values = cursor.words.slice(0, cursor.index).map((word) => word.value);
  const section = cursor.onHeader ? undefined : cursor.section;

  // Converters after a comma, fetches after `%[`, inside the word being typed.
  const inWord = cursor.prefix;
  const comma = inWord.lastIndexOf(",");
  const open = inWord.lastIndexOf("%[");
  if (comma >= 0 && comma > open && values.length > 0) {
    return withRange(functions(haproxySchema().converters, version, "converter"), request, { start: start + comma + 1, end: request.offset });
  }
  if (open >= 0) return withRange(functions(haproxySchema().fetches, version, "sample fetch"), request, { start: start + open + 2, end: request.offset });
  // `"${NAME}"`: haproxy expands environment variables inside double quotes; offer those set in global.
  const dollar = inWord.lastIndexOf("$");
  if (dollar > 0 && inWord.lastIndexOf('"', dollar) >= 0 && /^\$\{?[A-Za-z0-9_]*$/.test(inWord.slice(dollar))) {
    const braced = inWord[dollar + 1] === "{";
    return withRange(environment(parsed), request, { start: start + dollar + (braced ? 2 : 1), end: request.offset });
  }

  if (cursor.index === 0) return withRange(lineStarts(section, version, cursor.onHeader || !section), request, replace);
  if (cursor.onHeader) return withRange(headerWords(parsed, cursor.section!, cursor.index, values), request, replace);
  return withRange(argumentItems(request, parsed, section, values, version), request, replace);
}

/** Keywords that may start a line here, then section keywords and section snippets. */
function lineStarts(section: Section | undefined, version: HaproxyVersion, topLevel: boolean): CompletionItem[] {
  const items: CompletionItem[] = [];
  if (section) {
    for (const keyword of haproxyKeywordsIn(section.type, version)) items.push(keywordItem(keyword, version, 1));
  }
  for (const [name] of SECTION_KINDS) {
    if (!usable(HAPROXY_SECTION_AVAILABILITY[name], version)) continue;
    items.push(item(name, CompletionItemKind.Module, { detail: "starts a section", sortGroup: topLevel ? 1 : 7 }));
  }
  for (const snippet of HAPROXY_SNIPPETS) {
    items.push(item(snippet.label, CompletionItemKind.Snippet, { detail: snippet.detail, insertText: snippet.body, snippet: true, sortGroup: topLevel ? 2 : 8 }));
  }
  return items;
}

function keywordItem(keyword: HaproxyKeyword, version: HaproxyVersion, sortGroup: number, label = keyword.name): CompletionItem {
  const args = haproxyArgsAt(keyword.args, version);
  return item(label, CompletionItemKind.Keyword, {
    // The syntax at the target version: `tune.bufsize <size>` from 2.8, `<number>` at 2.6.
    ...(parameters(args).length > 0 ? { detail: syntaxLine(keyword.name, args) } : {}),
    ...(keyword.summary ? { documentation: keyword.summary } : {}),
    ...(keyword.availability ? { availability: keyword.availability } : {}),
    version,
    sortGroup,
  });
}

/** A bind or server option or an action: its syntax as detail (`inter <delay>`), its summary as documentation. */
function optionItem(option: HaproxyOption, kind: HaproxyItemKind, version: HaproxyVersion, sortGroup: number): CompletionItem {
  const syntax = optionSyntax(option, kind, version)[0]!;
  const summary = haproxyItemDoc(kind, option.name)?.summary;
  return item(option.name, CompletionItemKind.Keyword, {
    ...(syntax !== option.name ? { detail: syntax } : {}),
    ...(summary ? { documentation: summary } : {}),
    ...(option.availability ? { availability: option.availability } : {}),
    version,
    sortGroup,
  });
}

/** `frontend NAME from DEFAULTS`: the named defaults sections. */
function headerWords(parsed: HaproxyParseResult, section: Section, index: number, values: string[]): CompletionItem[] {
  const kind = SECTION_KINDS.get(section.type);
  if (!kind?.inherits) return [];
  if (index === 2) return [item("from", CompletionItemKind.Keyword, { detail: "inherit from a named defaults section" })];
  if (index === 3 && values[2] === "from") return sectionNames(parsed, ["defaults"]);
  return [];
}

function sectionNames(parsed: HaproxyParseResult, types: readonly string[]): CompletionItem[] {
  return parsed.ast.sections
    .filter((section) => types.includes(section.type) && section.name)
    .map((section) => item(section.name!.value, CompletionItemKind.Reference, { detail: `${section.type} (line ${section.header.line + 1})`, sortGroup: 1 }));
}

function argumentItems(request: CompletionRequest, parsed: HaproxyParseResult, section: Section | undefined, values: string[], version: HaproxyVersion): CompletionItem[] {
  const type = section?.type ?? "";
  const condition = values.findIndex((value) => value === "if" || value === "unless");
  if (condition >= 0) return conditionItems(request, parsed, section, values.slice(condition + 1), version);

  // The next word of a multi-word keyword: `option |`, `timeout |`, `no option |`, `tcp-request |`.
  const negated = values[0] === "no" || values[0] === "default";
  const typed = negated ? values.slice(1) : values;
  const continuations = haproxyKeywordsIn(type, version).filter((keyword) => {
    const parts = keyword.name.split(" ");
    return parts.length > typed.length && typed.every((value, i) => parts[i] === value) && (!negated || keyword.negatable);
  });
  if (continuations.length > 0) {
    return continuations.map((keyword) => keywordItem(keyword, version, 1, keyword.name.split(" ").slice(typed.length).join(" ")));
  }

  const match = matchHaproxyKeyword(values);
  if (!match) return [];
  const keyword = match.keyword;
  const at = values.length - match.wordCount;
  const previous = values[values.length - 1];
  const items: CompletionItem[] = [];

  if (keyword.actions) {
    const ruleSet = { ruleSet: keyword.actions };
    if (at === 0) return haproxyActions(keyword.actions).filter((action) => usable(action.availability, version)).map((action) => optionItem(action, ruleSet, version, 1));
  }
  if (keyword.name === "bind" && at >= 1) return options(haproxySchema().bindOptions, "bind option", previous, version);
  const serverFrom = SERVER_OPTIONS_FROM[keyword.name];
  if (serverFrom !== undefined && at >= serverFrom) {
    if (previous === "track") return servers(parsed, section, true);
    return options(haproxySchema().serverOptions, "server option", previous, version);
  }
  if (keyword.name === "use-server" && at === 0) return servers(parsed, section, false);
  if (keyword.name === "acl" && at === 1) return [...functions(haproxySchema().fetches, version, "sample fetch"), ...aclKeywords()];

  const listName = keyword.name === "log" ? logList(values.slice(match.wordCount), at) : keyword.name === "hash-type" ? ["hash-type", "hash-type function", "hash-type modifier"][at] : at === 0 ? keyword.name : undefined;
  // `option httpchk` has no list of its own: its methods are known by their meanings only
  const listed = listName ? (HAPROXY_VALUES[listName] ?? Object.keys(HAPROXY_VALUE_SUMMARIES[listName] ?? {}).map((value): HaproxyValue => ({ value }))) : [];
  for (const value of listed) {
    if (!usable(value.availability, version)) continue;
    const meaning = haproxyValueSummary(listName!, value.value);
    items.push(
      item(value.call ? `${value.value}()` : value.value, CompletionItemKind.EnumMember, {
        sortGroup: 1,
        ...(meaning ? { documentation: meaning } : {}),
        ...(value.call === "required" ? { insertText: `${value.value}($1)`, snippet: true } : {}),
      }),
    );
  }
  const args = haproxyArgsAt(keyword.args, version);
  const shape = args?.shapes?.[at] ?? args?.rest;
  if (items.length === 0) for (const value of enumValues(shape)) items.push(item(value, CompletionItemKind.EnumMember, { sortGroup: 1 }));
  if (shape?.startsWith("ref:")) {
    const target = shape.slice(4);
    items.push(...sectionNames(parsed, target === "backend" ? ["backend", "listen"] : [target]));
  }
  if (keyword.conditional && at >= (keyword.args?.min ?? 0) && at >= 1) {
    items.push(item("if", CompletionItemKind.Keyword, { sortGroup: 6 }), item("unless", CompletionItemKind.Keyword, { sortGroup: 6 }));
  }
  return items;
}

/** `log <target> … <facility> [<level> [<minlevel>]]`: facilities until one is written, then levels. */
function logList(args: readonly string[], at: number): string | undefined {
  if (at < 1 || args[0] === "global") return undefined;
  const facilities = HAPROXY_VALUES["log facility"]!;
  return args.slice(1, at).some((word) => facilities.some((facility) => facility.value === word)) ? "log level" : "log facility";
}

/** In `if`/`unless`: the ACLs this section sees; inside `{ … }`, fetches and ACL keywords. */
function conditionItems(request: CompletionRequest, parsed: HaproxyParseResult, section: Section | undefined, after: string[], version: HaproxyVersion): CompletionItem[] {
  const depth = after.filter((value) => value === "{").length - after.filter((value) => value === "}").length;
  if (depth > 0) return after[after.length - 1] === "{" ? [...functions(haproxySchema().fetches, version, "sample fetch"), ...aclKeywords()] : [];
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const visible: Section[] = section ? [section, ...inheritedDefaults(parsed, section)] : [];
  for (const holder of visible) {
    for (const line of holder.body) {
      if (line.kind !== "statement" || line.keyword.value !== "acl" || !line.args[0] || seen.has(line.args[0].value)) continue;
      seen.add(line.args[0].value);
      items.push(item(line.args[0].value, CompletionItemKind.Variable, { detail: `acl (line ${line.line + 1}): ${line.args.slice(1).map((w) => w.text).join(" ")}`, sortGroup: 1 }));
    }
  }
  for (const name of PREDEFINED_ACLS) items.push(item(name, CompletionItemKind.Constant, { detail: "predefined ACL", sortGroup: 4 }));
  if (after.length > 0) items.push(item("||", CompletionItemKind.Operator, { sortGroup: 6 }), item("or", CompletionItemKind.Operator, { sortGroup: 6 }));
  void request;
  return items;
}

/** The named defaults a proxy inherits from (`from X`), else the last defaults before it. */
function inheritedDefaults(parsed: HaproxyParseResult, section: Section): Section[] {
  const sections = parsed.ast.sections;
  const from = section.from?.value;
  if (from !== undefined) return sections.filter((candidate) => candidate.type === "defaults" && candidate.name?.value === from);
  const before = sections.slice(0, sections.indexOf(section)).reverse().find((candidate) => candidate.type === "defaults");
  return before ? [before] : [];
}

function options(list: readonly HaproxyOption[], kind: HaproxyItemKind, previous: string | undefined, version: HaproxyVersion): CompletionItem[] {
  // After an option that takes a value, the value comes next, not another option.
  const option = list.find((candidate) => candidate.name === previous);
  if (option && (option.args?.min ?? 0) > 0) return [];
  return list.filter((candidate) => usable(candidate.availability, version)).map((candidate) => optionItem(candidate, kind, version, 2));
}

function servers(parsed: HaproxyParseResult, section: Section | undefined, qualified: boolean): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const holder of qualified ? parsed.ast.sections : section ? [section] : []) {
    if (!["backend", "listen"].includes(holder.type) || !holder.name) continue;
    for (const line of holder.body) {
      if (line.kind !== "statement" || line.keyword.value !== "server" || !line.args[0]) continue;
      const label = qualified && holder !== section ? `${holder.name.value}/${line.args[0].value}` : line.args[0].value;
      items.push(item(label, CompletionItemKind.Reference, { detail: `server in ${holder.type} ${holder.name.value}`, sortGroup: 1 }));
    }
  }
  return items;
}

function functions(list: readonly HaproxyOption[], version: HaproxyVersion, what: "sample fetch" | "converter"): CompletionItem[] {
  return list
    .filter((entry) => usable(entry.availability, version))
    .map((entry) => {
      const takes = entry.args && entry.args.max !== 0;
      const summary = haproxyItemDoc(what, entry.name)?.summary;
      return item(entry.name, CompletionItemKind.Function, {
        // `req.hdr([<name>[,<occ>]])`: what goes in the parentheses
        detail: takes ? `${optionSyntax(entry, what, version)[0]} — ${what}` : what,
        ...(summary ? { documentation: summary } : {}),
        ...(takes && (entry.args?.min ?? 0) > 0 ? { insertText: `${entry.name}($1)`, snippet: true } : {}),
        sortGroup: 3,
      });
    });
}

/** Environment variables that `setenv` / `presetenv` define in global sections. */
function environment(parsed: HaproxyParseResult): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const section of parsed.ast.sections) {
    if (section.type !== "global") continue;
    for (const line of section.body) {
      if (line.kind !== "statement" || !["setenv", "presetenv"].includes(line.keyword.value) || !line.args[0]) continue;
      items.push(item(line.args[0].value, CompletionItemKind.Variable, { detail: `${line.keyword.value} (line ${line.line + 1}) = ${line.args[1]?.text ?? ""}`, sortGroup: 1 }));
    }
  }
  return items;
}

function aclKeywords(): CompletionItem[] {
  return haproxySchema().aclKeywords.map((name) => item(name, CompletionItemKind.Function, { detail: "ACL criterion", sortGroup: 3 }));
}
