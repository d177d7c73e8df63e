// Child process of scripts/bench.mjs: parses one file once and reports memory as JSON on stdout.
// It runs alone in a fresh `node --expose-gc` so that max RSS belongs to this one parse, not to the
// benchmark's earlier runs. Usage: node --expose-gc bench-memory.mjs <module-url> <export> <file> [--every-word]
// With --every-word it then reads every word of the tree (see bench-walk.mjs) and reports the heap
// that holds once every word object is made.
import { readFileSync } from "node:fs";
import { walkWords } from "./bench-walk.mjs";

const [moduleUrl, exportName, file] = process.argv.slice(2);
const lblint = await import(moduleUrl);
const parse = lblint[exportName];
const text = readFileSync(file, "utf8");

// What node, the loaded bundle and the source text cost before any parsing, to subtract mentally.
globalThis.gc();
const before = { rss: process.resourceUsage().maxRSS, heap: process.memoryUsage().heapUsed };

const result = parse(text);

// Collect the garbage of parsing; what remains on the heap is the tree the caller would keep.
globalThis.gc();
const retainedHeap = process.memoryUsage().heapUsed - before.heap;
const report = {
  baselineRssKb: before.rss,
  maxRssKb: process.resourceUsage().maxRSS,
  retainedHeapBytes: retainedHeap,
  everyWordHeapBytes: undefined,
  diagnostics: result.diagnostics.length,
};
if (process.argv.includes("--every-word")) {
  walkWords(lblint, result.format, result);
  globalThis.gc();
  report.everyWordHeapBytes = process.memoryUsage().heapUsed - before.heap;
}
process.stdout.write(JSON.stringify(report) + "\n");
