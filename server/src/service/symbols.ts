// The outline (document symbols) and workspace symbols: haproxy sections with their servers, binds
// and ACLs; keepalived blocks as they nest, with `$VAR` definitions; and across files, every named
// thing the name index knows.
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from "vscode-languageserver-types";
import type { Range } from "../../../grammars/common/text.js";
import type { Section } from "../../../grammars/haproxy/ast.js";
import type { HaproxyParseResult } from "../../../grammars/haproxy/parse.js";
import { SectionCache, shiftRange } from "./section-cache.js";
import type { Block, KeepalivedItem } from "../../../grammars/keepalived/ast.js";
import { lspRange } from "./document.js";
import { nameIndex } from "./names.js";
import type { Project } from "./project.js";
import type { ParseResult } from "../workspace/loader.js";

const SECTION_KIND: Readonly<Record<string, SymbolKind>> = {
  global: SymbolKind.Namespace,
  defaults: SymbolKind.Namespace,
  frontend: SymbolKind.Interface,
  backend: SymbolKind.Class,
  listen: SymbolKind.Class,
};

const BLOCK_KIND: Readonly<Record<string, SymbolKind>> = {
  global_defs: SymbolKind.Namespace,
  vrrp_instance: SymbolKind.Class,
  vrrp_sync_group: SymbolKind.Package,
  vrrp_script: SymbolKind.Function,
  virtual_server: SymbolKind.Interface,
  virtual_server_group: SymbolKind.Package,
  real_server: SymbolKind.Object,
};

function symbol(name: string, detail: string, kind: SymbolKind, range: Range, selection: Range, children?: DocumentSymbol[]): DocumentSymbol {
  return { name: name || detail || "?", detail, kind, range: lspRange(range), selectionRange: lspRange(selection), ...(children?.length ? { children } : {}) };
}

export function documentSymbols(parsed: ParseResult): DocumentSymbol[] {
  return parsed.format === "haproxy" ? haproxySymbols(parsed) : keepalivedSymbols(parsed.ast.items);
}

const haproxyCache = new SectionCache<DocumentSymbol>(function shift(symbol: DocumentSymbol, lines: number): DocumentSymbol {
  return {
    ...symbol,
    range: shiftRange(symbol.range, lines),
    selectionRange: shiftRange(symbol.selectionRange, lines),
    ...(symbol.children ? { children: symbol.children.map((child) => shift(child, lines)) } : {}),
  };
});

function haproxySymbols(parsed: HaproxyParseResult): DocumentSymbol[] {
  return parsed.ast.sections.flatMap((section) => haproxyCache.get(section, () => [haproxySectionSymbol(section)]));
}

function haproxySectionSymbol(section: Section): DocumentSymbol {
  const children: DocumentSymbol[] = [];
  for (const line of section.body) {
    if (line.kind !== "statement") continue;
    const keyword = line.keyword.value;
    const first = line.args[0];
    if (!first) continue;
    if (keyword === "server" || keyword === "server-template") children.push(symbol(first.value, line.args[1]?.value ?? "", SymbolKind.Object, line.range, first.range));
    else if (keyword === "acl") children.push(symbol(first.value, line.args.slice(1).map((w) => w.text).join(" "), SymbolKind.Boolean, line.range, first.range));
    else if (keyword === "bind") children.push(symbol(first.value, "bind", SymbolKind.Event, line.range, first.range));
    else if (keyword === "use_backend" || keyword === "default_backend") children.push(symbol(`→ ${first.value}`, keyword, SymbolKind.Key, line.range, first.range));
  }
  const name = section.name?.value ?? section.type;
  const selection = section.name?.range ?? section.header.keyword.range;
  return symbol(name, section.type, SECTION_KIND[section.type] ?? SymbolKind.Module, section.range, selection, children);
}

function keepalivedSymbols(items: readonly KeepalivedItem[]): DocumentSymbol[] {
  const found: DocumentSymbol[] = [];
  for (const item of items) {
    if (item.kind === "definition") found.push(symbol(`$${item.name}`, item.value.trim().slice(0, 60), SymbolKind.Variable, item.range, item.nameRange));
    if (item.kind !== "block" || !item.header) continue;
    found.push(blockSymbol(item));
  }
  return found;
}

function blockSymbol(block: Block): DocumentSymbol {
  const header = block.header!;
  const keyword = header.keyword.value;
  const name = header.args.map((word) => word.value).join(" ");
  const selection = header.args[0]?.range ?? header.keyword.range;
  // A block read under other headers on other hosts shows them too: `A | @lb2 B`.
  const alternatives = block.alternatives;
  const others = alternatives.slice(0, 3).map(({ header: other }) => `${other.configId?.text ?? ""} ${other.args.map((word) => word.value).join(" ")}`.trim());
  if (alternatives.length > 3) others.push(`… ${alternatives.length - 3} more`);
  const shown = [name || keyword, ...others].join(" | ");
  return symbol(shown, name ? keyword : "", BLOCK_KIND[keyword] ?? SymbolKind.Struct, block.range, selection, keepalivedSymbols(block.items));
}

const WHAT_KIND: Readonly<Record<string, SymbolKind>> = { server: SymbolKind.Object, acl: SymbolKind.Boolean, variable: SymbolKind.Variable, "environment variable": SymbolKind.Variable };

/** Named definitions of the given configurations whose name contains the query (case-insensitive). */
export function workspaceSymbols(projects: readonly Project[], query: string, limit = 500): SymbolInformation[] {
  const wanted = query.toLowerCase();
  // Names that start with the query before names that only contain it, as editors' symbol pickers rank them.
  const found: { symbol: SymbolInformation; rank: number }[] = [];
  const seen = new Set<string>();
  for (const project of projects) {
    for (const site of nameIndex(project).sites) {
      if (!site.definition) continue;
      const at = site.name.toLowerCase().indexOf(wanted);
      if (at < 0) continue;
      const id = `${site.uri}#${site.start}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const kind = WHAT_KIND[site.what] ?? SECTION_KIND[site.what] ?? BLOCK_KIND[site.what] ?? SymbolKind.Module;
      found.push({ symbol: { name: site.name, kind, containerName: site.what, location: { uri: site.uri, range: lspRange(site.range) } }, rank: at === 0 ? 0 : 1 });
    }
  }
  return found
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map(({ symbol }) => symbol);
}
