// The per-configuration model every haproxy rule reads: sections in order with their statements,
// the defaults each proxy inherits from, and the definitions and references of every named thing.
// Built once per lint run; rules never walk the text themselves. The model answers every question
// rules ask; the work behind some answers lives beside it: sections (section-model.ts), placed
// statements and keyword indexes (placed.ts), text searches (text-search.ts), settings read through
// defaults (inherited-settings.ts), named ACLs (acls.ts), reads of one statement (statement-reads.ts).
import type { TextProbe } from "../search-lines.js";
import type { LineIndex } from "../../../../grammars/common/text.js";
import type { Line, Section, Statement } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyVersion } from "../../facts/types.js";
import { indexAclDefinitions, indexAclUses, type AclUse } from "./acls.js";
import { InheritedSettings } from "./inherited-settings.js";
import { placeStatements, type Placed } from "./placed.js";
import { readSections, type HaproxyFileInput, type Located, type SectionModel } from "./section-model.js";
import { templateNames } from "./statement-reads.js";
import { TextSearch } from "./text-search.js";

export { aclReferences, PREDEFINED_ACLS, type AclUse } from "./acls.js";
export { HAS_DOLLAR, HAS_PAREN, HAS_PERCENT, NOT_PLAIN, Placed, type SectionIndex } from "./placed.js";
export { describe, PROXY_TYPES, where, type HaproxyFileInput, type Located, type SectionModel } from "./section-model.js";
export { argValue, exclusive, isConditional, isDynamic, isGuarded, optionOf, parseTime, span, templateNames } from "./statement-reads.js";
export { searchFor } from "./text-search.js";

const NO_STATEMENTS: readonly Statement[] = [];
const NO_USES: readonly AclUse[] = [];
const NO_ACLS: ReadonlyMap<string, readonly Statement[]> = new Map();
const NO_PLACED: readonly Placed[] = [];
const NO_SECTIONS: readonly SectionModel[] = [];

/** What haproxy rules read: one parsed configuration, indexed once for all rules. */
export class HaproxyModel {
  readonly files: readonly HaproxyFileInput[];
  readonly version: HaproxyVersion;
  readonly sections: SectionModel[];
  private readonly bySection = new Map<Section, SectionModel>();
  private aclDefinitions: Map<SectionModel, Map<string, Statement[]>> | undefined;
  private aclUses: Map<SectionModel, AclUse[]> | undefined;
  private backendIndex: Map<string, SectionModel[]> | undefined;
  private readonly serverIndex = new Map<SectionModel, Map<string, Statement>>();
  private placedAll: Placed[] | undefined;
  private byKeyword: Map<string, Placed[]> | undefined;
  private readonly chains = new Map<SectionModel, readonly SectionModel[]>();
  private byType: Map<string, SectionModel[]> | undefined;
  private readonly byTypes = new Map<string, readonly SectionModel[]>();
  private named: Map<string, SectionModel[]> | undefined;
  private heirIndex: Map<SectionModel, SectionModel[]> | undefined;
  private readonly text: TextSearch;
  private readonly inherited = new InheritedSettings(this);

  constructor(files: readonly HaproxyFileInput[], version: HaproxyVersion) {
    this.files = files;
    this.version = version;
    this.text = new TextSearch(files);
    this.sections = readSections(files, version);
    for (const model of this.sections) this.bySection.set(model.section, model);
  }

  /** The line index (with the text) of one of the configuration's files, for fixes that take whole lines. */
  linesOf(uri: string): LineIndex | undefined {
    for (const file of this.files) if (file.uri === uri) return file.parse.lines;
    return undefined;
  }

  sectionModel(section: Section): SectionModel | undefined {
    return this.bySection.get(section);
  }

  /** The sections of these types, in order (shared: do not change it). */
  sectionsOfType(...types: string[]): readonly SectionModel[] {
    if (!this.byType) {
      this.byType = new Map();
      for (const s of this.sections) (this.byType.get(s.type) ?? this.byType.set(s.type, []).get(s.type)!).push(s);
    }
    if (types.length === 1) return this.byType.get(types[0]!) ?? NO_SECTIONS;
    const key = types.join(" ");
    let found = this.byTypes.get(key);
    if (!found) this.byTypes.set(key, (found = this.sections.filter((s) => types.includes(s.type))));
    return found;
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
    return section.index?.placed ?? NO_PLACED;
  }

  /** A section's statements whose keyword (first word) is `keyword`, in order. */
  keywordIn(section: SectionModel, keyword: string): readonly Statement[] {
    if (!this.placedAll) this.index();
    return section.index?.byKeyword.get(keyword) ?? NO_STATEMENTS;
  }

  /** Whether a section has a statement with this keyword. */
  has(section: SectionModel, keyword: string): boolean {
    return this.keywordIn(section, keyword).length > 0;
  }

