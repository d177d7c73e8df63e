// The keepalived files of the corpus (../shared/corpus, its manifest's `keepalived/` entries) checked
// by keepalived 2.3.3 (`keepalived23 -t -f FILE -l -D`, in a network namespace holding the interfaces
// each file names) and linted by lblint at targets 2.3 and 2.4 (docs/agreement.md, "keepalived 2.3.3
// as an oracle"). A file is accepted when every message is about the machine (interfaces, users,
// scripts, files); there lblint must give no error. On the other files, a miss is a file without any
// lblint error or warning; the lines keepalived names are compared with lblint's findings.
//   node scripts/build.mjs --no-types && node scripts/oracle/keepalived23-corpus.mjs [--daemon keepalived] [--extra DIR] [--verbose]
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { MACHINE, daemon, dropMachines, lintAt } from "./keepalived23.mjs";

const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const command = option("--daemon", "keepalived23");
const verbose = process.argv.includes("--verbose");
const CORPUS = process.env.LBLINT_CORPUS ?? new URL("../../../shared/corpus", import.meta.url).pathname;
const entries = readFileSync(join(CORPUS, "manifest.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line))
  .filter((entry) => entry.format === "keepalived" && entry.file.startsWith("keepalived/"))
  .map((entry) => ({ name: entry.file, path: join(CORPUS, entry.file) }));
const extra = option("--extra", undefined);
if (extra) for (const name of readdirSync(extra).sort()) entries.push({ name: `extra/${name}`, path: join(extra, name) });

const targets = ["2.3", "2.4"];
const tally = Object.fromEntries(targets.map((t) => [t, { accepted: 0, errorOnAccepted: [], warningsOnAccepted: 0, warnedAccepted: 0, refused: 0, silent: [], warnOnly: 0, named: 0, onLine: 0, offLine: [] }]));
for (const entry of entries) {
  const text = readFileSync(entry.path, "utf8");
  const answer = daemon(command, text);
  const own = answer.messages.filter((m) => !MACHINE.test(m));
  for (const target of targets) {
    const t = tally[target];
    const found = lintAt(text, target);
    const errors = found.filter((p) => p.severity === "error");
    if (own.length === 0) {
      t.accepted++;
      const warnings = found.filter((p) => p.severity === "warning").length;
      t.warningsOnAccepted += warnings;
      if (warnings > 0) t.warnedAccepted++;
      if (errors.length > 0) t.errorOnAccepted.push(`${entry.name}: ${errors.map((p) => `${p.line} ${p.rule} ${p.message.slice(0, 120)}`).join(" | ")}`);
      continue;
    }
    t.refused++;
    if (found.length === 0) t.silent.push(`${entry.name}: ${own.slice(0, 3).join(" / ")}`);
    else if (errors.length === 0) t.warnOnly++;
    const lines = [...new Set(own.flatMap((m) => (/Line (\d+)\)/.exec(m) ? [Number(/Line (\d+)\)/.exec(m)[1])] : [])))];
    for (const line of lines) {
      t.named++;
      if (found.some((p) => p.line <= line && line <= p.endLine)) t.onLine++;
      else t.offLine.push(`${entry.name}:${line}: ${own.find((m) => m.includes(`Line ${line})`))}`);
    }
  }
}
dropMachines();
console.log(`${entries.length} files, checked by ${command}`);
console.log("| target | accepted | with an lblint error | lblint warnings on them (files) | refused or warned | no lblint finding | warnings only | lines named | with a finding there |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const target of targets) {
  const t = tally[target];
  console.log(`| ${target} | ${t.accepted} | ${t.errorOnAccepted.length} | ${t.warningsOnAccepted} (${t.warnedAccepted}) | ${t.refused} | ${t.silent.length} | ${t.warnOnly} | ${t.named} | ${t.onLine} |`);
}
for (const target of targets) {
  const t = tally[target];
  for (const line of t.errorOnAccepted) console.log(`[${target}] error on an accepted file: ${line}`);
  for (const line of t.silent) console.log(`[${target}] no finding: ${line}`);
  if (verbose) for (const line of t.offLine) console.log(`[${target}] no finding on the line: ${line}`);
}
