// Which paths lblint skips: `.lblintignore` in the working directory and `--ignore-pattern` (both
// relative to the working directory), and the `ignorePatterns` of each lblint.config.json (relative to
// that file). All in gitignore syntax, matched by the `ignore` package (ESLint's matcher).
import ignore from "ignore";
import { dirname, isAbsolute, join, relative, sep } from "node:path";
import type { ResolvedConfig } from "../lint/config.js";
import { describeFsError, readTextFileSync } from "../workspace/read-file.js";
import { uriToPath } from "../workspace/uri.js";

export const IGNORE_FILE = ".lblintignore";

type Ignore = ReturnType<typeof ignore>;

interface Rules {
  readonly base: string;
  readonly matcher: Ignore;
  readonly source: string;
}

function toRelative(base: string, path: string): string | undefined {
  const rel = relative(base, path);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return undefined;
  return sep === "/" ? rel : rel.split(sep).join("/");
}

export class IgnoreRules {
  private readonly byConfig = new Map<string, Rules | undefined>();

  private constructor(private readonly global: readonly Rules[]) {}

  /** Reads `.lblintignore` from `cwd` (if there is one) and takes the command-line patterns. */
  static async load(cwd: string, patterns: readonly string[]): Promise<IgnoreRules> {
    const rules: Rules[] = [];
    const file = join(cwd, IGNORE_FILE);
    let text: string | undefined;
    try {
      text = readTextFileSync(file);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") throw new Error(`${file}: cannot read it: ${describeFsError(error)}`);
    }
    if (text !== undefined) rules.push({ base: cwd, matcher: ignore().add(text), source: IGNORE_FILE });
    if (patterns.length > 0) rules.push({ base: cwd, matcher: ignore().add([...patterns]), source: "--ignore-pattern" });
    return new IgnoreRules(rules);
  }

  /** Nothing is ignored (`--no-ignore`). */
  static none(): IgnoreRules {
    return new IgnoreRules([]);
  }

  private configRules(config: ResolvedConfig | undefined): Rules | undefined {
    if (!config?.source || config.ignorePatterns.length === 0) return undefined;
    if (!this.byConfig.has(config.source)) {
      const path = uriToPath(config.source);
      this.byConfig.set(config.source, { base: dirname(path), matcher: ignore().add([...config.ignorePatterns]), source: `ignorePatterns of ${path}` });
    }
    return this.byConfig.get(config.source);
  }

  /**
   * What ignores `path` (absolute; a directory when `directory`), or undefined when nothing does.
   * `config` is the lblint.config.json that applies to it, whose ignorePatterns count too.
   */
  ignoredBy(path: string, directory: boolean, config?: ResolvedConfig): string | undefined {
    const all = [...this.global];
    const own = this.configRules(config);
    if (own) all.push(own);
    for (const rules of all) {
      const rel = toRelative(rules.base, path);
      if (rel !== undefined && rules.matcher.ignores(directory ? `${rel}/` : rel)) return rules.source;
    }
    return undefined;
  }
}
