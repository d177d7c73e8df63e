// Where the 2.6 and 3.4 manuals write an option, action, fetch or converter differently (`(<table>)`
// in 2.6, `([<table>])` in 3.4): the form for the file's target version, and a line giving the other
// one, with what came after 2.6. lblint knows those two manuals only: a target between them gets
// the 3.4 form, and the note says so.
import type { HaproxyItemDoc, HaproxyVersion } from "../facts/types.js";

/** The syntax after the name at a target version: 2.6's own where it differs, else the newest. */
export function syntaxAt(doc: HaproxyItemDoc | undefined, version: HaproxyVersion): string | undefined {
  if (!doc) return undefined;
  return version === "2.6" && doc.syntax26 !== undefined ? doc.syntax26 : doc.syntax;
}

/** `name(<a>)`, `name <a>`, or the name alone: one line per form. */
export function formLines(name: string, syntax: string): string[] {
  if (syntax === "") return [name];
  return syntax.split("\n").map((line) => name + (line.startsWith("(") ? "" : " ") + line);
}

/** Placeholders and words of a form (`<aad>`, `by-group`, `i`), to tell what a later one adds. */
function tokens(syntax: string): Set<string> {
  return new Set(syntax.match(/<[^<>]*>|[A-Za-z][\w.-]*/g) ?? []);
}

/**
 * The note under the syntax when the two manuals differ, with the other version's form in a code
 * block; undefined when they agree.
 */
export function syntaxChangeNote(doc: HaproxyItemDoc | undefined, name: string, version: HaproxyVersion): string | undefined {
  if (doc?.syntax26 === undefined || doc.syntax === undefined) return undefined;
  const old = tokens(doc.syntax26);
  const added = [...tokens(doc.syntax)].filter((token) => !old.has(token)).map((token) => `\`${token}\``);
  const list = added.join(", ");
  const other = (syntax: string) => "```haproxy\n" + formLines(name, syntax).join("\n") + "\n```";
  if (version === "2.6") return `Changed after 2.6${added.length ? ` (3.4 adds ${list})` : ""}; haproxy 3.4 reads:\n\n${other(doc.syntax)}`;
  const lacks = added.length ? ` (2.6 lacks ${list})` : "";
  const lead = version === "3.4" ? `Changed since 2.6${lacks}` : `This is the 3.4 manual's form${lacks}`;
  return `${lead}; haproxy 2.6 reads:\n\n${other(doc.syntax26)}`;
}
