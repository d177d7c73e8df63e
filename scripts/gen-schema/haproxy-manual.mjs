// Reading haproxy's configuration manual (doc/configuration.txt): chapters, keyword definitions, the
// 4.1 proxy keywords matrix, the 4.3 actions matrix (3.x) and the section 3 global keyword list. Only
// facts are taken from the text (names, section columns, signatures, flags), never its sentences.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

/** The manual as an array of lines (a `.gz` file is unpacked). */
export function readManual(path) {
  const raw = readFileSync(path);
  const text = path.endsWith(".gz") ? gunzipSync(raw).toString("utf8") : raw.toString("utf8");
  return text.split("\n").map((line) => line.replace(/\r$/, "").replace(/\t/g, "        "));
}

const HEADING = /^(\d+(?:\.\d+)*)\.\s+(\S.*)$/;
const UNDERLINE = /^-{3,}\s*$/;

/**
 * Numbered chapters (`4.2. Alphabetically sorted keywords reference` + a line of dashes), each with
 * its 0-based [start, end) line range; `end` is the next heading of any level.
 */
export function chapters(lines) {
  const found = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const m = HEADING.exec(lines[i]);
    if (m && UNDERLINE.test(lines[i + 1])) found.push({ number: m[1], title: m[2].trim(), start: i, end: lines.length });
  }
  for (let i = 0; i + 1 < found.length; i++) found[i].end = found[i + 1].start;
  return found;
}

export function chapter(all, number) {
  const found = all.find((c) => c.number === number);
  if (!found) throw new Error(`manual chapter ${number} not found`);
  return found;
}

/** The range of a chapter and all its sub-chapters. */
export function chapterWithSubs(all, number) {
  const first = chapter(all, number);
  let end = first.end;
  for (const c of all) if (c.start >= first.start && (c.number === number || c.number.startsWith(number + "."))) end = Math.max(end, c.end);
  return { ...first, end };
}

/** More `[`/`{` than `]`/`}`: a signature that goes on on the next line. */
const unclosed = (text) => (text.match(/[[{]/g) ?? []).length > (text.match(/[\]}]/g) ?? []).length;
const blank = (line) => line === undefined || line.trim() === "";
const indented = (line) => line !== undefined && /^\s+\S/.test(line);
const column0 = (line) => line !== undefined && /^\S/.test(line);

/**
 * Keyword definitions in lines [start, end): a run of column-0 lines that follows a blank line (or a
 * chapter underline) and is followed by an indented line. Each column-0 line of the run is one
 * signature (alternative syntaxes are written one under the other). Returns
 * `{ signatures, line (1-based), body }` where `body` holds the indented description lines.
 */
