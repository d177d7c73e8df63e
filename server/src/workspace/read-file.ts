// Reads a configuration from disk without trusting what is at the path. A FIFO would block `open`
// until a writer comes, /dev/zero never ends, a 10 GB log named haproxy.cfg would exhaust memory,
// and a file rewritten while it is read gives a text that never existed. So the type and size are
// checked before opening (and again on the open descriptor, which is opened non-blocking in case the
// path changed in between), and a file whose size or modification time moved during the read is
// read once more, then reported. Every refusal is a FileReadError with a message that says what is
// wrong, in words (not an errno code).
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";

/** The largest file lblint reads (docs/cli.md): a configuration is far smaller, a runaway log is not. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** A file lblint will not read, or could not; `message` is one phrase such as "permission denied". */
export class FileReadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "FileReadError";
  }
}

/** What a non-regular file is, as an article and a noun: "a FIFO (named pipe)". */
export function fileKind(info: Pick<Stats, "isDirectory" | "isFIFO" | "isCharacterDevice" | "isBlockDevice" | "isSocket" | "isFile">): string {
  if (info.isFile()) return "a regular file";
  if (info.isDirectory()) return "a directory";
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isSocket()) return "a socket";
  return "not a regular file";
}

const ERRNO_WORDS: Readonly<Record<string, string>> = {
  ENOENT: "no such file or directory",
  ENOTDIR: "a part of the path is not a directory",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ELOOP: "a symbolic link loop (too many levels of symbolic links)",
  EISDIR: "a directory, not a file",
  EMFILE: "too many open files",
  ENFILE: "too many open files",
  EIO: "an input/output error",
  ENAMETOOLONG: "the name is too long",
  EAGAIN: "the file is not ready to be read",
};

/** One phrase for why a file system call failed: "permission denied", not "EACCES". */
export function describeFsError(error: unknown): string {
  if (error instanceof FileReadError) return error.message;
  const code = (error as { code?: string } | undefined)?.code;
  if (code && ERRNO_WORDS[code]) return ERRNO_WORDS[code];
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}

function sizeText(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function tooLarge(size: number, limit: number): FileReadError {
  return new FileReadError("EFBIG", `too large (${sizeText(size)}; lblint reads files up to ${sizeText(limit)})`);
}

/** Throws a FileReadError unless `info` is a regular file of at most `limit` bytes. */
function checkRegular(info: Stats, limit: number): void {
  if (info.isDirectory()) throw new FileReadError("EISDIR", "a directory, not a file");
  if (!info.isFile()) throw new FileReadError("ENOTREG", `${fileKind(info)}, not a regular file; lblint does not read it`);
  if (info.size > limit) throw tooLarge(info.size, limit);
}

export interface ReadOptions {
  /** Defaults to MAX_FILE_BYTES. */
  readonly maxBytes?: number;
  /** Called after the descriptor is checked and before the bytes are read (tests change the file here). */
  readonly beforeRead?: (attempt: number) => void;
}

/** Reads until the end or past `limit`; a file that grew past the limit is refused. */
function readAll(fd: number, expected: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let buffer = Buffer.allocUnsafe(Math.max(expected + 1, 64 * 1024));
  for (;;) {
    const read = readSync(fd, buffer, 0, buffer.length, null);
    if (read === 0) break;
    chunks.push(buffer.subarray(0, read));
    total += read;
    if (total > limit) throw tooLarge(total, limit);
    buffer = Buffer.allocUnsafe(64 * 1024);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/**
 * The text of the regular file at `path`, decoded as UTF-8 (bytes that are not UTF-8 become U+FFFD).
 * Throws a FileReadError, or the file system's error (whose code `describeFsError` puts in words).
 */
export function readTextFileSync(path: string, options: ReadOptions = {}): string {
  const limit = options.maxBytes ?? MAX_FILE_BYTES;
  checkRegular(statSync(path), limit);
  for (let attempt = 0; attempt < 2; attempt++) {
    // O_NONBLOCK: if a FIFO took the file's place since the stat, opening it must not wait for a writer.
    const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const before = fstatSync(fd);
      checkRegular(before, limit);
      options.beforeRead?.(attempt);
      const bytes = readAll(fd, before.size, limit);
      const after = fstatSync(fd);
      // Files of /proc and the like say size 0 and still have content: only a change counts.
      const unchanged = after.size === before.size && after.mtimeMs === before.mtimeMs && (before.size === 0 || bytes.length === before.size);
      if (unchanged) return bytes.toString("utf8");
    } finally {
      closeSync(fd);
    }
  }
  throw new FileReadError("ECHANGED", "the file changed while it was being read, twice; try again when it is no longer being written");
}
