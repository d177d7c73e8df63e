// Renaming a name and every reference to it, or refusing: a new name the daemon would reject, one
// already taken, a target without a name. Each reference changes only the characters of the name,
// so `track web/web1` keeps its server part and a rename of the backend and of the server can be
// made by one editor.
import type { TextEdit } from "../common/edits.js";
import type { HaproxyConfig, Section, Statement as HaproxyStatement, Word as HaproxyWord } from "../haproxy/ast.js";
import type { HaproxyParseResult } from "../haproxy/parse.js";
import type { Block, KeepalivedConfig, Word as KeepalivedWord } from "../keepalived/ast.js";
import type { KeepalivedParseResult } from "../keepalived/parse.js";
import { findBlocks } from "../keepalived/query.js";
import { haproxyReferencesTo } from "../references/haproxy.js";
import { blockName, keepalivedReferencesTo } from "../references/keepalived.js";
import { quoteHaproxy, quoteKeepalived } from "./style.js";

/** The characters haproxy accepts in proxy, server and other section names (its invalid_char()). */
const HAPROXY_NAME = /^[A-Za-z0-9._:-]+$/;
/** keepalived reads a name as one word: no blank, quote, comment, brace or variable. */
const KEEPALIVED_NAME = /^[^\s"'#!{}$\\]+$/;

const PROXY_TYPES = ["frontend", "backend", "listen"];

interface NamePlace {
  readonly word: HaproxyWord | KeepalivedWord;
  /** The name is `word.value.slice(start, end)`. */
  readonly start: number;
  readonly end: number;
}

function checkName(newName: unknown, valid: RegExp, daemon: string): string {
  if (typeof newName !== "string") throw new TypeError(`rename: the new name must be a string, got ${typeof newName}`);
  if (newName.trim() === "") throw new RangeError("rename: the new name is empty");
  if (!valid.test(newName) || newName.startsWith("@") || newName.startsWith("~")) {
    const allowed = daemon === "haproxy" ? "letters, digits, '.', '_', '-' and ':'" : "one word without blanks, quotes, '#', '!', braces, '$' or '\\'";
    throw new RangeError(`rename: ${JSON.stringify(newName)} is not a name ${daemon} accepts (${allowed})`);
  }
  return newName;
}

/** Two proxies may share a name only as a frontend and a backend; other sections only with other kinds. */
function clashes(section: Section, other: Section): boolean {
  if (PROXY_TYPES.includes(section.type) && PROXY_TYPES.includes(other.type)) {
    const pair = new Set([section.type, other.type]);
    return !(pair.size === 2 && pair.has("frontend") && pair.has("backend"));
  }
  // Anything else shares a name only with its own kind: a `defaults web` and a `listen web` coexist.
  return section.type === other.type;
}

function haproxyPlaces(config: HaproxyConfig, target: Section | HaproxyStatement, newName: string): NamePlace[] {
  if (target.kind === "section") {
    if (!target.name) throw new RangeError(`rename: a '${target.type}' section without a name has nothing to rename`);
    const taken = config.sections.find((other) => other !== target && other.name?.value === newName && clashes(target, other));
    if (taken) throw new RangeError(`rename: the name '${newName}' is already taken by ${taken.type} '${newName}' on line ${taken.header.line + 1}`);
    return [target.name, ...haproxyReferencesTo(config, target)].map((place) => ("kind" in place ? { word: place, start: 0, end: place.value.length } : place));
  }
  if (!["server", "server-template"].includes(target.keyword.value) || !target.args[0]) {
    throw new RangeError(`rename: only sections and servers have names to rename, not '${target.keyword.text}'`);
  }
  const section = config.sections.find((candidate) => candidate.body.includes(target));
  const taken = section?.body.find((line) => line !== target && line.kind === "statement" && line.keyword.value === "server" && line.args[0]?.value === newName);
  if (taken) throw new RangeError(`rename: ${section!.type} '${section!.name?.value ?? ""}' already has a server named '${newName}' (line ${taken.line + 1})`);
  const name = target.args[0];
  return [{ word: name, start: 0, end: name.value.length }, ...haproxyReferencesTo(config, target)];
}

function keepalivedPlaces(config: KeepalivedConfig, target: Block, newName: string): NamePlace[] {
  const named = blockName(target);
  if (!named) throw new RangeError("rename: this block has no name to rename");
  const taken = findBlocks(config, named.keyword, newName, true).find((other) => other !== target);
  if (taken) throw new RangeError(`rename: the name '${newName}' is already taken by another ${named.keyword} (line ${taken.header!.line + 1})`);
  return [named.word, ...keepalivedReferencesTo(config, target).map((reference) => reference.word)].map((word) => ({ word, start: 0, end: word.value.length }));
}

/** Where the value's characters [start, end) stand in the text: known for plain and simply quoted words. */
function textOffset(word: HaproxyWord | KeepalivedWord): number | undefined {
  if (word.text === word.value) return 0;
  const quoted = word.text.slice(1, -1) === word.value && word.text.length === word.value.length + 2;
  return quoted && /^(["']).*\1$/s.test(word.text) ? 1 : undefined;
}

/** The edits, in document offsets, that rename `target` to `newName`; throws when it cannot be done. */
export function renameEdits(parsed: HaproxyParseResult | KeepalivedParseResult, target: Section | HaproxyStatement | Block, newName: string): TextEdit[] {
  const haproxy = parsed.format === "haproxy";
  const name = checkName(newName, haproxy ? HAPROXY_NAME : KEEPALIVED_NAME, parsed.format);
  let places: NamePlace[];
  if (parsed.format === "haproxy") {
    if (target.kind === "block") throw new TypeError("rename: a keepalived block cannot be renamed in a haproxy configuration");
    places = haproxyPlaces(parsed.ast, target, name);
  } else {
    if (target.kind !== "block") throw new TypeError("rename: a haproxy section or server cannot be renamed in a keepalived configuration");
    places = keepalivedPlaces(parsed.ast, target, name);
  }
  const defined = places[0]!;
  if (defined.word.value.includes("$")) {
    throw new RangeError(`rename: the name ${defined.word.text} comes from a variable; lblint cannot tell what it is, nor which references name it`);
  }
  const quote = haproxy ? quoteHaproxy : quoteKeepalived;
  return places.map(({ word, start, end }) => {
    const offset = textOffset(word);
    if (offset !== undefined) {
      const at = word.range.startOffset + offset;
      return { start: at + start, end: at + end, newText: name };
    }
    // An escaped or partly quoted word is written again whole.
    const value = word.value.slice(0, start) + name + word.value.slice(end);
    return { start: word.range.startOffset, end: word.range.endOffset, newText: quote(value) };
  });
}
