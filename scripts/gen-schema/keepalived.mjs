// Generates server/src/facts/generated/keepalived.ts, lblint's keepalived keyword tree, from:
// - ../shared/reference/keepalived/keywords-from-source-{v2.2.7,HEAD}.tsv: every install_keyword()
//   call of keepalived's parser with its parent block (which keyword exists where, per version);
// - ../shared/reference/keepalived/keepalived.conf.5.in{-v2.2.7,}: the man page (argument syntax,
//   the section each keyword is documented in);
// - overrides-keepalived.mjs: hand corrections (argument specs the man page leaves unclear, value
//   block entries, deprecations), each checked against keepalived 2.2.7 `keepalived -t`.
//
//   node scripts/gen-schema/keepalived.mjs            writes the file and prints the report
//
// export async function generate({ referenceDir, outDir }) → { report: string[] }
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgNotation, parseManSignature, trimShapes } from "./keepalived-args.mjs";
import { readManPage } from "./keepalived-man.mjs";
import * as O from "./overrides-keepalived.mjs";
import { BLOCK_SUMMARIES } from "./summaries-keepalived-blocks.mjs";
import { GLOBAL_SUMMARIES } from "./summaries-keepalived-global.mjs";
import { MORE_SUMMARIES as COMMON_SUMMARIES } from "./summaries-keepalived.mjs";

/** The summary tables of summaries-keepalived*.mjs, block by block (a block's first table that has a keyword wins). */
const MORE_SUMMARIES = Object.fromEntries(
  [...new Set([COMMON_SUMMARIES, GLOBAL_SUMMARIES, BLOCK_SUMMARIES].flatMap(Object.keys))].map((id) => [id, Object.assign({}, BLOCK_SUMMARIES[id], GLOBAL_SUMMARIES[id], COMMON_SUMMARIES[id])]),
);

export const OUTPUT_FILE = "keepalived.ts";

const VERSIONS = [
  { version: "2.2", tsv: "keywords-from-source-v2.2.7.tsv", man: "keepalived.conf.5.in-v2.2.7", label: "v2.2.7" },
  { version: "2.4", tsv: "keywords-from-source-HEAD.tsv", man: "keepalived.conf.5.in", label: "HEAD (2.4.3)" },
];

/** Block id of a keyword `kw` opened in block `parent`: `vrrp_instance`, `vrrp_instance>authentication`. */
export function childId(parent, kw) {
  return parent === "top" ? kw : `${parent}>${kw}`;
}

function parentOf(id) {
  const i = id.lastIndexOf(">");
  return i < 0 ? "top" : id.slice(0, i);
}

function lastOf(id) {
  return id.slice(id.lastIndexOf(">") + 1);
}

// ---- the source index --------------------------------------------------------------------------

/** TSV parent path → block ids (`HTTP_GET|SSL_GET` stands for both checkers). */
function blockIdsOf(parentPath) {
  if (parentPath === "(top level)") return ["top"];
  if (parentPath.includes("(any *_CHECK")) return [O.CHECKER_COMMON_PATH];
  if (parentPath.includes("HTTP_GET|SSL_GET")) {
    return ["HTTP_GET", "SSL_GET"].map((c) => parentPath.replace("HTTP_GET|SSL_GET", c));
  }
  return [parentPath];
}

/** → Map<blockId, Map<keyword, { quoted: boolean }>> */
function readSourceIndex(file) {
  const tree = new Map();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    const [, parentPath, keyword, kind] = line.split("\t");
    if (!parentPath || !keyword) continue;
    for (const id of blockIdsOf(parentPath)) {
      if (!tree.has(id)) tree.set(id, new Map());
      const prev = tree.get(id).get(keyword);
      tree.get(id).set(keyword, { quoted: (prev?.quoted ?? false) || kind === "quoted" });
    }
  }
  return tree;
}

// ---- helpers -----------------------------------------------------------------------------------

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    const out = {};
    for (const k of Object.keys(value).sort()) if (value[k] !== undefined) out[k] = sortKeys(value[k]);
    return out;
  }
  return value;
}

