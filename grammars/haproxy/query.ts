// Finding things in a haproxy tree by kind and name.
import type { HaproxyConfig, Line, Section, Statement } from "./ast.js";

/** Sections of a type (`backend`, …), optionally with a name; all sections when `type` is omitted. */
export function findSections(config: HaproxyConfig, type?: string, name?: string): Section[] {
  return config.sections.filter(
    (section) => (type === undefined || section.type === type) && (name === undefined || section.name?.value === name),
  );
}

/** The first section of a type (and name, when given), or undefined when there is none. */
export function findSection(config: HaproxyConfig, type: string, name?: string): Section | undefined {
  return findSections(config, type, name)[0];
}

/**
 * The first section of a type (and name, when given); throws a RangeError that says what is missing
 * when there is none. For code that expects the section to be there: `getSection(doc.ast, "backend", "web")`.
 */
export function getSection(config: HaproxyConfig, type: string, name?: string): Section {
  const section = findSection(config, type, name);
  if (!section) throw new RangeError(`the configuration has no '${type}' section${name === undefined ? "" : ` named '${name}'`}`);
  return section;
}

/** Statements of a section (or of the whole file) whose first word is `keyword`; all when omitted. */
export function findStatements(scope: Section | HaproxyConfig, keyword?: string): Statement[] {
  const lines: readonly Line[] = scope.kind === "section" ? scope.body : [...scope.preamble, ...scope.sections.flatMap((s) => [s.header, ...s.body])];
  return lines.filter((line): line is Statement => line.kind === "statement" && (keyword === undefined || line.keyword.value === keyword));
}

/** The first statement of a section (or of the whole file) whose first word is `keyword`, or undefined. */
export function findStatement(scope: Section | HaproxyConfig, keyword: string): Statement | undefined {
  return findStatements(scope, keyword)[0];
}

/** Like findStatement, but throws a RangeError that names the keyword and the scope when there is none. */
export function getStatement(scope: Section | HaproxyConfig, keyword: string): Statement {
  const statement = findStatement(scope, keyword);
  if (!statement) {
    const where = scope.kind === "section" ? `'${scope.type}${scope.name ? " " + scope.name.value : ""}'` : "the configuration";
    throw new RangeError(`${where} has no '${keyword}' statement`);
  }
  return statement;
}

/** The section a line belongs to. */
export function sectionOf(config: HaproxyConfig, line: Line): Section | undefined {
  return config.sections.find((section) => section.header === line || section.body.includes(line));
}
