// Shared by the version rules: where a known keyword stands at the target version, and the fix that
// renames it when its replacement is a keyword of the same block.
import type { Statement } from "../../../../grammars/keepalived/ast.js";
import { keepalivedKeyword } from "../../facts/keepalived.js";
import type { KeepalivedKeyword } from "../../facts/types.js";
import { availabilityAt, type AvailabilityState } from "../../facts/versions.js";
import { replaceRange } from "../../lint/fixes.js";
import type { Fix } from "../../lint/rule.js";
import type { KeepalivedModel, PlacedStatement } from "./model.js";
import { keywordStatements, linesByReading } from "./keywords.js";

export interface VersionFinding {
  readonly placed: PlacedStatement;
  readonly keyword: KeepalivedKeyword;
  readonly state: AvailabilityState;
}

const findings = new WeakMap<KeepalivedModel, Map<AvailabilityState, VersionFinding[]>>();

/** The statements whose keyword is in state `wanted` at the model's version; found in one pass for the three rules. */
export function versionFindings(model: KeepalivedModel, wanted: AvailabilityState): readonly VersionFinding[] {
  let byState = findings.get(model);
  if (!byState) {
    byState = new Map();
    const lines = keywordStatements(model);
    // Statements share a few keywords: their state is worked out once per reading.
    for (const [reading, indexes] of linesByReading(model)) {
      if (reading.kind !== "known") continue;
      const state = availabilityAt(reading.keyword.availability, model.version);
      if (state === "ok") continue;
      const found = byState.get(state) ?? byState.set(state, []).get(state)!;
      for (const i of indexes) found.push({ placed: lines[i]!, keyword: reading.keyword, state });
    }
    findings.set(model, byState);
  }
  return byState.get(wanted) ?? [];
}

export function renameFix(statement: Statement, blockId: string, replacement: string | undefined): Fix | undefined {
  if (!replacement || /\s/.test(replacement) || !keepalivedKeyword(blockId, replacement)) return undefined;
  return replaceRange(statement.keyword.range, replacement, `replace with '${replacement}'`);
}

export function instead(replacement: string | undefined): string {
  return replacement ? `; use '${replacement}' instead` : "";
}
