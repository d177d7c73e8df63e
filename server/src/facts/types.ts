// The shape of lblint's keyword knowledge: what the generated tables (server/src/facts/generated/)
// and the hand overrides hold, and what rules, completion and hover read. Keywords are data here,
// never grammar tokens.

/**
 * The shape of one argument, as a compact string so that tables stay small and overrides stay
 * readable. `parseShape` (shapes.ts) turns it into a checker.
 *
 * - `string`            any word
 * - `int`, `int:1..255` integer, optionally with an inclusive range (`int:0..` = no upper bound)
 * - `time`              haproxy time: digits + optional unit us|ms|s|m|h|d (unit-less = ms);
 *                       keepalived times are plain numbers (`int` / `number`)
 * - `number`, `number:0..` decimal number (keepalived accepts fractions for some delays)
 * - `size`              haproxy size: digits + optional k|m|g
 * - `bool`              keepalived on|off|true|false|yes|no (haproxy has no boolean arguments)
 * - `enum:a|b|c`        one of the listed words (case-sensitive, as both daemons compare)
 * - `ip`, `ip4`, `ip6`  an address; `cidr` address/prefix (prefix optional); `addr` ip or host name
 * - `port`, `portrange` 1..65535 / `N-M`
 * - `ipport`            haproxy address[:port] (bind/server), with `*`, `::`, `unix@`, `abns@`, `ipv4@`, …
 * - `ref:KIND`          a name that must be defined elsewhere: `ref:backend`, `ref:userlist`,
 *                       `ref:vrrp_script`, `ref:vrrp_instance`, …
 * - `def:KIND`          a name this statement defines (section names, `acl NAME`, `server NAME`)
 * - `expr`              a sample expression (fetch + converters)
 * - `path`, `file`      a file system path
 * - `email`             an e-mail address
 * - `command`           keepalived quoted command string
 */
export type ShapeText = string;

export interface ArgSpec {
  /** Fewest argument words the keyword accepts (after its own words). */
  readonly min: number;
  /** Most argument words; -1 when unbounded. */
  readonly max: number;
  /** Shapes of the leading positional arguments, in order. */
  readonly shapes?: readonly ShapeText[];
  /** Shape of every further argument. */
  readonly rest?: ShapeText;
  /**
   * haproxy: the 3.4 manual's shapes where they differ from 2.6's at some position that one shape
   * cannot cover (`tune.bufsize`: a number in 2.6, a size in 3.4); `shapes` is then 2.6's, and
   * these are for later targets.
   */
  readonly laterShapes?: readonly ShapeText[];
}

/**
 * Version facts. Versions are "major.minor" strings (haproxy "2.6" … "3.4", keepalived "2.2" …
 * "2.4"). Absent fields mean "always there" for the versions lblint knows.
 */
export interface Availability {
  /** First version that has it. */
  readonly since?: string;
  /**
   * With `since`: the last version known to lack it (haproxy: a later release's keyword dump or
   * answer says so; 2.6 when absent). A target after this one and before `since` may have it.
   */
  readonly absentThrough?: string;
  /** First version that warns about it. */
  readonly deprecated?: string;
  /** First version that refuses it. */
  readonly removed?: string;
  /** What to write instead, as the user would type it: `timeout connect`, `http-request add-header`. */
  readonly replacement?: string;
}

/** Where a keyword is documented, so hover and rule messages can link to the official page. */
export interface DocRef {
  /** Manual chapter, e.g. "4.2" (haproxy) or the man-page section name (keepalived). */
  readonly chapter: string;
  /** Anchor text on the official page, e.g. "timeout client". */
  readonly anchor?: string;
  /** haproxy: the 2.6 manual's chapter when it differs and no layout rule maps it (`wait_end`: 7.3.5, 7.3.2 in 3.4). */
  readonly chapter26?: string;
}

// ---- haproxy ------------------------------------------------------------------------------------

/** The haproxy versions lblint knows the keywords of. */
export type HaproxyVersion = "2.6" | "2.8" | "3.0" | "3.2" | "3.4";
export const HAPROXY_VERSIONS: readonly HaproxyVersion[] = ["2.6", "2.8", "3.0", "3.2", "3.4"];

export interface HaproxyKeyword {
  /** The full keyword, multi-word ones included: `timeout client`, `option httplog`, `stats auth`, `tcp-request content`. */
  readonly name: string;
  /** Section kinds that accept it (`global`, `defaults`, `frontend`, `listen`, `backend`, `peers`, …). */
  readonly sections: readonly string[];
  /** Allowed in `defaults` only when that defaults section is named (`X (!)` in the 4.1 matrix). */
  readonly namedDefaultsOnly?: boolean;
  /** May be prefixed with `no` (and `default`): `no option httplog`. */
  readonly negatable?: boolean;
  readonly args?: ArgSpec;
  /** The next word is an action of this rule set (`http-request`, `tcp-request content`, …). */
  readonly actions?: string;
  /** Takes a trailing `if`/`unless` condition. */
  readonly conditional?: boolean;
  readonly availability?: Availability;
  readonly doc?: DocRef;
  /** One or two sentences in lblint's own words, for hover. */
  readonly summary?: string;
}