export function definitions(lines, start, end, { allowGap = false } = {}) {
  const defs = [];
  for (let i = start; i < end; i++) {
    if (!column0(lines[i])) continue;
    if (!(blank(lines[i - 1]) || UNDERLINE.test(lines[i - 1] ?? ""))) continue;
    if (UNDERLINE.test(lines[i]) || (HEADING.test(lines[i]) && UNDERLINE.test(lines[i + 1] ?? ""))) continue;
    const signatures = [];
    let j = i;
    for (; j < end; j++) {
      if (column0(lines[j])) signatures.push(lines[j].trim());
      // a signature too long for one line goes on below, indented: `    [profile <prof>] <facility> …`
      else if (signatures.length && /^ {3,}[[{<|]/.test(lines[j])) signatures[signatures.length - 1] += " " + lines[j].trim();
      // or inside an open bracket: `[ { default-errorfiles | … |` goes on with `file <file> | … } ]`
      else if (signatures.length && /^ {3,}\S/.test(lines[j]) && unclosed(signatures[signatures.length - 1])) signatures[signatures.length - 1] += " " + lines[j].trim();
      else break;
    }
    let bodyStart = j;
    // the 2.6 manual sometimes leaves a blank line between a signature and its description
    if (allowGap && blank(lines[j]) && indented(lines[j + 1])) bodyStart = j + 1;
    if (!indented(lines[bodyStart])) continue;
    let k = bodyStart;
    while (k < end && !(column0(lines[k]) && blank(lines[k - 1]))) k++;
    defs.push({ signatures, line: i + 1, body: lines.slice(bodyStart, k) });
    i = k - 1;
  }
  return defs;
}

const ROW = /^(.*?)\s+(X \(!\)|X|-)\s+(X|-)\s+(X|-)\s+(X|-)\s*$/;

/** The 4.1 proxy keywords matrix: `{ name, sections, namedDefaultsOnly, negatable, deprecated, line }`. */
export function proxyMatrix(lines, range) {
  const rows = [];
  for (let i = range.start; i < range.end; i++) {
    const m = ROW.exec(lines[i]);
    if (!m || /^\s/.test(lines[i]) || /^-/.test(lines[i])) continue;
    let name = m[1];
    const deprecated = /\(deprecated\)/.test(name);
    const negatable = /\(\*\)/.test(name);
    name = name.replace(/\(deprecated\)|\(\*\)/g, "").trim().replace(/\s+/g, " ");
    const cols = [m[2], m[3], m[4], m[5]];
    const sections = ["defaults", "frontend", "listen", "backend"].filter((_, k) => cols[k].startsWith("X"));
    rows.push({ name, sections, namedDefaultsOnly: cols[0] === "X (!)", negatable, deprecated, line: i + 1 });
  }
  return rows;
}

/** Rule sets of the 4.3 actions matrix columns (3.x), in column order. */
export const ACTION_MATRIX_RULESETS = [
  "quic-initial",
  "tcp-request connection",
  "tcp-request session",
  "tcp-request content",
  "tcp-response content",
  "http-request",
  "http-response",
  "http-after-response",
];

/** The 4.3 actions matrix (3.x): `{ name, ruleSets, deprecated, line }`. */
export function actionMatrix(lines, range) {
  const rows = [];
  const row = /^([a-z][\w.-]*(?: [a-z][\w-]*)?)(\s+\(deprecated\))?((?:\s+[X-]){8})\s*$/;
  for (let i = range.start; i < range.end; i++) {
    const m = row.exec(lines[i]);
    if (!m) continue;
    const cols = m[3].trim().split(/\s+/);
    const ruleSets = ACTION_MATRIX_RULESETS.filter((_, k) => cols[k] === "X");
    rows.push({ name: m[1], ruleSets, deprecated: Boolean(m[2]), line: i + 1 });
  }
  return rows;
}

/** Section 3's bullet list of global keywords: `{ name, category, deprecated, line }`. */
export function globalBullets(lines, range) {
  const out = [];
  let category = "";
  for (let i = range.start; i < range.end; i++) {
    const cat = /^ \* (.+?)\s*$/.exec(lines[i]);
    if (cat) {
      category = cat[1];
      continue;
    }
    const m = /^ {3}- (\S+)(\s+\(deprecated\))?\s*$/.exec(lines[i]);
    if (m && category) out.push({ name: m[1], category, deprecated: Boolean(m[2]), line: i + 1 });
  }
  return out;
}

/**
 * Version facts stated in a description: "deprecated in 3.3", "will be removed in 3.5", "since 2.8".
 * Returns `{ deprecated, removed, since }` (strings or undefined).
 */
export function versionHints(body) {
  const text = body.join(" ").replace(/\s+/g, " ");
  const v = (re) => re.exec(text)?.[1];
  return {
    deprecated:
      v(/(?:has been|is|was) (?:now )?deprecated (?:since|in|as of) (?:HAProxy |version )?(\d+\.\d+)/i) ??
      v(/(?:as of|since) (?:HAProxy |version )?(\d+\.\d+), this (?:option|keyword|directive|action) is (?:now )?deprecated/i),
    removed: v(/will be removed in (?:HAProxy |version )?(\d+\.\d+)/i),
    since: v(/(?:available|supported|introduced) (?:since|in|as of) (?:HAProxy |version )?(\d+\.\d+)/i),
  };
}

/**
 * The "May be used in sections" table of a 4.2 definition: `{ sections, namedDefaultsOnly }`, or
 * undefined when the description has none.
 */
export function usableIn(body) {
  const at = body.findIndex((l) => /May be used in sections/.test(l));
  if (at < 0) return undefined;
  const head = body[at].split(":").slice(1).join(":").split("|").map((s) => s.trim());
  const cells = (body[at + 1] ?? "").split("|").map((s) => s.trim());
  if (head.length !== cells.length) return undefined;
  const sections = [];
  let namedDefaultsOnly = false;
  head.forEach((section, i) => {
    if (/^yes/.test(cells[i])) sections.push(section);
    if (section === "defaults" && /\(!\)/.test(cells[i])) namedDefaultsOnly = true;
  });
  return { sections, namedDefaultsOnly };
}
