// Keyword documentation as hover and completion show it, built from lblint's own tables: the
// summary in our own words, the syntax drawn from the argument shapes, where the keyword may stand,
// its version history and a link to the official documentation for the target version.
import { haproxyArgsAt, haproxyDocUrl } from "../facts/haproxy.js";
import { haproxyItemDoc, type HaproxyItemKind } from "../facts/haproxy-docs.js";
import { blocksAccepting, keepalivedDocUrl, keepalivedKeyword } from "../facts/keepalived.js";
import { HAPROXY_VERSIONS, type ArgSpec, type Availability, type HaproxyKeyword, type HaproxyOption, type HaproxyVersion, type KeepalivedKeyword, type KeepalivedVersion } from "../facts/types.js";
import { availabilityAt } from "../facts/versions.js";
import { formLines, syntaxAt, syntaxChangeNote } from "./syntax-versions.js";

/** How an argument shape reads in a syntax line: `<time>`, `<1-255>`, `MASTER|BACKUP`. */
export function shapeLabel(shape: string | undefined): string {
  if (!shape) return "<value>";
  if (shape.startsWith("enum:")) return shape.slice(5);
  if (shape.startsWith("ref:")) return `<${shape.slice(4)}>`;
  if (shape.startsWith("def:")) return `<${shape.slice(4)} name>`;
  const range = /^(int|number):(-?[\d.]+)?\.\.(-?[\d.]+)?$/.exec(shape);
  if (range) return range[3] === undefined ? `<${range[1]} ≥ ${range[2]}>` : `<${range[2]}-${range[3]}>`;
  const names: Readonly<Record<string, string>> = {
    int: "<number>",
    number: "<number>",
    time: "<time>",
    size: "<size>",
    bool: "on|off",
    ipport: "<address:port>",
    ip: "<ip>",
    ip4: "<ipv4>",
    ip6: "<ipv6>",
    cidr: "<ip/prefix>",
    addr: "<address>",
    port: "<port>",
    portrange: "<port-port>",
    expr: "<sample expression>",
    path: "<path>",
    file: "<file>",
    email: "<e-mail>",
    command: '"<command>"',
    string: "<value>",
  };
  return names[shape] ?? `<${shape}>`;
}

/** The argument placeholders of a keyword, optional ones in brackets. */
export function parameters(args: ArgSpec | undefined): string[] {
  if (!args) return [];
  const shapes = args.shapes ?? [];
  const count = Math.max(shapes.length, args.min);
  const list: string[] = [];
  for (let i = 0; i < count; i++) {
    const label = shapeLabel(shapes[i] ?? args.rest);
    list.push(i < args.min ? label : `[${label}]`);
  }
  if (args.max < 0) list.push(`[${shapeLabel(args.rest)} …]`);
  else if (args.max > count) list.push(`[${shapeLabel(args.rest)} …]`);
  return list;
}

/** `timeout client <time>`: the keyword and its placeholders. */
export function syntaxLine(name: string, args: ArgSpec | undefined): string {
  return [name, ...parameters(args)].join(" ");
}

/** The version history of a keyword, for the target version. */
export function versionNote(availability: Availability | undefined, version: string, daemon: string): string | undefined {
  if (!availability) return undefined;
  const parts: string[] = [];
  // haproxy's tables read the 2.6 and 3.4 manuals and what 3.0 and 3.2 say: "3.4" means only
  // "after the last release known to lack it, by 3.4", and "3.0" "after 2.6, by 3.0".
  if (availability.since) parts.push(daemon === "haproxy" && availability.since !== "2.8" ? `added after ${daemon} ${availability.absentThrough ?? "2.6"} (${availability.since === "3.4" ? "in the 3.4 manual" : `in ${availability.since}`})` : `since ${daemon} ${availability.since}`);
  if (availability.deprecated) parts.push(`deprecated in ${availability.deprecated}`);
  if (availability.removed) parts.push(`removed in ${availability.removed}`);
  if (availability.replacement) parts.push(`use \`${availability.replacement}\` instead`);
  const state = availabilityAt(availability, version);
  const verdict =
    state === "removed"
      ? ` — **${daemon} ${version} refuses it**`
      : state === "not-yet"
        ? ` — **not in ${daemon} ${version}**`
        : state === "deprecated"
          ? ` — deprecated in ${daemon} ${version}`
          : "";
  return parts.length > 0 ? `Versions: ${parts.join(", ")}${verdict}.` : undefined;
}

/**
 * The manual version to link to: the target's, unless the item is not in it yet (then the first
 * listed version that has it) or no longer (then 2.6's, the older manual lblint reads: "removed in
 * 3.4" says only that 3.4's manual lacks it, not which version between dropped it).
 */
