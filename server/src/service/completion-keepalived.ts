// keepalived.conf completion. The block the cursor is in decides which keywords may start a
// statement (or, in a list block, which names may be listed); the keyword decides its values:
// `state`, `lb_algo`, `lb_kind`, `auth_type`, `protocol`, … and names defined elsewhere
// (`track_script` entries, sync-group members, `virtual_server group`), and `$VAR`s everywhere.
import type { CompletionItem } from "vscode-languageserver-types";
import type { KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import { keepalivedItems } from "../../../grammars/keepalived/walk.js";
import { keepalivedBlock, keepalivedKeywordsIn } from "../facts/keepalived.js";
import type { KeepalivedKeyword, KeepalivedVersion } from "../facts/types.js";
import { keepalivedValueSummary } from "../facts/value-summaries.js";
import { CompletionItemKind, enumValues, item, withRange, type CompletionRequest } from "./completion.js";
import { keepalivedCursor } from "./locate.js";
import { KEEPALIVED_SNIPPETS } from "./snippets.js";

export function completeKeepalived(request: CompletionRequest, parsed: KeepalivedParseResult): CompletionItem[] {
  const cursor = keepalivedCursor(parsed, request.offset);
  const version = request.project.config.targets.keepalived;
  const start = cursor.word ? cursor.word.range.startOffset : request.offset;
  const dollar = cursor.prefix.lastIndexOf("$");
  if (dollar >= 0) {
    const braced = cursor.prefix[dollar + 1] === "{";
    return withRange(variables(request), request, { start: start + dollar + (braced ? 2 : 1), end: request.offset });
  }
  const replace = { start, end: request.offset };
  // A header (`vrrp_instance |`) is read in its parent block, like any statement there.
  const blockId = cursor.blockId;
  if (blockId === undefined) return [];
  const block = keepalivedBlock(blockId);
  if (!block) return [];
  if (cursor.index === 0 || !cursor.statement) {
    if (block.entries) return withRange(entryNames(request, block.entries.first), request, replace);
    const items = keepalivedKeywordsIn(blockId, version).map((keyword) => keywordItem(keyword, version));
    if (blockId === "top") {
      for (const snippet of KEEPALIVED_SNIPPETS) items.push(item(snippet.label, CompletionItemKind.Snippet, { detail: snippet.detail, insertText: snippet.body, snippet: true, sortGroup: 2 }));
    }
    return withRange(items, request, replace);
  }
  const keyword = cursor.statement.keyword.value;
  const values = cursor.words.slice(0, cursor.index).map((word) => word.value);
  const previous = values[values.length - 1]!;
  if (block.entries) {
    // An entry's options; after an option that takes a value, nothing to offer.
    if ((block.entries.options[previous] ?? 0) > 0) return [];
    return withRange(
      Object.keys(block.entries.options).map((name) => item(name, CompletionItemKind.Property, { sortGroup: 1 })),
      request,
      replace,
    );
  }
  const known = keepalivedKeywordsIn(blockId, version).find((candidate) => candidate.name === keyword);
  if (!known) return [];
  if (keyword === "virtual_server" && cursor.index === 1) return withRange([item("group", CompletionItemKind.Keyword, { detail: "a virtual_server_group by name" })], request, replace);
  if (keyword === "virtual_server" && cursor.index === 2 && values[1] === "group") return withRange(blockNames(request, "virtual_server_group"), request, replace);
  const at = cursor.index - 1;
  const shape = known.args?.shapes?.[at] ?? known.args?.rest;
  const items = enumValues(shape).map((value) => {
    const meaning = keepalivedValueSummary(keyword, value);
    return item(value, CompletionItemKind.EnumMember, { sortGroup: 1, ...(meaning ? { documentation: meaning } : {}) });
  });
  if (shape === "bool") items.push(...["on", "off"].map((value) => item(value, CompletionItemKind.EnumMember, { sortGroup: 1 })));
  if (shape?.startsWith("ref:")) items.push(...blockNames(request, shape.slice(4)));
  return withRange(items, request, replace);
}

function keywordItem(keyword: KeepalivedKeyword, version: KeepalivedVersion): CompletionItem {
  return item(keyword.name, keyword.block ? CompletionItemKind.Module : CompletionItemKind.Keyword, {
    ...(keyword.summary ? { documentation: keyword.summary } : {}),
    ...(keyword.availability ? { availability: keyword.availability } : {}),
    ...(keyword.block ? { detail: "opens a block" } : {}),
    version,
    sortGroup: 1,
  });
}

/** In a list block: the names of the blocks it lists (`track_script` → every vrrp_script). */
function entryNames(request: CompletionRequest, first: string): CompletionItem[] {
  return first.startsWith("ref:") ? blockNames(request, first.slice(4)) : [];
}

/** The names of top-level blocks of one keyword, in every file of the configuration. */
function blockNames(request: CompletionRequest, keyword: string): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const file of request.project.loaded.files.values()) {
    const parse = file.uri === request.uri ? request.parsed : file.parse;
    if (parse.format !== "keepalived") continue;
    for (const entry of parse.ast.items) {
      if (entry.kind !== "block" || entry.header?.keyword.value !== keyword || !entry.header.args[0]) continue;
      items.push(item(entry.header.args[0].value, CompletionItemKind.Reference, { detail: `${keyword} (line ${entry.header.line + 1})`, sortGroup: 1 }));
    }
  }
  return items;
}

/** `$NAME` definitions of every file of the configuration. */
function variables(request: CompletionRequest): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const file of request.project.loaded.files.values()) {
    const parse = file.uri === request.uri ? request.parsed : file.parse;
    if (parse.format !== "keepalived") continue;
    for (const entry of keepalivedItems(parse.ast)) {
      if (entry.kind === "definition") items.push(item(entry.name, CompletionItemKind.Variable, { detail: `= ${entry.value.trim().slice(0, 60)}`, sortGroup: 1 }));
    }
  }
  return items;
}
