// The haproxy keyword tables against the real corpus, labelled by haproxy 2.6.12 (`haproxy -c`):
// - every statement of every file haproxy accepts is a known keyword, allowed in its section, present
//   in 2.6, with an argument count the tables accept (and so are its action, bind and server options);
// - keywords haproxy refuses as unknown or removed are not "ok" at 2.6 in our tables either.
import { describe, expect, it } from "vitest";
import type { Section, Statement } from "../../grammars/haproxy/ast.js";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import {
  availabilityAt,
  haproxyAction,
  haproxyBindOption,
  haproxyServerOption,
  isAllowedIn,
  matchHaproxyKeyword,
} from "../../server/src/facts/haproxy.js";
import { HAPROXY_SECTION_AVAILABILITY } from "../../server/src/facts/haproxy-values.js";
import type { ArgSpec, Availability } from "../../server/src/facts/types.js";
import { loadManifest, readCorpusFile, type ManifestEntry } from "../corpus/corpus.js";

const VERSION = "2.6";

const usable = (av: Availability | undefined) => {
  const state = availabilityAt(av, VERSION);
  return state === "ok" || state === "deprecated";
};
const fits = (args: ArgSpec | undefined, n: number) => !args || (n >= args.min && (args.max < 0 || n <= args.max));
const spec = (args: ArgSpec | undefined) => (args ? `${args.min}..${args.max < 0 ? "∞" : args.max}` : "?");

/** 1-based line numbers the checker commented on (warnings and alerts): those lines are not "accepted as is". */
function flaggedLines(entry: ManifestEntry): Set<number> {
  const lines = new Set<number>();
  for (const m of entry.oracle?.messages ?? []) {
    for (const hit of m.matchAll(/\[[^\]]*?:(\d+)\]/g)) lines.add(Number(hit[1]));
  }
  return lines;
}

function* statements(sections: readonly Section[]): Generator<{ section: Section; line: Statement }> {
  for (const section of sections) {
    for (const line of section.body) if (line.kind === "statement" && !line.guard) yield { section, line };
  }
}

/** Options after a bind address / server address: each known option consumes its value words. */
function checkOptions(words: readonly string[], lookup: (name: string) => { args?: ArgSpec; availability?: Availability } | undefined): string[] {
  const problems: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const option = lookup(words[i]!);
    if (!option) {
      problems.push(`unknown option '${words[i]}'`);
      continue;
    }
    if (!usable(option.availability)) problems.push(`option '${words[i]}' not in ${VERSION}`);
    const takes = option.args?.max ?? 0;
    if (takes > 0) i += takes;
    else if (takes < 0) break; // variable: the rest belongs to it
  }
  return problems;
}

function checkStatement(section: Section, line: Statement): string[] {
  const words = line.words.map((w) => w.value);
  const match = matchHaproxyKeyword(words);
  if (!match) return [`unknown keyword '${words.slice(0, 2).join(" ")}'`];
  const { keyword } = match;
  const problems: string[] = [];
  if (!isAllowedIn(keyword, section.type, section.name !== undefined)) problems.push(`'${keyword.name}' not allowed in ${section.type}`);
  if (!usable(keyword.availability)) problems.push(`'${keyword.name}' is ${availabilityAt(keyword.availability, VERSION)} at ${VERSION}`);
  // the keyword's own words, then its arguments, up to a trailing if/unless condition
  const argWords = words.slice(match.wordCount, 1 + line.args.length);
  if (!fits(keyword.args, argWords.length)) problems.push(`'${keyword.name}' with ${argWords.length} args (expects ${spec(keyword.args)})`);
  if (keyword.actions) {
    const actionWord = argWords[0];
    const act = actionWord === undefined ? undefined : haproxyAction(keyword.actions, actionWord);
    if (actionWord !== undefined && !act) problems.push(`unknown action '${keyword.actions} ${actionWord}'`);
    else if (act) {
      if (!usable(act.availability)) problems.push(`action '${keyword.actions} ${act.name}' not in ${VERSION}`);
      if (!fits(act.args, argWords.length - 1)) problems.push(`action '${keyword.actions} ${act.name}' with ${argWords.length - 1} args (expects ${spec(act.args)})`);
    }
  }
  if (keyword.name === "bind" && section.type !== "peers") problems.push(...checkOptions(argWords.slice(1), haproxyBindOption));
  if (keyword.name === "server" && section.type !== "ring" && section.type !== "peers") problems.push(...checkOptions(argWords.slice(2), haproxyServerOption));
  if (keyword.name === "default-server") problems.push(...checkOptions(argWords, haproxyServerOption));
  return problems;
}

const haproxyEntries = loadManifest().filter((e) => e.format === "haproxy" && e.oracle !== null);
const accepted = haproxyEntries.filter((e) => e.oracle!.exit_code === 0 || e.oracle!.exit_code === 2);

