// The grammars' public surface: parsers, printers, tree types, positions and text edits.
export { LineIndex, SourceSpan, toLspRange, type Position, type Range, type LspRange } from "./common/text.js";
export { applyEdits, type TextEdit } from "./common/edits.js";
export type { Severity, SyntaxDiagnostic } from "./common/diagnostics.js";
export type { ParseOptions } from "./common/options.js";

export { parseHaproxy, type HaproxyParseResult } from "./haproxy/parse.js";
export { printHaproxy } from "./haproxy/print.js";
export { Word as HaproxyWord } from "./haproxy/words.js";
export { SECTION_KINDS as HAPROXY_SECTION_KINDS } from "./haproxy/sections.js";
export type * as haproxy from "./haproxy/ast.js";

export { parseKeepalived, type KeepalivedParseResult } from "./keepalived/parse.js";
export { printKeepalived } from "./keepalived/print.js";
export { keepalivedItems, keepalivedStatements } from "./keepalived/walk.js";
export type * as keepalived from "./keepalived/ast.js";

export { print } from "./print.js";

export { ConfigEditor, edit } from "./edit/editor.js";
export type { Where } from "./edit/placement.js";
export { quoteHaproxy, quoteKeepalived } from "./edit/style.js";
export { findSection, findSections, findStatement as findHaproxyStatement, findStatements as findHaproxyStatements, sectionOf } from "./haproxy/query.js";
export { findBlock, findBlocks, findStatement as findKeepalivedStatement, findStatements as findKeepalivedStatements } from "./keepalived/query.js";
export { HaproxyDocument } from "./incremental/haproxy-document.js";
export { KeepalivedDocument } from "./incremental/keepalived-document.js";
