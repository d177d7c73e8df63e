// Turns the paths given on the command line into the files to lint and their languages. Files named
// explicitly are recognised by name, then by content; directories are walked and globs expanded, and
// only files whose name (or, for *.cfg and *.conf, content) says haproxy or keepalived are taken.
// What is skipped, and why, is kept for --debug and --list-files. Hostile trees are expected: a path
// that cannot be used (a FIFO, a device, a loop, no permission, a binary file) is one line saying
// what is wrong, and the other paths are still linted.
import picomatch from "picomatch";
// The file system calls are synchronous: a run on one file then never starts libuv's thread pool.
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import { extname, join, relative, resolve, sep } from "node:path";
import type { ResolvedConfig } from "../lint/config.js";
import { formatFromContent, formatFromPath, type Format } from "../workspace/detect.js";
import { BINARY_FILE_MESSAGE, looksBinary } from "../workspace/loader.js";
import { describeFsError, fileKind, readTextFileSync } from "../workspace/read-file.js";
import type { IgnoreRules } from "./ignore.js";

export interface Target {
  /** The file, or the first file of a haproxy set. */
  readonly path: string;
  readonly format: Format;
  /** haproxy: every file of a configuration read as one (`haproxy -f a -f dir`), in load order. */
  readonly set?: readonly string[];
  /** The text, when it comes from standard input, with the URI and name it goes by. */
  readonly text?: string;
  readonly uri?: string;
  readonly display?: string;
}

export interface Skipped {
  readonly path: string;
  readonly reason: string;
}

export interface Collected {
  readonly targets: Target[];
  /** One line per path that could not be used; each makes the run exit with 2. */
  readonly errors: string[];
  readonly skipped: Skipped[];
}

export interface CollectOptions {
  readonly language?: Format;
  readonly ignore?: IgnoreRules;
  /** The lblint.config.json that applies to a path, for its ignorePatterns. */
  readonly configFor?: (path: string) => Promise<ResolvedConfig | undefined>;
  /** Files linted as part of a haproxy set: not linted again on their own. */
  readonly inSets?: ReadonlySet<string>;
  readonly cwd?: string;
}

const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git", ".hg", ".svn", "dist"]);
const SNIFFED_EXTENSIONS = new Set([".cfg", ".conf"]);
const WILDCARD = /[*?[\]{}]/;

/** Named like a configuration: by the detected names, or *.cfg / *.conf that would be sniffed. */
function namedLikeConfig(path: string): boolean {
  return formatFromPath(path) !== undefined || SNIFFED_EXTENSIONS.has(extname(path));
}

function notRegular(info: Parameters<typeof fileKind>[0]): string {
  return `${fileKind(info)}, not a regular file; lblint does not read it`;
}

/** A file's or directory's identity, whatever path leads to it. */
function identity(info: Stats): string {
  return `${info.dev}:${info.ino}`;
}

class Collector {
  readonly targets: Target[] = [];
  readonly errors: string[] = [];
  readonly skipped: Skipped[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly options: CollectOptions) {}

  /** Takes a file once, however many paths lead to it (`sites-enabled/x.cfg -> ../sites-available/x.cfg`). */
  private add(path: string, format: Format): boolean {
    if (this.options.inSets?.has(path)) return true;
    let key = path;
    try {
      key = identity(statSync(path));
    } catch {
      // Reading it will say what is wrong.
    }
    if (!this.seen.has(key)) {
      this.seen.add(key);
      this.targets.push({ path, format });
    }
    return true;
  }

  private async ignored(path: string, directory: boolean): Promise<boolean> {
    if (!this.options.ignore) return false;
    const config = await this.options.configFor?.(directory ? join(path, "lblint.config.json") : path);
    const by = this.options.ignore.ignoredBy(path, directory, config);
    if (by) this.skipped.push({ path, reason: `ignored by ${by}` });
    return by !== undefined;
  }

  /** Something that cannot be linted: an error when it is named like a configuration, else skipped. */
  private refuse(path: string, reason: string): void {
    if (namedLikeConfig(path)) this.errors.push(`${path}: ${reason}`);
    else this.skipped.push({ path, reason });
  }

  /** A file named on the command line: it must be a configuration, unless it is ignored. */
  async file(given: string, path: string): Promise<void> {
    if (await this.ignored(path, false)) return;
    const known = this.options.language ?? formatFromPath(path);
    if (known) {
      this.add(path, known);
      return;
    }
    const sniffed = sniff(path);
    if (typeof sniffed === "string") this.add(path, sniffed);
    else this.errors.push(`${given}: ${sniffed?.problem ?? "cannot tell whether this is a haproxy or a keepalived configuration (use --language)"}`);
  }

  /** A file found in a directory or by a glob: taken when its name or content says what it is. */
  async found(path: string, name: string): Promise<boolean> {
    if (await this.ignored(path, false)) return false;
    const byName = formatFromPath(path);
    if (byName) return this.add(path, this.options.language ?? byName);
    if (!SNIFFED_EXTENSIONS.has(extname(name))) {
      this.skipped.push({ path, reason: "not named like a haproxy or keepalived configuration" });
      return false;
    }
    const sniffed = sniff(path);
    if (typeof sniffed === "string") return this.add(path, this.options.language ?? sniffed);
    if (sniffed?.unreadable) this.errors.push(`${path}: ${sniffed.problem}`);
    else this.skipped.push({ path, reason: sniffed?.problem ?? "content is neither haproxy nor keepalived" });
    return false;
  }