/** A `bind` or `server`/`default-server` option, or an action of a rule set. */
export interface HaproxyOption {
  readonly name: string;
  readonly args?: ArgSpec;
  /** A fetch's or converter's value type from haproxy 2.6.12's keyword dump (`sint`, `str`, `bool`, `ipv4`, `addr`, `bin`, `meth`, …). */
  readonly output?: string;
  /** A converter's input type from the same dump (`bin` for `sha1`, `any` when it takes every type). */
  readonly input?: string;
  /**
   * For fetches and converters: the argument counts of the 3.4 manual's signature (`args` are those
   * of haproxy 2.6.12's dump); absent when that manual gives no signature.
   */
  readonly laterArgs?: ArgSpec;
  /**
   * For fetches and converters: the type of each argument in haproxy 2.6.12's keyword dump
   * (`integer`, `string`, `table`, `IPv4 mask`, …); given only when one of them is a type that
   * haproxy checks as it reads it (integers and masks).
   */
  readonly argTypes?: readonly string[];
  /**
   * For fetches: where haproxy 2.6.12 lets it be used, its keyword dump's 22 columns as `Y` or `.`
   * (frontend tcp-request connection, session, content, http-request header, body, use-backend;
   * backend tcp-request content, http-request header, body, use-server, server source; backend
   * tcp-response, http-response header, body, stick-store; frontend tcp-response, http-response
   * header, body; logs; tcp-check; configuration parser; CLI).
   */
  readonly usable?: string;
  /**
   * For fetches and converters: the argument counts and checked types the keyword dump of a later
   * release (3.0, 3.2) gives, where they differ from haproxy 2.6.12's (`args`, `argTypes`) or 2.6.12
   * lacks the item.
   */
  readonly dumped?: Readonly<Record<string, { readonly args: ArgSpec; readonly argTypes?: readonly string[] }>>;
  /** A server option written with an id in parentheses: `set-proxy-v2-tlv-fmt(0xE1) <fmt>`. */
  readonly called?: true;
  readonly availability?: Availability;
  readonly doc?: DocRef;
}

/** What hover and completion show about an option, action, fetch or converter (generated/haproxy-docs.ts). */
export interface HaproxyItemDoc {
  /**
   * How the manual writes it after the name, one line per form: `<delay>` (`inter`),
   * `([<name>[,<occ>]])` (`req.hdr`), `(<var-name>[,<cond>...]) <expr>` (`set-var`).
   */
  readonly syntax?: string;
  /**
   * How the 2.6 manual writes it, when that says something else (`(<table>)` where 3.4 has
   * `([<table>])`); empty when 2.6 takes no arguments. Absent: `syntax` holds for 2.6 too.
   */
  readonly syntax26?: string;
  /** One sentence in lblint's own words. */
  readonly summary?: string;
}

/** The documentation tables, name → doc; kept apart from the schema because linting never reads them. */
export interface HaproxyDocs {
  readonly bindOptions: Readonly<Record<string, HaproxyItemDoc>>;
  readonly serverOptions: Readonly<Record<string, HaproxyItemDoc>>;
  /** Rule set → action → doc. */
  readonly actions: Readonly<Record<string, Readonly<Record<string, HaproxyItemDoc>>>>;
  readonly fetches: Readonly<Record<string, HaproxyItemDoc>>;
  readonly converters: Readonly<Record<string, HaproxyItemDoc>>;
}

export interface HaproxySchema {
  readonly keywords: readonly HaproxyKeyword[];
  readonly bindOptions: readonly HaproxyOption[];
  readonly serverOptions: readonly HaproxyOption[];
  /** Rule-set id (`http-request`, `http-response`, `http-after-response`, `tcp-request connection`, …) → actions. */
  readonly actions: Readonly<Record<string, readonly HaproxyOption[]>>;
  /** Sample fetch names (`path`, `req.hdr`, `src`, …) with their argument counts. */
  readonly fetches: readonly HaproxyOption[];
  readonly converters: readonly HaproxyOption[];
  /** ACL keyword aliases (`path_beg`, `hdr_dom`, …). */
  readonly aclKeywords: readonly string[];
  /** ACL keywords of haproxy 2.6.12 that stand for another fetch: `hdr` → `req.hdr`. */
  readonly aclFetches?: Readonly<Record<string, string>>;
}

// ---- keepalived ---------------------------------------------------------------------------------

/** The keepalived versions lblint knows the keywords of. */
export type KeepalivedVersion = "2.2" | "2.3" | "2.4";
export const KEEPALIVED_VERSIONS: readonly KeepalivedVersion[] = ["2.2", "2.3", "2.4"];

export interface KeepalivedKeyword {
  readonly name: string;
  readonly args?: ArgSpec;
  /** Id of the block this keyword opens with `{` (a key of `KeepalivedSchema.blocks`), if it opens one. */
  readonly block?: string;
  /** Whether the block is optional (`keyword args` alone is also valid). */
  readonly blockOptional?: boolean;
  readonly availability?: Availability;
  readonly doc?: DocRef;
  readonly summary?: string;
}

export interface KeepalivedBlock {
  /** `top`, `global_defs`, `vrrp_instance`, `vrrp_instance>authentication`, `virtual_server>real_server>HTTP_GET`, … */
  readonly id: string;
  readonly keywords: Readonly<Record<string, KeepalivedKeyword>>;
  /**
   * Set for value blocks (`virtual_ipaddress`, `unicast_peer`, `track_script`, `notification_email`,
   * a sync group's `group`, …): each line is one entry, not a keyword. `first` is the shape of the
   * entry's first word; `options` the option words that may follow it, each with how many values it takes.
   */
  readonly entries?: {
    readonly first: ShapeText;
    readonly options: Readonly<Record<string, number>>;
    /** The first word may stand alone with no options only (a name list). */
    readonly single?: boolean;
  };
}

export interface KeepalivedSchema {
  readonly blocks: Readonly<Record<string, KeepalivedBlock>>;
}
