// The lblint benchmark: generates large haproxy.cfg and keepalived.conf files into bench-out/, then
// measures the parser's throughput, how far it is from a grammar-free lower bound, its peak memory,
// the whole `lblint --format json` process against the native checkers (`haproxy -c`,
// `keepalived -t`) on the same files, the CLI's cold start against a bare `node -e 0`, the rules
// against the parser (every rule of lint() on each file, next to its parse), what loading the
// keyword tables adds to a fresh run, how time and memory grow with the size of the file, and the
// language server's latency while typing (scripts/bench-lsp.mjs). It
// prints numbers and never fails on them: speed depends on the machine, so there is nothing to assert.
// Usage: node scripts/bench.mjs [--quick] [--no-lsp]   (--quick: every size divided by 10, for development;
// --no-lsp: without the language server)
//        node scripts/bench.mjs --cold-start   (only the cold-start table)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import os from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateHaproxy } from "./generate-haproxy.mjs";
import { generateKeepalived } from "./generate-keepalived.mjs";
import { walkWords } from "./bench-walk.mjs";

const root = new URL("../", import.meta.url);
const outDir = fileURLToPath(new URL("bench-out/", root));
const quick = process.argv.includes("--quick");
const scale = quick ? 10 : 1;

// LBLINT_BENCH_MODULE points at another bundle exporting the same functions, e.g. one built from a
// branch, so two parsers can be compared with the same script.
const moduleUrl = process.env.LBLINT_BENCH_MODULE
  ? pathToFileURL(process.env.LBLINT_BENCH_MODULE).href
  : new URL("dist/index.js", root).href;
if (!existsSync(fileURLToPath(moduleUrl))) {
  console.error(`lblint bench: ${fileURLToPath(moduleUrl)} is missing; run npm run build first`);
  process.exit(1);
}
const lblint = await import(moduleUrl);
// The command line of the same build, beside dist/index.js: dist/cli.cjs (the package's `bin`), or
// dist/cli.js in builds that have no CommonJS entry.
const cliPath = ["cli.cjs", "cli.js"].map((name) => join(dirname(fileURLToPath(moduleUrl)), name)).find((path) => existsSync(path)) ?? "cli.js";

const languages = [
  {
    name: "haproxy",
    parser: "parseHaproxy",
    extension: "cfg",
    // 1x, 10x, 100x for the growth table; the last two are also the "small" and "large" files.
    sizes: [50, 500, 5000].map((n) => n / scale),
    generate: (n) => generateHaproxy({ backends: n, serversPerBackend: 10 }),
    label: (n) => `${n} backends x 10 servers`,
    checker: { bin: "haproxy", args: (file) => ["-c", "-f", file] },
  },
  {
    name: "keepalived",
    parser: "parseKeepalived",
    extension: "conf",
    sizes: [50, 500, 5000].map((n) => n / scale),
    generate: (n) => generateKeepalived({ instances: n, virtualServers: n, realServersPerVs: 4 }),
    label: (n) => `${n} vrrp + ${n} vs x 4 rs`,
    checker: { bin: "keepalived", args: (file) => ["-t", "-f", file, "-l", "-D"] },
  },
];

// A full collection before each series, so that one measurement does not pay for the garbage of the
// one before (hundreds of MB after the large files). Not before each run: a forced collection makes
// the next run of a small file several times slower, so runs within a series measure steady state,
// as an editor that re-parses sees it. `npm run bench` cannot pass --expose-gc, hence this.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc");

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
// Files and throughput in MB (10^6 bytes), memory in MiB, as `time` and `ps` report it.
const mb = (bytes) => bytes / 1e6;
const mib = (bytes) => bytes / 1048576;

/**
 * Median wall time of at least `runs` calls, and of as many more as fit in `warmupMs` (up to 500),
 * after warm-up calls (at least one, and at least `warmupMs` of them), so that small inputs are not
 * timed while the JIT is still compiling, and their median is of enough runs to hold still.
 */
