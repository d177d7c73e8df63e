// The keepalived keyword tree against real configurations, both ways:
// - every statement of a file keepalived 2.2.7 accepts is a keyword of its block with an argument
//   count the facts allow (value-block lines: entries keepalived reads without a problem);
// - every `Unknown keyword 'X'` keepalived reports names a word the facts do not accept in that block.
import { describe, expect, it } from "vitest";
import type { KeepalivedConfig, KeepalivedItem, Statement } from "../../grammars/keepalived/ast.js";
import { parseKeepalived } from "../../grammars/keepalived/parse.js";
import { blocksAccepting, childBlockId, keepalivedAccepts, keepalivedBlock, keepalivedKeyword } from "../../server/src/facts/keepalived.js";
import { keepalivedCommandWords, readValueLine } from "../../server/src/facts/keepalived-entries.js";
import { loadManifest, readCorpusFile, type ManifestEntry } from "../corpus/corpus.js";

const VERSION = "2.2";

interface Visit {
  readonly statement: Statement;
  /** Block keepalived reads the statement in. */
  readonly blockId: string;
  /** The statement is followed by `{` (`vrrp_instance VI_1 {`). */
  readonly header: boolean;
  /** An undefined `${NAME}` came earlier: keepalived leaves it verbatim and cuts at its braces, so the blocks may differ from here on. */
  readonly afterUndefinedVariable: boolean;
}

type Event = { readonly statement: Statement; readonly opens: boolean } | { readonly close: true };

/** The statements and braces in the order keepalived reads them. */
function events(items: readonly KeepalivedItem[], out: Event[] = []): Event[] {
  for (const item of items) {
    if (item.kind === "statement") {
      if (!item.prefixOnly) out.push({ statement: item, opens: false });
    } else if (item.kind === "block") {
      const header = item.header && !item.header.prefixOnly ? item.header : undefined;
      if (header) out.push({ statement: header, opens: true });
      else out.push({ statement: undefined as never, opens: true });
      events(item.items, out);
      if (item.close) out.push({ close: true });
    } else if (item.kind === "stray-brace" && item.brace.kind === "close-brace") {
      out.push({ close: true });
    }
  }
  return out;
}

/**
 * Every statement with the block keepalived reads it in. As keepalived does: a `{` after a keyword
 * that opens no block is ignored (`Unexpected '{'`), its body is read in the current block, and the
 * next `}` closes the current block (quirks k03, k11).
 */
function visitAll(config: KeepalivedConfig): Visit[] {
  const defined = new Set(config.items.filter((i) => i.kind === "definition").map((d) => (d.kind === "definition" ? d.name : "")));
  const stack = ["top"];
  const out: Visit[] = [];
  let afterUndefinedVariable = false;
  for (const event of events(config.items)) {
    if ("close" in event) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const { statement, opens } = event;
    const blockId = stack[stack.length - 1]!;
    if (statement === undefined) continue;
    if (statement.words.some((w) => w.variables.some((v) => v.braced && !defined.has(v.name) && !v.name.startsWith("_")))) afterUndefinedVariable = true;
    out.push({ statement, blockId, header: opens, afterUndefinedVariable });
    if (opens) {
      const child = childBlockId(blockId, statement.keyword.value);
      if (child) stack.push(child);
    }
  }
  return out;
}

function words(statement: Statement): string[] {
  return [statement.keyword.value, ...statement.args.map((w) => w.value)];
}

/** Why a statement does not fit the facts, or undefined when it does. */
function problem(visit: Visit): string | undefined {
  const { statement, blockId } = visit;
  const block = keepalivedBlock(blockId);
  if (!block) return `unknown block id ${blockId}`;
  const kw = statement.keyword.value;
  if (block.entries) {
    const reading = readValueLine(blockId, words(statement));
    if (visit.header) return `a block opened inside value block ${blockId}`;
    if (reading && reading.problems.length > 0) {
      return `value line of ${blockId}: ${reading.problems.map((p) => `${p.kind} at word ${p.index + 1}`).join(", ")}`;
    }
    return undefined;
  }
  if (!keepalivedAccepts(blockId, kw, VERSION)) return `\`${kw}\` is not a keyword of ${blockId}`;
  const args = keepalivedKeyword(blockId, kw)?.args;
  const argWords = statement.args.map((w) => w.text);
  // a command is read again by keepalived's script reader, which also groups single-quoted words
  const n = args?.shapes?.[0] === "command" ? keepalivedCommandWords(argWords).length : argWords.length;
  if (args && (n < args.min || (args.max !== -1 && n > args.max))) {
    return `\`${kw}\` in ${blockId} with ${n} argument(s), facts allow ${args.min}..${args.max === -1 ? "∞" : args.max}`;
  }
  return undefined;
}