  /**
   * Walks a directory; true when it held at least one configuration. Symbolic links are followed;
   * a directory reached twice in one walk is walked once (`walked`: by identity, whether it held a
   * configuration), and a link to a directory that holds the link (`up -> ..`) is reported, not
   * followed: it would never end.
   */
  async walk(directory: string, match?: (path: string) => boolean, deep = true, walked = new Map<string, boolean>()): Promise<boolean> {
    let entries;
    let id;
    try {
      id = identity(statSync(directory));
      const before = walked.get(id);
      if (before !== undefined) return before;
      walked.set(id, false);
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      this.errors.push(`${directory}: cannot read the directory: ${describeFsError(error)}`);
      return false;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let any = false;
    for (const entry of entries) {
      const path = join(directory, entry.name);
      let info: Stats | undefined;
      if (entry.isSymbolicLink()) {
        try {
          info = statSync(path);
        } catch (error) {
          const dangling = (error as { code?: string }).code === "ENOENT";
          if (!match || match(path)) this.refuse(path, dangling ? DANGLING : describeFsError(error));
          continue;
        }
      }
      if (info ? info.isDirectory() : entry.isDirectory()) {
        if (SKIPPED_DIRECTORIES.has(entry.name) || (await this.ignored(path, true))) continue;
        const loop = info && leadsBack(path, directory);
        if (loop) {
          this.errors.push(`${path}: a symbolic link loop: it leads back to ${loop}, which holds it; not followed`);
          continue;
        }
        if (match?.(path)) any = (await this.walk(path, undefined, true, walked)) || any;
        else if (deep) any = (await this.walk(path, match, deep, walked)) || any;
      } else if (match && !match(path)) {
        continue;
      } else if (info ? info.isFile() : entry.isFile()) {
        any = (await this.found(path, entry.name)) || any;
      } else {
        // A FIFO would block the read forever, a device would never end.
        this.refuse(path, notRegular(info ?? entry));
      }
    }
    walked.set(id, any);
    return any;
  }
}

const DANGLING = "a symbolic link to a file that does not exist";

/** The target of the directory link `link` when it holds `directory` (or is it): following it would loop. */
function leadsBack(link: string, directory: string): string | undefined {
  let target, here;
  try {
    target = realpathSync(link);
    here = realpathSync(directory);
  } catch {
    return undefined;
  }
  return here === target || here.startsWith(target.endsWith(sep) ? target : target + sep) ? target : undefined;
}

function statOf(path: string): Stats | { problem: string; missing: boolean } {
  try {
    return statSync(path);
  } catch (error) {
    const missing = (error as { code?: string }).code === "ENOENT";
    // A link whose target is gone says so, not just "no such file".
    const dangling = missing && lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() === true;
    return { problem: dangling ? DANGLING : describeFsError(error), missing: missing && !dangling };
  }
}

export async function collectTargets(paths: readonly string[], options: CollectOptions = {}): Promise<Collected> {
  const collector = new Collector(options);
  const cwd = options.cwd ?? process.cwd();
  for (const given of paths) {
    const path = resolve(cwd, given);
    const info = statOf(path);
    if ("problem" in info) {
      // A name with a bracket or brace that makes no pattern (`{a`, `x[1`) is a missing file, not a glob.
      if (info.missing && WILDCARD.test(given) && picomatch.scan(given).isGlob) await glob(collector, given, cwd);
      else collector.errors.push(`${given}: ${info.problem}`);
    } else if (info.isDirectory()) {
      const errors = collector.errors.length;
      if (!(await collector.walk(path)) && collector.errors.length === errors) {
        const what = namedLikeConfig(path) ? "a directory, not a configuration file, and no" : "no";
        collector.errors.push(`${given}: ${what} haproxy or keepalived configuration found here (--list-files shows what was skipped)`);
      }
    } else if (!info.isFile()) {
      collector.errors.push(`${given}: ${notRegular(info)}`);
    } else {
      await collector.file(given, path);
    }
  }
  return { targets: collector.targets, errors: collector.errors, skipped: collector.skipped };
}

async function glob(collector: Collector, pattern: string, cwd: string): Promise<void> {
  const scan = picomatch.scan(pattern);
  const base = resolve(cwd, scan.base || ".");
  const isMatch = picomatch(scan.glob, { dot: false });
  const deep = scan.glob.includes("/") || scan.glob.includes("**");
  const info = statOf(base);
  const found = !("problem" in info) && info.isDirectory() ? await collector.walk(base, (path) => isMatch(relative(base, path).split("\\").join("/")), deep) : false;
  if (!found) collector.errors.push(`${pattern}: matches no haproxy or keepalived configuration (--list-files shows what was skipped)`);
}

/** What a file's content says it is; `unreadable` when it could not be read at all. */
function sniff(path: string): Format | { problem: string; unreadable: boolean } | undefined {
  let text;
  try {
    text = readTextFileSync(path);
  } catch (error) {
    return { problem: `cannot read it: ${describeFsError(error)}`, unreadable: true };
  }
  if (looksBinary(text)) return { problem: BINARY_FILE_MESSAGE.replace("this ", ""), unreadable: false };
  return formatFromContent(text);
}
