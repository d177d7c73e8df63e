// --fmt, --fmt-check and --fmt-diff: the editor's formatting (service/formatting.ts) for files on
// disk, as gofmt, prettier and taplo offer it. The same files as a lint run are taken (paths,
// directories, globs, standard input, haproxy sets; keepalived includes are not followed: each file
// is formatted where it is named). A file with a syntax error is left alone, as prettier leaves
// one: its structure is not known for sure. Files are written as --fix writes them (write-file.ts).
// The indentation step: --indent, else `indent` in the file's lblint.config.json, else the file's own.
import { readFile } from "node:fs/promises";
import { uriToPath } from "../workspace/uri.js";
import type { FileSystem } from "../workspace/fs.js";
import { parseText } from "../workspace/loader.js";
import type { Format } from "../workspace/detect.js";
import { formattedText, type FormatOptions } from "../service/formatting.js";
import { detectIndent, indentOptions } from "../service/indent.js";
import { pathToUri } from "../workspace/uri.js";
import type { CliOptions } from "./args.js";
import { unifiedDiff } from "./diff.js";
import type { Io } from "./io.js";
import { ConfigResolver } from "./lint-files.js";
import { gather, settingsOf } from "./lint-mode.js";
import { shownPath } from "./shown-path.js";
import { FORMATTING, replaceFile, WriteError } from "./write-file.js";

type Outcome = { readonly text: string } | { readonly problem: string };

/** The formatted text of one file, or why it is not formatted. */
export function formatFile(format: Format, text: string, indent: FormatOptions | undefined): Outcome {
  const parsed = parseText(format, text);
  const error = parsed.diagnostics.find((diagnostic) => diagnostic.severity === "error");
  if (error) return { problem: `not formatted: it has a syntax error at line ${error.range.start.line + 1} (${error.message}); run lblint on it` };
  const formatted = formattedText(parsed, indent ?? detectIndent(text));
  if (formatted === undefined) return { problem: `not formatted: formatting would change what ${format} reads (please report it)` };
  return { text: formatted };
}

async function readText(path: string): Promise<string> {
  const bytes = await readFile(path);
  const text = bytes.toString("utf8");
  if (!bytes.equals(Buffer.from(text, "utf8"))) throw new Error("holds bytes that are not UTF-8, which writing it back would change");
  return text;
}

export async function fmtMode(options: CliOptions, io: Io, fs: FileSystem): Promise<number> {
  const settings = settingsOf(options, io);
  const collected = await gather(options, io, fs, settings);
  const resolver = new ConfigResolver(fs, settings);
  const failures = [...collected.errors];
  let changed = 0;
  let unchanged = 0;
  for (const target of collected.targets) {
    for (const path of target.set ?? [target.path]) {
      const shown = target.display ?? shownPath(target.uri ? uriToPath(target.uri) : path, io.cwd);
      let text: string;
      try {
        text = target.text ?? (await readText(path));
      } catch (error) {
        failures.push(`${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); not formatted`);
        continue;
      }
      // --indent, else the `indent` of the file's lblint.config.json, else the file's own step.
      const indent = options.indent ?? indentOptions((await resolver.forFile(target.uri ?? pathToUri(path)))?.indent);
      const outcome = formatFile(target.format, text, indent);
      if ("problem" in outcome) {
        failures.push(`${shown}: ${outcome.problem}`);
        if (target.text !== undefined && options.fmt === "write") io.out(text);
        continue;
      }
      if (target.text !== undefined && options.fmt === "write") {
        // Standard input is formatted to standard output, as prettier and taplo do.
        io.out(outcome.text);
        continue;
      }
      if (outcome.text === text) {
        unchanged++;
        continue;
      }
      changed++;
      if (options.fmt === "check") io.out(`${shown}\n`);
      else if (options.fmt === "diff") io.out(unifiedDiff(shown, text, outcome.text));
      else {
        try {
          await replaceFile(path, text, outcome.text, FORMATTING);
        } catch (error) {
          if (!(error instanceof WriteError)) throw error;
          failures.push(`${shown}: ${error.message}`);
          changed--;
        }
      }
    }
  }
  for (const line of failures) io.err(`lblint: ${line}\n`);
  const files = (n: number) => (n === 1 ? "1 file" : `${n} files`);
  if (options.fmt === "write" && changed + unchanged > 0) io.err(`lblint: formatted ${files(changed)}, ${files(unchanged)} already formatted\n`);
  if (options.fmt === "check" && changed > 0) io.err(`lblint: ${files(changed)} not formatted (lblint --fmt formats ${changed === 1 ? "it" : "them"})\n`);
  if (failures.length > 0) return 2;
  return options.fmt !== "write" && changed > 0 ? 1 : 0;
}
