// A haproxy configuration split over several files (`haproxy -f conf.d/`, or `-f haproxy.cfg -f
// conf.d/` as packaged services start it) looks, file by file, like files that name backends,
// defaults and servers nobody defines. lblint cannot know how haproxy is started, so it lints each
// file alone unless told (`--haproxy-config`, `haproxyConfigs`). This module says which files may be
// one configuration and whether reading them so explains the undefined names; the CLI prints a note
// (cli/split-hint.ts) and the language server points at the definitions (service/split-hint.ts).
import type { LoadedConfig } from "../workspace/loader.js";
import type { ResolvedConfig } from "./config.js";
import { lintLoaded } from "./lint.js";
import type { Problem } from "./report.js";

/** The rules whose findings a missing part of the configuration explains. */
export const REFERENCE_RULES: ReadonlySet<string> = new Set(["HA010", "HA016", "HA017", "HA019"]);

/** An undefined-name error: what another file of the configuration may define. */
export function isReferenceError(problem: Pick<Problem, "ruleId" | "severity">): boolean {
  return problem.severity === "error" && REFERENCE_RULES.has(problem.ruleId);
}

export function referenceErrors(problems: Iterable<readonly Pick<Problem, "ruleId" | "severity">[]>): number {
  let count = 0;
  for (const list of problems) for (const problem of list) if (isReferenceError(problem)) count++;
  return count;
}

/** A way some files may be one configuration: a directory's `.cfg` files, after a `haproxy.cfg` of the directory above. */
export interface SplitCandidate<T> {
  readonly main: T | undefined;
  /** The directory whose `.cfg` files are read (a path or URI, as the caller gave it). */
  readonly directory: string;
  readonly group: readonly T[];
}

/**
 * The ways files linted apart may be one configuration: a directory of several .cfg files
 * (`haproxy -f conf.d/`), after the `haproxy.cfg` of the directory above when there is one
 * (`haproxy -f haproxy.cfg -f conf.d/`). `byDirectory` holds the `.cfg` files of each directory.
 */
export function splitCandidates<T>(byDirectory: ReadonlyMap<string, readonly T[]>, parentOf: (directory: string) => string, isMain: (file: T) => boolean): SplitCandidate<T>[] {
  const found: SplitCandidate<T>[] = [];
  for (const [directory, group] of byDirectory) {
    const parent = parentOf(directory);
    const main = parent === directory ? undefined : byDirectory.get(parent)?.find(isMain);
    if (group.length >= 2 || main) found.push({ main, directory, group });
  }
  return found;
}

/** Byte-wise order of names, as haproxy reads a directory's files. */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Configurations read as one, in the order given: the files of each after those of the ones before. */
export function joinConfigurations(parts: readonly LoadedConfig[]): LoadedConfig {
  const joined: LoadedConfig = { format: "haproxy", root: parts[0]!.root, files: new Map(), includes: [], diagnostics: new Map() };
  for (const loaded of parts) {
    for (const [uri, file] of loaded.files) joined.files.set(uri, file);
    for (const [uri, found] of loaded.diagnostics) joined.diagnostics.set(uri, found);
  }
  return joined;
}

/** How many undefined-name errors the parts have apart and, read as one configuration in this order, together. */
export function referenceErrorsTogether(parts: readonly { loaded: LoadedConfig; problems: ReadonlyMap<string, readonly Problem[]> }[], config: ResolvedConfig): { apart: number; together: number } {
  const apart = referenceErrors(parts.flatMap((part) => [...part.problems.values()]));
  if (apart === 0) return { apart, together: 0 };
  return { apart, together: referenceErrors(lintLoaded(joinConfigurations(parts.map((part) => part.loaded)), config).values()) };
}
