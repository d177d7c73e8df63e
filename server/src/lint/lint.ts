// lint(): runs every enabled rule over a parsed configuration and returns its problems, syntax
// problems included, with suppression comments applied. The CLI, the library and the language
// server all call this, so they report the same things.
import type { Severity } from "../../../grammars/common/diagnostics.js";
import { excerpt, MAX_EXCERPT } from "../../../grammars/common/excerpt.js";
import type { HaproxyParseResult } from "../../../grammars/haproxy/parse.js";
import type { KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import type { LoadedConfig, ParseResult } from "../workspace/loader.js";
import { HaproxyModel } from "../rules/haproxy/model.js";
import { KeepalivedModel } from "../rules/keepalived/model.js";
import { defaultConfig, resolveConfig, type ConfigFile, type ResolvedConfig } from "./config.js";
import { haproxyRules, keepalivedRules } from "./registry.js";
import { syntaxProblem, type Problem } from "./report.js";
import type { Report, Rule, RuleContext } from "./rule.js";
import { configForFile } from "./config-overrides.js";
import { applySuppressions } from "./suppressions.js";
import { recordRuleTime, ruleTimingEnabled } from "./timing.js";

const UNTITLED = "untitled:config";

function toConfig(config: ResolvedConfig | ConfigFile | undefined): ResolvedConfig {
  if (config === undefined) return defaultConfig();
  return "targets" in config ? (config as ResolvedConfig) : resolveConfig(config, "lint() options");
}

/**
 * Lints one parsed file (no includes followed). Never throws for a problem in the text; a rule that
 * fails is reported as an internal problem rather than hiding the others.
 */
export function lint(parsed: ParseResult, config?: ResolvedConfig | ConfigFile, uri: string = UNTITLED): Problem[] {
  const text = parsed.lines.text;
  const loaded: LoadedConfig = {
    format: parsed.format,
    root: uri,
    files: new Map([[uri, { uri, text, parse: parsed, includedBy: undefined }]]),
    includes: [],
    diagnostics: new Map([[uri, parsed.diagnostics]]),
  };
  // The overrides of a config file that match `uri` (a file: URI) apply, as for files the command line reads.
  return lintLoaded(loaded, configForFile(toConfig(config), uri)).get(uri) ?? [];
}

/**
 * Lints a configuration with every file it includes; problems per file URI. `extra` adds findings
 * made elsewhere (the site rules) to these files before suppression comments are applied.
 */
export function lintLoaded(loaded: LoadedConfig, config: ResolvedConfig, extra?: ReadonlyMap<string, readonly Problem[]>): Map<string, Problem[]> {
  return finish(lintLoadedSteps(loaded, config, extra));
}

/** lintLoaded paused after each rule (see ruleSteps); its value is lintLoaded's. */
export function* lintLoadedSteps(loaded: LoadedConfig, config: ResolvedConfig, extra?: ReadonlyMap<string, readonly Problem[]>): Generator<void, Map<string, Problem[]>, void> {
  const byFile = new Map<string, Problem[]>();
  for (const [uri, diagnostics] of loaded.diagnostics) byFile.set(uri, diagnostics.map(syntaxProblem));
  for (const uri of loaded.files.keys()) if (!byFile.has(uri)) byFile.set(uri, []);
  const add = (uri: string, problem: Problem) => (byFile.get(uri) ?? byFile.set(uri, []).get(uri)!).push(problem);
  for (const uri of loaded.files.keys()) for (const problem of extra?.get(uri) ?? []) add(uri, problem);

  // A binary file has its one finding (the loader's `binary-file`): the rules do not read its bytes.
  const text = [...loaded.files.values()].filter((file) => !loaded.diagnostics.get(file.uri)?.some((d) => d.code === "binary-file"));
  if (loaded.format === "haproxy") {
    const files = text.map((file) => ({ uri: file.uri, parse: file.parse as HaproxyParseResult }));
    const model = new HaproxyModel(files, config.targets.haproxy);
    yield* ruleSteps(haproxyRules(), model, config, loaded.root, add);
  } else {
    const files = text.map((file) => ({ uri: file.uri, parse: file.parse as KeepalivedParseResult }));
    const model = new KeepalivedModel(files, loaded.includes, config.targets.keepalived);
    yield* ruleSteps(keepalivedRules(), model, config, loaded.root, add);
  }

  for (const [uri, problems] of byFile) {
    const file = loaded.files.get(uri);
    let result = problems;
    if (file) {
      const suppressed = applySuppressions(problems, file.text, file.parse.lines, loaded.format, uri, config.inlineConfig);
      result = [...suppressed.problems, ...suppressed.directiveProblems];
    }
    result.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || a.ruleId.localeCompare(b.ruleId));
    byFile.set(uri, result);
  }
  return byFile;
}

