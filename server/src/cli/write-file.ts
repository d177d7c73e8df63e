// Writes a fixed configuration without ever leaving a half-written one: the new text goes to a
// temporary file in the same directory (same file system), gets the original's mode and owner, is
// flushed to disk, and then renamed over the original in one step. The file is not replaced when it
// changed on disk since lblint read it, or when replacing it would lose what a rename cannot keep.
import { randomBytes } from "node:crypto";
import { open, readFile, realpath, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Why a file was not written: one line, for stderr. */
export class WriteError extends Error {}

/** What the write is for, in its error messages: "not fixed (run lblint --fix again)". */
export interface WriteWhy {
  readonly done: string;
  readonly command: string;
}

export const FIXING: WriteWhy = { done: "fixed", command: "lblint --fix" };
export const FORMATTING: WriteWhy = { done: "formatted", command: "lblint --fmt" };

function code(error: unknown): string {
  return (error as { code?: string }).code ?? (error as Error).message ?? String(error);
}

async function unchanged(path: string, expected: Buffer, why: WriteWhy): Promise<void> {
  const current = await readFile(path).catch((error) => {
    throw new WriteError(`cannot read it again before writing (${code(error)}); not ${why.done}`);
  });
  if (!current.equals(expected)) {
    const decoded = current.toString("utf8");
    if (decoded === expected.toString("utf8") && !current.equals(Buffer.from(decoded, "utf8"))) {
      throw new WriteError(`holds bytes that are not UTF-8, which writing it back would change; not ${why.done}`);
    }
    throw new WriteError(`changed on disk since lblint read it; not ${why.done} (run ${why.command} again)`);
  }
}

/**
 * Replaces the file at `path` (a symbolic link is followed, and its target replaced) with `text`,
 * provided it still holds `original`. Throws a WriteError that says why it did not.
 */
export async function replaceFile(path: string, original: string, text: string, why: WriteWhy = FIXING): Promise<void> {
  const target = await realpath(path).catch((error) => {
    throw new WriteError(`cannot resolve the path (${code(error)}); not ${why.done}`);
  });
  const info = await stat(target);
  if (!info.isFile()) throw new WriteError(`is not a regular file; not ${why.done}`);
  if (info.nlink > 1) throw new WriteError(`has ${info.nlink} hard links, which replacing it would break; not ${why.done}`);
  const expected = Buffer.from(original, "utf8");
  await unchanged(target, expected, why);

  const temporary = join(dirname(target), `.${basename(target)}.lblint-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  const mode = info.mode & 0o7777;
  let handle;
  try {
    handle = await open(temporary, "wx", 0o600);
  } catch (error) {
    throw new WriteError(`cannot create a temporary file beside it (${code(error)}); not ${why.done}`);
  }
  let renamed = false;
  try {
    await handle.writeFile(text, "utf8");
    const written = await handle.stat();
    if (written.uid !== info.uid || written.gid !== info.gid) {
      await handle.chown(info.uid, info.gid).catch((error) => {
        throw new WriteError(`cannot give the new file the owner ${info.uid}:${info.gid} of the old one (${code(error)}); not ${why.done}`);
      });
    }
    // After chown, which may clear set-id bits.
    await handle.chmod(mode);
    await handle.sync();
    await handle.close();
    handle = undefined;
    // Checked again as late as possible: an editor may have saved the file meanwhile.
    await unchanged(target, expected, why);
    await rename(temporary, target);
    renamed = true;
    await syncDirectory(dirname(target));
  } catch (error) {
    if (error instanceof WriteError) throw error;
    throw new WriteError(`cannot write (${code(error)}); not ${why.done}`);
  } finally {
    await handle?.close().catch(() => undefined);
    if (!renamed) await unlink(temporary).catch(() => undefined);
  }
}

/** Makes the rename durable; some file systems refuse to sync a directory, which is harmless. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, "r").catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close().catch(() => undefined);
}
