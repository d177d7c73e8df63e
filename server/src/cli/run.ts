// What `lblint ARGS` does, from the parsed command line to the exit status: the information modes
// (--help, --version, --list-rules, --explain, --print-config, --init, --list-files), formatting
// (--fmt, --fmt-check, --fmt-diff), then linting
// with optional fixing. Exit status: 0 clean, 1 problems found, 2 usage, configuration, I/O or internal
// error, always as one line on stderr (the stack trace only with --debug).
// A new mode (such as the whole-site checks) is one more entry before `lintMode`: it builds reports
// and hands them to `emitReports`, which prints them in every format with the same exit status.
import { shownUris } from "./shown-path.js";
import { excerpt } from "../../../grammars/common/excerpt.js";
import { ConfigError } from "../lint/config.js";
import { NodeFileSystem } from "../workspace/fs.js";
import { parseCommandLine, type CliOptions } from "./args.js";
import { initConfig, printConfig } from "./config-commands.js";
import { InputError, UsageError } from "./errors.js";
import { HELP } from "./help.js";
import type { Io } from "./io.js";
import { fmtMode } from "./fmt-mode.js";
import { lintMode, listFilesMode } from "./lint-mode.js";
import { OutputError, VERSION } from "./output.js";
import { explainRule, listRules } from "./rules-info.js";
import { enableRuleTiming, ruleTimingReport } from "../lint/timing.js";

type Mode = (options: CliOptions, io: Io) => Promise<number>;

const MODES: readonly { readonly when: (options: CliOptions) => boolean; readonly run: Mode }[] = [
  { when: (o) => o.help, run: async (_, io) => (io.out(HELP), 0) },
  { when: (o) => o.version, run: async (_, io) => (io.out(`${VERSION}\n`), 0) },
  { when: (o) => o.listRules, run: async (o, io) => (io.out(listRules(o.format === "json" ? "json" : "stylish")), 0) },
  {
    when: (o) => o.explain !== undefined,
    run: async (o, io) => {
      const page = await explainRule(o.explain!);
      if (page === undefined) throw new UsageError(`no rule named '${excerpt(o.explain!)}' (see lblint --list-rules)`);
      io.out(page);
      return 0;
    },
  },
  { when: (o) => o.printConfig !== undefined, run: (o, io) => printConfig(o, io, new NodeFileSystem()) },
  { when: (o) => o.init, run: (o, io) => initConfig(o, io) },
  { when: (o) => o.listFiles, run: (o, io) => listFilesMode(o, io, new NodeFileSystem()) },
  { when: (o) => o.fmt !== undefined, run: (o, io) => fmtMode(o, io, new NodeFileSystem()) },
  { when: () => true, run: (o, io) => lintMode(o, io, new NodeFileSystem()) },
];

/** Runs lblint with `argv` (the arguments after the program name) and returns the exit status. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const debug = argv.includes("--debug");
  const timingLimit = timingRows(io.env.LBLINT_TIMING);
  if (timingLimit !== undefined) enableRuleTiming();
  try {
    const options = parseCommandLine(argv);
    const status = await MODES.find((mode) => mode.when(options))!.run(options, io);
    if (timingLimit !== undefined) io.err(ruleTimingReport(timingLimit));
    return status;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof InputError || error instanceof OutputError) {
      io.err(`lblint: ${shownUris(error.message, io.cwd)}\n`);
      if (debug && error.stack) io.err(`${error.stack}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`lblint: internal error: ${message} (run with --debug for the stack trace, and please report it)\n`);
    if (debug) io.err(`${(error as Error)?.stack ?? message}\n`);
    return 2;
  }
}

/**
 * `LBLINT_TIMING` asks for the time each rule took, on stderr after the run: `1` (or any other
 * word) for the ten costliest, a number above ten for that many, `all` for every rule; unset, empty
 * or `0`: none. (As ESLint's TIMING, so that the habit carries over.)
 */
function timingRows(value: string | undefined): number | undefined {
  if (value === undefined || value === "" || value === "0") return undefined;
  if (value === "all") return 0;
  const rows = Number(value);
  return Number.isInteger(rows) && rows > 10 ? rows : 10;
}
