// The per-configuration model every haproxy rule reads: sections in order with their statements,
// the defaults each proxy inherits from, and the definitions and references of every named thing.
// Built once per lint run; rules never walk the text themselves.
import type { HaproxyParseResult } from "../../../../grammars/haproxy/parse.js";
import type { AclReference, Condition, ConditionalBranch, ConditionTerm, Line, Section, Statement, Word } from "../../../../grammars/haproxy/ast.js";
import type { Range } from "../../../../grammars/common/text.js";
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
  /**
   * For proxies: the defaults section they take their settings from (`from X`, or for a frontend,
   * backend or listen the last defaults before them; a defaults section without `from` has none).
   */
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
  private backendIndex: Map<string, SectionModel[]> | undefined;
  private readonly serverIndex = new Map<SectionModel, Map<string, Statement>>();

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
          // A defaults section starts again from haproxy's built-in values unless it names a parent
          // with `from`; other proxies take the last defaults section before them.
          if (parent !== undefined) model.defaults = this.sections.find((s) => s.type === "defaults" && s.name === parent);
          else if (section.type !== "defaults") model.defaults = lastDefaults;
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
    if (!this.backendIndex) {
      this.backendIndex = new Map();
      for (const s of this.sections) {
        if ((s.type === "backend" || s.type === "listen") && s.name !== undefined) (this.backendIndex.get(s.name) ?? this.backendIndex.set(s.name, []).get(s.name)!).push(s);
      }
    }
    return this.backendIndex.get(name) ?? [];
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

  /**
   * The statement that decides a single-valued setting of a proxy: the last matching statement of
   * the proxy itself, else of its nearest defaults section that has one. haproxy copies a defaults
   * section's settings into each proxy and lets the proxy's own statements override them.
   */
  setting(section: SectionModel, match: (statement: Statement) => boolean): Located | undefined {
    for (const holder of [section, ...this.defaultsChain(section)]) {
      for (let i = holder.statements.length - 1; i >= 0; i--) {
        const statement = holder.statements[i]!;
        if (match(statement)) return { statement, section: holder };
      }
    }
    return undefined;
  }

  /** The effective `mode` of a proxy (haproxy's default is `tcp`) and the statement that sets it. */
  mode(section: SectionModel): { readonly mode: string; readonly from: Located | undefined } {
    const from = this.setting(section, (s) => s.keyword.value === "mode" && s.args.length > 0);
    return { mode: from?.statement.args[0]!.value ?? "tcp", from };
  }

  /** The `timeout NAME` statement in effect for a proxy, if any. */
  timeout(section: SectionModel, name: string): Located | undefined {
    return this.setting(section, (s) => s.keyword.value === "timeout" && s.args[0]?.value === name);
  }

  /** The state of `option NAME` for a proxy: the last `option NAME` / `no option NAME` in effect. */
  option(section: SectionModel, name: string): { readonly enabled: boolean; readonly from: Located } | undefined {
    const from = this.setting(section, (s) => optionOf(s)?.name === name);
    return from ? { enabled: !optionOf(from.statement)!.negated, from } : undefined;
  }

  /** The server names of a backend or listen: `server NAME` and the names `server-template` makes. */
  serverNames(section: SectionModel): ReadonlyMap<string, Statement> {
    const cached = this.serverIndex.get(section);
    if (cached) return cached;
    const names = new Map<string, Statement>();
    this.serverIndex.set(section, names);
    for (const statement of section.statements) {
      const keyword = statement.keyword.value;
      if (keyword === "server" && statement.args[0]) {
        if (!names.has(statement.args[0].value)) names.set(statement.args[0].value, statement);
      } else if (keyword === "server-template" && statement.args[0] && statement.args[1]) {
        for (const name of templateNames(statement.args[0].value, statement.args[1].value)) if (!names.has(name)) names.set(name, statement);
      }
    }
    return names;
  }

  /** Named sections of one type with one name, in file order. */
  sectionsNamed(type: string, name: string): SectionModel[] {
    return this.sections.filter((s) => s.type === type && s.name === name);
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

/**
 * Whether two lines can never both be read: they stand in different branches of one `.if` block.
 * Rules that compare two statements (a duplicate, an order) skip such pairs.
 */
export function exclusive(a: Line, b: Line): boolean {
  const branches = (line: Line): ConditionalBranch[] => {
    const found: ConditionalBranch[] = [];
    for (let branch = line.guard; branch; branch = branch.block.parent) found.push(branch);
    return found;
  };
  const ofB = branches(b);
  return branches(a).some((x) => ofB.some((y) => x !== y && x.block === y.block));
}

/** `option NAME` and `no option NAME`: the option's name and whether it is turned off. */
export function optionOf(statement: Statement): { readonly name: string; readonly negated: boolean; readonly range: Range } | undefined {
  const keyword = statement.keyword.value;
  if (keyword === "option" && statement.args[0]) return { name: statement.args[0].value, negated: false, range: span(statement.keyword.range, statement.args[0].range) };
  if (keyword === "no" && statement.args[0]?.value === "option" && statement.args[1]) {
    return { name: statement.args[1].value, negated: true, range: span(statement.keyword.range, statement.args[1].range) };
  }
  return undefined;
}

/** From the start of one range to the end of another (two words of one line). */
export function span(from: Range, to: Range): Range {
  return { start: from.start, end: to.end };
}

/** The server names `server-template PREFIX N` or `PREFIX A-B` makes: PREFIX1…PREFIXN. */
export function templateNames(prefix: string, count: string): string[] {
  const match = /^(\d+)(?:-(\d+))?$/.exec(count);
  if (!match) return [];
  const from = match[2] === undefined ? 1 : Number(match[1]);
  const to = match[2] === undefined ? Number(match[1]) : Number(match[2]);
  const names: string[] = [];
  for (let i = from; i <= to && names.length < 10_000; i++) names.push(`${prefix}${i}`);
  return names;
}

/** haproxy's time units (configuration manual 2.5); a number without one is in milliseconds. */
const TIME_UNITS: Readonly<Record<string, number>> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A time value as haproxy reads it: its length in milliseconds and the unit as written (undefined
 * when there is none, which haproxy reads as milliseconds). Undefined when it is not a time.
 */
export function parseTime(text: string): { readonly ms: number; readonly unit: string | undefined; readonly number: string } | undefined {
  const match = /^(\d+)(us|ms|s|m|h|d)?$/.exec(text);
  if (!match) return undefined;
  return { ms: Number(match[1]) * TIME_UNITS[match[2] ?? "ms"]!, unit: match[2], number: match[1]! };
}

/** How messages name a section: `frontend 'www'`, or `defaults` for an unnamed one. */
export function describe(section: SectionModel): string {
  return section.name === undefined ? section.type : `${section.type} '${section.name}'`;
}

/** Where something is, for a message read in `fromUri`: `line 12`, or `line 12 of URI` in another file. */
export function where(uri: string, range: Range, fromUri: string): string {
  return uri === fromUri ? `line ${range.start.line + 1}` : `line ${range.start.line + 1} of ${uri}`;
}

/** Whether a statement has an `if`/`unless` condition. */
export function isConditional(statement: Statement): boolean {
  return statement.condition !== undefined;
}
