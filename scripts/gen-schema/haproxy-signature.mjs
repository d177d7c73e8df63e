// Manual signatures (`timeout client <timeout>`, `cookie <name> [ rewrite | insert ] ...`,
// `use_backend <backend> [{if | unless} <condition>]`) turned into argument counts and shapes.
//
// Grammar of a signature after the keyword: words, `<placeholders>` (may hold spaces), `[ optional ]`
// and `{ a | b }` groups, `|` alternatives, `...` / `*` repetition. A group glued to a word without a
// space (`<address>[:port]`, `[<address>]:<port>`) is part of that word and adds no word of its own.

/** Removes the trailing condition from a signature; says whether there was one. */
export function stripCondition(sig) {
  let conditional = false;
  let out = sig
    .replace(/\[\s*\{\s*if\s*\|\s*unless\s*\}\s*<cond(?:ition)?>\s*\]/gi, () => ((conditional = true), " "))
    .replace(/\{\s*if\s*\|\s*unless\s*\}\s*<cond(?:ition)?>/gi, () => ((conditional = true), " "))
    .replace(/(?:^|\s)(?:if|unless)\s+<cond(?:ition)?>/gi, () => ((conditional = true), " "));
  out = out
    .replace(/\(deprecated\)/gi, " ")
    .replace(/\[\s*EXPERIMENTAL\s*\]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return { text: out, conditional };
}

function tokenize(text) {
  const tokens = [];
  let space = true;
  let i = 0;
  const pushWordPart = (part) => {
    const last = tokens[tokens.length - 1];
    if (!space && last && last.kind === "word") last.text += part;
    else tokens.push({ kind: "word", text: part, spaceBefore: space });
    space = false;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === " ") {
      space = true;
      i++;
    } else if (c === "[" || c === "{") {
      tokens.push({ kind: "open", text: c, spaceBefore: space });
      space = false;
      i++;
    } else if (c === "]" || c === "}") {
      tokens.push({ kind: "close", text: c, spaceBefore: space });
      space = false;
      i++;
    } else if (c === "|") {
      tokens.push({ kind: "bar", text: c, spaceBefore: space });
      space = false;
      i++;
    } else if (c === "<") {
      const end = text.indexOf(">", i);
      const stop = end < 0 ? text.length : end + 1;
      pushWordPart(text.slice(i, stop));
      i = stop;
    } else if (c === "(") {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text[j] === "(") depth++;
        else if (text[j] === ")" && --depth === 0) break;
      }
      pushWordPart(text.slice(i, j + 1));
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !" []{}|<(".includes(text[j])) j++;
      pushWordPart(text.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

/**
 * Node kinds: `{ kind: "word", text, repeat }`, `{ kind: "group", optional, alts: Node[][], repeat }`.
 * Throws on unbalanced brackets.
 */
function parse(tokens) {
  let pos = 0;
  function parseAlts(closer) {
    const alts = [[]];
    while (pos < tokens.length) {
      const t = tokens[pos];
      if (t.kind === "close") {
        if (!closer) throw new Error("unbalanced close");
        return alts;
      }
      pos++;
      if (t.kind === "bar") {
        alts.push([]);
        continue;
      }
      const seq = alts[alts.length - 1];
      if (t.kind === "word") {
        if (/^\*+$/.test(t.text) && !t.spaceBefore && seq.length > 0) {
          seq[seq.length - 1].repeat = true;
          continue;
        }
        if (/^[>,]+$/.test(t.text)) continue; // stray punctuation: `}>]`, `[, ...]`
        seq.push({ kind: "word", text: t.text, spaceBefore: t.spaceBefore, repeat: /\.\.\.|\*/.test(t.text.replace(/\(.*\)/, "")) });
        continue;
      }
      // open
      const inner = parseAlts(t.text === "[" ? "]" : "}");
      const close = tokens[pos];
      if (!close || close.kind !== "close") throw new Error("unbalanced open");
      pos++;
      const next = tokens[pos];
      // glued to what precedes (`<address>[:port]`, `{ cubic | bbr }[(<args>)]`) or follows (`[<address>]:<port>`)
      const glued = (!t.spaceBefore && seq.length > 0) || (next && next.kind === "word" && !next.spaceBefore && !/^\*+$/.test(next.text));
      const group = { kind: "group", optional: t.text === "[", alts: inner, repeat: false, glued };
      seq.push(group);
    }
    if (closer) throw new Error("unterminated group");
    return alts;
  }
  return parseAlts(undefined);
}

const INF = Infinity;

function countSeq(seq) {
  let min = 0;
  let max = 0;
  for (const node of seq) {
    const [a, b] = countNode(node);
    min += a;
    max += b;
  }
  return [min, max];
}

function countAlts(alts) {
  let min = INF;
  let max = 0;
  for (const seq of alts) {
    const [a, b] = countSeq(seq);
    min = Math.min(min, a);
    max = Math.max(max, b);
  }
  return [min === INF ? 0 : min, max];
}

function countNode(node) {
  if (node.kind === "word") {
    if (/^\.\.\.$/.test(node.text)) return [0, INF];
    return node.repeat ? [0, INF] : [1, 1];
  }
  if (node.glued) return [0, 0];
  let [min, max] = countAlts(node.alts);
  if (node.optional) min = 0;
  if (node.repeat) max = INF;
  return [min, max];
}

/** Shape of a placeholder or literal word, when it is certain enough to be checked. */
export function placeholderShape(word) {
  const w = word.toLowerCase();
  if (!w.startsWith("<")) return undefined;
  if (/^<(timeout|time|delay|timeout, in milliseconds)>$/.test(w)) return "time";
  if (/^<(number|nb|conns|count|retries)>$/.test(w)) return "int";
  if (w === "<size>") return "size";
  if (w === "<backend>") return "ref:backend";
  return undefined;
}

/** Leading argument shapes of one parsed signature: fixed positions only, stops at the first optional part. */
function leadingShapes(alts) {
  if (alts.length !== 1) return [];
  const shapes = [];
  for (const node of alts[0]) {
    if (node.kind === "word") {
      if (node.repeat) break;
      if (/^<[^<>]*>$/.test(node.text)) shapes.push(placeholderShape(node.text) ?? "string");
      else if (/^[a-z0-9][\w.-]*$/i.test(node.text)) shapes.push(`enum:${node.text}`);
      else break;
      continue;
    }
    if (node.glued || node.repeat) break;
    // An optional part is only safe to read when nothing follows it: `ssl-server-verify [none|required]`.
    if (node.optional && node !== alts[0][alts[0].length - 1]) break;
    // `{ a | b }`: an enumeration when every alternative is one literal word
    const words = node.alts.map((seq) => (seq.length === 1 && seq[0].kind === "word" && !seq[0].repeat && /^[a-z0-9][\w.-]*$/i.test(seq[0].text) ? seq[0].text : undefined));
    if (words.some((x) => x === undefined)) break;
    shapes.push(`enum:${words.join("|")}`);
  }
  return shapes;
}

/**
 * Argument facts of one signature whose keyword words are already removed:
 * `{ min, max (-1 = unbounded), shapes, conditional, ok }`. `ok` is false when the signature could not
 * be read (unbalanced brackets), in which case nothing should be checked.
 */
export function signatureArgs(argText) {
  const { text, conditional } = stripCondition(argText);
  try {
    const alts = parse(tokenize(text));
    const [min, max] = countAlts(alts);
    return { ok: true, min, max: max === INF ? -1 : max, shapes: leadingShapes(alts), conditional };
  } catch {
    return { ok: false, min: 0, max: -1, shapes: [], conditional };
  }
}

/** Merges the facts of alternative signatures: fewest of the minimums, most of the maximums, common leading shapes. */
export function mergeArgs(list) {
  if (list.length === 0) return undefined;
  if (list.some((a) => !a.ok)) return { min: 0, max: -1, shapes: [] };
  const min = Math.min(...list.map((a) => a.min));
  const max = list.some((a) => a.max < 0) ? -1 : Math.max(...list.map((a) => a.max));
  const shapes = [];
  const first = list[0].shapes;
  for (let i = 0; i < first.length; i++) {
    const merged = list.slice(1).reduce((shape, a) => shape && mergeShape(shape, a.shapes[i]), first[i]);
    if (merged === undefined) break;
    shapes.push(merged);
  }
  return { min, max, shapes };
}

/**
 * One shape that takes what both versions' signatures take, or undefined: the union of two word
 * lists (`{ on | off }` in 2.6, `{ full | on | off }` in 3.4), any word when either takes any. A
 * number that became a size (`tune.bufsize <number>` → `<size>`) is left unchecked: 2.6 reads it
 * with atol() and 3.4 as a size, and one shape cannot say both.
 */
function mergeShape(a, b) {
  if (b === undefined) return undefined;
  if (a === b) return a;
  if (a === "string" || b === "string") return "string";
  if (a.startsWith("enum:") && b.startsWith("enum:")) return `enum:${[...new Set([...a.slice(5).split("|"), ...b.slice(5).split("|")])].join("|")}`;
  return undefined;
}
