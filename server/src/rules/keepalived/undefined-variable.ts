// KA010: a `${NAME}` or `$NAME` that no `$NAME=` definition read before it defines. keepalived
// leaves an undefined reference as written; an unquoted `${NAME}` then has a `{` and a `}` that
// keepalived reads as braces, which breaks the block structure. Definitions count in reading order,
// across included files; after an include lblint could not follow nothing more is reported. The
// grammar already reports an undefined `${NAME}` it can see in one file; this rule adds what only the
// whole configuration shows (after includes, unbraced `$NAME`s, unknown `${_NAME}`s) and never
// reports a reference twice.
import { NameIndex } from "../name-index.js";
import { sequenceVariables } from "../../../../grammars/keepalived/references.js";
import type { Statement } from "../../../../grammars/keepalived/ast.js";
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { KeepalivedRule } from "../../lint/rule.js";
import { suggest } from "../../lint/suggest.js";
import { DEFINITION_STATEMENT } from "./model.js";
import type { KeepalivedVersion } from "../../facts/types.js";
import { keepalivedEntries } from "../../facts/keepalived-entries.js";

/** The definitions keepalived 2.2 makes itself; later versions may add more. */
export const PREDEFINED_2_2 = new Set(["_PWD", "_INSTANCE", "_RANDOM", "_HASH", "_BANG"]);

/**
 * The definitions each target makes itself. 2.3: the same five (measured on 2.3.3: `${_ENV HOME}`,
 * `${_ENV}` and `${_SHIFT}` are left as written, so their braces break the block, as on 2.2.7). 2.4 adds
 * `${_ENV NAME}`, an environment variable's value (the current manual's "Pre-defined definitions").
 */
const PREDEFINED: Readonly<Record<KeepalivedVersion, ReadonlySet<string>>> = {
  "2.2": PREDEFINED_2_2,
  "2.3": PREDEFINED_2_2,
  "2.4": new Set([...PREDEFINED_2_2, "_ENV"]),
};

/**
 * The names defined so far, in the order they were defined, with a did-you-mean index that grows
 * with them: a file with thousands of definitions and as many misspelt references would otherwise
 * compare each reference with every name (see NameIndex).
 */
class DefinedNames {
  private readonly names = new Set<string>();
  private readonly index = new NameIndex();

