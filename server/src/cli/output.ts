// Prints the reports of a run in the chosen format (to stdout or --output-file) and decides the
// exit status: 1 when an error is left, or more warnings than --max-warnings; 0 otherwise.
import { countBySeverity, type FileReport } from "../lint/report.js";
import { describeFsError } from "../workspace/read-file.js";
import type { CliOptions } from "./args.js";
import { FORMATTERS } from "./formats/index.js";
import type { Io } from "./io.js";

declare const LBLINT_VERSION: string;
export const VERSION = typeof LBLINT_VERSION === "string" ? LBLINT_VERSION : "0.0.0-dev";

/** Colour on a terminal only; NO_COLOR turns it off and FORCE_COLOR on, --color/--no-color decide. */
export function useColor(options: Pick<CliOptions, "color" | "outputFile">, io: Io): boolean {
  if (options.color !== undefined) return options.color;
  if (options.outputFile !== undefined) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return !["0", "false"].includes(force.toLowerCase());
  if (io.env.NO_COLOR) return false;
  return io.isTTY;
}

/** An I/O problem with the output: exit status 2. */
export class OutputError extends Error {}

/** Writes the report and returns the exit status the findings call for (0 or 1). */
export async function emitReports(
  reports: readonly FileReport[],
  options: Pick<CliOptions, "format" | "quiet" | "maxWarnings" | "color" | "outputFile">,
  io: Io,
  outputs: ReadonlyMap<string, string> = new Map(),
  sources: ReadonlyMap<string, string> = new Map(),
): Promise<number> {
  const shown = options.quiet ? reports.map((report) => ({ ...report, problems: report.problems.filter((p) => p.severity === "error") })) : reports;
  const text = FORMATTERS[options.format](shown, { cwd: io.cwd, color: useColor(options, io), outputs, sources, version: VERSION });
  if (options.outputFile !== undefined) {
    try {
      await io.writeFile(options.outputFile, text);
    } catch (error) {
      throw new OutputError(`${options.outputFile}: cannot write the report: ${describeFsError(error)}`);
    }
  } else {
    io.out(text);
  }
  const { errors, warnings } = countBySeverity(reports);
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.err(`lblint: ${warnings} warning${warnings === 1 ? "" : "s"}, more than --max-warnings ${options.maxWarnings} allows\n`);
    return 1;
  }
  return 0;
}
