// Expands keepalived `include` patterns the way glob(3) does, through the loader's file system:
// each path segment that holds a wildcard is matched against its directory's entries; results are
// sorted, and a pattern without wildcards names one path.
import picomatch from "picomatch";
import type { FileSystem } from "./fs.js";
import { FileReadError } from "./read-file.js";
import { resolveUri } from "./uri.js";

const WILDCARD = /[*?[{]/;

export function hasWildcard(pattern: string): boolean {
  return WILDCARD.test(pattern);
}

/**
 * Matching file URIs for an absolute pattern URI (`file:///etc/keepalived/conf.d/*.conf`). Throws a
 * FileReadError when a segment matches more than `limit` paths.
 */
export async function expandGlob(fs: FileSystem, patternUri: string, limit = 10_000): Promise<string[]> {
  const url = new URL(patternUri);
  const segments = decodeURIComponent(url.pathname).split("/").filter(Boolean);
  url.pathname = "/";
  let prefixes = [url.href];
  for (const segment of segments) {
    const next: string[] = [];
    if (!hasWildcard(segment)) {
      for (const prefix of prefixes) next.push(resolveUri(prefix, segment));
    } else {
      const isMatch = picomatch(segment, { dot: false, nobrace: false });
      for (const prefix of prefixes) {
        const names = await fs.readDirectory(prefix).catch(() => [] as string[]);
        for (const name of names.sort()) {
          if (isMatch(name)) next.push(resolveUri(prefix, name));
          // Said, not silently cut: a pattern this wide is a mistake, or a tree lblint should not walk.
          if (next.length > limit) throw new FileReadError("ETOOMANY", `it matches more than ${limit.toLocaleString("en")} paths, more than lblint follows`);
        }
      }
    }
    prefixes = next;
    if (prefixes.length === 0) break;
  }
  const files: string[] = [];
  for (const uri of prefixes) {
    const info = await fs.stat(uri);
    if (info?.type === "file") files.push(uri);
  }
  return files;
}
