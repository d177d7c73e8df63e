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
import { converterSummaries, fetchSummaries } from "./summaries-haproxy-samples.mjs";

const SUMMARIES = {
  bindOptions: { ...sharedOptionSummaries, ...bindOptionSummaries },
  serverOptions: { ...sharedOptionSummaries, ...serverOptionSummaries },
  actions: actionSummaries,
  fetches: { ...counterFetchSummaries, ...fetchSummaries },
  converters: { ...counterConverterSummaries, ...converterSummaries },
};

/**
 * `{ syntax }`: the signatures after the name, one line each, from the 3.4 manual if it has any,
 * else from 2.6; `{}` when neither gives arguments (the name alone says it all).
 */
export function syntaxOf(sigsByVersion) {
  const pick = sigsByVersion["3.4"].length ? sigsByVersion["3.4"] : sigsByVersion["2.6"];
  const lines = [...new Set(pick.map((sig) => tidy(stripCondition(typeof sig === "string" ? sig : sig.text).text)))].filter((line) => line !== "");
  return lines.length ? { syntax: lines.join("\n") } : {};
}

/**
 * A fetch's or converter's `{ syntax }`: one parenthesised signature. The 3.4 manual lists each twice,
 * in a summary table (`field(index,delimiters[,count])`) and in the definition
 * (`field(<index>,<delimiters>[,<count>])`): the one with placeholders wins.
 */
export function sampleSyntaxOf(sigsByVersion) {
  const pick = (sigsByVersion["3.4"].some((sig) => sig) ? sigsByVersion["3.4"] : sigsByVersion["2.6"]).map(tidy).filter((sig) => sig !== "");
  const best = pick.find((sig) => sig.includes("<")) ?? pick[0];
  return best ? { syntax: best } : {};
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
  // the counter families are generated for every prefix and need not all exist
  const own = { ...SUMMARIES, bindOptions: bindOptionSummaries, serverOptions: serverOptionSummaries, fetches: fetchSummaries, converters: converterSummaries };
  const unknown = Object.entries(own).flatMap(([kind, table]) => Object.keys(table).filter((name) => !names[kind].has(name)).map((name) => `${kind}: ${name}`));
  const shared = Object.keys(sharedOptionSummaries).filter((name) => !names.bindOptions.has(name) && !names.serverOptions.has(name));
  return [...unknown, ...shared.map((name) => `bind or server options: ${name}`)];
}

/**
 * Moves `syntax` and `summary` out of the schema's options, actions, fetches and converters into
 * the documentation tables `{ bindOptions, serverOptions, actions: { ruleSet: … }, fetches,
 * converters }`, each `name → { syntax?, summary? }`.
 */
export function splitDocs(schema) {
  const take = (list) => {
    const table = {};
    for (const item of list) {
      const doc = {};
      if (item.syntax) doc.syntax = item.syntax;
      if (item.summary) doc.summary = item.summary;
      delete item.syntax;
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
