#!/usr/bin/env node
// Writes docs/rules/README.md, the list of every rule with its severity, category, fixability and
// what the daemon's own checker does with the same input, from the rule registry of the built
// library (dist/index.js). `--check` writes nothing and exits 1 when the file is not current
// (test/cli-rules-index.test.ts runs it). Run `npm run gen:rules` after adding or changing a rule.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "docs", "rules", "README.md");
let RULES;
try {
  ({ RULES } = await import(pathToFileURL(join(root, "dist", "index.js")).href));
} catch {
  console.error("gen-rules-index: dist/index.js is missing; run npm run build first");
  process.exit(2);
}

const NATIVE = { reports: "reports it", partly: "partly", silent: "silent" };
const CHECKER = { haproxy: "`haproxy -c`", keepalived: "`keepalived -t`", site: "the daemons' checks" };
const TITLE = { haproxy: "haproxy", keepalived: "keepalived", site: "Whole sites (`lblint SITE`, docs/site.md)" };
const cell = (text) => String(text).replace(/\|/g, "\\|");

function section(product) {
  const rules = RULES.filter((rule) => rule.meta.product === product).sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  const rows = rules.map(({ meta }) =>
    `| [${meta.id}](${meta.id}.md) | ${meta.alias} | ${meta.severity} | ${meta.category} | ${meta.fixable ? "yes" : "no"} | ${NATIVE[meta.native]}${meta.stricter ? " (lblint is stricter)" : ""} | ${cell(meta.description)} |`,
  );
  return [
    `## ${TITLE[product]}`,
    "",
    `${rules.length} rules.`,
    "",
    `| Rule | Alias | Severity | Category | Fixable | ${CHECKER[product]} | What it reports |`,
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

const text = [
  "# Rules",
  "",
  "Every rule lblint has, generated from the rule registry by `npm run gen:rules` (do not edit by hand:",
  "`test/cli-rules-index.test.ts` fails when this page is not current). Severity is the default, which",
  "`lblint.config.json` or `--rule` can change; *Fixable* means `lblint --fix` applies a fix for it; the",
  "checker column says whether the daemon's own check (`haproxy -c`, `keepalived -t`) catches the same",
  "input. Syntax problems (rule `syntax`) are listed in [../syntax.md](../syntax.md).",
  "",
  section("haproxy"),
  section("keepalived"),
  section("site"),
].join("\n");

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {}
  if (current !== text) {
    console.error("docs/rules/README.md is not current: run npm run gen:rules");
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