const GENERALITY = ["string", "command", "number", "int"];
/** The more accepting of two shapes (for a keyword whose syntax differs between versions). */
function widerShape(a, b) {
  if (a === b) return a;
  if (a === undefined || b === undefined) return a ?? b;
  if (a.startsWith("int") && b.startsWith("int")) return "int";
  if ((a.startsWith("int") || a.startsWith("number")) && (b.startsWith("int") || b.startsWith("number"))) return "number";
  for (const g of GENERALITY) if (a === g || b === g) return g === "int" ? "string" : g;
  return "string";
}

function mergeSpecs(a, b) {
  if (!a || !b) return a ?? b;
  const max = a.max === -1 || b.max === -1 ? -1 : Math.max(a.max, b.max);
  const spec = { min: Math.min(a.min, b.min), max };
  const n = Math.max(a.shapes?.length ?? 0, b.shapes?.length ?? 0);
  if (n > 0) {
    const shapes = [];
    for (let i = 0; i < n; i++) shapes.push(widerShape(a.shapes?.[i], b.shapes?.[i]) ?? "string");
    if (trimShapes(shapes).length > 0) spec.shapes = trimShapes(shapes);
  }
  if (a.rest || b.rest) spec.rest = widerShape(a.rest, b.rest);
  return spec;
}

/** Man-page shapes → schema shapes; example values say how many words, not which. */
function manSpec(entryList) {
  let merged;
  let sure = true;
  for (const e of entryList) {
    const parsed = parseManSignature(e.signature);
    if (!parsed.sure) sure = false;
    const shapes = parsed.shapes.map((s) => (s === "example-int" || s === "example-number" ? "number" : s));
    const spec = { ...parsed.spec };
    if (trimShapes(shapes).length > 0) spec.shapes = trimShapes(shapes);
    // A keyword whose only argument is <BOOL> may stand alone and then means yes (oracle: smtp_alert,
    // alpha, log_all_failures, notify_priority_changes, *_force accepted alone by 2.2.7).
    if (spec.max === 1 && shapes[0] === "bool") spec.min = 0;
    merged = mergeSpecs(merged, spec);
  }
  return sure ? merged : undefined;
}

function availableAt(av, version) {
  const cmp = (a, b) => Number(a.split(".")[0]) - Number(b.split(".")[0]) || Number(a.split(".")[1]) - Number(b.split(".")[1]);
  if (!av) return true;
  if (av.removed !== undefined && cmp(version, av.removed) >= 0) return false;
  if (av.since !== undefined && cmp(version, av.since) < 0) return false;
  return true;
}

function sameSpec(a, b) {
  return JSON.stringify(sortKeys(a ?? null)) === JSON.stringify(sortKeys(b ?? null));
}

function fmtSpec(spec) {
  if (!spec) return "unchecked";
  const shapes = spec.shapes ? ` ${spec.shapes.join(" ")}` : "";
  const rest = spec.rest ? ` ${spec.rest}...` : "";
  return `${spec.min}..${spec.max === -1 ? "∞" : spec.max}${shapes}${rest}`;
}

// ---- generation --------------------------------------------------------------------------------

