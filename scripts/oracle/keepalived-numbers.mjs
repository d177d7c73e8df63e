// Asks keepalived which numbers it takes. keepalived reads most counts and delays as unsigned
// ("negative number '-5'", "outside unsigned integer range") and a few within a range of their own
// ("outside range [0.010000, 255.000000]"), none of which the manuals state. Every keyword whose
// first argument is a number without a range in the tables is tried with wrong values (0 too: some
// take only from 1, or from a millionth of a second; 4294967295 too: some stop at 4294 seconds or
// 65535, which a larger number hides behind "outside unsigned integer range"), each in a
// block of its own (all cases of one value in one file). Prints the measured ranges as JSON, the
// form of server/src/rules/keepalived/numbers.ts; with --all, every verdict.
// Usage: node scripts/build.mjs && node scripts/oracle/keepalived-numbers.mjs [--all]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { blockWith, messagesByLine } from "./keepalived-lines.mjs";

const CHECKS = ["TCP_CHECK", "HTTP_GET", "SSL_GET", "MISC_CHECK", "SMTP_CHECK", "DNS_CHECK", "PING_CHECK", "UDP_CHECK"];
const BLOCKS = new Set([
  "global_defs", "vrrp_instance", "vrrp_script", "virtual_server", "virtual_server>real_server", ...CHECKS.map((check) => `virtual_server>real_server>${check}`),
  // Added by a sweep of value forms (docs/agreement.md).
  "bfd_instance", "garp_group", "vrrp_track_process", "track_file", "vrrp_track_file", "virtual_server>real_server>SMTP_CHECK>host",
]);
/** Ranges that depend on the machine (the number of processors) are not measured. */
const MACHINE_DEPENDENT = /_cpu_affinity$/;
// 1.5 tells the numbers keepalived reads whole from those it reads as decimals, and 18446744073710 finds
// the delays' upper bound (a sweep of value forms, docs/agreement.md).
const PROBES = ["-5", "99999999999", "abc", "10x", "0", "4294967295", "1.5", "18446744073710"];
export const UINT_MAX = 4294967295;
export const INT_MAX = 2147483647;

const schema = JSON.parse(readFileSync(new URL("../../dist/facts/keepalived.json", import.meta.url), "utf8"));

/** Keywords of the blocks above whose first argument is a number the tables give no range for. */
function numericCases() {
  const cases = [];
  for (const [block, facts] of Object.entries(schema.blocks)) {
    if (!BLOCKS.has(block)) continue;
    for (const [name, keyword] of Object.entries(facts.keywords)) {
      const shape = keyword.block ? undefined : keyword.args?.shapes?.[0];
      if (!shape || !/^(int|number)$/.test(shape) || MACHINE_DEPENDENT.test(name)) continue;
      cases.push({ block, name, shape });
    }
  }
  return cases;
}

/** keepalived's verdict on every case with `value`: all cases in one file, each in a block of its own. */
function verdicts(cases, value, dir) {
  const lines = [];
  const at = [];
  cases.forEach((c, n) => {
    const block = blockWith(c.block, `${c.name} ${value}`, n + 1);
    at.push(lines.length + block.at + 1);
    lines.push(...block.lines);
  });
  const file = join(dir, "numbers.conf");
  writeFileSync(file, lines.join("\n") + "\n");
  const messages = messagesByLine(file);
  return cases.map((c, i) => ({ ...c, value, messages: messages.get(at[i]) ?? [] }));
}

/** The range keepalived holds a keyword to, read from its messages. */
function rangeOf(results, shape) {
  let min;
  let max;
  let explicit;
  let whole = false;
  for (const { messages } of results) {
    for (const message of messages) {
      explicit ??= /outside range \[([-\d.]+), ([-\d.]+)\]/.exec(message) ?? undefined;
      if (/negative number/.test(message)) min = Math.max(min ?? 0, 0);
      // "garp_master_repeat must be greater than 0, setting to 1"
      if (/must be greater than 0/.test(message)) min = 1;
      if (/outside unsigned integer range/.test(message)) max = UINT_MAX;
      if (/outside integer range/.test(message)) max = INT_MAX;
      // Delays kept in microseconds of a 64-bit number: "number '18446744073710' outside unsigned decimal range".
      if (/outside unsigned decimal range/.test(message)) max ??= "18446744073709.55";
      if (/invalid number '1\.5'/.test(message)) whole = true;
    }
  }
  // An explicit range ("outside range [0, 4294]") with 0 reported too ("must be greater than 0") starts at 1.
  // A "number" of the tables that keepalived reads whole is given as a whole shape ("int:1..1000").
  const prefix = whole && shape === "number" ? "int:" : "";
  if (explicit) return `${prefix}${min === 1 ? Math.max(1, Number(explicit[1])) : Number(explicit[1])}..${Number(explicit[2])}`;
  return min === undefined && max === undefined ? undefined : `${prefix}${min ?? ""}..${max ?? ""}`;
}

const dir = mkdtempSync(join(tmpdir(), "lblint-oracle-"));
const cases = numericCases();
const all = PROBES.flatMap((value) => verdicts(cases, value, dir));
rmSync(dir, { recursive: true, force: true });
const ranges = {};
for (const c of cases) {
  const range = rangeOf(all.filter((v) => v.block === c.block && v.name === c.name), c.shape);
  if (range) ranges[`${c.block} ${c.name}`] = range;
}
console.log(JSON.stringify(process.argv.includes("--all") ? { verdicts: all } : { ranges }, null, 2));
