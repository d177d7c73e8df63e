// The main mode: gather the targets (paths, standard input, haproxy file sets), lint them, fix them
// when asked, print the report. Also --list-files, which gathers the same targets and prints them.
import { shownPath } from "./shown-path.js";
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { formatFromContent, formatFromPath } from "../workspace/detect.js";
import type { FileSystem } from "../workspace/fs.js";
import { pathToUri } from "../workspace/uri.js";
import type { CliOptions } from "./args.js";
import { collectTargets, type Collected, type Target } from "./collect.js";
import { InputError, UsageError } from "./errors.js";
import { fixRun } from "./fix.js";
import { expandHaproxySet } from "./haproxy-set.js";
import { IgnoreRules } from "./ignore.js";
import type { Io } from "./io.js";
import { ConfigError, ConfigResolver, lintTargets, type LintSettings } from "./lint-files.js";
import { commandLineConfig } from "./options.js";
import { emitReports } from "./output.js";
import { siteRun } from "./site.js";
import { splitConfigurationHints } from "./split-hint.js";

export function settingsOf(options: CliOptions, io: Io): LintSettings {
  let adjust;
  try {
    adjust = commandLineConfig({ "haproxy-version": options.haproxyVersion, "keepalived-version": options.keepalivedVersion, rule: options.rules, "no-inline-config": options.noInlineConfig });
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  return { configFile: options.config === undefined ? undefined : resolve(io.cwd, options.config), adjust };
}

async function stdinTarget(options: CliOptions, io: Io): Promise<Target> {
  const text = await io.readStdin();
  const name = options.stdinFilename;
  const path = resolve(io.cwd, name ?? "<stdin>");
  const format = options.language ?? (name === undefined ? undefined : formatFromPath(path)) ?? formatFromContent(text);
  if (!format) throw new InputError("cannot tell whether standard input is a haproxy or a keepalived configuration (use --stdin-filename or --language)");
  return { path, format, text, uri: pathToUri(path), display: name ?? "<stdin>" };
}

/** Every target of the command line, with what was skipped and the paths that could not be used. */
export async function gather(options: CliOptions, io: Io, fs: FileSystem, settings: LintSettings): Promise<Collected> {
  if (options.paths.length === 0 && !options.stdin && options.haproxyConfig.length === 0) {
    throw new UsageError("no file or directory given (try 'lblint --help')");
  }
  const targets: Target[] = [];
  let inSets = new Set<string>();
  if (options.haproxyConfig.length > 0) {
    let files: string[];
    try {
      files = await expandHaproxySet(options.haproxyConfig.map((path) => resolve(io.cwd, path)));
    } catch (error) {
      throw new InputError(`--haproxy-config ${(error as Error).message}`);
    }
    if (files.length === 0) throw new InputError(`--haproxy-config ${options.haproxyConfig.join(" ")}: no .cfg file there`);
    targets.push({ path: files[0]!, format: "haproxy", set: files });
    inSets = new Set(files);
  }
  if (options.stdin || options.paths.includes("-")) targets.push(await stdinTarget(options, io));

  const resolver = new ConfigResolver(fs, settings);
  let ignore;
  try {
    ignore = options.ignore ? await IgnoreRules.load(io.cwd, options.ignorePatterns) : undefined;
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  const collected = await collectTargets(
    options.paths.filter((path) => path !== "-"),
    { language: options.language, ignore, inSets, cwd: io.cwd, configFor: (path) => resolver.forFile(pathToUri(path)) },
  );
  const grouped = await groupConfiguredSets(collected.targets, resolver, inSets);
  return { ...collected, targets: [...targets, ...grouped.targets], errors: [...collected.errors, ...grouped.errors] };
}

/**
 * haproxy files that a `haproxyConfigs` entry of their lblint.config.json puts in one configuration
 * are linted together, once, as haproxy loads them; so a pre-commit hook that passes one staged file
 * of a split configuration still sees the backends defined in the others.
 */
async function groupConfiguredSets(targets: readonly Target[], resolver: ConfigResolver, done: ReadonlySet<string>): Promise<{ targets: Target[]; errors: string[] }> {
  const out: Target[] = [];
  const errors: string[] = [];
  const expansions = new Map<string, Promise<string[]>>();
  const emitted = new Set<string>(done);
  for (const target of targets) {
    if (target.format !== "haproxy" || target.set || target.text !== undefined) {
      out.push(target);
      continue;
    }
    const config = await resolver.forFile(pathToUri(target.path));
    let placed = false;
    for (const set of config?.haproxyConfigs ?? []) {
      const key = JSON.stringify(set);
      let expansion = expansions.get(key);
      if (!expansion) {
        expansion = expandHaproxySet(set);
        expansions.set(key, expansion);
      }
      let files: string[];
      try {
        files = await expansion;
      } catch (error) {
        errors.push(`haproxyConfigs in ${config?.source ?? "lblint.config.json"}: ${(error as Error).message}`);
        continue;
      }
      if (!files.includes(target.path)) continue;
      placed = true;
      if (!emitted.has(files[0]!)) out.push({ path: files[0]!, format: "haproxy", set: files });
      for (const file of files) emitted.add(file);
      break;
    }
    if (!placed && !emitted.has(target.path)) out.push(target);
  }
  return { targets: out, errors: [...new Set(errors)] };
}

export async function listFilesMode(options: CliOptions, io: Io, fs: FileSystem): Promise<number> {
  const collected = await gather(options, io, fs, settingsOf(options, io));
  for (const target of collected.targets) {
    for (const path of target.set ?? [target.path]) io.out(`${target.format.padEnd(10)}  ${target.display ?? shownPath(path, io.cwd)}\n`);
  }
  for (const skipped of collected.skipped) io.out(`${"skipped".padEnd(10)}  ${shownPath(skipped.path, io.cwd)}  (${skipped.reason})\n`);
  for (const line of collected.errors) io.err(`lblint: ${line}\n`);
  return collected.errors.length > 0 ? 2 : 0;
}

/** False for anything else, or a path that cannot be looked at (collecting the paths says why). */
function isDirectory(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

/** `lblint SITE` and `--site-report` (cli/site.ts); undefined when the paths are not a site. */
async function siteMode(options: CliOptions, io: Io, settings: LintSettings): Promise<number | undefined> {
  if (options.stdin || options.paths.includes("-") || options.haproxyConfig.length > 0 || options.paths.length === 0) return undefined;
  // Only one directory can be a site: files (the common case, a hook passing one file) skip the
  // look-up, and the site checks' start-up cost with it.
  if (!options.siteReport && (options.paths.length !== 1 || !isDirectory(resolve(io.cwd, options.paths[0]!)))) return undefined;
  const site = await siteRun(
    options.paths.map((path) => resolve(io.cwd, path)),
    { report: options.siteReport ? (options.format === "json" ? "json" : "stylish") : undefined, configFile: settings.configFile, adjust: settings.adjust ?? ((config) => config) },
  ).catch((error: unknown) => {
    throw error instanceof ConfigError || (error as Error).name === "SiteConfigError" ? new UsageError((error as Error).message) : error;
  });
  if (!site) return undefined;
  if (site.output !== undefined) {
    io.out(site.output);
    return site.exitCode;
  }
  return emitReports(site.run.reports, options, io, new Map(), site.sources);
}

export async function lintMode(options: CliOptions, io: Io, fs: FileSystem): Promise<number> {
  const settings = settingsOf(options, io);
  // A site directory (or --site-report) is checked as a whole, and printed in every format.
  const site = await siteMode(options, io, settings);
  if (site !== undefined) return site;
  const collected = await gather(options, io, fs, settings);
  if (options.debug) for (const skipped of collected.skipped) io.err(`lblint: skipped ${shownPath(skipped.path, io.cwd)} (${skipped.reason})\n`);
  const run = await lintTargets(fs, collected.targets, settings);
  for (const note of splitConfigurationHints(run.units, io.cwd)) io.err(`lblint: ${note}\n`);
  const failures = [...collected.errors, ...run.errors];
  let reports = run.reports;
  let outputs = new Map<string, string>();
  if (options.fix || options.fixDryRun) {
    const fixed = await fixRun(run, { write: options.fix, categories: options.fixTypes, cwd: io.cwd });
    reports = fixed.reports;
    outputs = fixed.outputs;
    failures.push(...fixed.errors);
    for (const note of fixed.notes) io.err(`lblint: ${note}\n`);
    // The diff goes before a stylish report, or alone on stdout when the report goes to a file; it
    // would break a machine-read report (whose JSON carries the fixed text as `output`).
    if (fixed.diff && (options.format === "stylish" || options.outputFile !== undefined)) io.out(fixed.diff);
  }
  for (const line of failures) io.err(`lblint: ${line}\n`);
  const sources = new Map<string, string>();
  for (const unit of run.units) for (const [uri, file] of unit.loaded.files) sources.set(uri, file.text);
  const status = await emitReports(reports, options, io, outputs, sources);
  return failures.length > 0 ? 2 : status;
}
