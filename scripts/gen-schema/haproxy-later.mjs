// What later haproxy releases have, from the releases themselves: the keyword dumps of haproxy
// 3.0.11 and 3.2.26 (`haproxy -dKall`: every sample fetch, converter, bind and server option a
// release registers) and what 2.6.12, 3.0.11 and 3.2.26 said when asked about each keyword and rule
// action of the tables (haproxy-probe-versions.mjs). The manuals say only "in 2.6" and "in 3.4":
// this narrows a keyword's `since` and `removed` to the LTS releases in between, and marks where
// its absence is certain (`absentThrough`), so that a target of 3.0 or 3.2 gets errors where that
// release refuses a line, not "may not exist" warnings.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readDkall } from "./haproxy-dkall.mjs";
import { summaryOf } from "./haproxy-syntax.mjs";

export const LATER_SOURCES = {
  "3.0": { dump: "haproxy-dkall-3.0.11.txt", probed: "haproxy-probed-3.0.json" },
  "3.2": { dump: "haproxy-dkall-3.2.26.txt", probed: "haproxy-probed-3.2.json" },
};
const PROBED_26 = "haproxy-probed-2.6.json";

/** Modules Debian builds without (`-51DEGREES -DEVICEATLAS -WURFL -ZLIB -ENGINE -MEMORY_PROFILING`): their keywords are unknown to these builds whatever the version. */
const BUILD_OPTIONAL = /^(?:51degrees|51d\.|deviceatlas|da-|wurfl|tune\.zlib\.|ssl-engine$|profiling\.memory$)/;

const before = (a, b) => {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = b.split(".").map(Number);
  return am !== bm ? am < bm : an < bn;
};

/**
 * Narrows the availability of every entry of `schema` (changed in place) with the later releases'
 * evidence read from `dir` (`dump26`: 2.6.12's dump, read); says what it changed.
 */
