// Asks haproxy how it reads numbers that are not numbers, and times past its limit. Many keywords and server options take
// their number with atol(): `maxconn 10x` is 10 and `maxconn abc` is 0, without a word; others
// refuse anything but digits. Each numeric keyword of the tables (a real line from the corpus, its
// first number replaced) and each numeric server option is tried with a few wrong values, each in
// a section of its own. Prints the lenient names as JSON, the form of
// server/src/rules/haproxy/lenient-numbers.ts; with --all, every verdict.
// Usage: node scripts/build.mjs && node scripts/oracle/haproxy-numbers.mjs [--all]
//   (HAPROXY_BIN=haproxy32 HAPROXY_VERSION=3.2 for a later release: its keywords, asked of it)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { corpusLines, runHaproxy } from "./haproxy-lines.mjs";

/** Wrong values for integers and sizes; times around haproxy's limit of 2147483647 ms. */
export const PROBES = { number: ["10x", "1x", "GOODx", "abc", "0.5", "-5", "99999999999"], time: ["25d", "24d", "2147483648", "2147483647", "2147483648us"] };
/** Good numbers the range in the tables does not tell: a ring refuses a size below the 16384 it starts with. */
// (tune.bufsize: below 337 bytes haproxy cannot fit its default error messages, "invalid default message".)
const GOOD_NUMBERS = { size: "32768", "tune.bufsize": "16384" };
/** The numeric server options HA004 reads (invalid-value.ts), each probed with the values above and with none. */
export const SERVER_OPTIONS = ["inter", "fastinter", "downinter", "slowstart", "agent-inter", "pool-purge-delay", "rise", "fall", "weight", "maxconn", "minconn", "maxqueue", "port", "pool-max-conn", "pool-low-conn"];
const NUMERIC = /^(int|size|time)(:|$)/;
/** Stands for each case's own good number (see keywordCases). */
const GOOD = "GOOD";
const TIME_OPTIONS = new Set(["inter", "fastinter", "downinter", "slowstart", "agent-inter", "pool-purge-delay"]);

const schema = JSON.parse(readFileSync(new URL("../../dist/facts/haproxy.json", import.meta.url), "utf8"));
const corpus = corpusLines();
const TIMEOUTS = ["    timeout client 5s", "    timeout server 5s", "    timeout connect 5s"];
const PROXIES = ["backend", "frontend", "listen"];
/** Other sections with numbers, and what each needs before the line tried. haproxy may stop reading one after an error in it: their cases run a file each. */
const OTHER_SECTIONS = ["cache", "resolvers", "ring"];
const PREAMBLE = { cache: ["    total-max-size 4"], resolvers: ["    nameserver ns1 127.0.0.1:53"], ring: ["    size 32764"] };

/** One case per keyword: its line with `VALUE` where the first number goes, and the section kind it needs. */
function keywordCases() {
  const cases = [];
  for (const keyword of schema.keywords) {
    // HAPROXY_VERSION (with HAPROXY_BIN): the keywords that release has, those it adds included.
    const since = keyword.availability?.since;
    if (since && since !== "2.6" && !(process.env.HAPROXY_VERSION && Number(since) <= Number(process.env.HAPROXY_VERSION))) continue;
    if (keyword.availability?.removed) continue;
    const shapes = keyword.args?.shapes ?? [];
    const at = shapes.findIndex((shape) => NUMERIC.test(shape));
    if (at < 0) continue;
    const section = keyword.sections.includes("global") ? "global" : [...PROXIES, ...OTHER_SECTIONS].find((s) => keyword.sections.includes(s));
    if (!section) continue;
    const skip = keyword.name.split(" ").length;
    const sample = corpus(keyword.name).find((line) => /^\d/.test(line.split(/\s+/)[skip + at] ?? ""));
    const words = sample ? sample.split(/\s+/) : [keyword.name, ...shapes.slice(0, Math.max(keyword.args.min, at + 1)).map((shape) => (NUMERIC.test(shape) ? "5" : "x"))];
    words[skip + at] = "VALUE";
    // A number the keyword takes, to tell whether its line is usable at all: 5, or the least of its range.
    const least = /^int:(\d+)\.\./.exec(shapes[at])?.[1];
    cases.push({ kind: "keyword", name: keyword.name, section, line: words.join(" "), probes: shapes[at].startsWith("time") ? "time" : "number", good: GOOD_NUMBERS[keyword.name] ?? (least && Number(least) > 5 ? least : "5") });
  }
  for (const option of SERVER_OPTIONS) cases.push({ kind: "server option", name: option, section: "backend", line: `server s1 127.0.0.1:80 check ${option} VALUE`, probes: TIME_OPTIONS.has(option) ? "time" : "number" });
  return cases;
}

