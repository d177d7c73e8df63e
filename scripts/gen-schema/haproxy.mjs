// Generates server/src/facts/generated/haproxy.ts: haproxy's keyword knowledge for 2.6 and 3.4, from
// the two configuration manuals and the keyword dump of the haproxy 2.6.12 binary, corrected by
// overrides-haproxy.mjs. Only facts are taken (names, sections, argument counts and shapes,
// versions, manual chapters); no sentence of the manuals is copied.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readDkall } from "./haproxy-dkall.mjs";
import { LATER_SOURCES, refineAvailability } from "./haproxy-later.mjs";
import { actionMatrix, chapter, chapters, definitions, globalBullets, proxyMatrix, readManual, usableIn, versionHints } from "./haproxy-manual.mjs";
import { mergeArgs, signatureArgs } from "./haproxy-signature.mjs";
import { sampleSyntaxOf, splitDocs, summaryOf, syntaxOf, unknownSummaries } from "./haproxy-syntax.mjs";
import * as overrides from "./overrides-haproxy.mjs";

/** The later releases' dumps and answers, kept in the repository (see reference/README.md). */
const LATER_DIR = join(dirname(fileURLToPath(import.meta.url)), "reference");

export const SOURCES = {
  "2.6": "haproxy/configuration-2.6.0.txt",
  "3.4": "haproxy/configuration-3.4.0.txt.gz",
  dkall: "haproxy/dkall-2.6.12.txt",
};

/** Rule sets whose keyword is followed by an action word. */
export const RULE_SETS = [
  "http-request",
  "http-response",
  "http-after-response",
  "tcp-request connection",
  "tcp-request session",
  "tcp-request content",
  "tcp-response content",
  "quic-initial",
];

/** Where the non-proxy sections are described, per manual. */
const SECTION_CHAPTERS = {
  "2.6": { "3.4": "userlist", "3.5": "peers", "3.6": "mailers", "3.7": "program", "3.8": "http-errors", "3.9": "ring", "3.10": "log-forward", "5.3.2": "resolvers", "6.2.1": "cache", "10.1.1": "fcgi-app" },
  "3.4": {
    "12.2": "userlist",
    "11.2": "peers",
    "12.3": "mailers",
    "12.4": "http-errors",
    "12.5": "ring",
    "12.6": "log-forward",
    "5.3.2": "resolvers",
    "6.2.1": "cache",
    "10.1.1": "fcgi-app",
    "12.1": "traces",
    "12.7": "crt-store",
    "12.8": "acme",
    "12.9": "healthcheck",
  },
};
const GLOBAL_CHAPTERS = { "2.6": ["3.1", "3.2", "3.3"], "3.4": ["3.1", "3.2", "3.3", "3.4"] };
const FETCH_CHAPTERS = ["7.3.2", "7.3.3", "7.3.4", "7.3.5", "7.3.6", "7.3.7"];

const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const sorted = (iterable) => [...iterable].sort();
/** Splits on spaces, except inside parentheses: `set-var(<name>[,<cond> ...]) <expr>` is two words. */
export function words(text) {
  const out = [];
  let current = "";
  let depth = 0;
  for (const c of text.trim()) {
    if (c === "(") depth++;
    else if (c === ")" && depth > 0) depth--;
    if (/\s/.test(c) && depth === 0) {
      if (current) out.push(current);
      current = "";
    } else current += c;
  }
  if (current) out.push(current);
  return out;
}