export function refineAvailability(schema, dir, dump26, say) {
  const read = (file) => JSON.parse(readFileSync(join(dir, file), "utf8"));
  const probed26 = read(PROBED_26);
  const later = Object.entries(LATER_SOURCES).map(([version, { dump, probed }]) => ({ version, dump: readDkall(join(dir, dump)), probed: read(probed) }));
  const changes = { since: [], absent: [], removed: [], conflicts: [] };

  /** `present(v)`: true, false (the release lacks or refuses it) or undefined (no evidence). */
  const refine = (kind, entry, present) => {
    if (BUILD_OPTIONAL.test(entry.name)) return;
    const av = { ...(entry.availability ?? {}) };
    const label = `${kind} ${entry.name}`;
    if (av.since !== undefined) {
      const first = later.find(({ version }) => present(version) === true)?.version;
      if (first && before(first, av.since)) {
        changes.since.push(`${label} ${av.since}→${first}`);
        av.since = first;
      }
      // The latest release known to lack it, before the one that first has it.
      const absent = later.filter(({ version }) => before(version, av.since) && present(version) === false).at(-1)?.version;
      if (absent) {
        av.absentThrough = absent;
        changes.absent.push(`${label} ≤${absent}`);
      }
    } else {
      const gone = later.find(({ version }) => present(version) === false)?.version;
      if (gone && (av.removed === undefined || before(gone, av.removed))) {
        changes.removed.push(`${label} ${av.removed ?? "-"}→${gone}`);
        av.removed = gone;
      } else if (av.removed !== undefined && later.some(({ version }) => !before(version, av.removed) && present(version) === true)) {
        // A removal stub (`process`, `nbproc`) is still registered: only a note.
        changes.conflicts.push(`${label} removed ${av.removed}, known to ${later.filter(({ version }) => present(version) === true).map((l) => l.version).join(", ")}`);
      }
    }
    for (const k of Object.keys(av)) if (av[k] === undefined) delete av[k];
    if (Object.keys(av).length) entry.availability = av;
  };

  const verdict = (answer) => (answer === "known" ? true : answer === "unknown" || answer === "refused" ? false : undefined);
  for (const keyword of schema.keywords) {
    // Unknown to 2.6.12 although 2.6 documents it: a build option, not a version.
    if (probed26.keywords[keyword.name] === "unknown" && keyword.availability?.since === undefined) continue;
    if (probed26.keywords[keyword.name] === "known" && keyword.availability?.since !== undefined) {
      // 2.6.12 knows it though its manual does not say so (`backing-file` of a ring).
      changes.since.push(`keyword ${keyword.name} ${keyword.availability.since}→2.6`);
      const { since: _since, ...rest } = keyword.availability;
      if (Object.keys(rest).length) keyword.availability = rest;
      else delete keyword.availability;
      continue;
    }
    refine("keyword", keyword, (version) => verdict(later.find((l) => l.version === version).probed.keywords[keyword.name]));
  }
  for (const [ruleSet, actions] of Object.entries(schema.actions)) {
    for (const action of actions) {
      if (probed26.actions[ruleSet]?.[action.name] === "unknown" && action.availability?.since === undefined) continue;
      refine(`${ruleSet} action`, action, (version) => verdict(later.find((l) => l.version === version).probed.actions[ruleSet]?.[action.name]));
    }
  }
  const dumped = { fetches: "fetches", converters: "converters", bindOptions: "bindOptions", serverOptions: "serverOptions" };
  for (const [kind, field] of Object.entries(dumped)) {
    for (const entry of schema[kind]) {
      // What 2.6.12's dump lacks although 2.6 has it (`ssl` on a bind line, the ACL-only `set-cookie`) is not dumped in the form the reader reads.
      if (entry.availability?.since === undefined && !dump26[field].has(entry.name)) continue;
      refine(kind, entry, (version) => later.find((l) => l.version === version).dump[field].has(entry.name));
    }
  }

  say(`later releases (${later.map((l) => l.version).join(", ")}): since narrowed ${changes.since.length}, absence certain up to a later release ${changes.absent.length}, removed narrowed ${changes.removed.length}: ${changes.removed.join(", ") || "-"}`);
  if (changes.conflicts.length) say(`later releases still register what the tables say they removed (removal stubs): ${changes.conflicts.join("; ")}`);
  // What each later dump says of a fetch's or converter's arguments, where it differs from 2.6.12's
  // (or 2.6.12 lacks it): HA068 checks them exactly at that target, as it does at 2.6.
  const CHECKED = new Set(["integer", "IPv4 mask", "IPv6 mask"]);
  let argsKept = 0;
  for (const field of ["fetches", "converters"]) {
    for (const entry of schema[field]) {
      const old = dump26[field].get(entry.name);
      for (const { version, dump } of later) {
        const found = dump[field].get(entry.name);
        if (!found) continue;
        const types = found.types.some((type) => CHECKED.has(type)) ? found.types : undefined;
        const same = old && old.min === found.min && old.max === found.max && JSON.stringify(old.types.some((type) => CHECKED.has(type)) ? old.types : undefined) === JSON.stringify(types);
        if (same) continue;
        entry.dumped = { ...(entry.dumped ?? {}), [version]: { args: { min: found.min, max: found.max }, ...(types ? { argTypes: types } : {}) } };
        argsKept++;
      }
    }
  }
  say(`later dumps' argument counts and types that differ from 2.6.12's: ${argsKept}`);

  const added = [];
  for (const field of ["fetches", "converters", "bindOptions", "serverOptions"]) {
    const known = new Set(schema[field].map((e) => e.name));
    for (const { version, dump } of later) {
      for (const [name, info] of dump[field]) {
        if (known.has(name)) continue;
        known.add(name);
        schema[field].push(laterOnly(field, name, info, version, later));
        added.push(`${name}@${version}`);
      }
    }
    schema[field].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  say(`in a later dump only, added: ${added.join(" ") || "-"}`);
}

/**
 * Corrections to what a dump says of an entry no manual lblint reads documents: the server option
 * `set-proxy-v2-tlv-fmt(<id>) <fmt>` is dumped as a word with no value (3.0.11 also takes it with
 * no format at the end of a line, measured).
 */
const LATER_ONLY = {
  serverOptions: { "set-proxy-v2-tlv-fmt": { args: { min: 0, max: 1 }, called: true, syntax: "(<id>) [<fmt>]", doc: { chapter: "5.2", anchor: "set-proxy-v2-tlv-fmt" } } },
};

/** A table entry for what only a later release's dump has, first in `version`. */
function laterOnly(field, name, info, version, later) {
  const entry = { name };
  if (field === "fetches" || field === "converters") {
    entry.args = { min: info.min, max: info.max };
    if (info.out) entry.output = info.out;
    if (field === "converters" && info.in) entry.input = info.in;
  } else entry.args = { min: info.args, max: info.args };
  const previous = later.filter((l) => before(l.version, version)).at(-1)?.version;
  entry.availability = previous ? { since: version, absentThrough: previous } : { since: version };
  return Object.assign(entry, summaryOf(field, name), LATER_ONLY[field]?.[name] ?? {});
}
