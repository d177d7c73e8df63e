// The CLI's note on a haproxy configuration split over the .cfg files of one directory: when the
// "undefined" errors of files linted apart go away once they are read as one configuration
// (lint/split-configuration.ts finds the ways and counts), it says so, and how to lint them that
// way: once per directory, on stderr.
import { basename, dirname } from "node:path";
import { byteOrder, referenceErrorsTogether, splitCandidates } from "../lint/split-configuration.js";
import { uriToPath } from "../workspace/uri.js";
import type { Unit } from "./lint-files.js";
import { shownPath } from "./shown-path.js";

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

/** One note per directory whose files, read together, leave fewer undefined names. */
export function splitConfigurationHints(units: readonly Unit[], cwd: string): string[] {
  const notes: string[] = [];
  const isMain = (unit: Unit) => basename(uriToPath(unit.loaded.root)) === "haproxy.cfg";
  for (const { main, directory, group } of splitCandidates(singleFilesByDirectory(units), dirname, isMain)) {
    // `main` first, then the directory's files byte-wise by name, as haproxy reads a directory.
    const ordered = [...(main ? [main] : []), ...[...group].sort((a, b) => byteOrder(a.loaded.root, b.loaded.root))];
    const { apart, together } = referenceErrorsTogether(ordered, ordered[0]!.config);
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