describe("haproxy facts against the corpus (haproxy 2.6.12)", () => {
  it("knows every statement of the files haproxy accepts", () => {
    const failures: string[] = [];
    let checked = 0;
    for (const entry of accepted) {
      const flagged = flaggedLines(entry);
      const { ast } = parseHaproxy(readCorpusFile(entry).text);
      for (const { section, line } of statements(ast.sections)) {
        if (flagged.has(line.line + 1)) continue;
        checked++;
        for (const problem of checkStatement(section, line)) failures.push(`${entry.file}:${line.line + 1} [${section.type}] ${problem}`);
      }
    }
    console.log(`\nhaproxy facts: ${checked} statements in ${accepted.length} accepted files checked, ${failures.length} findings`);
    expect(failures).toEqual([]);
  });

  it("has argument shapes the accepted files satisfy (time, int, size, enum)", () => {
    // A rough reading of each shape, enough to catch a wrong shape in the tables; the real checkers
    // are shapes.ts'. Words holding a variable are skipped.
    const fitsShape = (shape: string, word: string): boolean => {
      if (shape === "time") return /^\d+(us|ms|s|m|h|d)?$/.test(word);
      if (shape.startsWith("int")) return /^-?\d+$/.test(word);
      if (shape === "size") return /^\d+[kmg]?$/i.test(word);
      if (shape.startsWith("enum:")) return shape.slice(5).split("|").includes(word);
      return true;
    };
    const failures: string[] = [];
    for (const entry of accepted) {
      const flagged = flaggedLines(entry);
      const { ast } = parseHaproxy(readCorpusFile(entry).text);
      for (const { section, line } of statements(ast.sections)) {
        if (flagged.has(line.line + 1)) continue;
        const match = matchHaproxyKeyword(line.words.map((w) => w.value));
        if (!match?.keyword.args?.shapes) continue;
        const args = line.words.slice(match.wordCount, 1 + line.args.length);
        match.keyword.args.shapes.forEach((shape, i) => {
          const word = args[i];
          if (!word || word.text.includes("$")) return;
          if (!fitsShape(shape, word.value)) failures.push(`${entry.file}:${line.line + 1} [${section.type}] ${match.keyword.name}: '${word.value}' is not ${shape}`);
        });
      }
    }
    expect(failures).toEqual([]);
  });

  it("agrees with haproxy's refusals (unknown and removed keywords)", () => {
    const rows: { file: string; word: string; agree: boolean; why: string }[] = [];
    for (const entry of haproxyEntries) {
      const refusals: { line: number; word: string; kind: "keyword" | "server" | "bind" | "removed" }[] = [];
      for (const m of entry.oracle!.messages) {
        let hit = /\[[^\]]*?:(\d+)\]\s*: unknown keyword '([^']+)' in '[^']+' section/.exec(m);
        if (hit) refusals.push({ line: Number(hit[1]), word: hit[2]!, kind: "keyword" });
        hit = /\[[^\]]*?:(\d+)\]\s*: '(?:server|default-server) [^']*' : unknown keyword '([^']+)'/.exec(m);
        if (hit) refusals.push({ line: Number(hit[1]), word: hit[2]!, kind: "server" });
        hit = /\[[^\]]*?:(\d+)\]\s*: 'bind [^']*' in section '[^']+': unknown keyword '([^']+)'/.exec(m);
        if (hit) refusals.push({ line: Number(hit[1]), word: hit[2]!, kind: "bind" });
        hit = /\[[^\]]*?:(\d+)\]\s*: .*?'([^']+)' (?:directive )?is not supported any ?more/i.exec(m) ?? /\[[^\]]*?:(\d+)\]\s*: (nbproc) is not supported any more/.exec(m);
        if (hit) refusals.push({ line: Number(hit[1]), word: hit[2]!, kind: "removed" });
      }
      if (refusals.length === 0) continue;
      const { ast } = parseHaproxy(readCorpusFile(entry).text);
      const byLine = new Map<number, { section: Section; line: Statement }>();
      for (const s of statements(ast.sections)) byLine.set(s.line.line + 1, s);
      for (const refusal of refusals) {
        const found = byLine.get(refusal.line);
        if (refusal.kind === "server" || refusal.kind === "bind") {
          const option = refusal.kind === "server" ? haproxyServerOption(refusal.word) : haproxyBindOption(refusal.word);
          rows.push({ file: entry.file, word: `${refusal.kind} ${refusal.word}`, agree: !option || !usable(option.availability), why: option ? availabilityAt(option.availability, VERSION) : "unknown" });
          continue;
        }
        if (!found) continue; // out of section, or inside an .if block
        const match = matchHaproxyKeyword(found.line.words.map((w) => w.value));
        let why = "unknown";
        if (!usable(HAPROXY_SECTION_AVAILABILITY[found.section.type])) why = `in a ${found.section.type} section, which 2.6 does not have`;
        else if (match) {
          const state = availabilityAt(match.keyword.availability, VERSION);
          why = !isAllowedIn(match.keyword, found.section.type, found.section.name !== undefined) ? "wrong section" : state;
        }
        rows.push({ file: entry.file, word: refusal.word, agree: why !== "ok" && why !== "deprecated", why });
      }
    }
    const agreed = rows.filter((r) => r.agree).length;
    const rate = rows.length ? agreed / rows.length : 1;
    console.log(`\nhaproxy refusals: ${agreed}/${rows.length} agree (${(rate * 100).toFixed(1)}%)`);
    for (const r of rows.filter((x) => !x.agree)) console.log(`  disagree: ${r.file}: '${r.word}' is ${r.why} in lblint's 2.6 tables`);
    expect(rows.length).toBeGreaterThan(20);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });
});
