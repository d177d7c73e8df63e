// The per-configuration model every haproxy rule reads: sections in order with their statements,
// the defaults each proxy inherits from, and the definitions and references of every named thing.
// Built once per lint run; rules never walk the text themselves.
import { searchLines, type TextProbe } from "../search-lines.js";
import type { HaproxyParseResult } from "../../../../grammars/haproxy/parse.js";
import type { AclReference, Condition, ConditionalBranch, ConditionTerm, Line, Section, Statement, Word } from "../../../../grammars/haproxy/ast.js";
import type { LineIndex, Range } from "../../../../grammars/common/text.js";
import type { HaproxyVersion } from "../../facts/types.js";
import { ConditionalReading } from "./conditions.js";
import { computeReading, KeywordMatches, type StatementReading } from "./keywords.js";
import { optionShape, ShapeCache, type OptionShape } from "./option-words.js";

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
 * Characters a statement's words may hold, found by searching the file text (comments included,
 * so a flag may be set for nothing), so that rules can pass over the many statements that cannot
 * concern them: a server line has no `%[`.
 */
export const HAS_PERCENT = 1;
/** A `(`: a sample fetch or converter call, `do-resolve(…)`, `http_auth(…)`. */
export const HAS_PAREN = 2;
/** A quote or a backslash: a word's value may differ from its text and hold variables. */
export const NOT_PLAIN = 4;
export const HAS_DOLLAR = 8;
const ALL_FLAGS = HAS_PERCENT | HAS_PAREN | NOT_PLAIN | HAS_DOLLAR;

/** A file text searched for words, with the statement of each of its lines. */
interface SearchedText {
  readonly lines: LineIndex;
  /** Undefined when the text cannot be searched. */
  byLine: (Placed | undefined)[] | undefined;
  /** Statements that a search cannot rule out: not placed on a line, or quoted or escaped. */
  readonly unsearchable: Placed[];
  /** The lines that hold each declared word (see `searchFor`), found on first use. */
  declared?: Map<string, number[]>;
}

/** Words the rules look for with `mentioning`, declared with `searchFor` when their modules load. */
const declaredWords = new Set<string>();

/**
 * Declares words a rule looks for with `model.mentioning`: a file is searched for every declared
 * word at once (one scan instead of one per word), on the first search.
 */
export function searchFor(...words: string[]): void {
  for (const word of words) declaredWords.add(word);
}

const FLAG_CHARACTERS: readonly (readonly [string, number])[] = [
  ["%", HAS_PERCENT],
  ["(", HAS_PAREN],
  ['"', NOT_PLAIN],
  ["'", NOT_PLAIN],
  ["\\", NOT_PLAIN],
  ["$", HAS_DOLLAR],
];

/**
 * A body statement with its section and what is worked out once for all rules: its keyword, the
 * characters its line holds, and (on first use) what the keyword tables say about it.
 */
export class Placed implements Located {
  /** HAS_PERCENT, HAS_PAREN, NOT_PLAIN, HAS_DOLLAR: set by the model from the file text. */
  flags = 0;
  private cachedReading: StatementReading | undefined;
  private cachedOptions: OptionShape | null | undefined;

  constructor(
    readonly statement: Statement,
    readonly section: SectionModel,
    /** The first word's value. */
    readonly keyword: string,
    private readonly shared: SharedReadings,
  ) {}

  /**
   * Whether some word's value may hold a character of `flag` (HAS_PERCENT, HAS_PAREN, HAS_DOLLAR):
   * the line holds it, or a quote or escape (`\x25`) may make it appear in a value.
   */
  mayHold(flag: number): boolean {
    return (this.flags & (flag | NOT_PLAIN)) !== 0;
  }

  /** Whether no word is quoted or escaped, so that every word's value is its text. */
  get plain(): boolean {
    return (this.flags & NOT_PLAIN) === 0;
  }

  /** The value of argument `index` (of `statement.args`), read without decoding when the line is plain. */
  value(index: number): string | undefined {
    const statement = this.statement;
    if (index < 0 || index >= statement.argCount) return undefined;
    return this.plain ? statement.wordText(index + 1) : statement.wordValue(index + 1);
  }

