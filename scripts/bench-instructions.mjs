// Instructions, not time: each command runs once under valgrind's callgrind, which counts the
// instructions the process executes, with V8 made deterministic (`node --predictable`: it compiles
// and collects garbage on the main thread and takes no decision on a clock). Two runs of one build
// differ by a few instructions in a million, whatever else the machine is doing, where wall and CPU
// times of the same runs move by 10-20% on a shared machine: a change of 1% can be told apart. It is
// a count of work, not a time: memory stalls (haproxy -c's page faults) and the second core (V8
// compiles and collects garbage there in a normal run) are not in it. See docs/performance.md,
// "Instructions".
// Usage: node scripts/bench-instructions.mjs [--module DIST] [--vs OTHER-DIST] [--backends N] [--no-daemons]
//   DIST is a build directory (default: dist); --vs adds a second build, run on the same files.
//   --backends N sizes the generated files (default 1000: 0.76 MB of haproxy, 0.66 MB of keepalived).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateHaproxy } from "./generate-haproxy.mjs";
import { generateKeepalived } from "./generate-keepalived.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const builds = [resolve(option("--module", join(root, "dist")))];
if (process.argv.includes("--vs")) builds.push(resolve(option("--vs")));
const backends = Number(option("--backends", "1000"));
const daemons = !process.argv.includes("--no-daemons");

if (spawnSync("valgrind", ["--version"]).status !== 0) {
  console.error("bench-instructions: valgrind is not installed (apt-get install -y valgrind)");
  process.exit(1);
}

const outDir = join(root, "bench-out");
mkdirSync(outDir, { recursive: true });
const files = {
  haproxy: join(outDir, `haproxy-${backends}.cfg`),
  keepalived: join(outDir, `keepalived-${backends}.conf`),
};
if (!existsSync(files.haproxy)) writeFileSync(files.haproxy, generateHaproxy({ backends, serversPerBackend: 10 }));
if (!existsSync(files.keepalived)) writeFileSync(files.keepalived, generateKeepalived({ instances: backends, virtualServers: backends, realServersPerVs: 4 }));

/** Instructions executed by `command` and the processes it starts. */
function instructions(command, args) {
  const run = spawnSync("valgrind", ["--tool=callgrind", "--trace-children=yes", "--callgrind-out-file=/dev/null", command, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  let total = 0;
  for (const match of run.stderr.matchAll(/Collected : (\d+)/g)) total += Number(match[1]);
  if (total === 0) throw new Error(`no count for ${command} ${args.join(" ")}:\n${run.stderr.slice(-2000)}`);
  return total;
}

const millions = (count) => `${(count / 1e6).toFixed(1)} M`;
const node = instructions(process.execPath, ["--predictable", "-e", "0"]);
console.log(`node --predictable -e 0: ${millions(node)}`);
console.log("| file | command | instructions | over node -e 0 | against the daemon |");
console.log("| --- | --- | ---: | ---: | ---: |");
for (const [format, file] of Object.entries(files)) {
  const daemon = !daemons ? undefined : format === "haproxy" ? instructions("haproxy", ["-c", "-f", file]) : instructions("keepalived", ["-t", "-f", file]);
  if (daemon !== undefined) console.log(`| ${format} ${backends} | ${format === "haproxy" ? "haproxy -c" : "keepalived -t"} | ${millions(daemon)} | | 1.00× |`);
  for (const build of builds) {
    const count = instructions(process.execPath, ["--predictable", join(build, "cli.cjs"), "--format", "json", file]);
    const ratio = daemon === undefined ? "" : `${(count / daemon).toFixed(2)}×`;
    console.log(`| ${format} ${backends} | lblint (${build}) | ${millions(count)} | ${millions(count - node)} | ${ratio} |`);
  }
}
