// Document links: the files a configuration names — keepalived includes; haproxy certificates and
// CA files, crt-lists, error files, Lua scripts, ACL pattern files (`-f`) and map files. A relative
// path is taken from the configuration file's directory, where haproxy is usually started.
import type { DocumentLink } from "vscode-languageserver-types";
import type { Section, Word as HaproxyWord } from "../../../grammars/haproxy/ast.js";
import { SectionCache, shiftRange } from "./section-cache.js";
import type { HaproxyParseResult } from "../../../grammars/haproxy/parse.js";
import type { KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import { keepalivedStatements } from "../../../grammars/keepalived/walk.js";
import { hasWildcard } from "../workspace/glob.js";
import { dirnameUri, resolveUri } from "../workspace/uri.js";
import type { ParseResult } from "../workspace/loader.js";
import { lspRange } from "./document.js";

const PATH_OPTIONS = new Set(["crt", "ca-file", "crl-file", "crt-list", "ca-verify-file", "issuers-chain-path", "ocsp"]);
const PATH_KEYWORDS: Readonly<Record<string, number>> = { "lua-load": 0, "lua-load-per-thread": 0, errorfile: 1, "ssl-dh-param-file": 0, "ca-base": -1, "crt-base": -1 };
const MAP_CALL = /\b(map(?:_\w+)?|lua\.\w+)\(([^),]+)/g;

export function documentLinks(uri: string, parsed: ParseResult): DocumentLink[] {
  if (!/^file:/.test(uri)) return [];
  return parsed.format === "haproxy" ? haproxyLinks(uri, parsed) : keepalivedLinks(uri, parsed);
}

function link(base: string, path: string, range: Parameters<typeof lspRange>[0]): DocumentLink | undefined {
  if (path === "" || path.includes("$") || path.includes("%[") || hasWildcard(path)) return undefined;
  return { range: lspRange(range), target: resolveUri(base, path), tooltip: `Open ${path}` };
}

const haproxyCache = new SectionCache<DocumentLink>((link, lines) => ({ ...link, range: shiftRange(link.range, lines) }));

function haproxyLinks(uri: string, parsed: HaproxyParseResult): DocumentLink[] {
  const base = dirnameUri(uri);
  return parsed.ast.sections.flatMap((section) => haproxyCache.get(section, () => sectionLinks(base, parsed, section), base));
}

function sectionLinks(base: string, parsed: HaproxyParseResult, section: Section): DocumentLink[] {
  const links: DocumentLink[] = [];
  const add = (word: HaproxyWord | undefined) => {
    if (!word) return;
    const found = link(base, word.value, word.range);
    if (found) links.push(found);
  };
  for (const line of section.body) {
    if (line.kind !== "statement") continue;
    const keyword = line.keyword.value;
    const at = PATH_KEYWORDS[keyword];
    if (at !== undefined && at >= 0) add(line.args[at]);
    const words = line.words;
    for (let i = 1; i < words.length; i++) {
      const previous = words[i - 1]!.value;
      if (((keyword === "bind" || keyword === "server" || keyword === "default-server") && PATH_OPTIONS.has(previous)) || previous === "-f") add(words[i]);
      const word = words[i]!;
      // map_str(/etc/haproxy/hosts.map): the file is the first argument, inside the word.
      for (const match of word.text.matchAll(MAP_CALL)) {
        if (!match[1]!.startsWith("map")) continue;
        const start = word.range.startOffset + match.index! + match[1]!.length + 1;
        const path = match[2]!.trim();
        const found = link(base, path, { start: parsed.lines.position(start), end: parsed.lines.position(start + match[2]!.length) });
        if (found) links.push(found);
      }
    }
  }
  return links;
}

function keepalivedLinks(uri: string, parsed: KeepalivedParseResult): DocumentLink[] {
  const base = dirnameUri(uri);
  const links: DocumentLink[] = [];
  for (const statement of keepalivedStatements(parsed.ast)) {
    if (statement.keyword.value !== "include" || statement.args.length !== 1) continue;
    const word = statement.args[0]!;
    const found = link(base, word.value, word.range);
    if (found) links.push(found);
  }
  return links;
}
