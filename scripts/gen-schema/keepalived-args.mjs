// Argument specs for keepalived keywords, from two kinds of text:
// - the compact notation of overrides-keepalived.mjs: `int:1..255`, `string [string [string]]`,
//   `[bool]`, `string...`, `-` (no argument), `n:1..2` (a count only, shapes unknown);
// - the argument syntax of a keyword in keepalived.conf(5): `<STRING>|<QUOTED-STRING> [username [groupname]]`,
//   `rr|wrr|lc`, `[<BOOL>]`, `100`. A syntax the reader is not sure about gives `undefined`, so that
//   the argument count is left unchecked rather than guessed.

/** Splits a notation into top-level items, keeping `[…]` groups whole. */
function items(text) {
  const out = [];
  let depth = 0;
  let cur = "";
  for (const ch of text.trim()) {
    if (ch === "[") depth++;
    if (ch === "]") depth--;
    if (/\s/.test(ch) && depth === 0) {
      if (cur) out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** `string` (any word) checks nothing: trailing ones are left out. */
export function trimShapes(shapes) {
  const out = [...shapes];
  while (out.length > 0 && out[out.length - 1] === "string") out.pop();
  return out;
}

/**
 * The override notation → ArgSpec (undefined for `?`).
 * `a b [c [d]]` = two required then up to two optional; `x...` = any number of x; `[x...]` likewise, none allowed.
 */
export function parseArgNotation(text) {
  const t = text.trim();
  if (t === "?") return undefined;
  if (t === "-" || t === "") return { min: 0, max: 0 };
  const count = /^n:(\d+)\.\.(\d*)$/.exec(t);
  if (count) return { min: Number(count[1]), max: count[2] === "" ? -1 : Number(count[2]) };
  const shapes = [];
  let min = 0;
  let max = 0;
  let rest;
  const walk = (parts, optional) => {
    for (const part of parts) {
      if (part.startsWith("[")) {
        if (!part.endsWith("]")) throw new Error(`unbalanced [ in "${text}"`);
        walk(items(part.slice(1, -1)), true);
        continue;
      }
      if (rest !== undefined) throw new Error(`nothing may follow a repeated argument in "${text}"`);
      if (part.endsWith("...")) {
        rest = part.slice(0, -3) || "string";
        if (!optional) { shapes.push(rest); min++; max++; }
        max = -1;
        continue;
      }
      shapes.push(part);
      if (!optional) min++;
      max++;
    }
  };
  walk(items(t), false);
  const spec = { min, max };
  const checked = trimShapes(shapes);
  if (checked.length > 0) spec.shapes = checked;
  if (rest !== undefined && rest !== "string") spec.rest = rest;
  return spec;
}

// ---- man page syntax ------------------------------------------------------------------------------

const PLACEHOLDER_SHAPES = [
  [/^<BOOL>$/i, "bool"],
  [/^<(INTEGER|INT|UNSIGNED_INT)>$|^(NUM|NUMBER|INTEGER|UNSIGNED_INT|PRIORITY|BYTES)$/, "int"],
  [/^<(TIMER|DECIMAL)>$|^(SECS|SECONDS)$/, "number"],
  [/^<(IPADDR|IP ADDRESS|IP_ADDRESS|MULTICAST_IPADDR)>$/, "ip"],
  [/^<PORT>$/, "port"],
  [/^<(STRING|LABEL|SCRIPT_NAME|VRRP_INSTANCE|INTERFACE|IFNAME|NETMASK|OPTIONS|OFFSET|HEX_STR|PROTOCOL|LEVEL|SYNC_ID)>$|^(NAME|STRING|SERVICE_NAME|FIFO_NAME|DIRECTORY|TABLENAME|LOG_FILE|ABSOLUTE-PATHNAME-OF-FILE|USERNAME|GROUPNAME|username|groupname|VRF_IF|path)$/, "string"],
  [/^<QUOTED[-_]STRING>$/, "string"],
];

/** `<1..255>`, `<-253..253>`, `<INTEGER:-253..253>`, `<2 or 3>`, `<-20 to 19>`, `{0..255}`, `[1:100]`-style ranges. */
function rangeShape(token) {
  const m = /^[<{[](?:INTEGER:\s*|INT:\s*)?(-?\d+)\s*(?:\.\.|:|to|or|-)\s*(-?\d+)[>}\]]$/.exec(token);
  if (!m) return undefined;
  return `int:${m[1]}..${m[2]}`;
}

function shapeOf(token) {
  const range = rangeShape(token);
  if (range) return range;
  for (const [re, shape] of PLACEHOLDER_SHAPES) if (re.test(token)) return shape;
  // STRING|QUOTED-STRING and friends: one word, quoted when it has spaces
  if (/^(<STRING>|STRING)\|(<QUOTED[-_]STRING>|QUOTED[-_]STRING)$/.test(token)) return "command";
  if (/^SCRIPT_NAME$/.test(token)) return "command";
  // a|b|c of plain words: an enumeration
  if (/^[A-Za-z0-9_.-]+(\|[A-Za-z0-9_.-]+)+$/.test(token)) return `enum:${token}`;
  // an example value
  if (/^-?\d+$/.test(token)) return "example-int";
  if (/^-?\d*\.\d+$/.test(token)) return "example-number";
  return undefined;
}

/**
 * The argument syntax of one man-page line → { spec, sure }. `sure` is false when the syntax has
 * literal sub-keywords, alternatives of different lengths, or words the reader does not know.
 */
export function parseManSignature(signature) {
  const sig = signature.replace(/\s*\|\s*$/, "").replace(/\[:\]/g, "").replace(/\.\.\.\[?<?INTEGER>?\]?/g, "...").trim();
  if (sig === "") return { spec: { min: 0, max: 0 }, sure: true, shapes: [] };
  const parts = items(sig);
  let min = 0;
  let max = 0;
  const shapes = [];
  let sure = true;
  let repeated = false;
  const walk = (list, optional) => {
    for (let part of list) {
      if (part === "...") { repeated = true; continue; }
      if (part.startsWith("[") && part.endsWith("]")) {
        const inner = part.slice(1, -1).trim();
        if (inner.endsWith("...")) { repeated = true; walk(items(inner.slice(0, -3)), true); continue; }
        walk(items(inner), true);
        continue;
      }
      if (part.endsWith("...")) { repeated = true; part = part.slice(0, -3); }
      const shape = shapeOf(part);
      if (shape === undefined) sure = false;
      shapes.push(shape ?? "string");
      if (!optional) min++;
      max++;
    }
  };
  walk(parts, false);
  if (repeated) max = -1;
  return { spec: { min, max }, sure, shapes };
}
