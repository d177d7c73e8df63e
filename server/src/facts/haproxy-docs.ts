// Syntax and summaries of haproxy's options, actions, fetches and converters (generated/haproxy-docs.ts),
// for hover and completion. A table of its own, parsed on the first question: linting never asks.
import { loadHaproxyDocs } from "./generated/haproxy-docs.js";
import type { HaproxyDocs, HaproxyItemDoc } from "./types.js";

/** Where an item comes from: a `bind` or `server` line, a sample expression, or a rule set's actions. */
export type HaproxyItemKind = "bind option" | "server option" | "sample fetch" | "converter" | { readonly ruleSet: string };

let docs: HaproxyDocs | undefined;

const TABLES = { "bind option": "bindOptions", "server option": "serverOptions", "sample fetch": "fetches", converter: "converters" } as const;

/** The syntax and summary lblint has for an item, if any. */
export function haproxyItemDoc(kind: HaproxyItemKind, name: string): HaproxyItemDoc | undefined {
  docs ??= loadHaproxyDocs();
  const table = typeof kind === "string" ? docs[TABLES[kind]] : docs.actions[kind.ruleSet];
  return table && Object.hasOwn(table, name) ? table[name] : undefined;
}
