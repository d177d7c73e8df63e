// haproxy files that lblint.config.json's `haproxyConfigs` puts in one configuration (haproxy -f
// a.cfg -f conf.d/) are read together, so a backend defined in one file and used in another is no
// error in the editor either, and go to definition crosses the files. The expansion follows the
// CLI's (server/src/cli/haproxy-set.ts) through the editor's file system, where unsaved buffers win.
import type { ResolvedConfig } from "../lint/config.js";
import type { FileSystem } from "../workspace/fs.js";
import { parseText, type FileSource, type LoadedConfig } from "../workspace/loader.js";
import { pathToUri, resolveUri } from "../workspace/uri.js";

/** The files of a set in haproxy's order: a directory stands for its `.cfg` files, sorted byte-wise. */
export async function expandSet(fs: FileSystem, paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const uri = pathToUri(path);
    const info = await fs.stat(uri);
    if (info?.type === "file") files.push(uri);
    else if (info?.type === "directory") {
      const names = (await fs.readDirectory(uri).catch(() => [] as string[]))
        .filter((name) => name.endsWith(".cfg") && !name.startsWith("."))
        .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      for (const name of names) {
        const file = resolveUri(uri.endsWith("/") ? uri : `${uri}/`, name);
        if ((await fs.stat(file))?.type === "file") files.push(file);
      }
    }
  }
  return [...new Set(files)];
}

/** The set a haproxy file belongs to (URIs in load order), or undefined when it is on its own. */
export async function haproxySetOf(fs: FileSystem, uri: string, config: ResolvedConfig): Promise<string[] | undefined> {
  for (const set of config.haproxyConfigs ?? []) {
    const files = await expandSet(fs, set);
    if (files.length > 1 && files.includes(uri)) return files;
  }
  return undefined;
}

/** Loads a set as one configuration rooted at its first file; `source` gives open documents' parses and cached ones. */
export async function loadSet(uris: readonly string[], source: FileSource): Promise<LoadedConfig> {
  const loaded: LoadedConfig = { format: "haproxy", root: uris[0]!, files: new Map(), includes: [], diagnostics: new Map() };
  for (const uri of uris) {
    const { parse } = await source(uri, "haproxy").catch(() => ({ parse: parseText("haproxy", "") }));
    loaded.files.set(uri, { uri, text: parse.lines.text, parse, includedBy: undefined });
    loaded.diagnostics.set(uri, [...parse.diagnostics]);
  }
  return loaded;
}