/** Global keywords haproxy checks after reading the file, on no line ("global.tune.bufsize must be below 256 MB when HTTP is in use"). */
const CHECKED_LATE = ["tune.bufsize", "tune.http.maxhdr"];

/** haproxy's verdict on each case with `value`, each case in a section of its own (and a file of its own outside global and the proxies). */
function verdicts(cases, value, dir) {
  // A keyword haproxy checks once the whole file is read goes in a file of its own too: an error on
  // another line would stop haproxy before that check.
  // So does a keyword under two names, whose second line is "already configured" (a sweep).
  const alone = (c) => OTHER_SECTIONS.includes(c.section) || CHECKED_LATE.includes(c.name) || c.name === "tune.ssl.capture-cipherlist-size";
  const apart = cases.filter(alone);
  const together = cases.filter((c) => !alone(c));
  return [...verdictsIn(together, value, dir), ...apart.flatMap((c) => verdictsIn([c], value, dir))];
}

/** The value a probe stands for in a case: `GOOD` is the case's good number, `GOODx` that number followed by letters (for a keyword whose range leaves out 1 and 10). */
function actual(c, value) {
  return value.replace(GOOD, c.good ?? "5");
}

function verdictsIn(cases, value, dir) {
  const lines = ["defaults", "    mode http", ...TIMEOUTS];
  const at = [];
  cases.forEach((c, i) => {
    lines.push(c.section === "global" ? "global" : `${c.section} case${i}`);
    if (c.section === "frontend" || c.section === "listen") lines.push(`    bind :${20000 + i}`);
    lines.push(...(PREAMBLE[c.section] ?? []).filter((line) => !line.trim().startsWith(c.name + " ")));
    at.push(lines.length + 1);
    lines.push(`    ${c.line.replace("VALUE", actual(c, value))}`.trimEnd());
  });
  const file = join(dir, "numbers.cfg");
  writeFileSync(file, lines.join("\n") + "\n");
  const messages = runHaproxy(file);
  // Some sections report a wrong value as a warning on its line and then fail the whole file
  // ("total-max-size wrong value 'abc'", then "Error(s) found"): alone in its file, that is a refusal.
  const failed = cases.length === 1 && messages.some((m) => m.level === "ALERT" && m.line === undefined);
  return cases.map((c, i) => {
    // A keyword checked once the file is read is refused on no line ("global.tune.bufsize must be
    // below 256 MB when HTTP is in use", "invalid default message"); alone in its file, that is its refusal.
    const late = (m) => failed && m.line === undefined && m.level === "ALERT" && CHECKED_LATE.includes(c.name);
    const alert = messages.find((m) => (m.line === at[i] && (m.level === "ALERT" || (failed && m.level === "WARNING"))) || late(m));
    return { ...c, probe: value, value: actual(c, value), refused: Boolean(alert), ...(alert ? { message: alert.text } : {}) };
  });
}

const dir = mkdtempSync(join(tmpdir(), "lblint-oracle-"));
const cases = keywordCases();
// A case whose line haproxy refuses with a good number tells nothing: left out.
const usable = verdicts(cases, GOOD, dir).filter((v) => !v.refused);
const all = [];
for (const kind of ["number", "time"]) for (const value of PROBES[kind]) all.push(...verdicts(usable.filter((c) => c.probes === kind), value, dir));
all.push(...verdicts(usable.filter((c) => c.kind === "server option"), "", dir));
rmSync(dir, { recursive: true, force: true });
const accepted = (kind, probe) => all.filter((v) => v.kind === kind && v.probe === probe && !v.refused).map((v) => v.name);
const summary = {
  // Read with atol(): a number followed by letters is taken (`1x` for those whose range leaves out 10).
  keywords: [...new Set([...accepted("keyword", "10x"), ...accepted("keyword", "1x"), ...accepted("keyword", "GOODx")])],
  serverOptions: [...new Set([...accepted("server option", "10x"), ...accepted("server option", "1x")])],
  serverOptionsWithoutValue: accepted("server option", ""),
  negativeKeywords: accepted("keyword", "-5"),
  negativeServerOptions: accepted("server option", "-5"),
};
console.log(JSON.stringify(process.argv.includes("--all") ? { verdicts: all } : summary, null, 2));
