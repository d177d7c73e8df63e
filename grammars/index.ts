// The grammars' public surface: parsers, printers, tree types, positions, queries, references and
// the edit API. Every name exported here is documented where it is declared.
export { LineIndex, SourceSpan, toLspRange, type Position, type Range, type LspRange } from "./common/text.js";
export { applyEdits, sortTextEdits, type TextEdit } from "./common/edits.js";
export type { Severity, SyntaxDiagnostic } from "./common/diagnostics.js";
export type { ParseOptions } from "./common/options.js";

export { parseHaproxy, type HaproxyParseResult } from "./haproxy/parse.js";
export { printHaproxy } from "./haproxy/print.js";
export { Word as HaproxyWord } from "./haproxy/words.js";
export { SECTION_KINDS as HAPROXY_SECTION_KINDS, type SectionKind as HaproxySectionKind } from "./haproxy/sections.js";
export type * as haproxy from "./haproxy/ast.js";

export { parseKeepalived, MAX_LINE_BYTES, type KeepalivedParseResult } from "./keepalived/parse.js";
export { printKeepalived } from "./keepalived/print.js";
export { keepalivedItems, keepalivedStatements } from "./keepalived/walk.js";
export type * as keepalived from "./keepalived/ast.js";

export { print } from "./print.js";

export { ConfigEditor, edit } from "./edit/editor.js";
export type { Where } from "./edit/placement.js";
export type { RemoveOptions } from "./edit/removal.js";
export { quoteHaproxy, quoteKeepalived } from "./edit/style.js";
export {
  findSection,
  findSections,
  findStatement as findHaproxyStatement,
  findStatements as findHaproxyStatements,
  getSection,
  getStatement as getHaproxyStatement,
  sectionOf,
} from "./haproxy/query.js";
export {
  findBlock,
  findBlocks,
  findStatement as findKeepalivedStatement,
  findStatements as findKeepalivedStatements,
  getBlock,
  getStatement as getKeepalivedStatement,
} from "./keepalived/query.js";
export { haproxyReferences, haproxyReferencesTo, type HaproxyReference, type HaproxyTarget } from "./references/haproxy.js";
export { keepalivedReferences, keepalivedReferencesTo, type KeepalivedReference } from "./references/keepalived.js";
export { HaproxyDocument } from "./incremental/haproxy-document.js";
export { KeepalivedDocument } from "./incremental/keepalived-document.js";
export type { PieceDocument, Piece, PieceResult } from "./incremental/pieces.js";
export type { HaproxyPiece } from "./incremental/haproxy-document.js";
export type { KeepalivedPiece } from "./incremental/keepalived-document.js";
export type { ReferenceEvent, ReferenceFacts } from "./keepalived/references.js";
