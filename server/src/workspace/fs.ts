// The file system the loader reads through. The CLI reads the disk; the language server puts its
// unsaved editor buffers over the disk; tests use memory. Paths are URIs (see uri.ts).
import { readdirSync, statSync } from "node:fs";
import { describeFsError, fileKind, readTextFileSync } from "./read-file.js";
import { uriToPath } from "./uri.js";

/** What `FileSystem.stat` tells about a path: its type, size and, where known, when it last changed. */
export interface FileStat {
  readonly type: "file" | "directory" | "other";
  readonly size: number;
  /** For "other": what it is or why it cannot be looked at ("a FIFO (named pipe)", "permission denied"). */
  readonly problem?: string;
  /** A change stamp (milliseconds on disk, a change counter in memory); with the size, tells a cache the file is unchanged. */
  readonly mtimeMs?: number;
  /** For "other": true when something is there that is not a file or directory (a FIFO, a device), false when it cannot be looked at. */
  readonly special?: boolean;
  /** For "file": true when any execute bit is set (keepalived skips such files); undefined when unknown. */
  readonly executable?: boolean;
}

/** Where the loader reads files from, by URI: the disk, memory, or editor buffers over the disk. */
export interface FileSystem {
  readFile(uri: string): Promise<string>;
  /** Undefined when nothing exists at `uri`. */
  stat(uri: string): Promise<FileStat | undefined>;
  /** The names (not URIs) of the entries of a directory. */
  readDirectory(uri: string): Promise<string[]>;
}

/** On Windows, node:fs makes the execute bits up from the file name. */
const EXECUTE_BITS_MEAN_SOMETHING = process.platform !== "win32";

/**
 * The disk, through node:fs. Files are decoded as UTF-8; bytes that are not UTF-8 become U+FFFD.
 * Only regular files up to MAX_FILE_BYTES are read (read-file.ts): never a FIFO or a device.
 */
export class NodeFileSystem implements FileSystem {
  // Synchronous calls behind the promises: each is a few microseconds, and a command-line run that
  // makes none asynchronously never starts libuv's thread pool (part of lblint's start-up).
  async readFile(uri: string): Promise<string> {
    return readTextFileSync(uriToPath(uri));
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    let info;
    try {
      // Missing is "nothing there", without the cost of an exception; a loop or a permission
      // problem is something to say.
      info = statSync(uriToPath(uri), { throwIfNoEntry: false });
    } catch (error) {
      if ((error as { code?: string }).code === "ENOTDIR") return undefined;
      return { type: "other", size: 0, problem: describeFsError(error) };
    }
    if (!info) return undefined;
    if (info.isFile()) return { type: "file", size: info.size, mtimeMs: info.mtimeMs, executable: EXECUTE_BITS_MEAN_SOMETHING ? (info.mode & 0o111) !== 0 : undefined };
    if (info.isDirectory()) return { type: "directory", size: info.size, mtimeMs: info.mtimeMs };
    return { type: "other", size: info.size, mtimeMs: info.mtimeMs, problem: `${fileKind(info)}, not a regular file`, special: true };
  }

  async readDirectory(uri: string): Promise<string[]> {
    return readdirSync(uriToPath(uri));
  }
}

/** Files held in memory, keyed by URI; directories are implied by the files below them. */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, string>();
  /** Bumped by every set(), standing in for a modification time. */
  private changes = 0;
  private readonly stamps = new Map<string, number>();

  constructor(files: Readonly<Record<string, string>> = {}) {
    for (const [uri, text] of Object.entries(files)) this.set(uri, text);
  }

  set(uri: string, text: string): void {
    this.files.set(uri, text);
    this.stamps.set(uri, ++this.changes);
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }

  async readFile(uri: string): Promise<string> {
    const text = this.files.get(uri);
    if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file '${uri}'`), { code: "ENOENT" });
    return text;
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const text = this.files.get(uri);
    if (text !== undefined) return { type: "file", size: text.length, mtimeMs: this.stamps.get(uri)! };
    const prefix = uri.endsWith("/") ? uri : uri + "/";
    for (const key of this.files.keys()) if (key.startsWith(prefix)) return { type: "directory", size: 0 };
    return undefined;
  }

  async readDirectory(uri: string): Promise<string[]> {
    const prefix = uri.endsWith("/") ? uri : uri + "/";
    const names = new Set<string>();
    for (const key of this.files.keys()) {
      if (key.startsWith(prefix)) names.add(decodeURIComponent(key.slice(prefix.length).split("/")[0]!));
    }
    if (names.size === 0) throw Object.assign(new Error(`ENOENT: no such directory '${uri}'`), { code: "ENOENT" });
    return [...names];
  }
}

/** Unsaved buffers over another file system: what an editor shows wins over what is on disk. */
export class OverlayFileSystem implements FileSystem {
  constructor(
    private readonly overlays: ReadonlyMap<string, string>,
    private readonly base: FileSystem,
  ) {}

  readFile(uri: string): Promise<string> {
    const text = this.overlays.get(uri);
    return text !== undefined ? Promise.resolve(text) : this.base.readFile(uri);
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const text = this.overlays.get(uri);
    return text !== undefined ? { type: "file", size: text.length } : this.base.stat(uri);
  }

  async readDirectory(uri: string): Promise<string[]> {
    const names = new Set(await this.base.readDirectory(uri).catch(() => [] as string[]));
    const prefix = uri.endsWith("/") ? uri : uri + "/";
    for (const key of this.overlays.keys()) {
      const rest = key.startsWith(prefix) ? key.slice(prefix.length) : "";
      if (rest && !rest.includes("/")) names.add(decodeURIComponent(rest));
    }
    return [...names];
  }
}
