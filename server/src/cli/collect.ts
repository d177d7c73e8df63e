// Turns the paths given on the command line into the files to lint and their languages. Files named
// explicitly are recognised by name, then by content; directories are walked and globs expanded, and
// only files whose name (or, for *.cfg and *.conf, content) says haproxy or keepalived are taken.
// What is skipped, and why, is kept for --debug and --list-files.
import picomatch from "picomatch";
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, relative, resolve } from "node:path";
import type { ResolvedConfig } from "../lint/config.js";
import { formatFromContent, formatFromPath, type Format } from "../workspace/detect.js";
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
const MAX_SNIFF_BYTES = 20 * 1024 * 1024;
const WILDCARD = /[*?[\]{}]/;

class Collector {
  readonly targets: Target[] = [];
  readonly errors: string[] = [];
  readonly skipped: Skipped[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly options: CollectOptions) {}

  private add(path: string, format: Format): boolean {
    if (this.options.inSets?.has(path)) return true;
    if (!this.seen.has(path)) {
      this.seen.add(path);
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

  /** A file named on the command line: it must be a configuration, unless it is ignored. */
  async file(given: string, path: string): Promise<void> {
    if (await this.ignored(path, false)) return;
    const format = this.options.language ?? formatFromPath(path) ?? (await sniff(path));
    if (format) this.add(path, format);
    else this.errors.push(`${given}: cannot tell whether this is a haproxy or a keepalived configuration (use --language)`);
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
    const byContent = await sniff(path);
    if (byContent) return this.add(path, this.options.language ?? byContent);
    this.skipped.push({ path, reason: "content is neither haproxy nor keepalived" });
    return false;
  }

  /** Walks a directory; true when it held at least one configuration. */
  async walk(directory: string, match?: (path: string) => boolean, deep = true): Promise<boolean> {
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      this.errors.push(`${directory}: cannot read directory (${(error as { code?: string }).code ?? "error"})`);
      return false;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let any = false;
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_DIRECTORIES.has(entry.name) || (await this.ignored(path, true))) continue;
        if (match?.(path)) any = (await this.walk(path)) || any;
        else if (deep) any = (await this.walk(path, match, deep)) || any;
      } else if (entry.isFile() && (!match || match(path))) {
        any = (await this.found(path, entry.name)) || any;
      }
    }
    return any;
  }
}

export async function collectTargets(paths: readonly string[], options: CollectOptions = {}): Promise<Collected> {
  const collector = new Collector(options);
  const cwd = options.cwd ?? process.cwd();
  for (const given of paths) {
    const path = resolve(cwd, given);
    const info = await stat(path).catch(() => undefined);
    if (!info && WILDCARD.test(given)) {
      await glob(collector, given, cwd);
    } else if (!info) {
      collector.errors.push(`${given}: no such file or directory`);
    } else if (info.isDirectory()) {
      const errors = collector.errors.length;
      if (!(await collector.walk(path)) && collector.errors.length === errors) {
        collector.errors.push(`${given}: no haproxy or keepalived configuration found here (--list-files shows what was skipped)`);
      }
    } else if (!info.isFile()) {
      // Reading a FIFO or a device could block forever.
      collector.errors.push(`${given}: not a regular file`);
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
  const info = await stat(base).catch(() => undefined);
  const found = info?.isDirectory() ? await collector.walk(base, (path) => isMatch(relative(base, path).split("\\").join("/")), deep) : false;
  if (!found) collector.errors.push(`${pattern}: matches no haproxy or keepalived configuration (--list-files shows what was skipped)`);
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
