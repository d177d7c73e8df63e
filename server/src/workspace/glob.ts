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

/** What a pattern matches: the regular files, and the other paths that are neither files nor directories. */
export interface GlobMatches {
  readonly files: string[];
  /** Regular files with an execute bit set (keepalived skips them). */
  readonly executables: string[];
  /** Matches that are not regular files (FIFOs, devices, sockets, paths that cannot be looked at), with what they are. */
  readonly others: { readonly uri: string; readonly problem: string; readonly special: boolean }[];
}

/**
 * What an absolute pattern URI (`file:///etc/keepalived/conf.d/*.conf`) matches; directories are
 * left out. Throws a FileReadError when a segment matches more than `limit` paths.
 */
export async function expandGlob(fs: FileSystem, patternUri: string, limit = 10_000): Promise<GlobMatches> {
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
  const matches: GlobMatches = { files: [], executables: [], others: [] };
  for (const uri of prefixes) {
    const info = await fs.stat(uri);
    if (info?.type === "file") (info.executable ? matches.executables : matches.files).push(uri);
    else if (info?.type === "other") matches.others.push({ uri, problem: info.problem ?? "not a regular file", special: info.special === true });
  }
  return matches;
}
