// The per-configuration model every haproxy rule reads: sections in order with their statements,
// the defaults each proxy inherits from, and the definitions and references of every named thing.
// Built once per lint run; rules never walk the text themselves.
import type { HaproxyParseResult } from "../../../../grammars/haproxy/parse.js";
import type { AclReference, Condition, ConditionalBranch, ConditionTerm, Line, Section, Statement, Word } from "../../../../grammars/haproxy/ast.js";
import type { Range } from "../../../../grammars/common/text.js";
import type { HaproxyVersion } from "../../facts/types.js";
import { ConditionalReading } from "./conditions.js";
import { computeReading, type StatementReading } from "./keywords.js";
import { readOptions, type OptionLine } from "./option-words.js";

export interface HaproxyFileInput {
  readonly uri: string;
  readonly parse: HaproxyParseResult;
}

/** A statement with where it stands. */
export interface Located {
  readonly statement: Statement;
  readonly section: SectionModel;
}

/**
 * What the characters of a statement's words hold, found in one pass over the file so that rules
 * can pass over the many statements that cannot concern them (a server line has no `%[`).
 */
export const HAS_PERCENT = 1;
/** Some word holds `(`: a sample fetch or converter call, `do-resolve(…)`, `http_auth(…)`. */
export const HAS_PAREN = 2;
/** Some word holds a quote or a backslash, so its value may differ from its text and hold variables. */
export const NOT_PLAIN = 4;
export const HAS_DOLLAR = 8;

function textFlags(text: string): number {
  let flags = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 37) flags |= HAS_PERCENT;
    else if (c === 40) flags |= HAS_PAREN;
    else if (c === 34 || c === 39 || c === 92) flags |= NOT_PLAIN;
    else if (c === 36) flags |= HAS_DOLLAR;
  }
  return flags;
}

/**
 * A body statement with its section and what is worked out once for all rules: its keyword, the
 * characters its words hold, and (on first use) what the keyword tables say about it.
 */
export class Placed implements Located {
  private cachedReading: StatementReading | undefined;
  private cachedOptions: OptionLine | null | undefined;
  private cachedValues: readonly string[] | undefined;

  constructor(
    readonly statement: Statement,
    readonly section: SectionModel,
    /** The first word's value. */
    readonly keyword: string,
    /** HAS_PERCENT, HAS_PAREN, NOT_PLAIN, HAS_DOLLAR of all its words, condition included. */
    readonly flags: number,
  ) {}

  /**
   * Whether some word's value may hold a character of `flag` (HAS_PERCENT, HAS_PAREN, HAS_DOLLAR):
   * the text holds it, or a quote or escape (`\x25`) may make it appear in the value.
   */
  mayHold(flag: number): boolean {
    return (this.flags & (flag | NOT_PLAIN)) !== 0;
  }

  /** Whether no word is quoted or escaped, so that every word's value is its text. */
  get plain(): boolean {
    return (this.flags & NOT_PLAIN) === 0;
  }

  /** The values of the statement's arguments (`statement.args`), read once and shared by the rules. */
  get values(): readonly string[] {
    if (!this.cachedValues) {
      const args = this.statement.args;
      const values = new Array<string>(args.length);
      const plain = this.plain;
      for (let i = 0; i < args.length; i++) values[i] = plain ? args[i]!.text : args[i]!.value;
      this.cachedValues = values;
    }
    return this.cachedValues;
  }

  /** What the keyword tables say about the statement (see keywords.ts). */
  get reading(): StatementReading {
    this.cachedReading ??= computeReading(this.statement);
    return this.cachedReading;
  }

  /** The options of a bind, server, default-server or server-template line (see option-words.ts). */
  get options(): OptionLine | undefined {
    if (this.cachedOptions === undefined) this.cachedOptions = readOptions(this.reading) ?? null;
    return this.cachedOptions ?? undefined;
  }
}

/** Per-section indexes, built in one pass over the configuration on first use. */
interface SectionIndex {
  readonly placed: Placed[];
  readonly byKeyword: Map<string, Statement[]>;
  readonly placedByKeyword: Map<string, Placed[]>;
}

