// `--list-rules` (a table or JSON) and `--explain RULE` (the rule's docs page, shipped in dist/rules/).
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { RULES, findRules } from "../lint/registry.js";

export function listRules(format: "stylish" | "json"): string {
  if (format === "json") return JSON.stringify(RULES.map((rule) => rule.meta), null, 2) + "\n";
  const rows = RULES.map(({ meta }) => [meta.id, meta.alias, meta.severity, meta.category, meta.fixable ? "fix" : "", meta.description]);
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => (i < 5 ? cell.padEnd(widths[i]!) : cell)).join("  ")).join("\n") + "\n";
}

/** The docs page of a rule, or undefined when no rule has that name. */
export async function explainRule(name: string): Promise<string | undefined> {
  const rules = findRules(name);
  if (rules.length === 0) return undefined;
  const pages: string[] = [];
  for (const rule of rules) {
    const url = new URL(`./rules/${rule.meta.id}.md`, import.meta.url);
    pages.push(await readFile(url, "utf8").catch(() => `# ${rule.meta.id} ${rule.meta.alias}\n\n${rule.meta.description}\n`));
  }
  return pages.join("\n");
}

/** Where each rule's documentation is published (the pages of docs/rules/). */
export const RULE_DOCS_BASE = "https://github.com/lblint/lblint/blob/main/docs/rules/";
export const SYNTAX_DOCS_URL = "https://github.com/lblint/lblint/blob/main/docs/syntax.md";

export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}

/** The docs page of a rule as shipped in dist/rules/, read synchronously for the formatters; undefined when absent. */
export function rulePage(id: string): string | undefined {
  try {
    return readFileSync(new URL(`./rules/${id}.md`, import.meta.url), "utf8");
  } catch {
    return undefined;
  }
}