  /** Where `value` first stands among the arguments' values, or -1 (compared without making the words). */
  indexOf(value: string): number {
    const statement = this.statement;
    const count = statement.argCount;
    for (let i = 0; i < count; i++) if (statement.wordIs(i + 1, value)) return i;
    return -1;
  }

  /** Whether an argument's value is `value`. */
  has(value: string): boolean {
    return this.indexOf(value) >= 0;
  }

  /** What the keyword tables say about the statement (see keywords.ts). */
  get reading(): StatementReading {
    this.cachedReading ??= computeReading(this.statement, this.shared.matches, this.plain, this.keyword);
    return this.cachedReading;
  }

  /**
   * Where the options of a bind, server, default-server or server-template line stand (see
   * option-words.ts); plain lines with the same option words share one shape.
   */
  get options(): OptionShape | undefined {
    if (this.cachedOptions === undefined) {
      this.cachedOptions = (this.plain ? optionShape(this.reading, true, this.shared.optionShapes) : optionShape(this.reading)) ?? null;
    }
    return this.cachedOptions ?? undefined;
  }
}

/** What the statements of one model share: readings of one-word keywords, option shapes. */
interface SharedReadings {
  readonly matches: KeywordMatches;
  readonly optionShapes: ShapeCache;
}

/** Per-section indexes, built in one pass over the configuration on first use. */
export interface SectionIndex {
  readonly placed: Placed[];
  readonly byKeyword: Map<string, Statement[]>;
  /** The keys of `byKeyword`, in order: a backend of servers has a few. */
  readonly keywords: string[];
}

