// The syntax and the summary that hover shows for a bind or server option, an action, a fetch or a
// converter. The syntax is the manual's own heading after the name (`<delay>` for `inter`,
// `([<name>[,<occ>]])` for `req.hdr`): a fact, taken from the newest manual that documents the item,
// without its trailing condition. The summaries are lblint's own words (summaries-haproxy-*.mjs).
// Both go to their own generated module (haproxy-docs.ts), read on first hover or completion only:
// linting never needs them.
import { stripCondition } from "./haproxy-signature.mjs";
import { actionSummaries } from "./summaries-haproxy-actions.mjs";
import { bindOptionSummaries, serverOptionSummaries, sharedOptionSummaries } from "./summaries-haproxy-options.mjs";
import { counterConverterSummaries, counterFetchSummaries } from "./summaries-haproxy-counters.mjs";
import { decoderConverterSummaries, mapConverterSummaries } from "./summaries-haproxy-decoders.mjs";
import { runtimeFetchSummaries } from "./summaries-haproxy-runtime.mjs";
import { converterSummaries, fetchSummaries } from "./summaries-haproxy-samples.mjs";
import { tlsConverterSummaries, tlsFamilySummaries, tlsFetchSummaries } from "./summaries-haproxy-tls.mjs";

const SUMMARIES = {
  bindOptions: { ...sharedOptionSummaries, ...bindOptionSummaries },
  serverOptions: { ...sharedOptionSummaries, ...serverOptionSummaries },
  actions: actionSummaries,
  fetches: { ...counterFetchSummaries, ...tlsFamilySummaries, ...fetchSummaries, ...tlsFetchSummaries, ...runtimeFetchSummaries },
  converters: { ...counterConverterSummaries, ...mapConverterSummaries, ...converterSummaries, ...tlsConverterSummaries, ...decoderConverterSummaries },
};

/** The tables written item by item, which must name only items of the schema (families are generated for every name). */
const CHECKED = {
  fetches: [fetchSummaries, tlsFetchSummaries, runtimeFetchSummaries],
  converters: [converterSummaries, tlsConverterSummaries, decoderConverterSummaries],
};

/**
 * `{ syntax, syntax26? }`: the signatures after the name, one line each, from the 3.4 manual if it has
 * any, else from 2.6; `syntax26` is the 2.6 manual's when both manuals give one and they differ, so
 * that hover shows a file targeting 2.6 what 2.6 reads. `{}` when neither gives arguments.
 */
export function syntaxOf(sigsByVersion) {
  const lines = (sigs) => [...new Set(sigs.map((sig) => tidy(stripCondition(typeof sig === "string" ? sig : sig.text).text)))].filter((line) => line !== "").join("\n");
  return perVersion(lines(sigsByVersion["3.4"]), lines(sigsByVersion["2.6"]));
}

/**
 * A fetch's or converter's `{ syntax, syntax26? }`: one parenthesised signature per manual. The 3.4
 * manual lists each twice, in a summary table (`field(index,delimiters[,count])`) and in the
 * definition (`field(<index>,<delimiters>[,<count>])`): the one with placeholders wins. `syntax26`
 * is empty when 2.6 documents it bare and 2.6.12 registers it without arguments (`dk`): `query`.
 */
export function sampleSyntaxOf(sigsByVersion, dk) {
  const best = (sigs) => {
    const tidied = sigs.map(tidy).filter((sig) => sig !== "");
    return tidied.find((sig) => sig.includes("<")) ?? tidied[0] ?? "";
  };
  const newest = best(sigsByVersion["3.4"]);
  const bareIn26 = sigsByVersion["2.6"].length > 0 && best(sigsByVersion["2.6"]) === "" && dk?.max === 0;
  if (newest && bareIn26) return { syntax: newest, syntax26: "" };
  const old = best(sigsByVersion["2.6"]);
  return perVersion(newest, stricterIn26(old || newest, dk) ?? old);
}

/**
 * The 2.6 form when haproxy 2.6.12 requires more arguments than the manual's signature makes
 * mandatory: `src_get_gpc(<idx>,[<table>])` in the 2.6 manual, but 2.6.12 refuses `src_get_gpc(0)`
 * (`missing arguments (got 1/2)`), so 2.6's form is `(<idx>,<table>)`. Only for signatures that are a
 * plain list of placeholders; undefined when the manual is right.
 */
