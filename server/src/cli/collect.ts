// Turns the paths given on the command line into the files to lint and their languages. Files named
// explicitly are recognised by name, then by content; directories are walked and only files whose
// name (or, for *.cfg and *.conf, content) says haproxy or keepalived are taken.
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { formatFromContent, formatFromPath, type Format } from "../workspace/detect.js";

export interface Target {
  readonly path: string;
  readonly format: Format;
}

export interface Collected {
  readonly targets: Target[];
  /** One line per path that could not be used; each makes the run exit with 2. */
  readonly errors: string[];
}

const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git", ".hg", ".svn", "dist"]);
const SNIFFED_EXTENSIONS = new Set([".cfg", ".conf"]);
const MAX_SNIFF_BYTES = 20 * 1024 * 1024;

export async function collectTargets(paths: readonly string[], forced: Format | undefined): Promise<Collected> {
  const targets: Target[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (path: string, format: Format) => {
    if (!seen.has(path)) {
      seen.add(path);
      targets.push({ path, format });
    }
  };
  for (const given of paths) {
    const path = resolve(given);
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      errors.push(`${given}: no such file or directory`);
    } else if (info.isDirectory()) {
      await walk(path, forced, add, errors);
    } else if (!info.isFile()) {
      // Reading a FIFO or a device could block forever.
      errors.push(`${given}: not a regular file`);
    } else {
      const format = forced ?? formatFromPath(path) ?? (await sniff(path));
      if (format) add(path, format);
      else errors.push(`${given}: cannot tell whether this is a haproxy or a keepalived configuration (use --language)`);
    }
  }
  return { targets, errors };
}

async function walk(directory: string, forced: Format | undefined, add: (path: string, format: Format) => void, errors: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    errors.push(`${directory}: cannot read directory (${(error as { code?: string }).code ?? "error"})`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) await walk(path, forced, add, errors);
      continue;
    }
    if (!entry.isFile()) continue;
    const byName = formatFromPath(path);
    if (byName) add(path, forced ?? byName);
    else if (SNIFFED_EXTENSIONS.has(extname(entry.name))) {
      const byContent = await sniff(path);
      if (byContent) add(path, forced ?? byContent);
    }
  }
}

async function sniff(path: string): Promise<Format | undefined> {
  try {
    const info = await stat(path);
    if (info.size > MAX_SNIFF_BYTES) return undefined;
    return formatFromContent(await readFile(path, "utf8"));
  } catch {
    return undefined;
  }
}
