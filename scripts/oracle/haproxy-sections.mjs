// Asks haproxy which proxy keywords it refuses, rather than ignores with a warning, in a proxy
// section that does not take them (HA002's severity). Each keyword of the tables is written, with a
// real line from the corpus (or a sample below), into every proxy section it does not belong in;
// a line haproxy does not accept where it belongs is left out. Prints the refused keywords per
// section as JSON, the form of server/src/rules/haproxy/refused-sections.ts.
// Usage: node scripts/build.mjs && node scripts/oracle/haproxy-sections.mjs [--all]
//   (--all prints every verdict). Needs haproxy on the PATH and the corpus (LBLINT_CORPUS).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { corpusLines, proxyConfig, runHaproxy, SAMPLES } from "./haproxy-lines.mjs";

const PROXIES = ["defaults", "frontend", "backend", "listen"];
const schema = JSON.parse(readFileSync(new URL("../../dist/facts/haproxy.json", import.meta.url), "utf8"));
const dir = mkdtempSync(join(tmpdir(), "lblint-oracle-"));
const corpus = corpusLines();

/** haproxy's verdict on each line: refused (an alert on its line), warned, or accepted. */
function verdicts(section, lines) {
  const { text, first } = proxyConfig(section, lines);
  const file = join(dir, "t.cfg");
  writeFileSync(file, text);
  const messages = runHaproxy(file);
  return lines.map((_, i) => {
    const here = messages.filter((m) => m.line === first + i);
    const alert = here.find((m) => m.level === "ALERT");
    const warning = here.find((m) => m.level === "WARNING");
    return alert ? { verdict: "refused", message: alert.text } : warning ? { verdict: "warned", message: warning.text } : { verdict: "accepted" };
  });
}

/** The keyword with a `1` for each argument it needs: enough for many flags, times and counts. */
function bare(keyword) {
  return [keyword.name, ...Array.from({ length: keyword.args?.min ?? 0 }, () => "1")].join(" ");
}

const candidates = [];
for (const keyword of schema.keywords) {
  if (!PROXIES.some((p) => keyword.sections.includes(p))) continue;
  const wrong = PROXIES.filter((p) => !keyword.sections.includes(p));
  if (wrong.length === 0) continue;
  const home = PROXIES.find((p) => keyword.sections.includes(p) && p !== "defaults") ?? "defaults";
  candidates.push({ keyword: keyword.name, wrong, home, lines: SAMPLES[keyword.name] ? [SAMPLES[keyword.name]] : [...corpus(keyword.name), bare(keyword)] });
}
// The first sample of each keyword that haproxy accepts at home.
for (const home of PROXIES) {
  for (let round = 0; round < 4; round++) {
    const open = candidates.filter((c) => c.home === home && !c.line && c.lines[round]);
    const results = verdicts(home, open.map((c) => c.lines[round]));
    open.forEach((c, i) => {
      if (results[i].verdict !== "refused") c.line = c.lines[round];
    });
  }
}
const table = {};
const all = [];
for (const section of PROXIES) {
  const tried = candidates.filter((c) => c.line && c.wrong.includes(section));
  const results = verdicts(section, tried.map((c) => c.line));
  tried.forEach((c, i) => {
    all.push({ section, keyword: c.keyword, line: c.line, ...results[i] });
    if (results[i].verdict === "refused") (table[section] ??= []).push(c.keyword);
  });
}
rmSync(dir, { recursive: true, force: true });
const untested = candidates.filter((c) => !c.line).map((c) => c.keyword);
console.log(JSON.stringify(process.argv.includes("--all") ? { verdicts: all, untested } : { refused: table, untested }, null, 2));
