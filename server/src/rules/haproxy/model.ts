// The per-configuration model every haproxy rule reads: sections in order with their statements,
// the defaults each proxy inherits from, and the definitions and references of every named thing.
// Built once per lint run; rules never walk the text themselves.
import type { HaproxyParseResult } from "../../../../grammars/haproxy/parse.js";
import type { AclReference, Condition, ConditionTerm, Line, Section, Statement, Word } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyVersion } from "../../facts/types.js";
import { ConditionalReading } from "./conditions.js";

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
  /** For proxies: the defaults section they take their settings from (`from X`, or the last defaults before them). */
  defaults: SectionModel | undefined;
  readonly isProxy: boolean;
}

export interface AclUse {
  readonly reference: AclReference;
  readonly statement: Statement;
}

export const PROXY_TYPES: ReadonlySet<string> = new Set(["defaults", "frontend", "backend", "listen"]);

/** ACLs haproxy defines itself (configuration manual 7.4). */
export const PREDEFINED_ACLS: ReadonlySet<string> = new Set([
  "FALSE", "HTTP", "HTTP_1.0", "HTTP_1.1", "HTTP_2.0", "HTTP_CONTENT", "HTTP_URL_ABS", "HTTP_URL_SLASH",
  "HTTP_URL_STAR", "LOCALHOST", "METH_CONNECT", "METH_DELETE", "METH_GET", "METH_HEAD", "METH_OPTIONS",
  "METH_POST", "METH_PUT", "METH_TRACE", "RDP_COOKIE", "REQ_CONTENT", "TRUE", "WAIT_END",
]);

/** What haproxy rules read: one parsed configuration, indexed once for all rules. */
export class HaproxyModel {
  readonly files: readonly HaproxyFileInput[];
  readonly version: HaproxyVersion;
  readonly sections: SectionModel[] = [];
  /** Statements before any section (the grammar already reports them). */
  readonly stray: { uri: string; line: Line }[] = [];
  private readonly bySection = new Map<Section, SectionModel>();
  private aclDefinitions: Map<SectionModel, Map<string, Statement[]>> | undefined;
  private aclUses: Map<SectionModel, AclUse[]> | undefined;

  constructor(files: readonly HaproxyFileInput[], version: HaproxyVersion) {
    this.files = files;
    this.version = version;
    let lastDefaults: SectionModel | undefined;
    // Lines in `.if` branches haproxy cannot read at this version (`.if version_atleast(3.1)` for
    // 2.6) are not part of the configuration it reads.
    const conditions = new ConditionalReading(version);
    for (const file of files) {
      for (const section of file.parse.ast.sections) {
        if (!conditions.readable(section.header)) continue;
        const statements = section.body.filter((line): line is Statement => line.kind === "statement" && conditions.readable(line));
        const model: SectionModel = {
          section,
          uri: file.uri,
          type: section.type,
          name: section.name?.value,
          statements,
          defaults: undefined,
          isProxy: PROXY_TYPES.has(section.type),
        };
        if (model.isProxy) {
          const parent = section.from?.value;
          model.defaults = parent !== undefined ? this.sections.find((s) => s.type === "defaults" && s.name === parent) : lastDefaults;
          if (section.type === "defaults") lastDefaults = model;
        }
        this.sections.push(model);
        this.bySection.set(section, model);
      }
    }
  }

  sectionModel(section: Section): SectionModel | undefined {
    return this.bySection.get(section);
  }

  sectionsOfType(...types: string[]): SectionModel[] {
    return this.sections.filter((s) => types.includes(s.type));
  }

  /** Every body statement of every section, in order. */
  *statements(): Generator<Located> {
    for (const section of this.sections) for (const statement of section.statements) yield { statement, section };
  }

  /** Proxies that can serve as a backend (`backend`, `listen`) with this name. */
  backends(name: string): SectionModel[] {
    return this.sections.filter((s) => (s.type === "backend" || s.type === "listen") && s.name === name);
  }

  /** The chain of defaults a proxy inherits from, nearest first. */
  defaultsChain(section: SectionModel): SectionModel[] {
    const chain: SectionModel[] = [];
    let current = section.defaults;
    while (current && !chain.includes(current)) {
      chain.push(current);
      current = current.defaults;
    }
    return chain;
  }

  /** `acl NAME …` definitions per section. */
  aclsDefinedIn(section: SectionModel): Map<string, Statement[]> {
    this.aclDefinitions ??= this.indexAcls();
    return this.aclDefinitions.get(section) ?? new Map();
  }

  /** Named-ACL references in `if`/`unless` conditions, per section. */
  aclsUsedIn(section: SectionModel): readonly AclUse[] {
    this.aclUses ??= this.indexAclUses();
    return this.aclUses.get(section) ?? [];
  }

  /** Whether `name` is an ACL visible in `section`: its own, its named defaults', or predefined. */
  aclVisible(section: SectionModel, name: string): boolean {
    if (PREDEFINED_ACLS.has(name)) return true;
    if (this.aclsDefinedIn(section).has(name)) return true;
    return this.defaultsChain(section).some((d) => this.aclsDefinedIn(d).has(name));
  }

  private indexAcls(): Map<SectionModel, Map<string, Statement[]>> {
    const index = new Map<SectionModel, Map<string, Statement[]>>();
    for (const section of this.sections) {
      const names = new Map<string, Statement[]>();
      for (const statement of section.statements) {
        if (statement.keyword.value !== "acl") continue;
        const name = statement.args[0]?.value;
        if (name === undefined) continue;
        names.set(name, [...(names.get(name) ?? []), statement]);
      }
      index.set(section, names);
    }
    return index;
  }

  private indexAclUses(): Map<SectionModel, AclUse[]> {
    const index = new Map<SectionModel, AclUse[]>();
    for (const section of this.sections) {
      const uses: AclUse[] = [];
      for (const statement of section.statements) {
        for (const reference of aclReferences(statement.condition)) uses.push({ reference, statement });
      }
      index.set(section, uses);
    }
    return index;
  }
}

export function aclReferences(condition: Condition | undefined): AclReference[] {
  if (!condition?.expression) return [];
  const found: AclReference[] = [];
  for (const alternative of condition.expression.alternatives) {
    for (const term of alternative.terms as ConditionTerm[]) if (term.kind === "acl") found.push(term);
  }
  return found;
}

/** Whether a word's value is computed at run time (a log-format expression), so it names nothing statically. */
export function isDynamic(word: Word): boolean {
  return word.value.includes("%[") || word.value.includes("%{");
}

/** Whether a statement stands in a `.if` branch; rules that compare statements skip such pairs. */
export function isGuarded(statement: Statement): boolean {
  return statement.guard !== undefined;
}
