// The unified diff --fix-dry-run prints: git's a/ b/ file names, three lines of context, so that
// `git apply` or `patch -p1` could apply it.
import { createTwoFilesPatch } from "diff";

export function unifiedDiff(path: string, before: string, after: string): string {
  const name = path.split("\\").join("/").replace(/^\/+/, "");
  const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, "", "", { context: 3 });
  // jsdiff starts with a line of '=' that neither git nor patch writes; file headers have no dates.
  return patch
    .replace(/^=+\n/, "")
    .replace(/^(--- a\/.*?)\t\n/m, "$1\n")
    .replace(/^(\+\+\+ b\/.*?)\t\n/m, "$1\n");
}
