// Documents are identified by URI (`file:///etc/haproxy/haproxy.cfg`, `untitled:1`), as in LSP, so
// that the CLI, the language server and whole-site checks name files the same way.
import { fileURLToPath, pathToFileURL } from "node:url";
import { posix } from "node:path";

/** The `file://` URI of an absolute or relative file system path. */
export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** The file-system path of a `file:` URI; other schemes are returned unchanged. */
export function uriToPath(uri: string): string {
  return uri.startsWith("file:") ? fileURLToPath(uri) : uri;
}

export function dirnameUri(uri: string): string {
  const url = new URL(uri);
  url.pathname = posix.dirname(url.pathname);
  return url.href;
}

/** Resolves a path written in a file (absolute, or relative to the directory `baseDirUri`) to a URI. */
export function resolveUri(baseDirUri: string, path: string): string {
  const base = new URL(baseDirUri);
  const joined = path.startsWith("/") ? path : posix.join(decodeURIComponent(base.pathname), path);
  const url = new URL(base.href);
  url.pathname = posix.normalize(joined);
  return url.href;
}

export function basenameUri(uri: string): string {
  return posix.basename(decodeURIComponent(new URL(uri).pathname));
}

/** The path of `uri` relative to the directory `baseDirUri` (`conf.d/app.cfg`, `.` for the directory itself). */
export function relativeUri(baseDirUri: string, uri: string): string {
  return posix.relative(decodeURIComponent(new URL(baseDirUri).pathname), decodeURIComponent(new URL(uri).pathname)) || ".";
}