function timeMedian(fn, { warmupMs, runs }) {
  collectGarbage();
  const warmupStart = performance.now();
  do fn();
  while (performance.now() - warmupStart < warmupMs);
  const times = [];
  const start = performance.now();
  while (times.length < runs || (times.length < 500 && performance.now() - start < warmupMs)) {
    const runStart = performance.now();
    fn();
    times.push(performance.now() - runStart);
  }
  return median(times);
}

/**
 * Median wall time of `measured(prepared)` over `runs` calls, each after an untimed `prepare()`,
 * with warm-up calls as in `timeMedian`. For the rules: every lint() gets a tree of its own, as in
 * an editor or a CLI run, where each lint follows a parse.
 */
function timeMedianPrepared(prepare, measured, { warmupMs, runs }) {
  collectGarbage();
  const warmupStart = performance.now();
  do measured(prepare());
  while (performance.now() - warmupStart < warmupMs);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const prepared = prepare();
    const start = performance.now();
    measured(prepared);
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * The least any parser must do: read the file, cut it into lines, cut lines into words. The word
 * count is returned so the engine cannot skip the work.
 */
function readAndSplit(file) {
  const text = readFileSync(file, "utf8");
  let words = 0;
  for (const line of text.split("\n")) {
    for (const word of line.split(/[ \t\r\v\f]+/)) if (word !== "") words++;
  }
  return words;
}

/**
 * Runs the parse in fresh processes (see bench-memory.mjs), 3 times: max RSS needs a process of its
 * own, and the process's wall time (node start, bundle load, read, parse) is what compares fairly
 * with a native checker, which pays its own start-up too.
 */
function measureProcess(parser, file) {
  const child = (extra = []) => {
    const start = performance.now();
    const run = spawnSync(
      process.execPath,
      ["--expose-gc", fileURLToPath(new URL("bench-memory.mjs", import.meta.url)), moduleUrl, parser, file, ...extra],
      { encoding: "utf8", maxBuffer: 1 << 20 },
    );
    const ms = performance.now() - start;
    if (run.status !== 0) throw new Error(`parse child failed for ${file}:\n${run.stderr}`);
    return { ...JSON.parse(run.stdout), ms };
  };
  const runs = [child(), child(), child()];
  const pick = (key) => median(runs.map((run) => run[key]));
  // One more, apart, that then makes every word: its time is not the process's.
  const everyWord = child(["--every-word"]);
  return {
    ms: pick("ms"),
    maxRssKb: pick("maxRssKb"),
    baselineRssKb: pick("baselineRssKb"),
    retainedHeapBytes: pick("retainedHeapBytes"),
    everyWordHeapBytes: everyWord.everyWordHeapBytes,
  };
}

function which(bin) {
  const found = spawnSync("which", [bin], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

/** Median wall time and max RSS of the native checker over 3 runs; its verdict is not the point. */
function measureChecker(checker, file) {
  const timeFile = `${outDir}/.time-rss`;
  const times = [];
  const rss = [];
  let status;
  for (let i = 0; i < 3; i++) {
    const [command, args] = gnuTime
      ? [gnuTime, ["-f", "%M", "-o", timeFile, checker.path, ...checker.args(file)]]
      : [checker.path, checker.args(file)];
    const start = performance.now();
    const run = spawnSync(command, args, { stdio: "ignore" });
    times.push(performance.now() - start);
    status = run.status;
    if (gnuTime) rss.push(Number(readFileSync(timeFile, "utf8").trim().split("\n").pop()));
  }
  if (gnuTime) rmSync(timeFile, { force: true });
  return { ms: median(times), maxRssKb: gnuTime ? median(rss) : undefined, status };
}

/** Wall time and max RSS of one command, with /usr/bin/time when there is one. */
function timeCommand(command, args) {
  const timeFile = `${outDir}/.time-rss`;
  const [bin, argv] = gnuTime ? [gnuTime, ["-f", "%M", "-o", timeFile, command, ...args]] : [command, args];
  const start = performance.now();
  const run = spawnSync(bin, argv, { stdio: "ignore" });
  const ms = performance.now() - start;
  const rssKb = gnuTime ? Number(readFileSync(timeFile, "utf8").trim().split("\n").pop()) : undefined;
  if (gnuTime) rmSync(timeFile, { force: true });
  return { ms, rssKb, status: run.status };
}

/**
 * `lblint --format json FILE` (start-up, parse and every single-file rule) against the checker on the
 * same file, alternating the two, 5 runs each: medians of wall time and max RSS, and the ratio of
 * the medians, so that both see the same load on a shared machine.
 */
function compareCliWithChecker(checker, file, runs = 5) {
  const cli = [];
  const daemon = [];
  for (let i = 0; i < runs; i++) {
    cli.push(timeCommand(process.execPath, [cliPath, "--format", "json", file]));
    daemon.push(timeCommand(checker.path, checker.args(file)));
  }
  const pick = (list, key) => (list[0][key] === undefined ? undefined : median(list.map((run) => run[key])));
  return { ms: pick(cli, "ms"), rssKb: pick(cli, "rssKb"), status: cli[0].status, checkerMs: pick(daemon, "ms"), checkerRssKb: pick(daemon, "rssKb") };
}

/**
 * Cold start: `lblint FILE` on files of about 100 lines against a bare `node -e 0`, and on a typical
 * 200-line haproxy.cfg against `haproxy -c` on the same file (issue 14: "well under" it), all
 * alternating, 21 runs each, medians. What lblint adds to Node's own start is loading its code,
 * reading its tables, parsing and running the rules once, cold.
 */
function measureColdStart() {
  const files = [
    ["haproxy", "cfg", generateHaproxy({ backends: 5, serversPerBackend: 10 }), undefined],
    ["keepalived", "conf", generateKeepalived({ instances: 2, virtualServers: 2, realServersPerVs: 4 }), undefined],
    ["haproxy", "cfg", generateHaproxy({ backends: 11, serversPerBackend: 10 }), languages[0].checker],
  ].map(([name, extension, text, checker], i) => {
    const file = `${outDir}/${name}-cold-${i}.${extension}`;
    writeFileSync(file, text);
    return { name, file, lines: text.split("\n").length - 1, checker: checker?.path ? checker : undefined, times: [], checkerTimes: [] };
  });
  const runs = 21;
  const nodeTimes = [];
  for (let i = 0; i < runs; i++) {
    nodeTimes.push(timeCommand(process.execPath, ["-e", "0"]).ms);
    for (const f of files) {
      f.times.push(timeCommand(process.execPath, [cliPath, f.file]).ms);
      if (f.checker) f.checkerTimes.push(timeCommand(f.checker.path, f.checker.args(f.file)).ms);
    }
  }
  const node = median(nodeTimes);
  return files.map((f) => ({ ...f, ms: median(f.times), nodeMs: node, checkerMs: f.checker ? median(f.checkerTimes) : undefined }));
}

function benchFile(language, size, { full }) {
  const file = `${outDir}/${language.name}-${size}.${language.extension}`;
  const text = language.generate(size);
  writeFileSync(file, text);
  const bytes = statSync(file).size;
  const lines = text.split("\n").length - 1;
  const row = { language: language.name, label: language.label(size), file, bytes, lines };
  const parse = lblint[language.parser];
  if (parse) {
    row.parseMs = timeMedian(() => parse(text), { warmupMs: 500, runs: 5 });
    row.memory = measureProcess(language.parser, file);
    row.walkMs = timeMedian(() => walkWords(lblint, language.name, parse(text)), { warmupMs: 500, runs: 5 });
    // Every rule of lint() (the default configuration), each run on a tree of its own. The parse
    // is measured again just before, in the same conditions, so that the ratio compares like with like.
    if (lblint.lint) {
      row.problems = lblint.lint(parse(text)).length;
      row.parseAgainMs = timeMedian(() => parse(text), { warmupMs: 500, runs: 5 });
      row.lintMs = timeMedianPrepared(() => parse(text), (parsed) => lblint.lint(parsed), { warmupMs: 500, runs: 5 });
    }
  }
  if (full) {
    row.lowerBoundMs = timeMedian(() => readAndSplit(file), { warmupMs: 500, runs: 5 });
    if (language.checker.path) row.checker = measureChecker(language.checker, file);
  }
  // The whole command against the checker: only for the largest file, the one the targets name.
  if (size === language.sizes[language.sizes.length - 1] && existsSync(cliPath) && language.checker.path) {
    row.cli = compareCliWithChecker(language.checker, file);
  }
  return row;
}

/**
 * Runs scripts/bench-tables.mjs three times in fresh processes, on a bundle of the keyword tables
 * (server/src/facts, built here) and on the lblint bundle with two 100-line files; the medians.
 */
function measureTables() {
  if (process.env.LBLINT_BENCH_MODULE) return undefined;
  const factsFile = `${outDir}/facts.mjs`;
  const entry = `${outDir}/facts-entry.mjs`;
  writeFileSync(entry, ['export * from "../server/src/facts/haproxy.ts";', 'export * from "../server/src/facts/keepalived.ts";'].join("\n"));
  // esbuild's promise is awaited through a child: the bench stays synchronous elsewhere.
  const built = spawnSync(process.execPath, ["--input-type=module", "-e", `import { build } from "esbuild"; await build({ entryPoints: [${JSON.stringify(entry)}], outfile: ${JSON.stringify(factsFile)}, bundle: true, platform: "node", format: "esm", logLevel: "warning" });`], { cwd: fileURLToPath(root), encoding: "utf8" });
  if (built.status !== 0) {
    console.log(`keyword tables: could not bundle server/src/facts (${built.stderr.trim()}); skipped`);
    return undefined;
  }
  const small = { haproxy: `${outDir}/haproxy-100-lines.cfg`, keepalived: `${outDir}/keepalived-100-lines.conf` };
  writeFileSync(small.haproxy, generateHaproxy({ backends: 7, serversPerBackend: 10 }));
  writeFileSync(small.keepalived, generateKeepalived({ instances: 2, virtualServers: 3, realServersPerVs: 3 }));
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const child = spawnSync(
      process.execPath,
      [fileURLToPath(new URL("bench-tables.mjs", import.meta.url)), pathToFileURL(factsFile).href, moduleUrl, small.haproxy, small.keepalived],
      { encoding: "utf8", maxBuffer: 1 << 20 },
    );
    if (child.status !== 0) throw new Error(`tables child failed:\n${child.stderr}`);
    runs.push(JSON.parse(child.stdout));
  }
  const pick = (get) => median(runs.map(get));
  return {
    tablesLoadMs: pick((r) => r.tablesLoadMs),
    haproxyFirstMs: pick((r) => r.haproxyFirstMs),
    haproxyNextMs: pick((r) => r.haproxyNextMs),
    keepalivedFirstMs: pick((r) => r.keepalivedFirstMs),
    keepalivedNextMs: pick((r) => r.keepalivedNextMs),
    bundleLoadMs: pick((r) => r.bundleLoadMs),
    haproxyLint: { first: pick((r) => r.haproxyLint.first), second: pick((r) => r.haproxyLint.second) },
    keepalivedLint: { first: pick((r) => r.keepalivedLint.first), second: pick((r) => r.keepalivedLint.second) },
  };
}

function table(title, headers, rows) {
  const cells = rows.map((row) => row.map((cell) => (cell === undefined ? "-" : String(cell))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  console.log(`\n${title}\n${line(headers)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const row of cells) console.log(line(row));
}

const fixed = (value, digits = 0) => (value === undefined || Number.isNaN(value) ? undefined : value.toFixed(digits));
const ratio = (a, b) => (a === undefined || b === undefined ? undefined : `${(a / b).toFixed(1)}x`);
const ratio2 = (a, b) => (a === undefined || b === undefined ? undefined : `${(a / b).toFixed(2)}x`);

mkdirSync(outDir, { recursive: true });
const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(`lblint bench ${new Date().toISOString().slice(0, 10)}: node ${process.version}, ${cpu}, ${os.availableParallelism()} cores`);
console.log(`parser: ${fileURLToPath(moduleUrl)}${quick ? " (--quick: sizes divided by 10)" : ""}`);

if (process.argv.includes("--cold-start")) {
  for (const language of languages) language.checker.path = which(language.checker.bin);
  printCliTables([]);
  process.exit(0);
}

const results = [];
for (const language of languages) {
  if (!lblint[language.parser]) console.log(`${language.name}: ${language.parser} is not exported by the bundle yet; parser columns skipped`);
  const path = which(language.checker.bin);
  language.checker.path = path;
  if (!path) console.log(`${language.name}: ${language.checker.bin} not found; checker columns skipped`);
  if (path && !gnuTime) console.log(`${language.name}: /usr/bin/time not found; checker RSS skipped`);
  for (const [i, size] of language.sizes.entries()) {
    process.stderr.write(`  ${language.name} ${language.label(size)}...\n`);
    results.push({ ...benchFile(language, size, { full: i > 0 }), growthStep: i });
  }
}

const full = results.filter((r) => r.growthStep > 0);
table(
  "lblint parser, in process (median of >= 5 runs and 0.5 s, after >= 1 warm-up run and 0.5 s; MB = 10^6 bytes)",
  ["file", "lines", "MB", "parse ms", "MB/s", "read+split ms", "parse/lower", "+every word ms", "max RSS MiB", "tree MiB"],
  full.map((r) => [
    `${r.language} ${r.label}`,
    r.lines,
    fixed(mb(r.bytes), 2),
    fixed(r.parseMs),
    fixed(r.parseMs && mb(r.bytes) / (r.parseMs / 1000), 2),
    fixed(r.lowerBoundMs, 1),
    ratio(r.parseMs, r.lowerBoundMs),
    fixed(r.walkMs),
    fixed(r.memory && r.memory.maxRssKb / 1024),
    fixed(r.memory && mib(r.memory.retainedHeapBytes)),
  ]),
);

table(
  "lblint vs the native checker (medians of 3; process = node start + load + read + parse, like the checker's wall time)",
  ["file", "parse ms", "process ms", "checker ms", "process/checker", "lblint RSS MiB", "checker RSS MiB", "checker exit"],
  full.map((r) => [
    `${r.language} ${r.label}`,
    fixed(r.parseMs),
    fixed(r.memory?.ms),
    fixed(r.checker?.ms),
    ratio(r.memory?.ms, r.checker?.ms),
    fixed(r.memory && r.memory.maxRssKb / 1024),
    fixed(r.checker?.maxRssKb && r.checker.maxRssKb / 1024),
    r.checker?.status,
  ]),
);

printCliTables(results);

table(
  "lblint rules vs parser (medians of 5 after warm-up; every lint() on a freshly parsed tree; target: rules <= 1/3 of the parse)",
  ["file", "lines", "parse ms", "rules ms", "rules/parse", "problems"],
  full.map((r) => [
    `${r.language} ${r.label}`,
    r.lines,
    fixed(r.parseAgainMs),
    fixed(r.lintMs),
    r.lintMs === undefined ? undefined : (r.lintMs / r.parseAgainMs).toFixed(2),
    r.problems,
  ]),
);

// What the keyword tables add to a fresh run: load them and make the first lookups, in a fresh node.
const tables = measureTables();
if (tables) {
  const ms = (value) => value.toFixed(1);
  table(
    "keyword tables in a fresh process (medians of 3): load the tables, first lookups; load lblint, lint() a 100-line file twice",
    ["measure", "ms"],
    [
      ["load the haproxy and keepalived tables", ms(tables.tablesLoadMs)],
      ["first haproxy lookup (builds its indexes)", ms(tables.haproxyFirstMs)],
      ["next haproxy lookup", ms(tables.haproxyNextMs)],
      ["first keepalived lookup (builds its indexes)", ms(tables.keepalivedFirstMs)],
      ["next keepalived lookup", ms(tables.keepalivedNextMs)],
      ["load the lblint bundle (tables included)", ms(tables.bundleLoadMs)],
      ["first lint() of a 100-line haproxy.cfg", ms(tables.haproxyLint.first)],
      ["second lint() of it", ms(tables.haproxyLint.second)],
      ["first lint() of a 100-line keepalived.conf", ms(tables.keepalivedLint.first)],
      ["second lint() of it", ms(tables.keepalivedLint.second)],
    ],
  );
}

table(
  "growth (1x, 10x, 100x): time and memory per line should stay flat if parsing is linear",
  ["file", "lines", "parse ms", "us/line", "time vs 1x", "tree MiB", "B/line", "every word MiB", "B/line", "max RSS MiB", "RSS over baseline MiB"],
  results.map((r) => {
    const base = results.find((b) => b.language === r.language && b.growthStep === 0);
    const tree = r.memory?.retainedHeapBytes;
    const full = r.memory?.everyWordHeapBytes;
    return [
      `${r.language} ${r.label}`,
      r.lines,
      fixed(r.parseMs, 1),
      fixed(r.parseMs && (r.parseMs * 1000) / r.lines, 2),
      ratio(r.parseMs, base.parseMs),
      fixed(tree && mib(tree), 1),
      fixed(tree && tree / r.lines),
      fixed(full && mib(full), 1),
      fixed(full && full / r.lines),
      fixed(r.memory && r.memory.maxRssKb / 1024),
      fixed(r.memory && (r.memory.maxRssKb - r.memory.baselineRssKb) / 1024),
    ];
  }),
);

printLanguageServerTable();

/**
 * The language server's latency over stdio (scripts/bench-lsp.mjs, also `npm run bench:lsp`), with
 * the server beside the measured library. --no-lsp leaves it out.
 */
function printLanguageServerTable() {
  if (process.argv.includes("--no-lsp")) return;
  const server = join(dirname(fileURLToPath(moduleUrl)), "server.js");
  if (!existsSync(server)) {
    console.log(`\n${server} is missing: language server latency skipped`);
    return;
  }
  spawnSync(process.execPath, [fileURLToPath(new URL("scripts/bench-lsp.mjs", root)), ...(quick ? ["--quick"] : [])], {
    stdio: "inherit",
    env: { ...process.env, LBLINT_BENCH_SERVER: server },
  });
}

/** The whole command against the checkers, and the cold start (see compareCliWithChecker, measureColdStart). */
function printCliTables(rows) {
  if (!existsSync(cliPath)) {
    console.log(`\n${cliPath} is missing: lblint process and cold start skipped`);
    return;
  }
  const withCli = rows.filter((r) => r.cli);
  if (withCli.length > 0) {
    table(
      "lblint --format json (start-up, parse, every single-file rule) vs the checker, alternating, medians of 5",
      ["file", "MB", "lblint ms", "checker ms", "lblint/checker", "lblint RSS MiB", "checker RSS MiB", "lblint exit"],
      withCli.map((r) => [
        `${r.language} ${r.label}`,
        fixed(mb(r.bytes), 2),
        fixed(r.cli.ms),
        fixed(r.cli.checkerMs),
        ratio2(r.cli.ms, r.cli.checkerMs),
        fixed(r.cli.rssKb && r.cli.rssKb / 1024),
        fixed(r.cli.checkerRssKb && r.cli.checkerRssKb / 1024),
        r.cli.status,
      ]),
    );
  }
  process.stderr.write("  cold start...\n");
  table(
    "cold start: lblint FILE vs node -e 0 and haproxy -c FILE, alternating, medians of 21",
    ["file", "lines", "lblint ms", "node -e 0 ms", "lblint/node", "haproxy -c ms", "lblint/haproxy -c"],
    measureColdStart().map((r) => [
      `${r.name} ${r.lines} lines`,
      r.lines,
      fixed(r.ms, 1),
      fixed(r.nodeMs, 1),
      ratio2(r.ms, r.nodeMs),
      r.checkerMs === undefined ? "-" : fixed(r.checkerMs, 1),
      r.checkerMs === undefined ? "-" : ratio2(r.ms, r.checkerMs),
    ]),
  );
}
