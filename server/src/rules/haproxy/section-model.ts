// The sections of a haproxy configuration as the model holds them: each section's readable body
// statements and the defaults section a proxy takes its settings from, read in file order; and how
// messages name a section and a place.
import type { HaproxyParseResult } from "../../../../grammars/haproxy/parse.js";
import type { Section, Statement } from "../../../../grammars/haproxy/ast.js";
import type { Range } from "../../../../grammars/common/text.js";
import type { HaproxyVersion } from "../../facts/types.js";
import { ConditionalReading } from "./conditions.js";
import type { SectionIndex } from "./placed.js";

export interface HaproxyFileInput {
  readonly uri: string;
  readonly parse: HaproxyParseResult;
}

/** A statement with where it stands. */
export interface Located {
  readonly statement: Statement;
  readonly section: SectionModel;
}

export interface SectionModel {
  readonly section: Section;
  readonly uri: string;
  readonly type: string;
  /** The name as haproxy reads it (unquoted), or undefined. */
  readonly name: string | undefined;
  /** Body statements, in order (empty and directive lines left out). */
  readonly statements: readonly Statement[];
  /**
   * For proxies: the defaults section they take their settings from (`from X`, or for a frontend,
   * backend or listen the last defaults before them; a defaults section without `from` has none).
   */
  defaults: SectionModel | undefined;
  readonly isProxy: boolean;
  /** The section's statements by keyword: the model fills it in on first use; rules ask the model. */
  index?: SectionIndex;
}

export const PROXY_TYPES: ReadonlySet<string> = new Set(["defaults", "frontend", "backend", "listen"]);

/** The sections of the files that haproxy reads at `version`, in order, each with its defaults. */
export function readSections(files: readonly HaproxyFileInput[], version: HaproxyVersion): SectionModel[] {
  const sections: SectionModel[] = [];
  let lastDefaults: SectionModel | undefined;
  // The first defaults section of each name so far: what `from NAME` finds.
  const namedDefaults = new Map<string, SectionModel>();
  // Lines in `.if` branches haproxy cannot read at this version (`.if version_atleast(3.1)` for
  // 2.6) are not part of the configuration it reads.
  const conditions = new ConditionalReading(version);
  for (const file of files) {
    for (const section of file.parse.ast.sections) {
      if (!conditions.readable(section.header)) continue;
      // An indexed loop, not filter(): a callback per line costs most of this loop in a single run.
      const body = section.body;
      const statements: Statement[] = [];
      for (let i = 0; i < body.length; i++) {
        const line = body[i]!;
        if (line.kind === "statement" && (line.guard === undefined || conditions.readable(line))) statements.push(line);
      }
      const model: SectionModel = {
        section,
        uri: file.uri,
        type: section.type,
        name: section.name?.value,
        statements,
        defaults: undefined,
        isProxy: PROXY_TYPES.has(section.type),
        index: undefined,
      };
      if (model.isProxy) {
        const parent = section.from?.value;
        // A defaults section starts again from haproxy's built-in values unless it names a parent
        // with `from`; other proxies take the last defaults section before them.
        if (parent !== undefined) model.defaults = namedDefaults.get(parent);
        else if (section.type !== "defaults") model.defaults = lastDefaults;
        if (section.type === "defaults") {
          lastDefaults = model;
          if (model.name !== undefined && !namedDefaults.has(model.name)) namedDefaults.set(model.name, model);
        }
      }
      sections.push(model);
    }
  }
  return sections;
}

/** How messages name a section: `frontend 'www'`, or `defaults` for an unnamed one. */
export function describe(section: SectionModel): string {
  return section.name === undefined ? section.type : `${section.type} '${section.name}'`;
}

/** Where something is, for a message read in `fromUri`: `line 12`, or `line 12 of URI` in another file. */
export function where(uri: string, range: Range, fromUri: string): string {
  return uri === fromUri ? `line ${range.start.line + 1}` : `line ${range.start.line + 1} of ${uri}`;
}
