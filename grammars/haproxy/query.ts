// Finding things in a haproxy tree by kind and name.
import type { HaproxyConfig, Line, Section, Statement } from "./ast.js";

/** Sections of a type (`backend`, …), optionally with a name; all sections when `type` is omitted. */
export function findSections(config: HaproxyConfig, type?: string, name?: string): Section[] {
  return config.sections.filter(
    (section) => (type === undefined || section.type === type) && (name === undefined || section.name?.value === name),
  );
}

export function findSection(config: HaproxyConfig, type: string, name?: string): Section | undefined {
  return findSections(config, type, name)[0];
}

/** Statements of a section (or of the whole file) whose first word is `keyword`; all when omitted. */
export function findStatements(scope: Section | HaproxyConfig, keyword?: string): Statement[] {
  const lines: readonly Line[] = scope.kind === "section" ? scope.body : [...scope.preamble, ...scope.sections.flatMap((s) => [s.header, ...s.body])];
  return lines.filter((line): line is Statement => line.kind === "statement" && (keyword === undefined || line.keyword.value === keyword));
}

export function findStatement(scope: Section | HaproxyConfig, keyword: string): Statement | undefined {
  return findStatements(scope, keyword)[0];
}

/** The section a line belongs to. */
export function sectionOf(config: HaproxyConfig, line: Line): Section | undefined {
  return config.sections.find((section) => section.header === line || section.body.includes(line));
}
