// haproxy reads one configuration from several files: `haproxy -f a.cfg -f conf.d/` loads a.cfg, then
// the `.cfg` files of conf.d in lexical order, as if they were one file. lblint lints such a set as
// one configuration, so that a backend defined in one file and used in another is no error.
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { FileSystem } from "../workspace/fs.js";
import { loadConfig, type LoadedConfig } from "../workspace/loader.js";
import { describeFsError, fileKind } from "../workspace/read-file.js";
import { uriToPath } from "../workspace/uri.js";

/**
 * The files of a set in haproxy's order: each path as given, a directory replaced by its regular
 * `.cfg` files (not hidden ones, not its subdirectories) sorted byte-wise, as haproxy's scandir does.
 * A file named twice counts once, where it first appears. Throws an Error naming a missing path.
 */
export async function expandHaproxySet(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((error: unknown) => {
      throw new Error(`${path}: ${describeFsError(error)}`);
    });
    if (info.isFile()) {
      files.push(path);
      continue;
    }
    if (!info.isDirectory()) throw new Error(`${path}: ${fileKind(info)}, not a regular file or directory`);
    const entries = await readdir(path).catch((error: unknown) => {
      throw new Error(`${path}: cannot read the directory: ${describeFsError(error)}`);
    });
    const names = entries.filter((name) => name.endsWith(".cfg") && !name.startsWith(".")).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    for (const name of names) {
      if ((await stat(join(path, name)).catch(() => undefined))?.isFile()) files.push(join(path, name));
    }
  }
  return [...new Set(files)];
}

/** Loads the files of a set (URIs in load order) as one haproxy configuration rooted at the first. */
export async function loadHaproxySet(fs: FileSystem, uris: readonly string[]): Promise<LoadedConfig> {
  const set: LoadedConfig = { format: "haproxy", root: uris[0]!, files: new Map(), includes: [], diagnostics: new Map() };
  for (const uri of uris) {
    let one: LoadedConfig;
    try {
      one = await loadConfig(fs, uri, "haproxy");
    } catch (error) {
      throw Object.assign(error as Error, { path: uriToPath(uri) });
    }
    for (const [key, file] of one.files) set.files.set(key, file);
    for (const [key, found] of one.diagnostics) set.diagnostics.set(key, found);
  }
  return set;
}
