// How much an edit costs in the incremental documents (HaproxyDocument, KeepalivedDocument), as an
// editor sees it: `applyEdit` followed by reading `result`. It only prints numbers; no test depends
// on them. See docs/performance.md.
//
//   node scripts/build.mjs && node scripts/bench-incremental.mjs
//   LBLINT_BENCH_MODULE=path/to/index.js node scripts/bench-incremental.mjs   # another build
import { pathToFileURL } from "node:url";
import { generateHaproxy } from "./generate-haproxy.mjs";
import { generateKeepalived } from "./generate-keepalived.mjs";

const moduleUrl = process.env.LBLINT_BENCH_MODULE
  ? pathToFileURL(process.env.LBLINT_BENCH_MODULE).href
  : new URL("../dist/index.js", import.meta.url).href;
const { HaproxyDocument, KeepalivedDocument, parseHaproxy, parseKeepalived } = await import(moduleUrl);
/** Give up on a scenario that takes longer than this (the quadratic versions did). */
const LIMIT_MS = Number(process.env.LBLINT_BENCH_LIMIT_MS ?? 60_000);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
const ms = (x) => x.toFixed(2);

function time(f) {
  const t = performance.now();
  f();
  return performance.now() - t;
}

/** One keystroke: the edit, then the assembled result, as an editor asks for it. */
function keystroke(document, edit) {
  return time(() => {
    document.applyEdit(edit);
    void document.result.diagnostics.length;
  });
}

/** Type a character in the middle of a line near `at`, then delete it: `pairs` times, timing each edit. */
function typeAndDelete(document, at, pairs) {
  const times = [];
  for (let i = 0; i < pairs; i++) {
    times.push(keystroke(document, { start: at, end: at, newText: "x" }));
    times.push(keystroke(document, { start: at, end: at + 1, newText: "" }));
  }
  return times;
}

/** Offset of the middle of the line at the middle of the text. */
function middleOfLine(text, fraction = 0.5) {
  const lineStart = text.lastIndexOf("\n", Math.floor(text.length * fraction)) + 1;
  return lineStart + 6;
}

function incremental(name, Document, parse, text) {
  const lines = text.split("\n").length;
  const fresh = median(Array.from({ length: 5 }, () => time(() => parse(text))));
  const opened = time(() => new Document(text));
  const document = new Document(text);
  const freshPieces = document.pieceCount;
  typeAndDelete(document, middleOfLine(text), 20); // warm-up
  const first = typeAndDelete(document, middleOfLine(text), 100);
  // 1,000 more edits spread over the file, then the same measurement again.
  for (let i = 0; i < 500; i++) typeAndDelete(document, middleOfLine(document.text, ((i * 37) % 100) / 100), 1);
  const later = typeAndDelete(document, middleOfLine(text), 100);
  console.log(`${name}: ${lines} lines, ${(text.length / 1e6).toFixed(2)} MB; fresh parse ${ms(fresh)} ms, new document ${ms(opened)} ms, ${freshPieces} pieces`);
  console.log(`  one-character edit in the middle: median ${ms(median(first))} ms, p95 ${ms(p95(first))} ms`);
  console.log(`  after 1,240 earlier edits:        median ${ms(median(later))} ms, p95 ${ms(p95(later))} ms, ${document.pieceCount} pieces (a new document of the same text: ${new Document(document.text).pieceCount})`);
}

const haproxy = generateHaproxy({ backends: 930, serversPerBackend: 10 });
const keepalived = generateKeepalived({ instances: 310, virtualServers: 310, realServersPerVs: 4 });
incremental("haproxy", HaproxyDocument, parseHaproxy, haproxy);
incremental("keepalived", KeepalivedDocument, parseKeepalived, keepalived);

// Typing `x {` at the top leaves a block open that swallows the rest of the file.
{
  const document = new KeepalivedDocument(keepalived);
  const start = performance.now();
  let typed = 0;
  for (const c of "x {") {
    document.applyEdit({ start: typed, end: typed, newText: c });
    void document.result;
    typed++;
    if (performance.now() - start > LIMIT_MS) break;
  }
  const took = performance.now() - start;
  const closing = keystroke(document, { start: typed, end: typed, newText: "}" });
  console.log(`keepalived: typing 'x {' at the top: ${typed < 3 ? `gave up after ${ms(took)} ms` : `${ms(took)} ms for 3 keystrokes`}; then '}': ${ms(closing)} ms`);
}