  /** A section's statements with any of these keywords, in order. */
  keywordsIn(section: SectionModel, keywords: readonly string[]): readonly Statement[] {
    if (!this.placedAll) this.index();
    const index = section.index;
    if (!index) return NO_STATEMENTS;
    const own = index.byKeyword;
    // A long list of keywords and a section with few (a backend of servers): its own keywords are tried.
    const fewer = keywords.length <= own.size ? keywords : index.keywords;
    const among = fewer === keywords ? undefined : keywords;
    let only: readonly Statement[] | undefined;
    let lists = 0;
    for (let i = 0; i < fewer.length; i++) {
      const keyword = fewer[i]!;
      const list = among === undefined || among.includes(keyword) ? own.get(keyword) : undefined;
      if (list === undefined) continue;
      lists++;
      only = list;
    }
    if (lists === 0) return NO_STATEMENTS;
    if (lists === 1) return only!;
    const wanted = new Set(keywords);
    return this.placedIn(section).filter((p) => wanted.has(p.keyword)).map((p) => p.statement);
  }

  private index(): void {
    const { all, byKeyword } = placeStatements(this.sections);
    this.placedAll = all;
    this.byKeyword = byKeyword;
    this.text.flag(this.sections, all);
  }

  /**
   * The statements whose line holds one of `patterns` (a string or a regular expression), in
   * order: what a rule that looks for a word must read, found by searching the file texts instead
   * of every statement. A line's comment is searched too. Where a word is quoted or escaped, the
   * words' values (joined by blanks) are searched instead, as they may hold what the text does not.
   */
  mentioning(...patterns: (string | RegExp)[]): readonly Placed[] {
    if (!this.placedAll) this.index();
    return this.text.mentioning(patterns);
  }

  /**
   * Every line of a file as the tree holds it (before the first section, headers, bodies, in `.if`
   * branches haproxy skips too), in order.
   */
  fileLines(file: HaproxyFileInput): readonly Line[] {
    return this.text.fileLines(file);
  }

  /**
   * The lines of the files (see `fileLines`) whose text matches `pattern`, with their place in
   * `fileLines`, in order: what a rule that looks for something written must read. For a text
   * the search cannot map onto its lines (a carriage return alone), every line.
   */
  linesMatching(pattern: string | RegExp | TextProbe): readonly { readonly file: HaproxyFileInput; readonly line: Line; readonly index: number }[] {
    return this.text.linesMatching(pattern);
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
  aclsDefinedIn(section: SectionModel): ReadonlyMap<string, readonly Statement[]> {
    this.aclDefinitions ??= indexAclDefinitions(this);
    return this.aclDefinitions.get(section) ?? NO_ACLS;
  }

  /** Named-ACL references in `if`/`unless` conditions, per section. */
  aclsUsedIn(section: SectionModel): readonly AclUse[] {
    this.aclUses ??= indexAclUses(this.sections);
    return this.aclUses.get(section) ?? NO_USES;
  }

  /**
   * The statement that decides a single-valued setting of a proxy: the last matching statement of
   * the proxy itself, else of its nearest defaults section that has one. haproxy copies a defaults
   * section's settings into each proxy and lets the proxy's own statements override them.
   */
  setting(section: SectionModel, match: (statement: Statement) => boolean): Located | undefined {
    return this.inherited.setting(section, match);
  }

  /**
   * `setting` for statements of one keyword: the last `keyword` statement (that `match` accepts) of
   * the proxy, else of its nearest defaults section that has one. Looks at those statements only.
   */
  keywordSetting(section: SectionModel, keyword: string, match?: (statement: Statement) => boolean): Located | undefined {
    return this.inherited.keywordSetting(section, keyword, match);
  }

  /** The effective `mode` of a proxy (haproxy's default is `tcp`) and the statement that sets it. */
  mode(section: SectionModel): { readonly mode: string; readonly from: Located | undefined } {
    return this.inherited.mode(section);
  }

  /** The `timeout NAME` statement in effect for a proxy, if any. */
  timeout(section: SectionModel, name: string): Located | undefined {
    return this.inherited.timeout(section, name);
  }

  /** The state of `option NAME` for a proxy: the last `option NAME` / `no option NAME` in effect. */
  option(section: SectionModel, name: string): { readonly enabled: boolean; readonly from: Located } | undefined {
    return this.inherited.option(section, name);
  }

  /**
   * The last `option X` / `no option X` statement of a proxy (else of its nearest defaults that has
   * one) whose option `match` accepts: `setting` with `optionOf`, reading only those statements.
   */
  optionSetting(section: SectionModel, match: (option: { readonly name: string; readonly negated: boolean }) => boolean): Located | undefined {
    return this.inherited.optionSetting(section, match);
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
}
