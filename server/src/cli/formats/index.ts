// The output formats, one module each. A formatter turns the reports of a run into the text printed
// (or written to --output-file); it never decides the exit status.
import type { FileReport } from "../../lint/report.js";
import { uriToPath } from "../../workspace/uri.js";
import { formatCheckstyle } from "./checkstyle.js";
import { formatGcc } from "./gcc.js";
import { formatGithub } from "./github.js";
import { formatGitlab } from "./gitlab.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";

export interface FormatContext {
  /** Paths in the output are shown relative to this directory where the format wants relative paths. */
  readonly cwd: string;
  readonly color: boolean;
  /** The fixed text of each file that --fix or --fix-dry-run changed, by URI. */
  readonly outputs: ReadonlyMap<string, string>;
  /** The text each file was read with, by URI (the fixed text is in `outputs`). */
  readonly sources?: ReadonlyMap<string, string>;
  readonly version: string;
}

export type Formatter = (reports: readonly FileReport[], context: FormatContext) => string;

export const FORMATTERS = {
  stylish: (reports, context) => formatStylish(reports, { color: context.color }),
  json: (reports, context) => formatJson(reports, uriToPath, context.outputs, context.sources),
  sarif: formatSarif,
  github: formatGithub,
  checkstyle: formatCheckstyle,
  junit: formatJunit,
  gitlab: formatGitlab,
  gcc: formatGcc,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
