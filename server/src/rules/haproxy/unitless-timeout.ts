// HA021: a time written without a unit, which haproxy reads as milliseconds (configuration manual
// 2.5): `timeout client 30` is 30 ms, `inter 5` checks every 5 ms. `timeout connect 5000` is the
// style of haproxy's own examples, so a bare number is reported only when milliseconds are not a
// believable reading:
//   - below 100 (no timeout, check interval or expiry is meant to be under a tenth of a second),
//     a warning;
//   - for settings that are normally seconds to hours (client/server/tunnel timeouts, expiry…), a
//     whole number of minutes in seconds that is not a round number of seconds in milliseconds
//     (`timeout tunnel 3600`, `timeout client 300`): advice (info).
// There is no safe fix (only the author knows the unit meant): the editor offers both readings.
// 0 is left to HA031 (timeout-zero).
import type { Word } from "../../../../grammars/haproxy/ast.js";
import { replaceRange } from "../../lint/fixes.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { parseTime, type Placed } from "./model.js";
import type { OptionShape } from "./option-words.js";

/** Server options that take a time. */
const SERVER_TIMES: ReadonlySet<string> = new Set(["inter", "fastinter", "downinter", "agent-inter", "slowstart", "pool-purge-delay"]);

/** Timeouts that are normally seconds or more: a whole number of minutes written in seconds is suspicious. */
const LONG_TIMEOUTS: ReadonlySet<string> = new Set(["client", "server", "tunnel", "client-fin", "server-fin", "http-keep-alive", "http-request", "queue", "tarpit"]);

const SERVER_LINES: ReadonlySet<string> = new Set(["server", "default-server", "server-template"]);

/** The keywords `timeWords` looks at. */
const TIMED: ReadonlySet<string> = new Set(["timeout", "stats", "hold", "hard-stop-after", "stick-table", "tcp-request", "tcp-response", "http-request", "server", "default-server", "server-template"]);

/** The longest `*_rate(PERIOD)` a stick-table stores (`store http_req_rate(10s),conn_cur`), in ms. */
function longestRate(args: readonly Word[]): { text: string; ms: number } | undefined {
  let longest: { text: string; ms: number } | undefined;
  const store = args.findIndex((word) => word.value === "store");
  for (const item of store < 0 ? [] : (args[store + 1]?.value ?? "").split(",")) {
    const period = /^\w+_rate\(([^)]+)\)$/.exec(item)?.[1];
    const ms = period === undefined ? undefined : parseTime(period)?.ms;
    if (ms !== undefined && (!longest || ms > longest.ms)) longest = { text: item, ms };
  }
  return longest;
}

/** The time words of a statement, with whether the setting is normally long (and, for an expiry, the rate it must outlast). */
function timeWords(placed: Placed): { word: Word; setting: string; long: boolean; rate?: { text: string; ms: number } | undefined }[] {
  const { statement, keyword } = placed;
  const args = statement.args;
  const found: { word: Word; setting: string; long: boolean; rate?: { text: string; ms: number } | undefined }[] = [];
  const after = (name: string, long: boolean, from = 0) => {
    for (let i = from; i < args.length - 1; i++) if (args[i]!.value === name) found.push({ word: args[i + 1]!, setting: name, long });
  };
  if (keyword === "timeout" && args[0] && args[1]) found.push({ word: args[1], setting: `timeout ${args[0].value}`, long: LONG_TIMEOUTS.has(args[0].value) });
  else if (keyword === "stats" && args[0]?.value === "timeout" && args[1]) found.push({ word: args[1], setting: "stats timeout", long: true });
  else if (keyword === "hold" && args[1]) found.push({ word: args[1], setting: `hold ${args[0]!.value}`, long: true });
  else if (keyword === "hard-stop-after" && args[0]) found.push({ word: args[0], setting: keyword, long: true });
  else if (keyword === "stick-table") {
    after("expire", true);
    if (found[0]) found[0].rate = longestRate(args);
  }
  else if ((keyword === "tcp-request" || keyword === "tcp-response") && args[0]?.value === "inspect-delay" && args[1]) found.push({ word: args[1], setting: `${keyword} inspect-delay`, long: false });
  else if (keyword === "http-request" && args[0]?.value === "wait-for-body") after("time", false, 1);
  else if (keyword === "server" || keyword === "default-server" || keyword === "server-template") {
    const from = keyword === "server" ? 2 : keyword === "server-template" ? 3 : 0;
    for (let i = from; i < args.length - 1; i++) {
      const name = placed.value(i)!;
      if (SERVER_TIMES.has(name)) found.push({ word: args[i + 1]!, setting: name, long: name === "slowstart" });
    }
  }
  return found;
}

export const unitlessTimeout: HaproxyRule = {
  meta: {
    id: "HA021",
    alias: "unitless-timeout",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a time without a unit, which haproxy reads as milliseconds, looks like seconds were meant",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    // Option shapes of plain server lines with nothing to report: their twins are not read again.
    const quiet = new Set<OptionShape>();
    // An indexed loop: a for...of over 100,000 statements allocates an iterator result per step.
    const placedList = model.statements();
    for (let placedAt = 0; placedAt < placedList.length; placedAt++) {
      const placed = placedList[placedAt]!;
      if (!TIMED.has(placed.keyword)) continue;
      const shape = placed.plain && SERVER_LINES.has(placed.keyword) ? placed.options : undefined;
      if (shape && quiet.has(shape)) continue;
      let found = false;
      for (const { word, setting, long, rate } of timeWords(placed)) {
        const time = parseTime(word.value);
        if (!time || time.unit !== undefined || time.ms === 0) continue;
        const n = time.ms;
        const tiny = n < 100;
        // An expiry shorter than a rate the table counts: an entry idle that long is dropped with its count.
        const short = rate !== undefined && n < rate.ms;
        const secondsLike = long && n % 60 === 0 && n % 1000 !== 0;
        if (!tiny && !short && !secondsLike) continue;
        found = true;
        const shown = time.number;
        report({
          range: word.range,
          uri: placed.section.uri,
          severity: tiny || short ? "warning" : "info",
          message: short
            ? `'${setting} ${shown}' has no unit, so haproxy reads ${shown} milliseconds, shorter than the period of '${rate.text}' the table counts: a client idle that long loses its count before one period is over; write '${shown}s' if seconds were meant, or '${shown}ms' to make it explicit`
            : tiny
            ? `'${setting} ${shown}' has no unit, so haproxy reads ${shown} milliseconds; write '${shown}s' if seconds were meant, or '${shown}ms' to make it explicit`
            : `'${setting} ${shown}' has no unit, so haproxy reads ${shown} milliseconds (${n / 1000} s); it looks like seconds: write '${shown}s' if so, or '${shown}ms'`,
          suggestions: [replaceRange(word.range, `${shown}s`, `read it as ${shown} seconds`), replaceRange(word.range, `${shown}ms`, `keep ${shown} milliseconds, explicitly`)],
        });
      }
      if (shape && !found) quiet.add(shape);
    }
  },
};
