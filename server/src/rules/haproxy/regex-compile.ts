// Whether PCRE2 (as haproxy 2.6.12 uses it) compiles a pattern, for the mistakes it refuses that a
// scan can tell for sure: a group or a character class left open, a `)` that closes nothing, a
// repeat with nothing to repeat (at the start, after `(`, `|`, an anchor, an option setting or
// another repeat), counts out of order or too big, a range that runs backwards or starts or ends
// with a class, a back-reference to a group that does not exist, an unknown letter after `(?`, and
// a `\` that ends the pattern. Each case was asked of haproxy (test/rules/HA082-oracle.test.ts).
// Anything this scan does not model (extended mode `(?x)`, verbs, conditions) is taken as valid.

export interface RegexError {
  /** Where in the pattern (a character index). */
  readonly at: number;
  readonly message: string;
}

/** Letters that set options in `(?i)`, `(?i:…)`, `(?-s)`. */
const OPTION_LETTERS = /^[imnsxJU]$/;
/** What may follow `(?` besides option letters and `-`. */
const GROUP_INTRODUCERS = new Set([":", "=", "!", "<", ">", "|", "#", "P", "'", "(", "R", "&", "+", "C", "^", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
/** Escapes that match a class of characters: they cannot start or end a range. */
const CLASS_ESCAPES = new Set(["d", "D", "w", "W", "s", "S", "h", "H", "v", "V", "p", "P", "N", "R", "X"]);
/** Escapes that match no character (assertions): nothing to repeat. */
const ASSERTION_ESCAPES = new Set(["b", "B", "A", "Z", "z", "G", "K"]);
const MAX_REPEAT = 65535;

/**
 * What PCRE2 refuses in `pattern`, if this scan can tell. `capturing` false is how haproxy compiles
 * ACL patterns (PCRE2_NO_AUTO_CAPTURE): only named groups capture, so `(a)\1` refers to nothing.
 */
export function regexError(pattern: string, capturing = true): RegexError | undefined {
  // Extended mode makes blanks and `#…` comments meaningless: not modelled.
  if (/\(\?[a-zA-Z^-]*x/.test(pattern)) return undefined;
  const { groups, names } = countGroups(pattern, capturing);
  const opens: number[] = [];
  let repeatable = false;
  let i = 0;
  const error = (at: number, message: string): RegexError => ({ at, message });
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "\\") {
      const next = pattern[i + 1];
      if (next === undefined) return error(i, "'\\' ends the pattern, with nothing to escape");
      if (next === "Q") {
        const end = pattern.indexOf("\\E", i + 2);
        i = end < 0 ? pattern.length : end + 2;
        repeatable = true;
        continue;
      }
      const reference = backReference(pattern, i, groups, names);
      if (reference) return reference;
      i += 2;
      if ("xopPgkN".includes(next) && (pattern[i] === "{" || pattern[i] === "<")) {
        const close = pattern.indexOf(pattern[i] === "{" ? "}" : ">", i);
        i = close < 0 ? pattern.length : close + 1;
      }
      repeatable = !ASSERTION_ESCAPES.has(next);
      continue;
    }
    if (c === "[") {
      const end = characterClass(pattern, i);
      if (typeof end !== "number") return end;
      i = end;
      repeatable = true;
      continue;
    }
    if (c === "(") {
      if (pattern.startsWith("(?#", i)) {
        const close = pattern.indexOf(")", i);
        if (close < 0) return error(i, "the comment '(?#' is never closed");
        i = close + 1;
        continue;
      }
      if (pattern[i + 1] === "*") {
        // A verb such as (*UTF) or (*SKIP): nothing to repeat after it.
        const close = pattern.indexOf(")", i);
        if (close < 0) return error(i + 1, "'*' repeats nothing: it follows '('");
        i = close + 1;
        repeatable = false;
        continue;
      }
      if (pattern[i + 1] === "?") {
        const settings = /^\(\?([a-zA-Z^]*)(?:-([a-zA-Z]*))?([):])/.exec(pattern.slice(i, i + 40));
        if (settings && [...(settings[1] ?? "") + (settings[2] ?? "")].every((letter) => letter === "^" || OPTION_LETTERS.test(letter))) {
          if (settings[3] === ")") {
            // `(?i)`: an option setting, not a group; nothing to repeat after it.
            i += settings[0].length;
            repeatable = false;
            continue;
          }
        } else {
          const introducer = pattern[i + 2];
          if (introducer !== undefined && introducer !== "-" && !GROUP_INTRODUCERS.has(introducer) && !OPTION_LETTERS.test(introducer)) {
            return error(i + 2, `'(?${introducer}' is not a kind of group PCRE knows`);
          }
        }
      }
      const introducer = groupIntroducer(pattern, i);
      if (introducer.atom) {
        // `(?P=name)`, `(?R)`, `(?1)`, `(?&name)`, `(?C…)`: a whole item, not a group.
        if (introducer.end < 0) return error(i, "this '(' is never closed");
        i = introducer.end;
        repeatable = true;
        continue;
      }
      opens.push(i);
      i = introducer.end;
      repeatable = false;
      continue;
    }
    if (c === ")") {
      if (opens.length === 0) return error(i, "this ')' closes no group");
      opens.pop();
      i++;
      repeatable = true;
      continue;
    }
    if (c === "|") {
      i++;
      repeatable = false;
      continue;
    }
    if (c === "^" || c === "$") {
      i++;
      repeatable = false;
      continue;
    }
    if (c === "*" || c === "+" || c === "?") {
      if (!repeatable) return error(i, `'${c}' repeats nothing: it follows ${i === 0 ? "the start of the pattern" : "'(', '|', an anchor, an option or another repeat"}`);
      i++;
      if (pattern[i] === "?" || pattern[i] === "+") i++;
      repeatable = false;
      continue;
    }
    if (c === "{") {
      const count = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i, i + 24));
      if (count) {
        if (!repeatable) return error(i, `'${count[0]}' repeats nothing: it follows ${i === 0 ? "the start of the pattern" : "'(', '|', an anchor, an option or another repeat"}`);
        const low = Number(count[1]);
        const high = count[3] ? Number(count[3]) : undefined;
        if (low > MAX_REPEAT || (high ?? 0) > MAX_REPEAT) return error(i, `'${count[0]}': a repeat count is at most ${MAX_REPEAT}`);
        if (high !== undefined && high < low) return error(i, `'${count[0]}': the smaller count must come first`);
        i += count[0].length;
        if (pattern[i] === "?" || pattern[i] === "+") i++;
        repeatable = false;
        continue;
      }
      // A `{` that is not a count is a plain character.
    }
    i++;
    repeatable = true;
  }
  if (opens.length > 0) return error(opens[opens.length - 1]!, "this '(' is never closed");
  return undefined;
}

