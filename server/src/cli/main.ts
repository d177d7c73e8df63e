#!/usr/bin/env node
// lblint, the command line. Exit codes: 0 no error, 1 errors found, 2 usage or I/O problem.
// A problem with the user's input is one line on stderr, never a stack trace. What the command
// does is in run.ts; this file only connects it to the process.
import { processIo } from "./io.js";
import { runCli } from "./run.js";

async function main(argv: readonly string[]): Promise<number> {
  return runCli(argv, processIo());
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

/**
 * Ends the process once stdout and stderr have taken everything written to them. Left to end by
 * itself, Node frees its heap page by page first: 30 to 50 ms after linting a 4 MB file (measured
 * with strace, from the last write to the end of the process), which exit() leaves to the kernel.
 */
function exitWhenWritten(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const written = () => {
    pending--;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write("", written);
  process.stderr.write("", written);
}

main(process.argv.slice(2)).then(exitWhenWritten, (error: unknown) => {
  // runCli answers every error itself; this is the last resort.
  if (process.env.LBLINT_DEBUG) process.stderr.write(`lblint: internal error\n${(error as Error).stack}\n`);
  else process.stderr.write(`lblint: internal error: ${(error as Error).message ?? String(error)} (set LBLINT_DEBUG=1 for details)\n`);
  exitWhenWritten(2);
});
