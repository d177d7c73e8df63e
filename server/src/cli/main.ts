#!/usr/bin/env node
// lblint, the command line. Exit codes: 0 no error, 1 errors found, 2 usage or I/O problem.
// A problem with the user's input is one line on stderr, never a stack trace.
import { parseArgs } from "node:util";
import { excerpt } from "../../../grammars/common/excerpt.js";
import { countBySeverity } from "../lint/report.js";
import { NodeFileSystem } from "../workspace/fs.js";
import { uriToPath } from "../workspace/uri.js";
import type { Format } from "../workspace/detect.js";
import { collectTargets } from "./collect.js";
import { formatJson } from "./formats/json.js";
import { formatStylish } from "./formats/stylish.js";
import { HELP } from "./help.js";
import { ConfigError, lintTargets } from "./lint-files.js";
import { commandLineConfig } from "./options.js";
import { explainRule, listRules } from "./rules-info.js";
import { siteRun } from "./site.js";

declare const LBLINT_VERSION: string;

const FORMATS = ["stylish", "json"] as const;
const LANGUAGES: readonly Format[] = ["haproxy", "keepalived"];

class UsageError extends Error {}

async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: "string", short: "f", default: "stylish" },
        language: { type: "string" },
        config: { type: "string", short: "c" },
        "haproxy-version": { type: "string" },
        "keepalived-version": { type: "string" },
        rule: { type: "string", multiple: true },
        "site-report": { type: "boolean" },
        "list-rules": { type: "boolean" },
        explain: { type: "string" },
        color: { type: "boolean" },
        "no-color": { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${typeof LBLINT_VERSION === "string" ? LBLINT_VERSION : "dev"}\n`);
    return 0;
  }
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format '${excerpt(String(values.format))}' (expected ${FORMATS.join(" or ")})`);
  if (values["list-rules"]) {
    process.stdout.write(listRules(format));
    return 0;
  }
  if (values.explain !== undefined) {
    const page = await explainRule(values.explain);
    if (page === undefined) throw new UsageError(`no rule named '${excerpt(values.explain)}' (see lblint --list-rules)`);
    process.stdout.write(page);
    return 0;
  }
  const language = values.language as Format | undefined;
  if (language !== undefined && !LANGUAGES.includes(language)) {
    throw new UsageError(`unknown --language '${excerpt(language)}' (expected haproxy or keepalived)`);
  }
  if (positionals.length === 0) throw new UsageError("no file or directory given (try 'lblint --help')");

  let adjust;
  try {
    adjust = commandLineConfig(values);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  // A site directory (or --site-report) is checked as a whole: see cli/site.ts.
  const site = await siteRun(positionals, { report: values["site-report"] ? format : undefined, configFile: values.config, adjust }).catch((error: unknown) => {
    throw error instanceof ConfigError || (error as Error).name === "SiteConfigError" ? new UsageError((error as Error).message) : error;
  });
  if (site?.output !== undefined) {
    process.stdout.write(site.output);
    return site.exitCode;
  }
  const collected = site ? { targets: [], errors: [] } : await collectTargets(positionals, language);
  let run;
  try {
    run = site?.run ?? (await lintTargets(new NodeFileSystem(), collected.targets, { configFile: values.config, adjust }));
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  const problems = [...collected.errors, ...run.errors];
  for (const line of problems) process.stderr.write(`lblint: ${line}\n`);

  const color = values["no-color"] ? false : values.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
  const output = format === "json" ? formatJson(run.reports, uriToPath) : formatStylish(run.reports, { color });
  process.stdout.write(output);
  if (problems.length > 0) return 2;
  return countBySeverity(run.reports).errors > 0 ? 1 : 0;
}

/**
 * `lblint FILE | head -1` closes the pipe before lblint has written everything: what is left has no
 * reader, which is no error of lblint's. It ends quietly, with the exit code the run has (or 0 if
 * it has none yet). Any other failure to write is one line on stderr, like every other problem.
 */
function onOutputError(error: NodeJS.ErrnoException): void {
  if (error.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
  try {
    process.stderr.write(`lblint: cannot write the output (${error.code ?? error.message})\n`);
  } finally {
    process.exit(2);
  }
}
process.stdout.on("error", onOutputError);
process.stderr.on("error", onOutputError);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`lblint: ${error.message}\n`);
    else if (process.env.LBLINT_DEBUG) process.stderr.write(`lblint: internal error\n${(error as Error).stack}\n`);
    else process.stderr.write(`lblint: internal error: ${(error as Error).message ?? String(error)} (set LBLINT_DEBUG=1 for details)\n`);
    process.exitCode = 2;
  },
);