  add(name: string): void {
    if (this.names.has(name)) return;
    this.names.add(name);
    this.index.add(name);
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  suggest(name: string): string[] {
    return this.index.suggest(name);
  }
}

export const undefinedVariable: KeepalivedRule = {
  meta: {
    id: "KA010",
    alias: "undefined-variable",
    product: "keepalived",
    severity: "error",
    category: "reference",
    description: "a ${NAME} or $NAME is used before any $NAME= definition",
    fixable: true,
    native: "partly",
  },
  check({ model, report }) {
    // Every definition and every reference holds a `$`.
    if (!model.textHolds("$")) return;
    const grammarReported = new Set<string>();
    for (const file of model.files) {
      for (const diagnostic of file.parse.diagnostics) if (diagnostic.code === "undefined-variable") grammarReported.add(`${file.uri}@${diagnostic.range.startOffset}`);
    }
    // Every name defined somewhere, to tell "defined only later" from "never defined".
    const everywhere = new Map<string, { uri: string; line: number }>();
    for (const step of model.reading) {
      const item = step.item;
      const name =
        item.kind === "definition" ? item.name : item.kind === "statement" ? DEFINITION_STATEMENT.exec(item.keyword.value)?.[1] : undefined;
      if (name !== undefined && !everywhere.has(name)) everywhere.set(name, { uri: step.uri, line: item.range.start.line });
    }
    const hasDefinitions = everywhere.size > 0;

    let root: string | undefined;
    let defined = new DefinedNames();
    let blind = false;
    // A multi-line definition used as a statement (`$VS`) may define names itself (`$RS_NUM=1 \`).
    const bodies = new Map<string, string>();
    for (const step of model.reading) {
      if (step.root !== root) {
        root = step.root;
        defined = new DefinedNames();
        bodies.clear();
        blind = false;
      }
      const item = step.item;
      if (item.kind === "definition") {
        defined.add(item.name);
        bodies.set(item.name, item.value);
        continue;
      }
      const statement: Statement | undefined = item.kind === "statement" ? item : item.kind === "block" ? item.header : undefined;
      if (!statement || statement.prefixOnly) continue;
      const definition = DEFINITION_STATEMENT.exec(statement.keyword.value);
      if (definition) {
        defined.add(definition[1]!);
        continue;
      }
      for (const token of statement.tokens) if (token.kind === "sequence") for (const name of sequenceVariables(token)) defined.add(name);
      if (!blind) {
        for (const word of statement.words) {
          // Inside quotes a `$` is mostly the shell's (`"kill -0 $PID"`) and no brace is at stake.
          if (word.quoted) continue;
          // A keyword with a name glued after it (`state$state`, a template's) is never meant literally.
          const gluedKeyword = word === statement.keyword && !word.value.startsWith("$");
          for (const ref of word.variables) {
            if (ref.name.startsWith("_")) {
              const predefined = PREDEFINED[model.version];
              if (predefined.has(ref.name)) continue;
              const candidates = suggest(ref.name, [...predefined]).map((name) => (ref.braced ? `\${${name}}` : `$${name}`));
              // `${_ENV HOME}` before 2.4: keepalived 2.2.7 and 2.3.3 leave it as written ("Unexpected '{'", "Unknown keyword '_ENV'").
              const later = PREDEFINED["2.4"].has(ref.name) ? ` at ${model.version} (keepalived 2.4 defines it)${ref.braced ? "; keepalived leaves it as written and reads its '{' and '}' as braces" : ""}` : "";
              report({
                range: ref.range,
                uri: step.uri,
                message: `'${ref.text}' is not one of keepalived's predefined definitions${later}${didYouMean(candidates)}`,
                ...replacementFixes(ref.range, candidates),
              });
              continue;
            }
            if (defined.has(ref.name)) continue;
            if (ref.braced && grammarReported.has(`${step.uri}@${ref.range.startOffset}`)) continue;
            // A line that starts with an undefined `$NAME` is read as the keyword `$NAME` ("Unknown keyword '$VAL'"),
            // as is a definition written with a blank before its '=' (`$VAL = 100`, `$VAL 100`; keepalived 2.2.7 and 2.3.3).
            // In a value block (`virtual_ipaddress`, `track_interface`…) the first word is an entry, not a keyword.
            const asKeyword = word === statement.keyword && !ref.braced && ref.text === word.text && !keepalivedEntries(step.blockId);
            // With no definition at all, keepalived changes nothing: a lone `$word` is then meant literally.
            if (!ref.braced && !hasDefinitions && !gluedKeyword && !asKeyword) continue;
            const later = everywhere.get(ref.name);
            const candidates = defined.suggest(ref.name).map((name) => (ref.braced ? `\${${name}}` : `$${name}`));
            const first = statement.wordValue(1);
            const meantAsDefinition = asKeyword && first !== undefined && (first.startsWith("=") || statement.wordCount === 2) ? `; a definition is written '${word.value}=${first.replace(/^=/, "") || statement.wordValue(2) || "VALUE"}', with nothing between the name and the '='` : "";
            const consequence = ref.braced
              ? "keepalived leaves it as written and reads its '{' and '}' as braces"
              : gluedKeyword || asKeyword
                ? `keepalived leaves it as written and reports '${word.value}' as an unknown keyword, dropping the line${meantAsDefinition}`
                : "keepalived leaves it as written";
            report({
              range: ref.range,
              uri: step.uri,
              message: later
                ? `'${ref.text}' is defined only after this line (${later.uri === step.uri ? `line ${later.line + 1}` : later.uri}); ${consequence}`
                : `'${ref.text}' is not defined; ${consequence}${didYouMean(candidates)}`,
              ...(later ? {} : replacementFixes(ref.range, candidates)),
            });
          }
        }
      }
      for (const ref of statement.keyword.value.startsWith("$") ? statement.keyword.variables : []) {
        for (const m of (bodies.get(ref.name) ?? "").matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)=/g)) defined.add(m[1]!);
      }
      if (model.unresolvedIncludes.has(statement)) blind = true;
    }
  },
};
