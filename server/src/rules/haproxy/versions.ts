// Shared by the haproxy version rules: each statement's keyword (or closed-list value, such as
// `mode health`) with where it stands at the target version.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import type { Range } from "../../../../grammars/common/text.js";
import { haproxyAction } from "../../facts/haproxy.js";
import { haproxyValue } from "../../facts/haproxy-values.js";
import type { Availability } from "../../facts/types.js";
import { availabilityAt, type AvailabilityState } from "../../facts/versions.js";
import type { HaproxyModel, SectionModel } from "./model.js";
import { keywordRange, readStatement } from "./keywords.js";
import { readOptions } from "./option-words.js";

export interface VersionFinding {
  readonly section: SectionModel;
  /** What is out of date, as written: `contimeout`, `mode health`, `server option curves`. */
  readonly name: string;
  readonly range: Range;
  readonly availability: Availability;
  /** The keyword words, when the finding is about a keyword (for rename fixes). */
  readonly keywordWords?: readonly Word[];
}

const VALUE_LISTS: Readonly<Record<string, string>> = { mode: "mode", balance: "balance" };

export function* versionFindings(model: HaproxyModel, wanted: AvailabilityState): Generator<VersionFinding> {
  for (const { statement, section } of model.statements()) {
    const reading = readStatement(statement);
    if (reading.kind !== "known") continue;
    const keyword = reading.match.keyword;
    const action = keyword.actions && reading.args[0] ? haproxyAction(keyword.actions, reading.args[0].value) : undefined;
    if (action && availabilityAt(action.availability, model.version) === wanted) {
      yield { section, name: `${keyword.name} ${action.name}`, range: reading.args[0]!.range, availability: action.availability! };
    }
    for (const option of readOptions(reading)?.options ?? []) {
      if (option.spec && availabilityAt(option.spec.availability, model.version) === wanted) {
        yield { section, name: `${keyword.name} option ${option.spec.name}`, range: option.name.range, availability: option.spec.availability! };
      }
    }
    if (availabilityAt(keyword.availability, model.version) === wanted) {
      const words = [statement.keyword, ...statement.args].slice(0, reading.match.wordCount);
      yield { section, name: keyword.name, range: keywordRange(statement, reading.match), availability: keyword.availability!, keywordWords: words };
      continue;
    }
    const list = VALUE_LISTS[keyword.name];
    const value = reading.args[0];
    if (!list || !value) continue;
    const known = haproxyValue(list, value.value);
    if (known && availabilityAt(known.availability, model.version) === wanted) {
      yield { section, name: `${keyword.name} ${value.value}`, range: value.range, availability: known.availability! };
    }
  }
}
