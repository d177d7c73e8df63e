// keepalived substitutes `${NAME}` only once `$NAME=` is defined; otherwise the text stays as written
// and its unquoted `{` and `}` are read as braces, which breaks the block structure. A definition
// anywhere above counts (also after an `@id` prefix or inside a multi-line definition), as do
// `~SEQ(name, …)` variables and the reserved `_NAME`s keepalived defines itself (`${_PWD}`). After
// an `include` nothing is reported: the included file may define the name.
//
// The check is in two steps so that a document held in pieces (incremental/) does it without walking
// every piece again after each edit: what a piece holds (`referenceFacts`, once per parse of it),
// then the check over the pieces in order (`checkReferenceFacts`).
import { diagnostic, type SyntaxDiagnostic } from "../common/diagnostics.js";
import { excerpt } from "../common/excerpt.js";
import type { KeepalivedConfig, SequencePrefix, VariableReference } from "./ast.js";
import { keepalivedItems } from "./walk.js";

/** What matters to the check in one piece, in document order. */
export type ReferenceEvent =
  | { readonly kind: "include" }
  | { readonly kind: "sequence"; readonly names: readonly string[] }
  | { readonly kind: "reference"; readonly reference: VariableReference };

/** What one piece of a file holds for the `${NAME}` check. */
export interface ReferenceFacts {
  /** Offset in the piece's text of the first `$NAME=` of each name. */
  readonly definitions: ReadonlyMap<string, number>;
  readonly events: readonly ReferenceEvent[];
  /** Whether any `${NAME}` in the piece could be reported. */
  readonly hasReferences: boolean;
}

/** The variables a prefix sets: `i` in `~SEQ(i, 1, 3)`, `IP` and `IP1` in `~LST({IP, IP1}, {10, 1}, …)`. */
export function sequenceVariables(prefix: SequencePrefix): string[] {
  const first = prefix.params[0] ?? "";
  if (!first.startsWith("{")) return [first];
  const names: string[] = [];
  for (const param of prefix.params) {
    names.push(param.replace(/^\{|\}$/g, "").trim());
    if (param.endsWith("}")) break;
  }
  return names;
}

export function referenceFacts(ast: KeepalivedConfig): ReferenceFacts {
  const text = ast.range.lines.text;
  const definitions = new Map<string, number>();
  for (const m of text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)=/g)) if (!definitions.has(m[1]!)) definitions.set(m[1]!, m.index);
  const events: ReferenceEvent[] = [];
  let hasReferences = false;
  for (const item of keepalivedItems(ast)) {
    const statement = item.kind === "statement" ? item : item.kind === "block" ? item.header : undefined;
    if (!statement) continue;
    if (statement.keyword.value === "include") {
      events.push({ kind: "include" });
      break;
    }
    // Every prefix of a chain (`~SEQ(a, 1, 2) ~SEQ(b, 1, 2) …`) sets its own variables.
    if (statement.sequence) {
      for (const token of statement.tokens) if (token.kind === "sequence") events.push({ kind: "sequence", names: sequenceVariables(token) });
    }
    for (const word of statement.words) {
      if (word.quoted) continue;
      for (const reference of word.variables) {
        if (!reference.braced || reference.name.startsWith("_")) continue;
        events.push({ kind: "reference", reference });
        hasReferences = true;
      }
    }
  }
  return { definitions, events, hasReferences };
}

/** Reports the references of consecutive pieces (each with the facts of its own text) that nothing defines above. */
export function checkReferenceFacts(pieces: readonly ReferenceFacts[], diagnostics: SyntaxDiagnostic[]): void {
  if (!pieces.some((piece) => piece.hasReferences)) return;
  const definedBefore = new Set<string>();
  const sequenced = new Set<string>();
  for (const piece of pieces) {
    for (const event of piece.events) {
      if (event.kind === "include") return;
      if (event.kind === "sequence") {
        for (const name of event.names) sequenced.add(name);
        continue;
      }
      const { name, range } = event.reference;
      if (sequenced.has(name) || definedBefore.has(name) || (piece.definitions.get(name) ?? Infinity) < range.localStart) continue;
      const message = `'${excerpt(event.reference.text)}' is not defined above; keepalived leaves it as written and reads its '{' and '}' as braces`;
      diagnostics.push(diagnostic("undefined-variable", "error", message, range));
    }
    for (const name of piece.definitions.keys()) definedBefore.add(name);
  }
}

export function checkReferences(ast: KeepalivedConfig, diagnostics: SyntaxDiagnostic[]): void {
  if (!ast.range.lines.text.includes("${")) return;
  checkReferenceFacts([referenceFacts(ast)], diagnostics);
}
