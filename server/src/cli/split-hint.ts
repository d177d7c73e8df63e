// A haproxy configuration split over the .cfg files of one directory (`haproxy -f conf.d/`) looks,
// file by file, like files that name backends, defaults and servers nobody defines. lblint cannot
// know how haproxy is started, so it lints each file alone unless told (`--haproxy-config`,
// `haproxyConfigs`). When those "undefined" errors go away once the directory's files are read as
// one configuration, it says so, and how to lint them that way: once per directory, on stderr.
import { basename, dirname } from "node:path";
import { lintLoaded } from "../lint/lint.js";
import type { LoadedConfig } from "../workspace/loader.js";
import { uriToPath } from "../workspace/uri.js";
import type { Unit } from "./lint-files.js";
import { shownPath } from "./shown-path.js";

/** The rules whose findings a missing part of the configuration explains. */
const REFERENCE_RULES: ReadonlySet<string> = new Set(["HA010", "HA016", "HA017", "HA019"]);

function referenceErrors(problems: Iterable<readonly { ruleId: string; severity: string }[]>): number {
  let count = 0;
  for (const list of problems) for (const problem of list) if (problem.severity === "error" && REFERENCE_RULES.has(problem.ruleId)) count++;
  return count;
}

/** Units of one haproxy file each (no set, nothing included), by directory. */
function singleFilesByDirectory(units: readonly Unit[]): Map<string, Unit[]> {
  const byDirectory = new Map<string, Unit[]>();
  for (const unit of units) {
    if (unit.loaded.format !== "haproxy" || unit.loaded.files.size !== 1 || !unit.loaded.root.startsWith("file:")) continue;
    const path = uriToPath(unit.loaded.root);
    if (!path.endsWith(".cfg")) continue;
    const directory = dirname(path);
    (byDirectory.get(directory) ?? byDirectory.set(directory, []).get(directory)!).push(unit);
  }
  return byDirectory;
}

/** The units' files as one configuration: `main` first, then the directory's files byte-wise by name, as haproxy reads a directory. */
function asOneConfiguration(main: Unit | undefined, group: readonly Unit[]): LoadedConfig {
  const ordered = [...(main ? [main] : []), ...[...group].sort((a, b) => Buffer.compare(Buffer.from(a.loaded.root), Buffer.from(b.loaded.root)))];
  const joined: LoadedConfig = { format: "haproxy", root: ordered[0]!.loaded.root, files: new Map(), includes: [], diagnostics: new Map() };
  for (const { loaded } of ordered) {
    for (const [uri, file] of loaded.files) joined.files.set(uri, file);
    for (const [uri, found] of loaded.diagnostics) joined.diagnostics.set(uri, found);
  }
  return joined;
}

/**
 * The ways files linted apart may be one configuration: a directory of several .cfg files
 * (`haproxy -f conf.d/`), after the `haproxy.cfg` of the directory above when it was linted too
 * (`haproxy -f haproxy.cfg -f conf.d/`, as packaged haproxy services start it).
 */
function candidates(byDirectory: ReadonlyMap<string, Unit[]>): { main: Unit | undefined; directory: string; group: Unit[] }[] {
  const found: { main: Unit | undefined; directory: string; group: Unit[] }[] = [];
  for (const [directory, group] of byDirectory) {
    const main = byDirectory.get(dirname(directory))?.find((unit) => basename(uriToPath(unit.loaded.root)) === "haproxy.cfg");
    if (group.length >= 2 || main) found.push({ main, directory, group });
  }
  return found;
}

/** One note per directory whose files, read together, leave fewer undefined names. */
export function splitConfigurationHints(units: readonly Unit[], cwd: string): string[] {
  const notes: string[] = [];
  for (const { main, directory, group } of candidates(singleFilesByDirectory(units))) {
    const all = main ? [main, ...group] : group;
    const apart = referenceErrors(all.map((unit) => [...unit.problems.values()].flat()));
    if (apart === 0) continue;
    const together = referenceErrors(lintLoaded(asOneConfiguration(main, group), all[0]!.config).values());
    if (together >= apart) continue;
    // The working directory itself is written `./`, another one with its trailing slash.
    const shown = directory === cwd ? "./" : `${shownPath(directory, cwd)}/`;
    const paths = [...(main ? [shownPath(uriToPath(main.loaded.root), cwd)] : []), shown];
    const files = main ? `${paths[0]} and the .cfg ${group.length === 1 ? "file" : "files"} of ${shown} are read` : `its ${group.length} .cfg files are read`;
    const gone = apart - together;
    notes.push(
      `note: ${gone} undefined-name ${gone === 1 ? "error" : "errors"} in ${main ? paths.join(" and ") : shown} ${gone === 1 ? "goes" : "go"} away when ${files} as one configuration (as 'haproxy ${paths.map((path) => `-f ${path}`).join(" ")}' reads them); if haproxy loads them that way, lint them with ${paths.map((path) => `--haproxy-config ${path}`).join(" ")} or "haproxyConfigs" in lblint.config.json`,
    );
  }
  return notes;
}
