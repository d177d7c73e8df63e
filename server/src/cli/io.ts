// What the command line reads and writes, passed in so that the same code serves the process and
// the tests: the working directory, the environment, standard input and output.
import { writeFile } from "node:fs/promises";

export interface Io {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when standard output is a terminal. */
  readonly isTTY: boolean;
  /** Standard output. */
  out(text: string): void;
  /** Standard error. */
  err(text: string): void;
  readStdin(): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    readStdin: () => readAll(process.stdin),
    writeFile: (path, text) => writeFile(path, text, "utf8"),
  };
}