export function haproxyDocVersion(availability: Availability | undefined, version: HaproxyVersion): HaproxyVersion {
  const state = availabilityAt(availability, version);
  if (state === "not-yet") return HAPROXY_VERSIONS.find((v) => availabilityAt(availability, v) !== "not-yet") ?? version;
  if (state === "removed" && availabilityAt(availability, "2.6") !== "removed") return "2.6";
  return version;
}

/** `[haproxy 2.6 documentation](…)`, for the version that documents the item. */
function haproxyDocLink(item: HaproxyKeyword | HaproxyOption, version: HaproxyVersion): string {
  const docVersion = haproxyDocVersion(item.availability, version);
  return `[haproxy ${docVersion} documentation](${haproxyDocUrl(item, docVersion)})`;
}

function block(lines: (string | undefined)[]): string {
  return lines.filter((line): line is string => line !== undefined && line !== "").join("\n\n");
}

export function describeHaproxyKeyword(keyword: HaproxyKeyword, version: HaproxyVersion): string {
  return block([
    "```haproxy\n" + syntaxLine(keyword.name, haproxyArgsAt(keyword.args, version)) + (keyword.conditional ? " [if|unless <condition>]" : "") + "\n```",
    keyword.summary,
    keyword.actions ? `Takes an action of the \`${keyword.actions}\` rule set.` : undefined,
    `Allowed in: ${keyword.sections.join(", ")}${keyword.namedDefaultsOnly ? " (in defaults only when the section is named)" : ""}.` +
      (keyword.negatable ? ` May be turned off with \`no ${keyword.name}\`.` : ""),
    versionNote(keyword.availability, version, "haproxy"),
    haproxyDocLink(keyword, version),
  ]);
}

/** `bind option`, `http-request action`: what kind of item it is, in words. */
export function itemKindLabel(kind: HaproxyItemKind): string {
  return typeof kind === "string" ? kind : `${kind.ruleSet} action`;
}

/**
 * How an option, action, fetch or converter is written at the target version, one line per form:
 * the manual's own heading when the tables have it (`inter <delay>`, `req.hdr([<name>[,<occ>]])`),
 * 2.6's where it differs and the target is 2.6, else drawn from the argument counts (`name(<value>)`
 * for a fetch or converter).
 */
export function optionSyntax(option: HaproxyOption, kind: HaproxyItemKind, version: HaproxyVersion): string[] {
  const syntax = syntaxAt(haproxyItemDoc(kind, option.name), version);
  if (syntax !== undefined) return formLines(option.name, syntax);
  const args = haproxyArgsAt(option.args, version);
  if (kind !== "sample fetch" && kind !== "converter") return [syntaxLine(option.name, args)];
  return [args && args.max !== 0 ? `${option.name}(${parameters(args).join(",")})` : option.name];
}

export function describeHaproxyOption(option: HaproxyOption, kind: HaproxyItemKind, version: HaproxyVersion): string {
  const what = itemKindLabel(kind);
  const doc = haproxyItemDoc(kind, option.name);
  return block([
    "```haproxy\n" + optionSyntax(option, kind, version).join("\n") + "\n```",
    doc?.summary ?? `A ${what}.`,
    syntaxChangeNote(doc, option.name, version),
    versionNote(option.availability, version, "haproxy"),
    haproxyDocLink(option, version),
  ]);
}

/** `a › b`: a block id as hover writes it. */
function blockLabel(blockId: string): string {
  return blockId === "top" ? "the top level" : `\`${blockId.split(">").join(" › ")}\``;
}

/**
 * A word keepalived does not read in its block but reads elsewhere (`nb_get_retry` in a TCP_CHECK,
 * which only HTTP_GET and SSL_GET take): where it belongs, and what it means there.
 */
export function describeMisplacedKeepalivedKeyword(name: string, blockId: string, version: KeepalivedVersion): string | undefined {
  const blocks = blocksAccepting(name);
  const first = blocks[0];
  const keyword = first === undefined ? undefined : keepalivedKeyword(first, name);
  if (!keyword) return undefined;
  const shown = blocks.slice(0, 4).map(blockLabel).join(", ") + (blocks.length > 4 ? ", …" : "");
  return block([
    `**${name}** is no keyword of ${blockLabel(blockId)}: keepalived reads it in ${shown}.`,
    keyword.summary,
    `[keepalived.conf(5) for ${version}](${keepalivedDocUrl(keyword, version)})`,
  ]);
}

export function describeKeepalivedKeyword(keyword: KeepalivedKeyword, blockId: string, version: KeepalivedVersion): string {
  const where = blockLabel(blockId);
  return block([
    "```keepalived\n" + syntaxLine(keyword.name, keyword.args) + (keyword.block ? (keyword.blockOptional ? " [{ … }]" : " { … }") : "") + "\n```",
    keyword.summary,
    `Allowed in ${where}.${keyword.block ? " Opens a block." : ""}`,
    versionNote(keyword.availability, version, "keepalived"),
    `[keepalived.conf(5) for ${version}](${keepalivedDocUrl(keyword, version)})`,
  ]);
}
