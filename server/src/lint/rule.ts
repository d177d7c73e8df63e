// What a rule is: stable identity and metadata, and a check that reads one parsed configuration
// (a file and the files it includes) through a per-configuration model built once, and reports
// problems with optional fixes. Rules never re-parse or rescan text.
import type { Severity } from "../../../grammars/common/diagnostics.js";
import type { TextEdit } from "../../../grammars/common/edits.js";
import type { Range } from "../../../grammars/common/text.js";
import type { HaproxyVersion, KeepalivedVersion } from "../facts/types.js";
import type { HaproxyModel } from "../rules/haproxy/model.js";
import type { KeepalivedModel } from "../rules/keepalived/model.js";
import type { SiteModel } from "../site/model.js";

/** The daemon a rule or a file is about; `site` rules read several hosts and both daemons at once. */
export type Product = "haproxy" | "keepalived" | "site";

/** What kind of problem a rule finds; `--fix-type` and the docs group rules by it. */
export type Category =
  | "syntax" // the daemon reads the text differently from what it looks like
  | "correctness" // the daemon refuses it, or does something other than what was written
  | "compatibility" // removed, deprecated or not yet available in the target version
  | "reference" // a name that is undefined, duplicated or unused
  | "security"
  | "best-practice"
  | "style";

/** A rule's identity and what the docs and `--list-rules` say about it. */
export interface RuleMeta {
  /** Stable id, never reused: `HA…` haproxy, `KA…` keepalived, `S…` site/host checks, `X…` haproxy with keepalived. */
  readonly id: string;
  /** The kebab-case name users may type instead of the id. */
  readonly alias: string;
  readonly product: Product;
  readonly severity: Severity;
  readonly category: Category;
  /** One line, shown by `--list-rules` and in the docs index. */
  readonly description: string;
  readonly fixable: boolean;
  /** What the daemon's own checker does with the same input. */
  readonly native: "reports" | "partly" | "silent";
  /**
   * Set when the rule flags input the daemon accepts: why lblint is stricter. The corpus agreement
   * test allows errors on accepted files only from such rules.
   */
  readonly stricter?: string;
  /** What the rule can be told in lblint.config.json (`["warning", { "known": ["PORT"] }]`), by name. */
  readonly options?: Readonly<Record<string, RuleOption>>;
}

/** One option of a rule: its JSON type, checked when the configuration is read, and what it does. */
export interface RuleOption {
  readonly type: "boolean" | "string-list";
  readonly description: string;
}

/** A fix is a set of text edits in document offsets of the problem's file; never a reformat. */
export interface Fix {
  readonly description: string;
  readonly edits: readonly TextEdit[];
}

/** Another place a finding points to: a definition, a duplicate, a peer's line. */
export interface RelatedLocation {
  readonly uri: string;
  readonly range: Range;
  readonly message: string;
}

/** What a rule reports through `context.report()`. */
export interface Report {
  readonly range: Range;
  readonly message: string;
  /** The file the range belongs to; defaults to the configuration's root file. */
  readonly uri?: string;
  /** Overrides the rule's default severity for this finding (e.g. tcp→http mode mismatch is milder). */
  readonly severity?: Severity;
  readonly fix?: Fix;
  /** Alternative fixes an editor may offer (did-you-mean candidates beyond the first). */
  readonly suggestions?: readonly Fix[];
  readonly related?: readonly RelatedLocation[];
}

/** What a rule's check receives: the model, its options, and the way to report. */
export interface RuleContext<Model> {
  readonly model: Model;
  /** This rule's options from the configuration (`{}` when none). */
  readonly options: Readonly<Record<string, unknown>>;
  report(report: Report): void;
}

/** A rule about haproxy.cfg. */
export interface HaproxyRule {
  readonly meta: RuleMeta & { readonly product: "haproxy" };
  check(context: RuleContext<HaproxyModel>): void;
}

/** A rule about keepalived.conf. */
export interface KeepalivedRule {
  readonly meta: RuleMeta & { readonly product: "keepalived" };
  check(context: RuleContext<KeepalivedModel>): void;
}

/** A rule about a whole site: several hosts, their daemons, firewalls, sysctl and network files. */
export interface SiteRule {
  readonly meta: RuleMeta & { readonly product: "site" };
  check(context: RuleContext<SiteModel>): void;
}

/** Any rule. */
export type Rule = HaproxyRule | KeepalivedRule | SiteRule;

/** The daemon versions a configuration is checked against. */
export interface Targets {
  readonly haproxy: HaproxyVersion;
  readonly keepalived: KeepalivedVersion;
}