function stricterIn26(signature, dk) {
  const names = signature.match(/<[^<>]*>/g) ?? [];
  if (!dk || !signature || signature.replace(/<[^<>]*>|[(),[\]\s]/g, "") !== "") return undefined;
  const mandatory = (signature.split("[")[0].match(/<[^<>]*>/g) ?? []).length;
  if (dk.min <= mandatory || dk.min > names.length) return undefined;
  const rest = names.slice(dk.min).reduceRight((inner, name) => `[,${name}${inner}]`, "");
  return `(${names.slice(0, dk.min).join(",")}${rest})`;
}

/**
 * The newest form as `syntax`, 2.6's as `syntax26` only when it reads differently: a renamed
 * placeholder (`<file-name>` → `<map-name>`), other spacing or `,[<b>]` written `[,<b>]` is no change.
 */
function perVersion(newest, old) {
  if (!newest) return old ? { syntax: old } : {};
  return old && shapeKey(old) !== shapeKey(newest) ? { syntax: newest, syntax26: old } : { syntax: newest };
}

/**
 * What a signature says, without its notation: each token (placeholder, word, punctuation) marked
 * optional or not, placeholders unnamed. `([<a>],[<b>])` and `([<a>[,<b>]])` give the same key.
 */
export function shapeKey(signature) {
  const text = signature.replace(/\s+/g, "").replace(/\.\.\.|…/g, "...").replace(/<[^<>]*>/g, "<>").replace(/,\[/g, "[,");
  let depth = 0;
  const tokens = [];
  for (const token of text.match(/<>|\.\.\.|[\w.-]+|[^\w\s]/g) ?? []) {
    if (token === "[") depth++;
    else if (token === "]") depth = Math.max(0, depth - 1);
    else tokens.push(depth > 0 ? `${token}?` : token);
  }
  return tokens.join(" ");
}

/** `( <name> , <occ> )` → `(<name>,<occ>)`: the manual's spacing inside parentheses varies. */
function tidy(text) {
  return text.replace(/\(\s+/g, "(").replace(/\s+\)/g, ")").replace(/\s*,\s*/g, ",").trim();
}

/** `{ summary }` for an item, `{}` when lblint has none; an action's summary may be per rule set. */
export function summaryOf(kind, name, ruleSet) {
  const table = SUMMARIES[kind] ?? {};
  const found = (ruleSet && table[`${ruleSet} ${name}`]) || table[name];
  return found ? { summary: found } : {};
}

/** Summaries naming no item of the schema: typos, or items the manuals lost. */
export function unknownSummaries(schema) {
  const names = {
    bindOptions: new Set(schema.bindOptions.map((o) => o.name)),
    serverOptions: new Set(schema.serverOptions.map((o) => o.name)),
    fetches: new Set(schema.fetches.map((o) => o.name)),
    converters: new Set(schema.converters.map((o) => o.name)),
    actions: new Set(Object.entries(schema.actions).flatMap(([ruleSet, list]) => list.flatMap((a) => [a.name, `${ruleSet} ${a.name}`]))),
  };
  // the counter, certificate and map families are generated for every prefix and need not all exist
  const own = { ...SUMMARIES, bindOptions: bindOptionSummaries, serverOptions: serverOptionSummaries, fetches: Object.assign({}, ...CHECKED.fetches), converters: Object.assign({}, ...CHECKED.converters) };
  const unknown = Object.entries(own).flatMap(([kind, table]) => Object.keys(table).filter((name) => !names[kind].has(name)).map((name) => `${kind}: ${name}`));
  const shared = Object.keys(sharedOptionSummaries).filter((name) => !names.bindOptions.has(name) && !names.serverOptions.has(name));
  return [...unknown, ...shared.map((name) => `bind or server options: ${name}`)];
}

/**
 * Moves `syntax`, `syntax26` and `summary` out of the schema's options, actions, fetches and converters into
 * the documentation tables `{ bindOptions, serverOptions, actions: { ruleSet: … }, fetches,
 * converters }`, each `name → { syntax?, syntax26?, summary? }`.
 */
export function splitDocs(schema) {
  const take = (list) => {
    const table = {};
    for (const item of list) {
      const doc = {};
      if (item.syntax) doc.syntax = item.syntax;
      if (item.syntax26 !== undefined) doc.syntax26 = item.syntax26;
      if (item.summary) doc.summary = item.summary;
      delete item.syntax;
      delete item.syntax26;
      delete item.summary;
      if (Object.keys(doc).length) table[item.name] = doc;
    }
    return table;
  };
  return {
    bindOptions: take(schema.bindOptions),
    serverOptions: take(schema.serverOptions),
    actions: Object.fromEntries(Object.entries(schema.actions).map(([ruleSet, list]) => [ruleSet, take(list)])),
    fetches: take(schema.fetches),
    converters: take(schema.converters),
  };
}
