// Shared by the version rules: where a known keyword stands at the target version, and the fix that
// renames it when its replacement is a keyword of the same block.
import type { Statement } from "../../../../grammars/keepalived/ast.js";
import { keepalivedKeyword } from "../../facts/keepalived.js";
import type { KeepalivedKeyword } from "../../facts/types.js";
import { availabilityAt, type AvailabilityState } from "../../facts/versions.js";
import { replaceRange } from "../../lint/fixes.js";
import type { Fix } from "../../lint/rule.js";
import type { KeepalivedModel, PlacedStatement } from "./model.js";
import { keywordStatements, readKeyword } from "./keywords.js";

export interface VersionFinding {
  readonly placed: PlacedStatement;
  readonly keyword: KeepalivedKeyword;
  readonly state: AvailabilityState;
}

export function* versionFindings(model: KeepalivedModel, wanted: AvailabilityState): Generator<VersionFinding> {
  for (const placed of keywordStatements(model)) {
    const reading = readKeyword(placed.statement, placed.blockId);
    if (reading.kind !== "known") continue;
    const state = availabilityAt(reading.keyword.availability, model.version);
    if (state === wanted) yield { placed, keyword: reading.keyword, state };
  }
}

export function renameFix(statement: Statement, blockId: string, replacement: string | undefined): Fix | undefined {
  if (!replacement || /\s/.test(replacement) || !keepalivedKeyword(blockId, replacement)) return undefined;
  return replaceRange(statement.keyword.range, replacement, `replace with '${replacement}'`);
}

export function instead(replacement: string | undefined): string {
  return replacement ? `; use '${replacement}' instead` : "";
}
