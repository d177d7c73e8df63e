// Child process of scripts/bench.mjs: parses one file once and reports memory as JSON on stdout.
// It runs alone in a fresh `node --expose-gc` so that max RSS belongs to this one parse, not to the
// benchmark's earlier runs. Usage: node --expose-gc bench-memory.mjs <module-url> <export> <file>
import { readFileSync } from "node:fs";

const [moduleUrl, exportName, file] = process.argv.slice(2);
const parse = (await import(moduleUrl))[exportName];
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
  diagnostics: result.diagnostics.length,
};
process.stdout.write(JSON.stringify(report) + "\n");
