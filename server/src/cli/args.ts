// The command line as lblint reads it: every option, checked once, into one typed object. A mistake
// is a UsageError: one line that says what is wrong and, where it helps, what was probably meant.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { excerpt } from "../../../grammars/common/excerpt.js";
import type { Category } from "../lint/rule.js";
import type { FormatOptions } from "../service/formatting.js";
import type { Format as Language } from "../workspace/detect.js";
import { UsageError } from "./errors.js";
import { FORMAT_NAMES, type FormatName } from "./formats/index.js";

export { UsageError };

export const FIX_TYPES: readonly Category[] = ["syntax", "correctness", "compatibility", "reference", "security", "best-practice", "style"];
const LANGUAGES: readonly Language[] = ["haproxy", "keepalived"];

export interface CliOptions {
  readonly paths: readonly string[];
  readonly format: FormatName;
  readonly outputFile: string | undefined;
  readonly quiet: boolean;
  readonly maxWarnings: number | undefined;
  /** undefined: decided from the terminal and NO_COLOR / FORCE_COLOR. */
  readonly color: boolean | undefined;
  readonly language: Language | undefined;
  readonly config: string | undefined;
  readonly haproxyVersion: string | undefined;
  readonly keepalivedVersion: string | undefined;
  readonly rules: readonly string[];
  /** --no-inline-config: suppression comments are not applied. */
  readonly noInlineConfig: boolean;
  readonly stdin: boolean;
  readonly stdinFilename: string | undefined;
  readonly ignorePatterns: readonly string[];
  /** false with --no-ignore: .lblintignore and ignore patterns are not applied. */
  readonly ignore: boolean;
  readonly haproxyConfig: readonly string[];
  /** --site-report: the site report instead of the findings (cli/site.ts). */
  readonly siteReport: boolean;
  readonly fix: boolean;
  readonly fixDryRun: boolean;
  /** undefined: every category. */
  readonly fixTypes: ReadonlySet<Category> | undefined;
  /** --fmt (write), --fmt-check, --fmt-diff: formatting instead of linting (fmt-mode.ts). */
  readonly fmt: "write" | "check" | "diff" | undefined;
  /** --indent: undefined keeps each file's own indentation step. */
  readonly indent: FormatOptions | undefined;
  readonly listFiles: boolean;
  readonly listRules: boolean;
  readonly explain: string | undefined;
  readonly printConfig: string | undefined;
  readonly init: boolean;
  readonly debug: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

const OPTIONS = {
  format: { type: "string", short: "f" },
  "output-file": { type: "string", short: "o" },
  quiet: { type: "boolean", short: "q" },
  "max-warnings": { type: "string" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  language: { type: "string" },
  config: { type: "string", short: "c" },
  "haproxy-version": { type: "string" },
  "keepalived-version": { type: "string" },
  rule: { type: "string", multiple: true },
  "no-inline-config": { type: "boolean" },
  stdin: { type: "boolean" },
  "stdin-filename": { type: "string" },
  "ignore-pattern": { type: "string", multiple: true },
  "no-ignore": { type: "boolean" },
  "haproxy-config": { type: "string", multiple: true },
  "site-report": { type: "boolean" },
  fix: { type: "boolean" },
  "fix-dry-run": { type: "boolean" },
  "fix-type": { type: "string", multiple: true },
  fmt: { type: "boolean" },
  "fmt-check": { type: "boolean" },
  "fmt-diff": { type: "boolean" },
  indent: { type: "string" },
  "list-files": { type: "boolean" },
  "list-rules": { type: "boolean" },
  explain: { type: "string" },
  "print-config": { type: "string" },
  init: { type: "boolean" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/** Every long option, for the test that keeps --help complete. */
export const OPTION_NAMES: readonly string[] = Object.keys(OPTIONS);

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    // Node names an option "'--foo'" or "'-f, --format <value>'": the long name is the one to show.
    const option = /'(?:-[^-' ], )?(-[^' ]+)/.exec(message)?.[1];
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option) throw new UsageError(`unknown option '${excerpt(option)}' (see lblint --help)`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option && /missing/.test(message)) throw new UsageError(`${option} needs a value (see lblint --help)`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option) throw new UsageError(`${option} takes no value`);
    throw new UsageError(message);
  }
}

/** `lblint -f haproxy.cfg`: people who run `haproxy -f FILE` type it by habit. */
function looksLikeConfigPath(value: string): boolean {
  return /[/\\]|\.(cfg|conf)$/i.test(value) || existsSync(value);
}

function checkFormat(value: string | undefined): FormatName {
  if (value === undefined) return "stylish";
  if ((FORMAT_NAMES as readonly string[]).includes(value)) return value as FormatName;
  if (looksLikeConfigPath(value)) {
    throw new UsageError(`-f is --format here, as in ESLint, and '${excerpt(value)}' is no format; to check that file, name it without -f: lblint ${excerpt(value)}`);
  }
  throw new UsageError(`unknown --format '${excerpt(value)}' (expected ${FORMAT_NAMES.join(", ")})`);
}

function checkMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a number of warnings, 0 or more (got '${excerpt(value)}')`);
  return Number(value);
}

function checkFixTypes(values: readonly string[] | undefined): ReadonlySet<Category> | undefined {
  if (!values?.length) return undefined;
  const types = new Set<Category>();
  for (const value of values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean)) {
    if (!(FIX_TYPES as readonly string[]).includes(value)) throw new UsageError(`unknown --fix-type '${excerpt(value)}' (expected ${FIX_TYPES.join(", ")})`);
    types.add(value as Category);
  }
  return types;
}

function checkFmt(values: { fmt?: boolean; "fmt-check"?: boolean; "fmt-diff"?: boolean }): CliOptions["fmt"] {
  const given = (["fmt", "fmt-check", "fmt-diff"] as const).filter((name) => values[name]);
  if (given.length > 1) throw new UsageError(`--${given[0]} and --${given[1]} exclude each other: --fmt writes the files, --fmt-check lists those not formatted, --fmt-diff shows the changes`);
  return given[0] === "fmt" ? "write" : given[0] === "fmt-check" ? "check" : given[0] === "fmt-diff" ? "diff" : undefined;
}

function checkIndent(value: string | undefined): FormatOptions | undefined {
  if (value === undefined) return undefined;
  if (value === "tab") return { tabSize: 4, insertSpaces: false };
  if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 16) return { tabSize: Number(value), insertSpaces: true };
  throw new UsageError(`--indent takes a number of spaces from 1 to 16, or 'tab' (got '${excerpt(value)}')`);
}

export function parseCommandLine(argv: readonly string[]): CliOptions {
  const { values, positionals } = parse(argv);
  const language = values.language;
  if (language !== undefined && !(LANGUAGES as readonly string[]).includes(language)) {
    throw new UsageError(`unknown --language '${excerpt(language)}' (expected haproxy or keepalived)`);
  }
  const options: CliOptions = {
    paths: positionals,
    format: checkFormat(values.format),
    outputFile: values["output-file"],
    quiet: values.quiet ?? false,
    maxWarnings: checkMaxWarnings(values["max-warnings"]),
    color: values["no-color"] ? false : values.color,
    language: language as Language | undefined,
    config: values.config,
    haproxyVersion: values["haproxy-version"],
    keepalivedVersion: values["keepalived-version"],
    rules: values.rule ?? [],
    noInlineConfig: values["no-inline-config"] ?? false,
    stdin: values.stdin ?? false,
    stdinFilename: values["stdin-filename"],
    ignorePatterns: values["ignore-pattern"] ?? [],
    ignore: !values["no-ignore"],
    haproxyConfig: values["haproxy-config"] ?? [],
    siteReport: values["site-report"] ?? false,
    fix: values.fix ?? false,
    fixDryRun: values["fix-dry-run"] ?? false,
    fixTypes: checkFixTypes(values["fix-type"]),
    fmt: checkFmt(values),
    indent: checkIndent(values.indent),
    listFiles: values["list-files"] ?? false,
    listRules: values["list-rules"] ?? false,
    explain: values.explain,
    printConfig: values["print-config"],
    init: values.init ?? false,
    debug: values.debug ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
  checkCombinations(options);
  return options;
}

function checkCombinations(options: CliOptions): void {
  const readsStdin = options.stdin || options.paths.includes("-");
  if (options.stdinFilename !== undefined && !readsStdin) throw new UsageError("--stdin-filename names standard input: use it with --stdin (or '-' as the path)");
  if (options.stdin && options.paths.length > 0) throw new UsageError("--stdin reads standard input only: give no PATH with it");
  if (options.paths.filter((path) => path === "-").length > 1) throw new UsageError("standard input ('-') can be read once");
  if (options.fix && options.fixDryRun) throw new UsageError("--fix and --fix-dry-run exclude each other: --fix writes the files, --fix-dry-run only shows the changes");
  if (options.fix && readsStdin) throw new UsageError("--fix cannot write standard input back; use --fix-dry-run to see the changes");
  if (options.fmt && (options.fix || options.fixDryRun)) throw new UsageError(`--fmt${options.fmt === "write" ? "" : `-${options.fmt}`} formats, --fix${options.fix ? "" : "-dry-run"} fixes findings: run them one after the other`);
  if (options.indent && !options.fmt) throw new UsageError("--indent sets the indentation of --fmt, --fmt-check or --fmt-diff: give one of them");
  if (options.fixTypes && !options.fix && !options.fixDryRun) throw new UsageError("--fix-type limits --fix or --fix-dry-run: give one of them");
}