/**
 * Where the content of a group that opens at `at` starts, past `(?:`, `(?=`, `(?<=`, `(?<name>`,
 * `(?i:` …; or, for an item written in parentheses (`(?P=name)`, `(?R)`, `(?1)`), where it ends.
 */
function groupIntroducer(pattern: string, at: number): { end: number; atom: boolean } {
  if (pattern[at + 1] !== "?") return { end: at + 1, atom: false };
  const rest = pattern.slice(at, at + 64);
  const item = /^\(\?(?:P=|R\)|[+-]?\d|&|C)/.exec(rest);
  if (item) {
    const close = pattern.indexOf(")", at);
    return { end: close < 0 ? -1 : close + 1, atom: true };
  }
  const named = /^\(\?(?:P?<[A-Za-z_]\w*>|'[A-Za-z_]\w*'|<[=!]|[:=!>|]|[a-zA-Z^]*(?:-[a-zA-Z]*)?:)/.exec(rest);
  return { end: at + (named ? named[0].length : 2), atom: false };
}

/** A `\1`…`\9`, `\g{N}`, `\k<name>` or `(?P=name)`-style reference to a group that does not exist. */
function backReference(pattern: string, at: number, groups: number, names: ReadonlySet<string>): RegexError | undefined {
  const next = pattern[at + 1]!;
  if (next >= "1" && next <= "9" && !/\d/.test(pattern[at + 2] ?? "")) {
    const number = Number(next);
    if (number > groups) return { at, message: `'\\${next}' refers to group ${number}, but the pattern has ${groups === 0 ? "no group" : groups === 1 ? "only 1" : `only ${groups}`}` };
  }
  const named = /^\\k(?:<([A-Za-z_]\w*)>|\{([A-Za-z_]\w*)\}|'([A-Za-z_]\w*)')/.exec(pattern.slice(at, at + 40));
  if (named) {
    const name = (named[1] ?? named[2] ?? named[3])!;
    if (!names.has(name)) return { at, message: `'${named[0]}' refers to a group named '${name}', which the pattern does not define` };
  }
  return undefined;
}

/** The index after a character class that starts at `at`, or what is wrong with it. */
function characterClass(pattern: string, at: number): number | RegexError {
  let i = at + 1;
  if (pattern[i] === "^") i++;
  // A `]` right after `[` or `[^` is a plain character.
  let previous: { code: number | undefined; start: number } | undefined;
  if (pattern[i] === "]") {
    previous = { code: "]".charCodeAt(0), start: i };
    i++;
  }
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "]") return i + 1;
    // One member: a POSIX class, an escape or a character.
    let member: { code: number | undefined; start: number; end: number; isClass: boolean };
    if (c === "[" && pattern[i + 1] === ":") {
      const close = posixClassEnd(pattern, i);
      member = close >= 0 ? { code: undefined, start: i, end: close, isClass: true } : { code: c.charCodeAt(0), start: i, end: i + 1, isClass: false };
    } else if (c === "\\") {
      const next = pattern[i + 1];
      if (next === undefined) return { at: i, message: "'\\' ends the pattern, with nothing to escape" };
      let end = i + 2;
      if ("xopP".includes(next) && pattern[end] === "{") {
        const close = pattern.indexOf("}", end);
        end = close < 0 ? pattern.length : close + 1;
      }
      // Only an escaped punctuation character stands for itself for sure.
      const literal = /[^A-Za-z0-9]/.test(next) ? next.charCodeAt(0) : undefined;
      member = { code: literal, start: i, end, isClass: CLASS_ESCAPES.has(next) };
    } else {
      member = { code: c.charCodeAt(0), start: i, end: i + 1, isClass: false };
    }
    // `a-z`: a range, when a `-` follows and something other than `]` comes after it.
    if (pattern[member.end] === "-" && pattern[member.end + 1] !== undefined && pattern[member.end + 1] !== "]") {
      const right = classMember(pattern, member.end + 1);
      if (member.isClass || right.isClass) return { at: member.start, message: `'${pattern.slice(member.start, right.end)}': a range in a character class cannot start or end with a class such as \\d` };
      if (member.code !== undefined && right.code !== undefined && right.code < member.code) {
        return { at: member.start, message: `'${pattern.slice(member.start, right.end)}': a range in a character class must go upwards` };
      }
      i = right.end;
      previous = undefined;
      continue;
    }
    previous = { code: member.code, start: member.start };
    i = member.end;
  }
  void previous;
  return { at, message: "this '[' character class is never closed with ']'" };
}

