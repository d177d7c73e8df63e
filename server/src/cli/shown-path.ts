// How the command line names files in what it prints: relative to the working directory when the
// file is under it, else the absolute path; never a file:// URI (the library's and the language
// server's way of naming files).
import { isAbsolute, relative } from "node:path";
import { uriToPath } from "../workspace/uri.js";

/** A path as the command line prints it. */
export function shownPath(path: string, cwd: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(cwd, path);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

/** A message with each file:// URI in it written as a path (`file:///etc/x.json:3:5` → `x.json:3:5`). */
export function shownUris(message: string, cwd: string): string {
  return message.replace(/file:\/\/[^\s'"]+?(?=:\d|:\s|'|"|\s|$)/g, (uri) => {
    try {
      return shownPath(uriToPath(uri), cwd);
    } catch {
      return uri;
    }
  });
}