/**
 * Rules quote what the user wrote between single quotes; a quoted word can be a whole 200 KB line.
 * Every quotation is cut to a short excerpt here, once for all rules.
 */
function shortenQuotes(message: string): string {
  // Ordinary messages are left as written; only a message long enough to carry a huge quotation is cut.
  if (message.length <= 300) return message;
  const parts = message.split("'");
  // Odd-numbered parts are the quoted ones when quotes come in pairs.
  for (let i = 1; i < parts.length - 1; i += 2) if (parts[i]!.length > MAX_EXCERPT) parts[i] = excerpt(parts[i]!);
  return parts.join("'");
}

export function runRules<Model>(
  rules: readonly Rule[],
  model: Model,
  config: ResolvedConfig,
  root: string,
  add: (uri: string, problem: Problem) => void,
): void {
  finish(ruleSteps(rules, model, config, root, add));
}

/** Runs a paused computation to its end, in one go. */
export function finish<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs a paused computation in turns: after `turnMs` of work (at a pause), it lets the event loop
 * answer what came in meanwhile, then goes on. A language server checks big files this way.
 */
export async function inTurns<T>(steps: Generator<void, T, void>, turnMs: number): Promise<T> {
  let turnStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - turnStart >= turnMs) {
      await new Promise((resolve) => setImmediate(resolve));
      turnStart = performance.now();
    }
  }
}

/**
 * The model of the last finished run of each product's rules, kept until the next run finishes.
 * V8 keeps a hidden class (the shape of a model's placed statements, readings, option shapes...)
 * only while some object has it: when a full GC finds none, it drops the classes and throws away
 * every optimized function that relied on them, and the next lint runs the rules in the
 * interpreter again (2.5 times slower on the large bench file). The cost: one model and its tree.
 */
const lastModels = new Map<string, unknown>();

/**
 * runRules one rule at a time: the generator pauses after each rule, so that a language server
 * can answer other requests between the rules of a long check (see IncrementalLinter.lintInTurns).
 */
export function* ruleSteps<Model>(
  rules: readonly Rule[],
  model: Model,
  config: ResolvedConfig,
  root: string,
  add: (uri: string, problem: Problem) => void,
): Generator<void, void, void> {
  const timing = ruleTimingEnabled();
  for (const rule of rules) {
    const setting = config.rules.get(rule.meta.id);
    const severity: Severity | "off" = setting?.severity ?? rule.meta.severity;
    if (severity === "off") continue;
    const context: RuleContext<Model> = {
      model,
      options: setting?.options ?? {},
      report(report: Report) {
        add(report.uri ?? root, {
          ruleId: rule.meta.id,
          code: rule.meta.alias,
          // A rule may lower its own severity for a milder case; the user's setting caps nothing else.
          severity: setting ? severity : (report.severity ?? severity),
          message: shortenQuotes(report.message),
          range: report.range,
          ...(report.fix ? { fix: report.fix } : {}),
          ...(report.suggestions?.length ? { suggestions: report.suggestions } : {}),
          ...(report.related?.length ? { related: report.related } : {}),
        });
      },
    };
    const started = timing ? performance.now() : 0;
    try {
      (rule.check as (context: RuleContext<Model>) => void)(context);
    } catch (error) {
      const range = { start: { offset: 0, line: 0, column: 0 }, end: { offset: 0, line: 0, column: 0 } };
      add(root, {
        ruleId: rule.meta.id,
        code: "internal-error",
        severity: "error",
        message: `rule ${rule.meta.id} (${rule.meta.alias}) failed on this file: ${(error as Error).message}; please report it`,
        range,
      });
    }
    if (timing) recordRuleTime(rule.meta.id, performance.now() - started);
    yield;
  }
  if (rules.length > 0) lastModels.set(rules[0]!.meta.product, model);
}