/** Statements with more words than keepalived reads, in files it accepts, that it drops silently. */
const SILENT_FINDINGS = [
  // `state BACKUP or MASTER`: a template placeholder; keepalived reads BACKUP
  "keepalived/0071__OneideLuizSchneider_nginx-ha__keepalived.conf:12",
  // `advert_int 1  <--ADVERT-->`
  "keepalived/0093__djkormo_k8s-api-loadbalancer__keepalived_keepalived.conf:13",
  // `virtual_server 192.168.100.100 53 dev eth0.53 {`: `dev eth0.53` is not a virtual_server option
  "keepalived/0168__snemarch_dns-doodle__keepalived_keepalived.conf:21",
];

const keepalivedEntries = loadManifest().filter((e) => e.format === "keepalived" && e.oracle);

/** keepalived accepted the file, or complained only about values, interfaces, scripts… never about a keyword or a brace. */
function acceptedKeywords(entry: ManifestEntry): boolean {
  const oracle = entry.oracle!;
  if (oracle.exit_code === 0) return true;
  if (oracle.exit_code !== 5 && oracle.exit_code !== 6) return false;
  return !oracle.messages.some((m) => /Unknown keyword|Unexpected '\{'|Missing '\{'|missing '\}'|Extra '\}'/.test(m));
}

describe("keepalived facts on the corpus", () => {
  it("knows every keyword of the files keepalived accepts, with an acceptable argument count", () => {
    const files = keepalivedEntries.filter(acceptedKeywords);
    const failures: string[] = [];
    const noticed: string[] = [];
    const silent: string[] = [];
    let statements = 0;
    for (const entry of files) {
      const { ast } = parseKeepalived(readCorpusFile(entry).text);
      // lines keepalived itself said something about (bad values, placeholders left in templates)
      const reportedLines = new Set(entry.oracle!.messages.map((m) => /Line (\d+)\)/.exec(m)?.[1]).filter((l) => l !== undefined).map(Number));
      for (const visit of visitAll(ast)) {
        statements++;
        const why = problem(visit);
        if (!why) continue;
        const where = `${entry.file}:${visit.statement.line + 1}`;
        if (entry.oracle!.exit_code === 0 || /not a keyword|block/.test(why)) failures.push(`${where} ${why}`);
        else if (reportedLines.has(visit.statement.line + 1)) noticed.push(`${where} ${why}`);
        else silent.push(`${where} ${why}`);
      }
    }
    console.log(
      `\nkeepalived facts: ${files.length} accepted files, ${statements} statements; ${noticed.length} lines keepalived also complained about, ${silent.length} silent findings\n` +
        [...noticed.map((n) => `  noticed: ${n}`), ...silent.map((n) => `  silent:  ${n}`)].join("\n"),
    );
    expect(files.length).toBeGreaterThan(20);
    expect(failures).toEqual([]);
    // Words keepalived reads past and drops without a word: what lblint should report. Each one
    // checked by hand; a new entry here means the facts changed or the corpus did.
    expect(silent.map((s) => s.replace(/ .*/, ""))).toEqual(SILENT_FINDINGS);
  });

  it("does not accept the words keepalived reports as unknown keywords", () => {
    let agree = 0;
    const disagree: string[] = [];
    const excluded: string[] = [];
    for (const entry of keepalivedEntries) {
      const base = entry.file.slice(entry.file.lastIndexOf("/") + 1);
      const unknown: { line: number; word: string }[] = [];
      for (const m of entry.oracle!.messages) {
        const found = /^\((?:([^:]*): )?Line (\d+)\) Unknown keyword '(.*)'$/.exec(m);
        // messages about included files carry another file name
        if (found && (found[1] === undefined || found[1] === base)) unknown.push({ line: Number(found[2]) - 1, word: found[3]! });
      }
      if (unknown.length === 0) continue;
      const visits = visitAll(parseKeepalived(readCorpusFile(entry).text).ast);
      const seen = new Set<string>();
      for (const { line, word } of unknown) {
        const key = `${line}:${word}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const where = `${entry.file}:${line + 1} '${word}'`;
        if (word === "}" || word === "{") {
          excluded.push(`${where}: a stray brace, not a keyword`);
          continue;
        }
        const visit = visits.find((v) => v.statement.line === line && v.statement.keyword.value === word);
        if (!visit) {
          excluded.push(`${where}: no statement starts with it at that line (a line cut by keepalived, a substitution or an include)`);
          continue;
        }
        // a word no block accepts is unknown wherever keepalived reads it
        if (visit.afterUndefinedVariable && blocksAccepting(word).length > 0) {
          excluded.push(`${where}: after an undefined \${NAME}, whose braces keepalived reads as block braces`);
          continue;
        }
        if (keepalivedAccepts(visit.blockId, word, VERSION)) disagree.push(`${where} in ${visit.blockId}`);
        else agree++;
      }
    }
    const rate = agree / (agree + disagree.length);
    console.log(
      `\nUnknown keyword agreement: ${agree}/${agree + disagree.length} (${(rate * 100).toFixed(1)}%), ${excluded.length} excluded\n` +
        [...disagree.map((d) => `  disagree: ${d}`), ...excluded.map((e) => `  excluded: ${e}`)].join("\n"),
    );
    expect(agree).toBeGreaterThan(40);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });
});
