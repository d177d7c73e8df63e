// Shared by the haproxy version rules: each statement's keyword (or closed-list value, such as
// `mode health`) with where it stands at the target version.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import type { Range } from "../../../../grammars/common/text.js";
import { haproxyAction } from "../../facts/haproxy.js";
import { HAPROXY_SECTION_AVAILABILITY, haproxyValue } from "../../facts/haproxy-values.js";
import type { Availability } from "../../facts/types.js";
import { availabilityAt, type AvailabilityState } from "../../facts/versions.js";
import type { HaproxyModel, SectionModel } from "./model.js";
import { keywordRange } from "./keywords.js";
import type { OptionShape } from "./option-words.js";

export interface VersionFinding {
  readonly section: SectionModel;
  /** What is out of date, as written: `contimeout`, `mode health`, `server option curves`. */
  readonly name: string;
  readonly range: Range;
  readonly availability: Availability;
  /** The keyword words, when the finding is about a keyword (for rename fixes). */
  readonly keywordWords?: readonly Word[];
}

/** The newest haproxy version the tables cover exactly by default (its manual and keyword dump): later ones are exact only where an entry says so (`absentThrough`). */
export const EXACT_HAPROXY = "2.6";

const VALUE_LISTS: Readonly<Record<string, string>> = { mode: "mode", balance: "balance", compression: "compression" };

/** The findings of one model, worked out in one pass for the three rules that share them. */
const findings = new WeakMap<HaproxyModel, Map<AvailabilityState, VersionFinding[]>>();

export function versionFindings(model: HaproxyModel, wanted: AvailabilityState): readonly VersionFinding[] {
  let byState = findings.get(model);
  if (!byState) findings.set(model, (byState = findAll(model)));
  return byState.get(wanted) ?? [];
}

function findAll(model: HaproxyModel): Map<AvailabilityState, VersionFinding[]> {
  const byState = new Map<AvailabilityState, VersionFinding[]>();
  const add = (state: AvailabilityState, finding: VersionFinding) => (byState.get(state) ?? byState.set(state, []).get(state)!).push(finding);
  // Availability per table entry: statements share a handful of keywords and options.
  const states = new Map<object, AvailabilityState>();
  const stateOf = (entry: { readonly availability?: Availability | undefined }): AvailabilityState => {
    let state = states.get(entry);
    if (state === undefined) states.set(entry, (state = availabilityAt(entry.availability, model.version)));
    return state;
  };
  // A section kind the target version does not have (`program` in 3.4, `crt-store` in 2.6): one
  // finding on its header. haproxy refuses the section as a whole, so its lines are not reported again.
  const refused = new Set<SectionModel>();
  for (const section of model.sections) {
    const availability = HAPROXY_SECTION_AVAILABILITY[section.type];
    if (!availability) continue;
    const state = availabilityAt(availability, model.version);
    if (state === "ok") continue;
    add(state, { section, name: section.type, range: section.section.header.keyword.range, availability });
    if (state !== "deprecated") refused.add(section);
  }
  // Option shapes with no option out of date at this version.
  const current = new Set<OptionShape>();
  // An indexed loop: a for...of over 100,000 statements allocates an iterator result per step.
  const placedList = model.statements();
  for (let placedAt = 0; placedAt < placedList.length; placedAt++) {
    const placed = placedList[placedAt]!;
    const { statement, section, reading } = placed;
    if (reading.kind !== "known" || (refused.size > 0 && refused.has(section))) continue;
    const keyword = reading.match.keyword;
    const list = VALUE_LISTS[keyword.name];
    // The first argument is read only where an action or a listed value may stand (not on server lines).
    const first = keyword.actions !== undefined || list !== undefined ? reading.value(0) : undefined;
    const action = keyword.actions && first !== undefined ? haproxyAction(keyword.actions, first) : undefined;
    if (action) {
      const state = stateOf(action);
      if (state !== "ok") add(state, { section, name: `${keyword.name} ${action.name}`, range: reading.args[0]!.range, availability: action.availability! });
    }
    const options = placed.options;
    if (options && !current.has(options)) {
      let dated = false;
      for (const option of options.options) {
        if (!option.spec) continue;
        const state = stateOf(option.spec);
        if (state === "ok") continue;
        dated = true;
        add(state, { section, name: `${keyword.name} option ${option.spec.name}`, range: reading.args[option.at]!.range, availability: option.spec.availability! });
      }
      if (!dated) current.add(options);
    }
    const state = stateOf(keyword);
    if (state !== "ok") {
      const words = [statement.keyword, ...statement.args].slice(0, reading.match.wordCount);
      add(state, { section, name: keyword.name, range: keywordRange(statement, reading.match), availability: keyword.availability!, keywordWords: words });
      continue;
    }
    if (!list || first === undefined) continue;
    const known = haproxyValue(list, first);
    if (!known) continue;
    const valueState = stateOf(known);
    if (valueState !== "ok") add(valueState, { section, name: `${keyword.name} ${first}`, range: reading.args[0]!.range, availability: known.availability! });
  }
  return byState;
}