export async function generate({ referenceDir, outDir }) {
  const report = [];
  const say = (line) => report.push(line);
  const manuals = { "2.6": readManual(join(referenceDir, SOURCES["2.6"])), "3.4": readManual(join(referenceDir, SOURCES["3.4"])) };
  const chaps = { "2.6": chapters(manuals["2.6"]), "3.4": chapters(manuals["3.4"]) };
  const dk = readDkall(join(referenceDir, SOURCES.dkall));

  // ---- keyword accumulator ------------------------------------------------------------------
  /** name → entry */
  const kw = new Map();
  const entry = (name) => {
    let e = kw.get(name);
    if (!e) {
      e = { name, sections: new Set(), in: new Set(), sigs: { "2.6": [], "3.4": [] }, doc: {}, negatable: false, namedDefaultsOnly: false, deprecated: {}, hints: {}, conditional: false };
      kw.set(name, e);
    }
    return e;
  };
  const docOf = (_version, chapterNumber, anchor) => ({ chapter: chapterNumber, anchor });
  /**
   * The newest manual's place of an item; the anchor is left out when it is the item's name
   * (haproxyDocUrl falls back to the name). `chapter26` when the 2.6 manual has it in another chapter
   * (`wait_end`: 7.3.5 there, 7.3.2 in 3.4), except actions, which the link maps to 4.2 itself.
   */
  const docFor = (name, docs) => {
    const doc = docs["3.4"] ?? docs["2.6"];
    if (!doc) return undefined;
    const out = doc.anchor === name ? { chapter: doc.chapter } : { ...doc };
    const old = docs["2.6"];
    if (old && old.chapter !== doc.chapter && doc.chapter !== "4.4") out.chapter26 = old.chapter;
    return out;
  };

  // ---- 4.1 proxy matrix -----------------------------------------------------------------------
  const matrix = {};
  for (const v of ["2.6", "3.4"]) {
    matrix[v] = proxyMatrix(manuals[v], chapter(chaps[v], "4.1"));
    for (const row of matrix[v]) {
      const e = entry(row.name);
      e.in.add(v);
      e.matrix = true;
      row.sections.forEach((s) => e.sections.add(s));
      if (row.namedDefaultsOnly) e.namedDefaultsOnly = true;
      if (row.negatable) e.negatable = true;
      if (row.deprecated) e.deprecated[v] = true;
    }
  }
  const proxyNames = new Set([...matrix["2.6"], ...matrix["3.4"]].map((r) => r.name));
  for (const o of dk.proxyOptions) proxyNames.add(`option ${o.name}`);
  for (const name of overrides.extraProxyKeywords ?? []) proxyNames.add(name);

  /**
   * Longest known name that is a word prefix of `sig` (after a `no ` prefix); words are compared
   * without their `(…)` part, so that `http-check set-var(<name>)` is `http-check set-var`.
   */
  const resolve = (sig, names) => {
    const negated = /^(no|default)\s/.test(sig);
    const ws = words(sig.replace(/^(no|default)\s+/, ""));
    const bare = ws.map((w) => w.replace(/\(.*$/, ""));
    for (let n = Math.min(4, ws.length); n >= 1; n--) {
      const candidate = bare.slice(0, n).join(" ");
      if (names.has(candidate)) return { name: candidate, rest: ws.slice(n).join(" "), negated };
    }
    return undefined;
  };
  /** First words of the multi-word keywords (`option`, `timeout`, `stats`, `http-check`, …). */
  const families = new Set([...proxyNames].filter((n) => n.includes(" ")).map((n) => n.split(" ")[0]));
  /** A name for a definition that matches no known keyword: two words for a family, else one. */
  const newName = (sig) => {
    const ws = words(sig.replace(/^(no|default)\s+/, "")).map((w) => w.replace(/\(.*$/, ""));
    return families.has(ws[0]) && ws[1] && /^[a-z][\w.-]*$/.test(ws[1]) ? `${ws[0]} ${ws[1]}` : ws[0];
  };
  /** A `(deprecated)` mark applies to the keyword, not to one of its sub-forms (`compression direction`). */
  const deprecatesKeyword = (rest) => /\(deprecated\)/.test(rest) && !/^[a-z]/.test(rest);

  // ---- 4.2 proxy definitions (+ 2.6 actions) ---------------------------------------------------
  /** ruleSet → name → { in:Set, sigs:{v:[]}, doc:{}, deprecated:{} } */
  const actions = new Map(RULE_SETS.map((r) => [r, new Map()]));
  const action = (ruleSet, name) => {
    const set = actions.get(ruleSet);
    let a = set.get(name);
    if (!a) {
      a = { name, in: new Set(), sigs: { "2.6": [], "3.4": [] }, syntax: { "2.6": [], "3.4": [] }, doc: {}, deprecated: {}, sources: new Set() };
      set.set(name, a);
    }
    return a;
  };
  const unmatchedProxyDefs = { "2.6": [], "3.4": [] };
  const definedProxy = { "2.6": new Set(), "3.4": new Set() };
  const sectionMismatch = { "2.6": [], "3.4": [] };
  for (const v of ["2.6", "3.4"]) {
    const c = chapter(chaps[v], "4.2");
    const matrixRows = new Map(matrix[v].map((r) => [r.name, r]));
    for (const def of definitions(manuals[v], c.start, c.end, { allowGap: true })) {
      const hints = versionHints(def.body);
      const usable = usableIn(def.body);
      for (const sig of def.signatures) {
        if (!/^(no |default )?[a-z]/.test(sig)) continue;
        let r = resolve(sig, proxyNames);
        if (!r) {
          // documented in 4.2 but not in the matrix: its sections come from "May be used in sections"
          if (!usable) {
            unmatchedProxyDefs[v].push(`${sig} (line ${def.line})`);
            continue;
          }
          const name = newName(sig);
          proxyNames.add(name);
          const e = entry(name);
          e.in.add(v);
          usable.sections.forEach((s) => e.sections.add(s));
          if (usable.namedDefaultsOnly) e.namedDefaultsOnly = true;
          if (/^no\s/.test(sig)) e.negatable = true;
          unmatchedProxyDefs[v].push(`${name} (added, ${usable.sections.join("/")})`);
          r = resolve(sig, proxyNames);
        }
        const e = entry(r.name);
        e.in.add(v);
        definedProxy[v].add(r.name);
        const row = matrixRows.get(r.name);
        if (row && usable && !RULE_SETS.includes(r.name) && usable.sections.join() !== row.sections.join()) {
          sectionMismatch[v].push(`${r.name}: matrix ${row.sections.join("/")} vs 4.2 ${usable.sections.join("/")}`);
          // when the two disagree, a section either allows is kept: haproxy 2.6.12 accepts
          // `http-send-name-header` in defaults, which only 4.2 lists
          if (!r.negated) usable.sections.forEach((sec) => e.sections.add(sec));
        }
        if (!e.doc[v]) e.doc[v] = docOf(v, "4.2", r.name);
        if (deprecatesKeyword(r.rest)) e.deprecated[v] = true;
        if (hints.deprecated) e.hints.deprecated ??= hints.deprecated;
        if (hints.removed) e.hints.removed ??= hints.removed;
        if (RULE_SETS.includes(r.name) && r.rest && !r.rest.startsWith("<action>")) {
          // `http-request set-header <name> <fmt> [ { if | unless } <condition> ]` (2.6 layout)
          const actionWord = words(r.rest)[0];
          const name = actionWord.replace(/\(.*$/, "");
          if (!/^[a-z][\w.-]*$/.test(name)) continue;
          const a = action(r.name, name);
          a.in.add(v);
          a.sources.add(`manual ${v}`);
          a.sigs[v].push(r.rest.slice(actionWord.length).trim());
          a.syntax[v].push(`${actionWord.slice(name.length)} ${r.rest.slice(actionWord.length)}`);
          if (!a.doc[v]) a.doc[v] = docOf(v, "4.2", `${r.name} ${name}`);
          if (deprecatesKeyword(r.rest.slice(actionWord.length).trim())) a.deprecated[v] = true;
          e.conditional = true;
          continue;
        }
        // `no option httplog`: the negated form says nothing about the arguments
        if (r.negated) e.negatable = true;
        else e.sigs[v].push(r.rest);
      }
    }
  }

  // ---- 4.3 / 4.4 actions (3.x) -----------------------------------------------------------------
  const c43 = chaps["3.4"].find((c) => c.number === "4.3");
  if (c43) {
    for (const row of actionMatrix(manuals["3.4"], c43)) {
      const name = words(row.name)[0];
      for (const ruleSet of row.ruleSets) {
        const a = action(ruleSet, name);
        a.in.add("3.4");
        a.sources.add("matrix 3.4");
        if (row.deprecated) a.deprecated["3.4"] = true;
        a.doc["3.4"] = docOf("3.4", "4.4", name);
      }
    }
    const c44 = chapter(chaps["3.4"], "4.4");
    for (const def of definitions(manuals["3.4"], c44.start, c44.end)) {
      for (const sig of def.signatures) {
        const first = words(sig)[0];
        const name = first.replace(/\(.*$/, "");
        for (const set of actions.values()) {
          const a = set.get(name);
          if (a && a.in.has("3.4")) {
            a.sigs["3.4"].push(sig.slice(first.length).trim());
            a.syntax["3.4"].push(`${first.slice(name.length)} ${sig.slice(first.length)}`);
            if (/\(deprecated\)/.test(sig)) a.deprecated["3.4"] = true;
          }
        }
      }
    }
  }
  // dkall actions: registered in 2.6.12
  for (const [ruleSet, names] of dk.actions) {
    for (const [name, info] of names) {
      if (name === "track-sc" && info.prefix) {
        for (const n of ["track-sc0", "track-sc1", "track-sc2"]) {
          const a = action(ruleSet, n);
          a.in.add("dk");
          a.sources.add("dkall");
        }
        continue;
      }
      const a = action(ruleSet, name);
      a.in.add("dk");
      a.sources.add("dkall");
    }
  }

  // ---- global -------------------------------------------------------------------------------
  const bullets = {};
  const globalDefs = { "2.6": new Map(), "3.4": new Map() };
  for (const v of ["2.6", "3.4"]) {
    const c3 = chapter(chaps[v], "3");
    const c31 = chapter(chaps[v], "3.1");
    bullets[v] = globalBullets(manuals[v], { start: c3.start, end: c31.start });
    for (const num of GLOBAL_CHAPTERS[v]) {
      const c = chapter(chaps[v], num);
      for (const def of definitions(manuals[v], c.start, c.end, { allowGap: true })) {
        const hints = versionHints(def.body);
        for (const sig of def.signatures) {
          const ws = words(sig.replace(/^no\s+/, ""));
          if (!/^[a-z0-9][\w.-]*$/.test(ws[0])) continue;
          const name = ws[0] === "stats" && ws[1] && /^[a-z]/.test(ws[1]) ? `stats ${ws[1]}` : ws[0];
          const rest = ws.slice(words(name).length).join(" ");
          const d = globalDefs[v].get(name) ?? { sigs: [], chapter: num, deprecated: false, hints, line: def.line };
          d.sigs.push(rest);
          if (/\(deprecated\)/.test(sig)) d.deprecated = true;
          globalDefs[v].set(name, d);
        }
      }
    }
  }
  const dkGlobal = dk.sections.get("global") ?? new Set();
  const globalNames = { "2.6": new Set(), "3.4": new Set() };
  for (const v of ["2.6", "3.4"]) {
    for (const b of bullets[v]) {
      if (b.name === "stats") {
        for (const name of globalDefs[v].keys()) if (name.startsWith("stats ")) globalNames[v].add(name);
      } else globalNames[v].add(b.name);
    }
  }
  // registered by 2.6.12 ("dk"): in 2.6 for sure, but the 3.4 manual's silence about an undocumented
  // keyword says nothing about its removal
  const dkGlobalNames = new Set([...dkGlobal].map((name) => (name === "stats" ? "stats socket" : name)));
  for (const name of dkGlobalNames) {
    const e = entry(name);
    e.sections.add("global");
    e.in.add("dk");
  }
  const globalDefOnly = { "2.6": [], "3.4": [] };
  for (const v of ["2.6", "3.4"]) {
    for (const [name] of globalDefs[v]) {
      if (globalNames[v].has(name)) continue;
      // defined in 3.x but missing from the bullet list: a keyword all the same
      globalNames[v].add(name);
      globalDefOnly[v].push(name);
    }
  }
  for (const v of ["2.6", "3.4"]) {
    for (const name of globalNames[v]) {
      const e = entry(name);
      e.sections.add("global");
      e.in.add(v);
      const d = globalDefs[v].get(name);
      if (d) {
        e.sigs[v].push(...d.sigs.map((s) => ({ text: s, section: "global" })));
        e.doc[v] ??= docOf(v, d.chapter, name);
        if (d.deprecated) e.deprecated[v] = true;
        if (d.hints.deprecated) e.hints.deprecated ??= d.hints.deprecated;
        if (d.hints.removed) e.hints.removed ??= d.hints.removed;
      }
      const bullet = bullets[v].find((b) => b.name === name);
      if (bullet?.deprecated) e.deprecated[v] = true;
    }
  }

  // ---- other sections -------------------------------------------------------------------------
  const sectionKeywords = { "2.6": new Map(), "3.4": new Map() };
  const allKnownMulti = new Set([...proxyNames].filter((n) => n.includes(" ")));
  for (const v of ["2.6", "3.4"]) {
    for (const [num, section] of Object.entries(SECTION_CHAPTERS[v])) {
      const c = chapter(chaps[v], num);
      const found = new Set();
      for (const def of definitions(manuals[v], c.start, c.end)) {
        for (const raw of def.signatures) {
          const sig = raw.replace(/^no\s+/, "");
          const ws = words(sig);
          if (!/^[a-z0-9][\w.-]*$/.test(ws[0]) || ws[0] === section) continue;
          let name = resolve(sig, allKnownMulti)?.name;
          if (!name) name = ["option", "timeout"].includes(ws[0]) && ws[1] && /^[a-z]/.test(ws[1]) ? `${ws[0]} ${ws[1]}` : ws[0];
          const expand = overrides.sectionKeywordExpansion?.[`${section}:${name}`];
          for (const n of expand ?? [name]) {
            const e = entry(n);
            e.sections.add(section);
            e.in.add(v);
            found.add(n);
            const rest = expand ? ws.slice(2).join(" ") : ws.slice(words(name).length).join(" ");
            e.sigs[v].push({ text: rest, section });
            e.doc[v] ??= docOf(v, num, n);
          }
        }
      }
      sectionKeywords[v].set(section, found);
    }
  }
  // keywords of sections the manual describes only in prose or that dkall does not list
  for (const [section, list] of Object.entries(overrides.sectionKeywords ?? {})) {
    for (const { name, versions } of list) {
      const e = entry(name);
      e.sections.add(section);
      for (const v of versions) {
        e.in.add(v);
        if (sectionKeywords[v].has(section)) sectionKeywords[v].get(section).add(name);
      }
    }
  }

  // dkall's "listen" list: proxy keywords registered in 2.6.12
  const dkListen = dk.sections.get("listen") ?? new Set();
  for (const name of dkListen) if (kw.has(name)) kw.get(name).in.add("dk");
  for (const o of dk.proxyOptions) if (kw.has(`option ${o.name}`)) kw.get(`option ${o.name}`).in.add("dk");

  // ---- bind / server options -----------------------------------------------------------------
  const options = (chapterNumber, dkMap, kind) => {
    const out = new Map();
    for (const v of ["2.6", "3.4"]) {
      const c = chapter(chaps[v], chapterNumber);
      for (const def of definitions(manuals[v], c.start, c.end)) {
        const hints = versionHints(def.body);
        for (const sig of def.signatures) {
          const first = words(sig)[0];
          if (!/^[a-z0-9][\w.-]*$/.test(first)) continue;
          const o = out.get(first) ?? { name: first, in: new Set(), sigs: { "2.6": [], "3.4": [] }, doc: {}, deprecated: {}, hints: {} };
          o.in.add(v);
          o.sigs[v].push(sig.slice(first.length).trim());
          o.doc[v] ??= docOf(v, chapterNumber, first);
          if (/\(deprecated\)/.test(sig)) o.deprecated[v] = true;
          if (hints.deprecated) o.hints.deprecated ??= hints.deprecated;
          if (hints.removed) o.hints.removed ??= hints.removed;
          out.set(first, o);
        }
      }
    }
    const onlyDk = [];
    for (const [name, info] of dkMap) {
      const o = out.get(name) ?? { name, in: new Set(), sigs: { "2.6": [], "3.4": [] }, doc: {}, deprecated: {}, hints: {} };
      if (!o.in.has("2.6")) onlyDk.push(name);
      o.in.add("dk");
      o.dkArgs = info.args;
      out.set(name, o);
    }
    const notDk = [...out.values()].filter((o) => o.in.has("2.6") && !dkMap.has(o.name) && o.sigs["2.6"].length).map((o) => o.name);
    say(`${kind} options: ${out.size} (2.6 manual+dkall ${[...out.values()].filter((o) => o.in.has("2.6") || o.in.has("dk")).length}, 3.4 manual ${[...out.values()].filter((o) => o.in.has("3.4")).length}); dkall only: ${onlyDk.join(" ") || "-"}; 2.6 manual only (not registered in 2.6.12): ${notDk.join(" ") || "-"}`);
    return out;
  };
  const bindOptions = options("5.1", dk.bindOptions, "bind");
  const serverOptions = options("5.2", dk.serverOptions, "server");

  // ---- fetches, converters, ACL keywords -----------------------------------------------------
  const samples = (chapterNumbers, dkMap, kind) => {
    const out = new Map();
    for (const v of ["2.6", "3.4"]) {
      for (const num of chapterNumbers) {
        const c = chapter(chaps[v], num);
        for (let i = c.start; i < c.end; i++) {
          const line = manuals[v][i];
          // definitions `name(<args>) : type` / `name(<args>)`, and 3.x summary rows `name(args)   type`
          const m = /^([a-z0-9][a-z0-9_.-]*[a-z0-9_])(\([^)]*(?:\([^)]*\)[^)]*)*\))?(?:\s*:\s*[a-z]| {2,}\S|\s*$|\s+\(deprecated\))/.exec(line);
          if (!m) continue;
          const prev = manuals[v][i - 1] ?? "";
          const next = manuals[v][i + 1] ?? "";
          const isDef = (prev.trim() === "" || /^\S/.test(prev)) && (/^\s+\S/.test(next) || /^\S/.test(next));
          if (!isDef) continue;
          if (kind === "converter" && !/\s{2,}\S/.test(line) && !/^\s+\S/.test(next) && !/^\S/.test(next)) continue;
          const o = out.get(m[1]) ?? { name: m[1], in: new Set(), sigs: { "2.6": [], "3.4": [] }, doc: {}, deprecated: {} };
          o.in.add(v);
          if (m[2]) o.sigs[v].push(m[2]);
          else o.sigs[v].push("");
          o.doc[v] ??= docOf(v, num, m[1]);
          if (/\(deprecated\)/.test(line)) o.deprecated[v] = true;
          out.set(m[1], o);
        }
      }
    }
    const onlyDk = [];
    for (const [name, info] of dkMap) {
      const o = out.get(name) ?? { name, in: new Set(), sigs: { "2.6": [], "3.4": [] }, doc: {}, deprecated: {} };
      if (!o.in.has("2.6")) onlyDk.push(name);
      o.in.add("dk");
      o.dk = info;
      out.set(name, o);
    }
    say(`${kind}s: ${out.size} (2.6 ${[...out.values()].filter((o) => o.in.has("2.6") || o.in.has("dk")).length}, 3.4 ${[...out.values()].filter((o) => o.in.has("3.4")).length}, dkall ${dkMap.size}); dkall only: ${onlyDk.length} (${onlyDk.slice(0, 12).join(" ")}${onlyDk.length > 12 ? " …" : ""})`);
    return out;
  };
  const fetches = samples(FETCH_CHAPTERS, dk.fetches, "fetche");
  const converters = samples(["7.3.1"], dk.converters, "converter");
  // Sanity: prose words caught by the line pattern would show up as 1-version-only, arg-less names.
  for (const map of [fetches, converters]) for (const name of overrides.notSamples ?? []) map.delete(name);

  const aclKeywords = new Set(dk.acl.map((a) => a.name));
  for (const v of ["2.6", "3.4"]) {
    const lines = manuals[v];
    for (const num of FETCH_CHAPTERS) {
      const c = chapter(chaps[v], num);
      let inDerivatives = false;
      for (let i = c.start; i < c.end; i++) {
        const line = lines[i];
        if (/^\s+ACL derivatives\s*:/.test(line)) {
          inDerivatives = true;
          continue;
        }
        if (inDerivatives) {
          const m = /^\s{3,}([a-z][a-z0-9_.]*)(?:\([^)]*\))?\s*:/.exec(line);
          if (m) aclKeywords.add(m[1]);
          else if (line.trim() === "" || /^\S/.test(line) || /^ {2}\S/.test(line)) inDerivatives = false;
        }
      }
    }
  }

  // ---- assemble keywords --------------------------------------------------------------------
  const keywordOverrides = overrides.keywords ?? {};
  /**
   * `in` holds "2.6" (the 2.6 manual documents it), "dk" (haproxy 2.6.12 registers it) and "3.4" (the 3.4
   * manual documents it). Only the 3.4 manual: since 3.4. Documented in 2.6 and not in 3.4: removed by
   * 3.4 (the exact version is unknown here). Registered in 2.6.12 but documented in no manual: no claim.
   */
  const availabilityOf = (inSet, deprecated, hints, extra) => {
    const av = {};
    const in26 = inSet.has("2.6") || inSet.has("dk");
    if (!in26 && inSet.has("3.4")) av.since = "3.4";
    if (inSet.has("2.6") && !inSet.has("3.4")) av.removed = "3.4";
    if (deprecated["2.6"]) av.deprecated = "2.6";
    else if (hints?.deprecated) av.deprecated = hints.deprecated;
    else if (deprecated["3.4"]) av.deprecated = in26 ? "3.4" : av.since;
    if (hints?.removed && !av.removed) av.removed = hints.removed;
    // "deprecated in 3.3" proves it existed in 3.3: an earlier `since` than the 3.4 guess
    if (av.since && av.deprecated && versionBefore(av.deprecated, av.since)) av.since = av.deprecated;
    Object.assign(av, extra ?? {});
    for (const k of Object.keys(av)) if (av[k] === undefined) delete av[k];
    return Object.keys(av).length ? av : undefined;
  };
  const argsFromSigs = (sigTexts) => {
    const parsed = sigTexts.map((s) => signatureArgs(typeof s === "string" ? s : s.text));
    const merged = mergeArgs(parsed);
    return { args: merged && { min: merged.min, max: merged.max, ...(merged.shapes.length ? { shapes: merged.shapes } : {}) }, conditional: parsed.some((p) => p.conditional) };
  };

  // an override naming no keyword is a typo or a keyword the manuals lost: say so rather than ignore it
  const removedNames = new Set((overrides.removedKeywords ?? []).map((r) => r.name));
  const unknownOverrides = [...Object.keys(keywordOverrides), ...(overrides.unboundedArgs ?? []), ...Object.keys(overrides.fewerArgs ?? {}), ...Object.keys(overrides.numberRanges ?? {})].filter((n) => !kw.has(n) && !removedNames.has(n));
  if (unknownOverrides.length) throw new Error(`overrides for unknown keywords: ${unknownOverrides.join(", ")}`);

  const keywords = [];
  for (const e of [...kw.values()].sort(byName)) {
    const o = keywordOverrides[e.name] ?? {};
    if (o.drop) continue;
    const sigs = [...e.sigs["2.6"], ...e.sigs["3.4"]];
    const { args, conditional } = argsFromSigs(sigs);
    // Where the two manuals give one position shapes no single one covers (`tune.bufsize <number>`
    // in 2.6, `<size>` in 3.4), 2.6's stay in `shapes` and 3.4's go to `laterShapes`.
    if (args && e.sigs["2.6"].length && e.sigs["3.4"].length) {
      const early = argsFromSigs(e.sigs["2.6"]).args?.shapes ?? [];
      const later = argsFromSigs(e.sigs["3.4"]).args?.shapes ?? [];
      const merged = args.shapes ?? [];
      if (merged.length < Math.min(early.length, later.length)) {
        args.shapes = early;
        args.laterShapes = later;
      }
    }
    const k = { name: e.name, sections: sorted(e.sections) };
    if (e.namedDefaultsOnly) k.namedDefaultsOnly = true;
    if (e.negatable) k.negatable = true;
    if (RULE_SETS.includes(e.name)) {
      k.args = { min: 1, max: -1 };
      k.actions = e.name;
      k.conditional = true;
    } else if (sigs.length && args) k.args = args;
    if (conditional || e.conditional) k.conditional = true;
    const av = availabilityOf(e.in, e.deprecated, e.hints);
    if (av) k.availability = av;
    const doc = docFor(e.name, e.doc);
    if (doc) k.doc = doc;
    if (k.args && (overrides.unboundedArgs ?? []).includes(e.name)) k.args = { ...k.args, max: -1 };
    if (k.args && overrides.fewerArgs?.[e.name] !== undefined) k.args = { ...k.args, min: Math.min(k.args.min, overrides.fewerArgs[e.name]) };
    const range = overrides.numberRanges?.[e.name];
    if (range && k.args?.shapes) {
      const at = k.args.shapes.findIndex((shape) => /^int(:|$)/.test(shape));
      if (at < 0) throw new Error(`numberRanges: ${e.name} takes no integer`);
      k.args = { ...k.args, shapes: k.args.shapes.map((shape, i) => (i === at ? `int:${range}` : shape)) };
    }
    applyOverride(k, o);
    if (overrides.summaries?.[e.name]) k.summary = overrides.summaries[e.name];
    if (k.args && k.args.max >= 0 && k.args.max < k.args.min) throw new Error(`bad args for ${k.name}`);
    keywords.push(k);
  }
  for (const r of overrides.removedKeywords ?? []) {
    if (keywords.some((k) => k.name === r.name)) {
      const k = keywords.find((x) => x.name === r.name);
      k.availability = { ...(k.availability ?? {}), ...r.availability };
      continue;
    }
    keywords.push({ name: r.name, sections: sorted(r.sections), ...(r.args ? { args: r.args } : {}), ...(r.conditional ? { conditional: true } : {}), availability: r.availability, ...(r.doc ? { doc: r.doc } : {}) });
  }
  keywords.sort(byName);

  const optionList = (map, optionOverrides, kind) =>
    [...map.values()]
      .sort(byName)
      .map((o) => {
        const opt = { name: o.name };
        if (o.dkArgs !== undefined && o.dkArgs >= 0) opt.args = { min: o.dkArgs, max: o.dkArgs };
        else if (o.dkArgs === undefined) {
          const { args } = argsFromSigs([...o.sigs["2.6"], ...o.sigs["3.4"]]);
          if (args) opt.args = args;
        }
        const av = availabilityOf(o.in, o.deprecated, o.hints);
        if (av) opt.availability = av;
        const doc = docFor(o.name, o.doc);
        if (doc) opt.doc = doc;
        Object.assign(opt, syntaxOf(o.sigs), summaryOf(kind, o.name));
        applyOverride(opt, optionOverrides?.[o.name] ?? {});
        return opt;
      })
      .filter((o) => !o.drop);

  const actionsOut = {};
  for (const [ruleSet, set] of actions) {
    const list = [];
    for (const a of [...set.values()].sort(byName)) {
      const opt = { name: a.name };
      const sigs = [...a.sigs["2.6"], ...a.sigs["3.4"]];
      if (sigs.length) {
        const parsed = sigs.map((s) => signatureArgs(s));
        const merged = mergeArgs(parsed);
        // Actions take option words the signature does not always list: only the minimum is trusted,
        // and the maximum only when no signature has an optional part.
        const simple = sigs.every((s) => !/[[{|]|\.\.\./.test(s.replace(/\[\s*\{\s*if\s*\|\s*unless\s*\}\s*<cond(?:ition)?>\s*\]/g, "")));
        opt.args = { min: merged.min, max: simple ? merged.max : -1 };
      }
      const av = availabilityOf(a.in, a.deprecated, undefined);
      if (av) opt.availability = av;
      const doc = docFor(a.name, a.doc);
      if (doc) opt.doc = doc;
      Object.assign(opt, syntaxOf(a.syntax), summaryOf("actions", a.name, ruleSet));
      applyOverride(opt, overrides.actions?.["*"]?.[a.name] ?? {});
      applyOverride(opt, overrides.actions?.[ruleSet]?.[a.name] ?? {});
      if (!opt.drop) list.push(opt);
    }
    if (list.length) actionsOut[ruleSet] = list;
  }

  // Argument types of the dump that a rule checks (the others, strings and names, take any word).
  const CHECKED_ARG_TYPES = new Set(["integer", "IPv4 mask", "IPv6 mask"]);
  const sampleList = (map, kind) =>
    [...map.values()].sort(byName).map((o) => {
      const opt = { name: o.name };
      if (o.dk) {
        opt.args = { min: o.dk.min, max: o.dk.max };
        // What the 3.4 manual's signature says (arguments added since 2.6.12's dump); absent when the
        // 3.4 manual gives no signature, so that a rule knows it cannot judge later versions.
        const sig34 = o.sigs["3.4"].find((s) => s);
        if (sig34 !== undefined) opt.laterArgs = signatureCounts(sig34);
      } else {
        const sig = o.sigs["3.4"].find((s) => s) ?? o.sigs["2.6"].find((s) => s) ?? "";
        opt.args = sampleArgs(sig);
      }
      // the argument types haproxy 2.6.12 checks as it reads them (`bytes(integer[,integer])`), by position
      const types = o.dk?.types ?? [];
      if (types.some((type) => CHECKED_ARG_TYPES.has(type))) opt.argTypes = types;
      // the type of a fetch's value as haproxy 2.6.12's keyword dump gives it (sint, str, bool, ipv4, …)
      if (kind === "fetches" && o.dk?.out) opt.output = o.dk.out;
      // a converter's input and output types, as the same dump gives them (`sha1: bin => bin`)
      if (kind === "converters" && o.dk?.in && o.dk?.out) Object.assign(opt, { input: o.dk.in, output: o.dk.out });
      // where haproxy 2.6.12 lets the fetch be used: its dump's 22 columns, Y or .
      if (kind === "fetches" && /^[Y.]{22}$/.test(o.dk?.usable ?? "")) opt.usable = o.dk.usable;
      const av = availabilityOf(o.in, o.deprecated, undefined);
      if (av) opt.availability = av;
      const doc = docFor(o.name, o.doc);
      if (doc) opt.doc = doc;
      Object.assign(opt, sampleSyntaxOf(o.sigs, o.dk), summaryOf(kind, o.name));
      applyOverride(opt, overrides[kind]?.[o.name] ?? {});
      return opt;
    });

  const schema = {
    keywords,
    bindOptions: optionList(bindOptions, overrides.bindOptions, "bindOptions"),
    serverOptions: optionList(serverOptions, overrides.serverOptions, "serverOptions"),
    actions: actionsOut,
    fetches: sampleList(fetches, "fetches"),
    converters: sampleList(converters, "converters"),
    aclKeywords: sorted(aclKeywords),
    // ACL keywords of haproxy 2.6.12 that stand for another fetch (`hdr` is `req.hdr -m str`)
    aclFetches: Object.fromEntries(dk.acl.filter((a) => a.fetch && a.fetch !== a.name).map((a) => [a.name, a.fetch]).sort(([a], [b]) => (a < b ? -1 : 1))),
  };

  refineAvailability(schema, LATER_DIR, dk, say);

  // ---- report ---------------------------------------------------------------------------------
  const m26 = new Set(matrix["2.6"].map((r) => r.name));
  const m34 = new Set(matrix["3.4"].map((r) => r.name));
  say(`proxy matrix: 2.6 ${m26.size} rows, 3.4 ${m34.size} rows; only 2.6: ${sorted([...m26].filter((n) => !m34.has(n))).join(", ") || "-"}; only 3.4: ${sorted([...m34].filter((n) => !m26.has(n))).join(", ") || "-"}`);
  for (const v of ["2.6", "3.4"]) {
    const m = v === "2.6" ? m26 : m34;
    const notDefined = sorted([...m].filter((n) => !definedProxy[v].has(n)));
    const notInMatrix = sorted([...definedProxy[v]].filter((n) => !m.has(n) && !RULE_SETS.includes(n)));
    say(`${v} matrix rows with no 4.2 definition: ${notDefined.join(", ") || "-"}`);
    say(`${v} 4.2 definitions not in the matrix: ${notInMatrix.join(", ") || "-"}`);
    if (unmatchedProxyDefs[v].length) say(`${v} 4.2 signatures matching no known keyword: ${unmatchedProxyDefs[v].join("; ")}`);
  }
  const dkOnlyListen = sorted([...dkListen].filter((n) => !m26.has(n) && !["option", "tcp-request", "tcp-response", "http-request", "http-response", "http-after-response", "timeout", "bind", "server"].includes(n)));
  say(`dkall 2.6.12 proxy keywords not in the 2.6 matrix: ${dkOnlyListen.join(", ") || "-"}`);
  const dkOptions = dk.proxyOptions.map((o) => `option ${o.name}`).filter((n) => !m26.has(n));
  say(`dkall 2.6.12 options not in the 2.6 matrix: ${dkOptions.join(", ") || "-"}`);
  const b26 = globalNames["2.6"];
  const b34 = globalNames["3.4"];
  const bul26 = new Set(bullets["2.6"].map((b) => b.name));
  say(`global: bullets 2.6 ${bullets["2.6"].length}, 3.4 ${bullets["3.4"].length}; dkall global ${dkGlobal.size}`);
  say(`global in dkall 2.6.12 but not in the 2.6 bullet list: ${sorted([...dkGlobal].filter((n) => !bul26.has(n))).join(", ") || "-"}`);
  say(`global in the 2.6 bullet list but not registered in dkall (hard-coded): ${[...bul26].filter((n) => !dkGlobal.has(n)).length}`);
  say(`global only in 2.6 (manual or dkall): ${sorted([...b26, ...dkGlobalNames].filter((n) => !b34.has(n))).join(", ") || "-"}`);
  say(`global only in 3.4: ${[...b34].filter((n) => !b26.has(n) && !dkGlobalNames.has(n)).length} keywords`);
  for (const v of ["2.6", "3.4"]) if (globalDefOnly[v].length) say(`${v} global definitions not in the bullet list (kept): ${sorted(globalDefOnly[v]).join(", ")}`);
  for (const v of ["2.6", "3.4"]) {
    say(`${v} other sections: ${[...sectionKeywords[v]].map(([s, set]) => `${s} ${set.size} (${sorted(set).join(" ")})`).join("; ")}`);
  }
  for (const ruleSet of Object.keys(actionsOut)) {
    const list = actionsOut[ruleSet];
    const set = actions.get(ruleSet);
    const dkOnly = list.filter((a) => [...set.get(a.name).sources].join() === "dkall").map((a) => a.name);
    const manualOnly26 = list.filter((a) => set.get(a.name).sources.has("manual 2.6") && !set.get(a.name).sources.has("dkall")).map((a) => a.name);
    say(`actions ${ruleSet}: ${list.length}; 2.6 dkall only: ${dkOnly.join(" ") || "-"}; 2.6 manual, not in dkall (hard-coded): ${manualOnly26.join(" ") || "-"}; since 3.4: ${list.filter((a) => a.availability?.since === "3.4").length}`);
  }
  for (const v of ["2.6", "3.4"]) if (sectionMismatch[v].length) say(`${v} matrix vs 4.2 "May be used in sections" disagreements (union kept): ${[...new Set(sectionMismatch[v])].join("; ")}`);
  const moves = new Map();
  const countMove = (d) => {
    if (d["2.6"] && d["3.4"] && d["2.6"].chapter !== d["3.4"].chapter) moves.set(`${d["3.4"].chapter}→${d["2.6"].chapter}`, (moves.get(`${d["3.4"].chapter}→${d["2.6"].chapter}`) ?? 0) + 1);
  };
  for (const e of kw.values()) countMove(e.doc);
  for (const set of actions.values()) for (const a of set.values()) countMove(a.doc);
  say(`manual chapters that moved (3.4→2.6: count): ${sorted(moves.keys()).map((k) => `${k}: ${moves.get(k)}`).join(", ")}`);
  const perSection = new Map();
  for (const k of keywords) for (const s of k.sections) perSection.set(s, (perSection.get(s) ?? 0) + 1);
  say(`keywords: ${keywords.length}; per section: ${sorted(perSection.keys()).map((s) => `${s} ${perSection.get(s)}`).join(", ")}`);
  say(`since 3.4: ${keywords.filter((k) => k.availability?.since === "3.4").length}; removed by 3.4: ${keywords.filter((k) => k.availability?.removed === "3.4").map((k) => k.name).join(", ")}`);
  say(`removed before 2.6 (overrides): ${keywords.filter((k) => k.availability?.removed && Number(k.availability.removed) <= 2.6).length}; deprecated: ${keywords.filter((k) => k.availability?.deprecated).map((k) => `${k.name}@${k.availability.deprecated}`).join(", ")}`);
  say(`args checked: ${keywords.filter((k) => k.args).length} of ${keywords.length} keywords (${keywords.filter((k) => k.args && k.args.max >= 0).length} with an upper bound); summaries: ${keywords.filter((k) => k.summary).length}`);
  const missingSummaries = Object.keys(overrides.summaries ?? {}).filter((n) => !kw.has(n));
  if (missingSummaries.length) throw new Error(`summaries for unknown keywords: ${missingSummaries.join(", ")}`);
  const strays = unknownSummaries(schema);
  if (strays.length) throw new Error(`summaries for unknown items: ${strays.join(", ")}`);
  const described = (list) => `${list.filter((o) => o.summary).length}/${list.length}`;
  say(`summaries: bind options ${described(schema.bindOptions)}, server options ${described(schema.serverOptions)}, actions ${described(Object.values(actionsOut).flat())}, fetches ${described(schema.fetches)}, converters ${described(schema.converters)}`);
  const versioned = (list) => list.filter((o) => o.syntax26 !== undefined).length;
  say(`syntax that 2.6 writes otherwise: bind options ${versioned(schema.bindOptions)}, server options ${versioned(schema.serverOptions)}, actions ${versioned(Object.values(actionsOut).flat())}, fetches ${versioned(schema.fetches)}, converters ${versioned(schema.converters)}; links to another 2.6 chapter: ${[...keywords, ...schema.bindOptions, ...schema.serverOptions, ...schema.fetches, ...schema.converters].filter((o) => o.doc?.chapter26).map((o) => o.name).join(", ") || "-"}`);
  say(`bind options ${schema.bindOptions.length}, server options ${schema.serverOptions.length}, fetches ${schema.fetches.length}, converters ${schema.converters.length}, ACL keywords ${schema.aclKeywords.length}, action rule sets ${Object.keys(actionsOut).length}`);

  // ---- write ----------------------------------------------------------------------------------
  const docs = splitDocs(schema);

  const json = JSON.stringify(schema);
  const later = Object.values(LATER_SOURCES).flatMap((l) => [l.dump, l.probed]).map((f) => `scripts/gen-schema/reference/${f}`);
  const files = [...[SOURCES["2.6"], SOURCES["3.4"], SOURCES.dkall].map((f) => `../shared/reference/${f}`), ...later].join(", ");
  const text =
    `// GENERATED by \`npm run gen:schema\` (scripts/gen-schema/haproxy.mjs + overrides-haproxy.mjs) from ${files}. Do not edit: change the generator or the overrides and regenerate.\n` +
    `import type { HaproxySchema } from "../types.js";\n\n` +
    `/** The tables, parsed when called: facts/haproxy.ts calls it once, on first use, so that a run that lints no haproxy file never parses them. */\n` +
    `export function loadHaproxySchema(): HaproxySchema {\n` +
    `  return JSON.parse('${singleQuoted(json)}') as HaproxySchema;\n` +
    `}\n`;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "haproxy.ts"), text);
  const docsText =
    `// GENERATED by \`npm run gen:schema\` (scripts/gen-schema/haproxy.mjs + haproxy-syntax.mjs + summaries-haproxy-*.mjs) from ${files}. Do not edit: change the generator or the summaries and regenerate.\n` +
    `import type { HaproxyDocs } from "../types.js";\n\n` +
    `/** Syntax and summaries for hover and completion, parsed when called: facts/haproxy-docs.ts calls it on first use, so that linting never parses them. */\n` +
    `export function loadHaproxyDocs(): HaproxyDocs {\n` +
    `  return JSON.parse('${singleQuoted(JSON.stringify(docs))}') as HaproxyDocs;\n` +
    `}\n`;
  writeFileSync(join(outDir, "haproxy-docs.ts"), docsText);
  return { report, schema, docs };
}