export async function generate({ referenceDir, outDir }) {
  const kaDir = join(referenceDir, "keepalived");
  const report = [];

  // 1. which keyword exists in which block, per version
  /** blockId → keyword → { versions: Set, quoted: boolean } */
  const tree = new Map();
  const addKeyword = (id, kw, version, quoted = false) => {
    if (!tree.has(id)) tree.set(id, new Map());
    const kws = tree.get(id);
    if (!kws.has(kw)) kws.set(kw, { versions: new Set(), quoted: false });
    kws.get(kw).versions.add(version);
    if (quoted) kws.get(kw).quoted = true;
  };
  const sources = {};
  for (const { version, tsv } of VERSIONS) {
    const index = readSourceIndex(join(kaDir, tsv));
    sources[version] = index;
    for (const [id, kws] of index) {
      if (id === O.CHECKER_COMMON_PATH) continue;
      for (const [kw, info] of kws) addKeyword(id, kw, version, info.quoted);
    }
    // keywords common to the checkers, spread as keepalived registers them
    for (const [kw, info] of index.get(O.CHECKER_COMMON_PATH) ?? []) {
      const group = O.CHECKER_COMMON_GROUPS.connection.includes(kw) ? "connection" : "other";
      for (const [checkerId, groups] of Object.entries(O.CHECKER_COMMON)) {
        if (groups.includes(group)) addKeyword(checkerId, kw, version, info.quoted);
      }
    }
    // keywords the index misses (registered through a variable or in a loop)
    for (const [id, kws] of Object.entries(O.EXTRA_KEYWORDS)) {
      for (const [kw, extra] of Object.entries(kws)) {
        if ((extra.versions ?? ["2.2", "2.4"]).includes(version)) addKeyword(id, kw, version);
      }
    }
  }
  // every block a keyword opens exists, even when no keyword of its own is registered (TCP_CHECK)
  for (const id of [...tree.keys()]) {
    for (let p = id; p !== "top"; p = parentOf(p)) {
      if (!tree.has(parentOf(p))) tree.set(parentOf(p), new Map());
      const parentKws = tree.get(parentOf(p));
      if (!parentKws.has(lastOf(p))) report.push(`WARNING: block ${p} has no opening keyword in ${parentOf(p)}`);
    }
  }
  const valueBlockIds = new Set(Object.keys(O.VALUE_BLOCKS));
  for (const id of valueBlockIds) {
    if (!tree.get(parentOf(id))?.has(lastOf(id))) report.push(`WARNING: value block ${id} has no opening keyword`);
    if (tree.has(id)) report.push(`WARNING: value block ${id} also has keywords in the source index`);
  }
  /** blockId → keyword → child block id */
  const opens = new Map();
  const allBlockIds = new Set(["top", ...tree.keys(), ...valueBlockIds]);
  for (const id of allBlockIds) {
    if (id === "top") continue;
    const parent = parentOf(id);
    if (!opens.has(parent)) opens.set(parent, new Map());
    opens.get(parent).set(lastOf(id), id);
  }
  // the include directives are read by the parser itself, in every block that holds keywords
  for (const id of allBlockIds) {
    if (valueBlockIds.has(id)) continue;
    for (const kw of Object.keys(O.PARSER_KEYWORDS)) for (const { version } of VERSIONS) addKeyword(id, kw, version);
  }

  // 2. the man pages: argument syntax and sections
  const isValuePath = (path) => valueBlockIds.has(manBlockIds(path)[0] ?? "");
  const manBlockIds = (path) => {
    if (path.length === 0) return ["top"];
    let ids = [""];
    for (const seg of path) {
      const mapped = O.MAN_PATH_ALIASES[seg] ?? [seg];
      ids = ids.flatMap((prefix) => mapped.map((m) => (prefix === "" ? m : `${prefix}>${m}`)));
    }
    return ids.flatMap((id) => O.MAN_BLOCK_ALIASES[id] ?? [id]);
  };
  /** version → blockId → keyword → man entries */
  const man = {};
  const manSections = {};
  for (const { version, man: file } of VERSIONS) {
    const text = readFileSync(join(kaDir, file), "utf8");
    const known = (path, kw) => manBlockIds(path).some((id) => tree.get(id)?.has(kw));
    const { entries, valueLines, sections } = readManPage(text, known, isValuePath);
    manSections[version] = sections;
    const byBlock = new Map();
    const strays = [];
    for (const e of entries) {
      const ids = manBlockIds(e.path).filter((id) => tree.get(id)?.has(e.keyword));
      if (ids.length === 0) {
        strays.push(`${e.path.join(">") || "top"}: ${e.keyword} (line ${e.line})`);
        continue;
      }
      for (const id of ids) {
        if (!byBlock.has(id)) byBlock.set(id, new Map());
        const kws = byBlock.get(id);
        if (!kws.has(e.keyword)) kws.set(e.keyword, []);
        kws.get(e.keyword).push(e);
      }
    }
    man[version] = { byBlock, strays, valueLines };
  }

  // 3. the schema
  const blocks = {};
  const argOrigin = { override: 0, man: 0, unchecked: 0 };
  const disagreements = [];
  const uncheckedList = [];
  for (const id of [...allBlockIds].sort()) {
    const keywords = {};
    const blockManSection = (() => {
      const counts = new Map();
      for (const { version } of VERSIONS) {
        for (const list of man[version].byBlock.get(id)?.values() ?? []) {
          for (const e of list) counts.set(e.section, (counts.get(e.section) ?? 0) + 1);
        }
      }
      return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    })();
    for (const [kw, info] of [...(tree.get(id) ?? new Map())].sort((a, b) => a[0].localeCompare(b[0]))) {
      const entry = { name: kw };
      // arguments: hand override, else a man-page syntax the reader is sure of, else unchecked
      const argsBlock = O.ARGS_FROM[id] && !man["2.2"].byBlock.get(id)?.has(kw) ? O.ARGS_FROM[id] : id;
      const override = O.ARGS[argsBlock]?.[kw] ?? O.ARGS["*"]?.[kw] ?? O.PARSER_KEYWORDS[kw];
      const manEntries = VERSIONS.flatMap(({ version }) => (info.versions.has(version) ? man[version].byBlock.get(argsBlock)?.get(kw) ?? [] : []));
      const fromMan = manEntries.length > 0 ? manSpec(manEntries) : undefined;
      if (override !== undefined) {
        entry.args = parseArgNotation(override);
        argOrigin.override++;
        if (fromMan && !sameSpec(fromMan, entry.args)) disagreements.push(`${id} ${kw}: man ${fmtSpec(fromMan)} / override ${fmtSpec(entry.args)}`);
      } else if (fromMan) {
        entry.args = fromMan;
        argOrigin.man++;
      } else {
        argOrigin.unchecked++;
        uncheckedList.push(`${id} ${kw}${manEntries.length ? ` [man: ${manEntries.map((e) => e.signature || "(none)").join(" / ")}]` : " [not in man page]"}`);
      }
      if (entry.args === undefined) delete entry.args;
      // the block it opens
      const child = opens.get(id)?.get(kw);
      if (child) entry.block = child;
      // versions
      const availability = {};
      if (!info.versions.has("2.2")) availability.since = O.HEAD_ONLY_SINCE;
      Object.assign(availability, O.AVAILABILITY[id]?.[kw] ?? {});
      if (Object.keys(availability).length > 0) entry.availability = availability;
      // documentation
      const documented = manEntries[0] ?? VERSIONS.flatMap(({ version }) => man[version].byBlock.get(id)?.get(kw) ?? [])[0];
      const docAlias = O.DOC_ALIASES[id]?.[kw];
      if (documented) entry.doc = { chapter: documented.section, anchor: kw };
      else if (O.PARSER_KEYWORDS[kw] !== undefined) entry.doc = { chapter: "DESCRIPTION", anchor: kw };
      else if (blockManSection) entry.doc = docAlias ? { chapter: blockManSection, anchor: docAlias } : { chapter: blockManSection };
      const summary = O.SUMMARIES[id]?.[kw] ?? MORE_SUMMARIES[id]?.[kw] ?? O.SUMMARIES["*"]?.[kw] ?? MORE_SUMMARIES["*"]?.[kw];
      if (summary) entry.summary = summary;
      keywords[kw] = entry;
    }
    // removed keywords users still write: kept so that lookups can say what replaced them
    for (const [kw, extra] of Object.entries(O.REMOVED_KEYWORDS[id] ?? {})) {
      if (keywords[kw]) throw new Error(`${id} ${kw}: listed as removed but present in the sources`);
      keywords[kw] = { name: kw, availability: extra.availability, ...(extra.args ? { args: parseArgNotation(extra.args) } : {}) };
      if (blockManSection) keywords[kw].doc = { chapter: blockManSection };
      const summary = O.SUMMARIES[id]?.[kw] ?? MORE_SUMMARIES[id]?.[kw];
      if (summary) keywords[kw].summary = summary;
    }
    const block = { id, keywords: sortKeys(keywords) };
    if (valueBlockIds.has(id)) block.entries = O.VALUE_BLOCKS[id];
    blocks[id] = block;
  }
  const schema = sortKeys({ blocks });
  // a summary naming no keyword of its block is a typo or a keyword the sources lost
  const straySummaries = Object.entries(MORE_SUMMARIES).flatMap(([id, table]) =>
    Object.keys(table).filter((kw) => (id === "*" ? !Object.values(blocks).some((b) => b.keywords[kw]) : !blocks[id]?.keywords[kw])).map((kw) => `${id} ${kw}`),
  );
  if (straySummaries.length) throw new Error(`summaries-keepalived.mjs: no such keyword: ${straySummaries.join(", ")}`);

  // 4. the report
  const versionReport = [];
  for (const { version, label } of VERSIONS) {
    const { byBlock, strays } = man[version];
    const notInMan = [];
    for (const [id, kws] of sources[version]) {
      for (const ids of [id === O.CHECKER_COMMON_PATH ? Object.keys(O.CHECKER_COMMON).filter((c) => O.CHECKER_COMMON[c].length > 0).slice(0, 1) : [id]]) {
        for (const bid of ids) for (const kw of kws.keys()) if (!byBlock.get(bid)?.has(kw)) notInMan.push(`${bid} ${kw}`);
      }
    }
    versionReport.push(`${label}: ${notInMan.length} keywords registered in the sources but not in the man page:`);
    for (const s of notInMan.sort()) versionReport.push(`    ${s}`);
    versionReport.push(`${label}: ${strays.length} man-page keyword lines that name no keyword of their block in the sources:`);
    for (const s of strays) versionReport.push(`    ${s}`);
  }
  const headOnly = [];
  for (const [id, b] of Object.entries(blocks)) {
    for (const kw of Object.values(b.keywords)) if (kw.availability?.since) headOnly.push(`${id} ${kw.name}`);
  }
  report.push(`keepalived: ${Object.keys(blocks).length} blocks (${valueBlockIds.size} value blocks), ${Object.values(blocks).reduce((n, b) => n + Object.keys(b.keywords).length, 0)} keyword entries (include directives included), ${Object.values(blocks).reduce((n, b) => n + Object.values(b.keywords).filter((k) => k.summary).length, 0)} with a summary`);
  report.push(`arguments: ${argOrigin.override} from overrides, ${argOrigin.man} from the man page, ${argOrigin.unchecked} unchecked`);
  report.push(`keywords per block at 2.2 / 2.4 (without the ${Object.keys(O.PARSER_KEYWORDS).length} include directives every keyword block has):`);
  const countAt = (b, v) => Object.values(b.keywords).filter((k) => O.PARSER_KEYWORDS[k.name] === undefined && availableAt(k.availability, v)).length;
  for (const [id, b] of Object.entries(blocks)) {
    const what = b.entries
      ? `value block, ${b.entries.single ? "word list" : b.entries.freeForm ? "free-form" : `${b.entries.positional ? `positional ${b.entries.positional.join(" ")}, ` : ""}${Object.keys(b.entries.options).length} options`}`
      : `${countAt(b, "2.2")} / ${countAt(b, "2.4")}`;
    report.push(`    ${id}: ${what}`);
  }
  report.push(`only in HEAD (since ${O.HEAD_ONLY_SINCE}): ${headOnly.length}`);
  for (const s of headOnly) report.push(`    ${s}`);
  report.push(...versionReport);
  report.push("registered in the sources, unknown to the Debian 2.2.7 build (kept):");
  for (const [id, kws] of Object.entries(O.NOT_IN_ORACLE_BUILD)) for (const kw of kws) report.push(`    ${id} ${kw}`);
  report.push(`man page and override disagree (${disagreements.length}):`);
  for (const s of disagreements) report.push(`    ${s}`);
  report.push(`unchecked arguments (${uncheckedList.length}):`);
  for (const s of uncheckedList) report.push(`    ${s}`);

  // 5. the file
  const json = JSON.stringify(schema);
  const header = `// GENERATED FILE, DO NOT EDIT. Written by \`npm run gen:schema\` (scripts/gen-schema/keepalived.mjs) from ../shared/reference/keepalived/{keywords-from-source-v2.2.7.tsv, keywords-from-source-HEAD.tsv, keepalived.conf.5.in-v2.2.7, keepalived.conf.5.in} and scripts/gen-schema/overrides-keepalived.mjs; change those and run it again.`;
  const content =
    `${header}\nimport type { KeepalivedSchema } from "../types.js";\n\n` +
    `/** The tables, parsed when called: facts/keepalived.ts calls it once, on first use, so that a run that lints no keepalived file never parses them. */\n` +
    `export function loadKeepalivedSchema(): KeepalivedSchema {\n` +
    `  return JSON.parse(${JSON.stringify(json)}) as KeepalivedSchema;\n` +
    `}\n`;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, OUTPUT_FILE), content);
  return { report };
}

const here = dirname(fileURLToPath(import.meta.url));
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = resolve(here, "../..");
  const referenceDir = resolve(root, "../shared/reference");
  const outDir = resolve(root, "server/src/facts/generated");
  if (!existsSync(referenceDir)) throw new Error(`reference directory missing: ${referenceDir}`);
  const { report } = await generate({ referenceDir, outDir });
  console.log(report.join("\n"));
}