const NO_STATEMENTS: readonly Statement[] = [];
const NO_USES: readonly AclUse[] = [];
const NO_ACLS: ReadonlyMap<string, readonly Statement[]> = new Map();
const NO_PLACED: readonly Placed[] = [];
const NO_SECTIONS: readonly SectionModel[] = [];

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
  private byKeyword: Map<string, Placed[]> | undefined;
  private readonly chains = new Map<SectionModel, readonly SectionModel[]>();
  private byType: Map<string, SectionModel[]> | undefined;
  private readonly byTypes = new Map<string, readonly SectionModel[]>();
  private named: Map<string, SectionModel[]> | undefined;
  private heirIndex: Map<SectionModel, SectionModel[]> | undefined;
  private readonly modes = new Map<SectionModel, { readonly mode: string; readonly from: Located | undefined }>();
  private readonly searched: SearchedText[] = [];
  private readonly mentions = new Map<string, Placed[]>();
  private readonly allLines = new Map<HaproxyFileInput, Line[]>();
  private readonly values = new Map<Placed, string>();
  private readonly mappedLines = new Map<HaproxyFileInput, boolean>();
  private readonly inheritedTimeouts = new Map<SectionModel, Map<string, Located | undefined>>();


  constructor(files: readonly HaproxyFileInput[], version: HaproxyVersion) {
    this.files = files;
    this.version = version;
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
        this.sections.push(model);
        this.bySection.set(section, model);
      }
    }
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
    const shared: SharedReadings = { matches: new KeywordMatches(), optionShapes: new ShapeCache() };
    const all: Placed[] = [];
    const byKeyword = new Map<string, Placed[]>();
    for (const section of this.sections) {
      const placed: Placed[] = [];
      const own = new Map<string, Statement[]>();
      const keywords: string[] = [];
      const statements = section.statements;
      for (let i = 0; i < statements.length; i++) {
        const statement = statements[i]!;
        let keyword = statement.wordValue(0)!;
        const global = byKeyword.get(keyword);
        // Statements of one keyword share its first string: the others' copies die young.
        if (global) keyword = global[0]!.keyword;
        const entry = new Placed(statement, section, keyword, shared);
        placed.push(entry);
        all.push(entry);
        const list = own.get(keyword);
        if (list) list.push(statement);
        else {
          own.set(keyword, [statement]);
          keywords.push(keyword);
        }
        if (global) global.push(entry);
        else byKeyword.set(keyword, [entry]);
      }
      section.index = { placed, byKeyword: own, keywords };
    }
    this.placedAll = all;
    this.byKeyword = byKeyword;
    this.flagCharacters();
  }

  /** Sets `Placed.flags`: the few lines that hold one of the characters, found in the file texts. */
  private flagCharacters(): void {
    const byFile = new Map<string, Placed[]>();
    if (this.files.length > 1) for (const section of this.sections) {
      const list = byFile.get(section.uri) ?? byFile.set(section.uri, []).get(section.uri)!;
      const own = section.index!.placed;
      for (let i = 0; i < own.length; i++) list.push(own[i]!);
    }
    for (const file of this.files) {
      const placed = this.files.length === 1 ? this.placedAll! : byFile.get(file.uri);
      if (!placed) continue;
      const lines = file.parse.lines;
      const text = lines.text;
      const searched: SearchedText = { lines, byLine: undefined, unsearchable: [] };
      this.searched.push(searched);
      // A carriage return alone starts a new line for the line index but not for the grammar: the
      // lines of such a file are not searched, none of its statements is passed over.
      if (hasLoneCarriageReturn(text)) {
        for (let i = 0; i < placed.length; i++) placed[i]!.flags = ALL_FLAGS;
        searched.unsearchable.push(...placed);
        continue;
      }
      // Each statement stands on one line of its own; one that cannot be placed on the text is never
      // passed over.
      const byLine = new Array<Placed | undefined>(lines.lineCount);
      const base = lines.base.line;
      for (let i = 0; i < placed.length; i++) {
        const entry = placed[i]!;
        const line = entry.statement.line - base;
        if (line >= 0 && line < byLine.length && byLine[line] === undefined) byLine[line] = entry;
        else entry.flags = ALL_FLAGS;
      }
      searched.byLine = byLine;
      for (const [character, flag] of FLAG_CHARACTERS) {
        const hits = searchLines(text, lines, character);
        for (let i = 0; i < hits.length; i++) {
          const entry = byLine[hits[i]!];
          if (entry) entry.flags |= flag;
        }
      }
      for (let i = 0; i < placed.length; i++) if (placed[i]!.flags & NOT_PLAIN) searched.unsearchable.push(placed[i]!);
    }
  }

  /**
   * The statements whose line holds one of `patterns` (a string or a regular expression), in
   * order: what a rule that looks for a word must read, found by searching the file texts instead
   * of every statement. A line's comment is searched too. Where a word is quoted or escaped, the
   * words' values (joined by blanks) are searched instead, as they may hold what the text does not.
   */
  mentioning(...patterns: (string | RegExp)[]): readonly Placed[] {
    if (!this.placedAll) this.index();
    const key = patterns.map((p) => (typeof p === "string" ? `s${p}` : `r${p.source}/${p.flags}`)).join("\u0000");
    let found = this.mentions.get(key);
    if (found) return found;
    found = [];
    for (const searched of this.searched) {
      const { lines, byLine, unsearchable: unsearched } = searched;
      const at: Placed[] = [];
      if (byLine) {
        const hit = new Set<number>();
        for (const pattern of patterns) {
          const hits = typeof pattern === "string" && declaredWords.has(pattern) ? declaredLines(searched, pattern) : searchLines(lines.text, lines, pattern);
          for (let i = 0; i < hits.length; i++) if (byLine[hits[i]!]) hit.add(hits[i]!);
        }
        for (const line of [...hit].sort((a, b) => a - b)) at.push(byLine[line]!);
      }
      // The statements the text search cannot rule out: their words' values are searched.
      const unsearchable = unsearched.filter((placed) => patterns.some((pattern) => matches(this.valuesText(placed), pattern)));
      // Both lists are in the order of the file: merge them.
      const base = lines.base.line;
      let i = 0;
      let j = 0;
      while (i < at.length || j < unsearchable.length) {
        const a = at[i];
        const b = unsearchable[j];
        if (a === b) {
          found.push(a!);
          i++;
          j++;
        } else if (b === undefined || (a !== undefined && a.statement.line - base < b.statement.line - base)) {
          found.push(a!);
          i++;
        } else {
          found.push(b);
          j++;
        }
      }
    }
    this.mentions.set(key, found);
    return found;
  }

  /** The values of a statement's words, joined by blanks, as a search reads them. */
  private valuesText(placed: Placed): string {
    let text = this.values.get(placed);
    if (text === undefined) this.values.set(placed, (text = placed.statement.words.map((word) => word.value).join(" ")));
    return text;
  }

  /**
   * Every line of a file as the tree holds it (before the first section, headers, bodies, in `.if`
   * branches haproxy skips too), in order.
   */
  fileLines(file: HaproxyFileInput): readonly Line[] {
    let lines = this.allLines.get(file);
    if (!lines) {
      const ast = file.parse.ast;
      lines = [...ast.preamble];
      for (const section of ast.sections) {
        lines.push(section.header);
        const body = section.body;
        for (let i = 0; i < body.length; i++) lines.push(body[i]!);
      }
      this.allLines.set(file, lines);
    }
    return lines;
  }

  /**
   * The lines of the files (see `fileLines`) whose text matches `pattern`, with their place in
   * `fileLines`, in order: what a rule that looks for something written must read. For a text
   * the search cannot map onto its lines (a carriage return alone), every line.
   */
  linesMatching(pattern: string | RegExp | TextProbe): readonly { readonly file: HaproxyFileInput; readonly line: Line; readonly index: number }[] {
    const found: { file: HaproxyFileInput; line: Line; index: number }[] = [];
    for (const file of this.files) {
      const lines = this.fileLines(file);
      const index = file.parse.lines;
      const base = index.base.line;
      // Lines are numbered from their first one: the n-th line of the text is at n - first.
      const first = lines[0] ? lines[0].line - base : 0;
      let mapped = this.mappedLines.get(file);
      if (mapped === undefined) {
        mapped = !hasLoneCarriageReturn(index.text);
        for (let i = 0; mapped && i < lines.length; i++) mapped = lines[i]!.line - base === first + i;
        this.mappedLines.set(file, mapped);
      }
      if (!mapped) {
        lines.forEach((line, i) => found.push({ file, line, index: i }));
        continue;
      }
      for (const number of searchLines(index.text, index, pattern)) {
        const at = number - first;
        if (at >= 0 && at < lines.length) found.push({ file, line: lines[at]!, index: at });
      }
    }
    return found;
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
    this.aclDefinitions ??= this.indexAcls();
    return this.aclDefinitions.get(section) ?? NO_ACLS;
  }

  /** Named-ACL references in `if`/`unless` conditions, per section. */
  aclsUsedIn(section: SectionModel): readonly AclUse[] {
    this.aclUses ??= this.indexAclUses();
    return this.aclUses.get(section) ?? NO_USES;
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
    let found = this.modes.get(section);
    if (!found) {
      const parent = section.defaults;
      // A proxy without mode lines of its own has its defaults section's.
      if (parent && this.keywordIn(section, "mode").length === 0) found = this.mode(parent);
      else {
        const from = this.keywordSetting(section, "mode", hasArguments);
        found = { mode: from?.statement.args[0]!.value ?? "tcp", from };
      }
      this.modes.set(section, found);
    }
    return found;
  }

  /** The `timeout NAME` statement in effect for a proxy, if any. */
  timeout(section: SectionModel, name: string): Located | undefined {
    // A proxy without timeout lines of its own has its defaults section's: looked up once per
    // defaults section and name, not once per proxy (thousands of backends share one defaults).
    const parent = section.defaults;
    if (parent && this.keywordIn(section, "timeout").length === 0) {
      const byName = this.inheritedTimeouts.get(parent) ?? this.inheritedTimeouts.set(parent, new Map()).get(parent)!;
      if (byName.has(name)) return byName.get(name);
      const found = this.timeout(parent, name);
      byName.set(name, found);
      return found;
    }
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
    const found = this.lastOption(section, match);
    if (found) return { statement: found, section };
    for (const holder of this.defaultsChain(section)) {
      const inherited = this.lastOption(holder, match);
      if (inherited) return { statement: inherited, section: holder };
    }
    return undefined;
  }

  private lastOption(holder: SectionModel, match: (option: { readonly name: string; readonly negated: boolean }) => boolean): Statement | undefined {
    const set = lastOptionOf(this.keywordIn(holder, "option"), match);
    const negated = lastOptionOf(this.keywordIn(holder, "no"), match);
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
      const acls = this.keywordIn(section, "acl");
      if (acls.length === 0) continue;
      const names = new Map<string, Statement[]>();
      for (const statement of acls) {
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
      let uses: AclUse[] | undefined;
      const statements = section.statements;
      for (let i = 0; i < statements.length; i++) {
        const statement = statements[i]!;
        if (statement.condition === undefined) continue;
        for (const reference of aclReferences(statement.condition)) (uses ??= []).push({ reference, statement });
      }
      if (uses) index.set(section, uses);
    }
    return index;
  }
}