/** "3.3" before "3.4", "3.9" before "3.10". */
function versionBefore(a, b) {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = b.split(".").map(Number);
  return am !== bm ? am < bm : an < bn;
}

/** A JavaScript single-quoted string literal body: JSON's double quotes need no escaping there. */
function singleQuoted(text) {
  return text.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** Counts of a manual sample signature `(<a>[,<b>])`: mandatory before the first `[`, all otherwise. */
/**
 * The argument counts a manual signature gives exactly: `field(<index>,<delimiters>[,<count>])` is
 * 2..3, `srv_conn([<backend>/]<server>)` 1..1, `url_param([<name>[,<delim>[,i]]])` 0..3; a repeated
 * argument (`…`, `*`) has no maximum.
 */
function signatureCounts(sig) {
  const inner = sig.slice(1, -1).trim();
  if (inner === "") return { min: 0, max: 0 };
  let outside = "";
  let depth = 0;
  for (const c of inner) {
    if (c === "[") depth++;
    else if (c === "]") depth--;
    else if (depth === 0) outside += c;
  }
  const min = outside.trim() === "" ? 0 : outside.split(",").length;
  const max = /\*|\.\.\./.test(inner) ? -1 : inner.replace(/[[\]]/g, "").split(",").length;
  return { min, max };
}

function sampleArgs(sig) {
  if (!sig) return { min: 0, max: 0 };
  const inner = sig.slice(1, -1).trim();
  if (inner === "") return { min: 0, max: 0 };
  if (/\*|\.\.\./.test(inner)) {
    const before = inner.split("[")[0];
    return { min: before.split(",").filter((s) => s.trim()).length > 1 ? before.split(",").filter((s) => s.trim()).length : 0, max: -1 };
  }
  const bracket = inner.indexOf("[");
  const mandatory = (bracket < 0 ? inner : inner.slice(0, bracket)).split(",").filter((s) => s.trim()).length;
  const all = inner.replace(/[[\]]/g, "").split(",").length;
  return { min: mandatory > 1 ? mandatory : 0, max: all };
}

function applyOverride(target, o) {
  for (const [key, value] of Object.entries(o)) {
    if (key === "availability") target.availability = value === null ? undefined : { ...(target.availability ?? {}), ...value };
    else if (key === "addSections") target.sections = sorted(new Set([...(target.sections ?? []), ...value]));
    else if (value === null) delete target[key];
    else target[key] = value;
  }
  // an override's syntax speaks for every version unless it gives 2.6's too
  if (o.syntax !== undefined && o.syntax26 === undefined) delete target.syntax26;
  if (target.availability) {
    for (const k of Object.keys(target.availability)) if (target.availability[k] === undefined || target.availability[k] === null) delete target.availability[k];
    if (!Object.keys(target.availability).length) delete target.availability;
  }
}