/** The member of a character class at `at` (the right end of a range). */
function classMember(pattern: string, at: number): { code: number | undefined; end: number; isClass: boolean } {
  const c = pattern[at]!;
  if (c === "[" && pattern[at + 1] === ":") {
    const close = posixClassEnd(pattern, at);
    if (close >= 0) return { code: undefined, end: close, isClass: true };
  }
  if (c === "\\") {
    const next = pattern[at + 1] ?? "";
    return { code: /[^A-Za-z0-9]/.test(next) ? next.charCodeAt(0) : undefined, end: at + 2, isClass: CLASS_ESCAPES.has(next) };
  }
  return { code: c.charCodeAt(0), end: at + 1, isClass: false };
}

/** The end of a POSIX class such as `[:alpha:]` at `at`, or -1; looked for in a few characters only. */
function posixClassEnd(pattern: string, at: number): number {
  const close = pattern.slice(at + 2, at + 16).indexOf(":]");
  return close < 0 ? -1 : at + 2 + close + 2;
}

/**
 * The groups that capture (named ones only, when `capturing` is false) and the names defined, in one
 * pass that skips escapes and character classes.
 */
function countGroups(pattern: string, capturing: boolean): { groups: number; names: Set<string> } {
  const names = new Set<string>();
  let groups = 0;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "\\") {
      if (pattern[i + 1] === "Q") {
        const end = pattern.indexOf("\\E", i + 2);
        i = end < 0 ? pattern.length : end + 2;
      } else i += 2;
      continue;
    }
    if (c === "[") {
      i = classEnd(pattern, i);
      continue;
    }
    if (c === "(") {
      const named = /^\(\?(?:P?<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(pattern.slice(i, i + 64));
      const name = named?.[1] ?? named?.[2];
      if (name !== undefined) names.add(name);
      if (name !== undefined || (capturing && pattern[i + 1] !== "?" && pattern[i + 1] !== "*")) groups++;
    }
    i++;
  }
  return { groups, names };
}

/** The index after the character class that starts at `at` (the end of the pattern if it never closes). */
function classEnd(pattern: string, at: number): number {
  let i = at + 1;
  if (pattern[i] === "^") i++;
  if (pattern[i] === "]") i++;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "]") return i + 1;
    if (c === "\\") i += 2;
    else if (c === "[" && pattern[i + 1] === ":" && posixClassEnd(pattern, i) >= 0) i = posixClassEnd(pattern, i);
    else i++;
  }
  return pattern.length;
}