/** The lines of a text that hold a declared word (see `searchFor`): all declared words found in one scan. */
function declaredLines(searched: SearchedText, word: string): readonly number[] {
  if (!searched.declared) {
    const words = [...declaredWords];
    const declared = new Map<string, number[]>(words.map((each) => [each, []]));
    const { lines } = searched;
    const text = lines.text;
    // The lines holding any of the words, then which words each of them holds.
    const any = new RegExp(words.map((each) => each.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
    for (const line of searchLines(text, lines, any)) {
      const lineText = text.slice(lines.lineStart(line), lines.lineStart(line + 1));
      for (const each of words) if (lineText.includes(each)) declared.get(each)!.push(line);
    }
    searched.declared = declared;
  }
  // A word declared after the first search is looked for on its own.
  return searched.declared.get(word) ?? searchLines(searched.lines.text, searched.lines, word);
}

function matches(text: string, pattern: string | RegExp): boolean {
  if (typeof pattern === "string") return text.includes(pattern);
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

function hasLoneCarriageReturn(text: string): boolean {
  for (let at = text.indexOf("\r"); at >= 0; at = text.indexOf("\r", at + 1)) if (text.charCodeAt(at + 1) !== 10) return true;
  return false;
}

function hasArguments(statement: Statement): boolean {
  return statement.args.length > 0;
}

/** The last of `statements` whose option (see `optionOf`) `match` accepts. */
function lastOptionOf(statements: readonly Statement[], match: (option: { readonly name: string; readonly negated: boolean }) => boolean): Statement | undefined {
  for (let i = statements.length - 1; i >= 0; i--) {
    const option = optionOf(statements[i]!);
    if (option !== undefined && match(option)) return statements[i];
  }
  return undefined;
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

/** The value of argument `index` (what `statement.args[index]?.value` gives), read without making the words. */
export function argValue(statement: Statement, index: number): string | undefined {
  return index < statement.argCount ? statement.wordValue(index + 1) : undefined;
}

/** `option NAME` and `no option NAME`: the option's name and whether it is turned off. */
export function optionOf(statement: Statement): { readonly name: string; readonly negated: boolean; readonly range: Range } | undefined {
  // Read by index, without making the words: most options are only compared.
  const keyword = statement.wordValue(0);
  const name = keyword === "option" ? argValue(statement, 0) : keyword === "no" && argValue(statement, 0) === "option" ? argValue(statement, 1) : undefined;
  return name === undefined ? undefined : new OptionWords(name, keyword === "no", statement, keyword === "no" ? 2 : 1);
}

/** What `optionOf` finds; the range is made when asked for. */
class OptionWords {
  constructor(
    readonly name: string,
    readonly negated: boolean,
    private readonly statement: Statement,
    /** The option name's word: the range runs from the keyword to it. */
    private readonly last: number,
  ) {}

  get range(): Range {
    return span(this.statement.keyword.range, this.statement.args[this.last - 1]!.range);
  }
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