const NO_STATEMENTS: readonly Statement[] = [];
const NO_PLACED: readonly Placed[] = [];

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
  private placedAll: Placed[] | undefined;
  private readonly sectionIndex = new Map<SectionModel, SectionIndex>();
  private byKeyword: Map<string, Placed[]> | undefined;
  private readonly chains = new Map<SectionModel, readonly SectionModel[]>();
  private byType: Map<string, SectionModel[]> | undefined;
  private named: Map<string, SectionModel[]> | undefined;
  private heirIndex: Map<SectionModel, SectionModel[]> | undefined;

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
    if (!this.byType) {
      this.byType = new Map();
      for (const s of this.sections) (this.byType.get(s.type) ?? this.byType.set(s.type, []).get(s.type)!).push(s);
    }
    if (types.length === 1) return [...(this.byType.get(types[0]!) ?? [])];
    return this.sections.filter((s) => types.includes(s.type));
  }

  /** Every body statement of every section, in order, with its keyword and word facts. */
  statements(): readonly Placed[] {
    if (!this.placedAll) this.index();
    return this.placedAll!;
  }

  /** The statements of every section whose keyword (first word) is `keyword`, in order. */
  withKeyword(keyword: string): readonly Placed[] {
    if (!this.byKeyword) this.index();
    return this.byKeyword!.get(keyword) ?? NO_PLACED;
  }

  /** A section's statements with their keyword and word facts, in order. */
  placedIn(section: SectionModel): readonly Placed[] {
    if (!this.placedAll) this.index();
    return this.sectionIndex.get(section)?.placed ?? NO_PLACED;
  }

  /** A section's statements whose keyword (first word) is `keyword`, in order. */
  keywordIn(section: SectionModel, keyword: string): readonly Statement[] {
    if (!this.placedAll) this.index();
    return this.sectionIndex.get(section)?.byKeyword.get(keyword) ?? NO_STATEMENTS;
  }

  /** `keywordIn` with the keyword and word facts of each statement. */
  placedWith(section: SectionModel, keyword: string): readonly Placed[] {
    if (!this.placedAll) this.index();
    return this.sectionIndex.get(section)?.placedByKeyword.get(keyword) ?? NO_PLACED;
  }

  /** Whether a section has a statement with this keyword. */
  has(section: SectionModel, keyword: string): boolean {
    return this.keywordIn(section, keyword).length > 0;
  }

  /** A section's statements with any of these keywords, in order. */
  keywordsIn(section: SectionModel, keywords: readonly string[]): readonly Statement[] {
    let only: readonly Statement[] | undefined;
    let lists = 0;
    for (const keyword of keywords) {
      const list = this.keywordIn(section, keyword);
      if (list.length === 0) continue;
      lists++;
      only = list;
    }
    if (lists === 0) return NO_STATEMENTS;
    if (lists === 1) return only!;
    const wanted = new Set(keywords);
    return this.placedIn(section).filter((p) => wanted.has(p.keyword)).map((p) => p.statement);
  }

  private index(): void {
    const all: Placed[] = [];
    const byKeyword = new Map<string, Placed[]>();
    for (const section of this.sections) {
      const placed: Placed[] = [];
      const own = new Map<string, Statement[]>();
      const ownPlaced = new Map<string, Placed[]>();
      for (const statement of section.statements) {
        let flags = 0;
        for (const word of statement.words) flags |= textFlags(word.text);
        const keyword = statement.keyword.value;
        const entry = new Placed(statement, section, keyword, flags);
        placed.push(entry);
        all.push(entry);
        const list = own.get(keyword);
        if (list) {
          list.push(statement);
          ownPlaced.get(keyword)!.push(entry);
        } else {
          own.set(keyword, [statement]);
          ownPlaced.set(keyword, [entry]);
        }
        const global = byKeyword.get(keyword);
        if (global) global.push(entry);
        else byKeyword.set(keyword, [entry]);
      }
      this.sectionIndex.set(section, { placed, byKeyword: own, placedByKeyword: ownPlaced });
    }
    this.placedAll = all;
    this.byKeyword = byKeyword;
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

  /** The chain of defaults a proxy inherits from, nearest first (shared: do not change it). */
  defaultsChain(section: SectionModel): readonly SectionModel[] {
    let chain = this.chains.get(section);
    if (!chain) {
      const found: SectionModel[] = [];
      let current = section.defaults;
      while (current && !found.includes(current)) {
        found.push(current);
        current = current.defaults;
      }
      chain = found;
      this.chains.set(section, chain);
    }
    return chain;
  }

  /** The sections that inherit from a defaults section, directly or through other defaults, in order. */
  heirs(defaults: SectionModel): readonly SectionModel[] {
    if (!this.heirIndex) {
      this.heirIndex = new Map();
      for (const section of this.sections) {
        for (const parent of this.defaultsChain(section)) (this.heirIndex.get(parent) ?? this.heirIndex.set(parent, []).get(parent)!).push(section);
      }
    }
    return this.heirIndex.get(defaults) ?? [];
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
    const found = this.lastIn(section, match);
    if (found) return { statement: found, section };
    for (const holder of this.defaultsChain(section)) {
      const inherited = this.lastIn(holder, match);
      if (inherited) return { statement: inherited, section: holder };
    }
    return undefined;
  }

  private lastIn(holder: SectionModel, match: (statement: Statement) => boolean): Statement | undefined {
    for (let i = holder.statements.length - 1; i >= 0; i--) {
      const statement = holder.statements[i]!;
      if (match(statement)) return statement;
    }
    return undefined;
  }

  /**
   * `setting` for statements of one keyword: the last `keyword` statement (that `match` accepts) of
   * the proxy, else of its nearest defaults section that has one. Looks at those statements only.
   */
  keywordSetting(section: SectionModel, keyword: string, match?: (statement: Statement) => boolean): Located | undefined {
    const found = lastOf(this.keywordIn(section, keyword), match);
    if (found) return { statement: found, section };
    for (const holder of this.defaultsChain(section)) {
      const inherited = lastOf(this.keywordIn(holder, keyword), match);
      if (inherited) return { statement: inherited, section: holder };
    }
    return undefined;
  }

  /** The effective `mode` of a proxy (haproxy's default is `tcp`) and the statement that sets it. */
  mode(section: SectionModel): { readonly mode: string; readonly from: Located | undefined } {
    const from = this.keywordSetting(section, "mode", (s) => s.args.length > 0);
    return { mode: from?.statement.args[0]!.value ?? "tcp", from };
  }

  /** The `timeout NAME` statement in effect for a proxy, if any. */
  timeout(section: SectionModel, name: string): Located | undefined {
    return this.keywordSetting(section, "timeout", (s) => s.args[0]?.value === name);
  }

  /** The state of `option NAME` for a proxy: the last `option NAME` / `no option NAME` in effect. */
  option(section: SectionModel, name: string): { readonly enabled: boolean; readonly from: Located } | undefined {
    const from = this.optionSetting(section, (option) => option.name === name);
    return from ? { enabled: !optionOf(from.statement)!.negated, from } : undefined;
  }

  /**
   * The last `option X` / `no option X` statement of a proxy (else of its nearest defaults that has
   * one) whose option `match` accepts: `setting` with `optionOf`, reading only those statements.
   */
  optionSetting(section: SectionModel, match: (option: { readonly name: string; readonly negated: boolean }) => boolean): Located | undefined {
    for (const holder of [section, ...this.defaultsChain(section)]) {
      const found = this.lastOption(holder, match);
      if (found) return { statement: found, section: holder };
    }
    return undefined;
  }

  private lastOption(holder: SectionModel, match: (option: { readonly name: string; readonly negated: boolean }) => boolean): Statement | undefined {
    const accepts = (statement: Statement) => {
      const option = optionOf(statement);
      return option !== undefined && match(option);
    };
    const set = lastOf(this.keywordIn(holder, "option"), accepts);
    const negated = lastOf(this.keywordIn(holder, "no"), accepts);
    if (!set || !negated) return set ?? negated;
    // Both forms: the one written last decides.
    const placed = this.placedIn(holder);
    for (let i = placed.length - 1; i >= 0; i--) if (placed[i]!.statement === set || placed[i]!.statement === negated) return placed[i]!.statement;
    return set;
  }

  /** The server names of a backend or listen: `server NAME` and the names `server-template` makes. */
  serverNames(section: SectionModel): ReadonlyMap<string, Statement> {
    const cached = this.serverIndex.get(section);
    if (cached) return cached;
    const names = new Map<string, Statement>();
    this.serverIndex.set(section, names);
    for (const statement of this.keywordsIn(section, ["server", "server-template"])) {
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
    if (!this.named) {
      this.named = new Map();
      for (const s of this.sections) {
        if (s.name === undefined) continue;
        const key = `${s.type}\u0000${s.name}`;
        (this.named.get(key) ?? this.named.set(key, []).get(key)!).push(s);
      }
    }
    return [...(this.named.get(`${type}\u0000${name}`) ?? [])];
  }

  private indexAcls(): Map<SectionModel, Map<string, Statement[]>> {
    const index = new Map<SectionModel, Map<string, Statement[]>>();
    for (const section of this.sections) {
      const names = new Map<string, Statement[]>();
      for (const statement of this.keywordIn(section, "acl")) {
        const name = statement.args[0]?.value;
        if (name === undefined) continue;
        const list = names.get(name);
        if (list) list.push(statement);
        else names.set(name, [statement]);
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
        if (statement.condition === undefined) continue;
        for (const reference of aclReferences(statement.condition)) uses.push({ reference, statement });
      }
      index.set(section, uses);
    }
    return index;
  }
}

/** The last of `statements` that `match` accepts (the last one when there is no `match`). */
function lastOf(statements: readonly Statement[], match: ((statement: Statement) => boolean) | undefined): Statement | undefined {
  for (let i = statements.length - 1; i >= 0; i--) if (!match || match(statements[i]!)) return statements[i];
  return undefined;
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
  if (a.guard === undefined || b.guard === undefined) return false;
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
