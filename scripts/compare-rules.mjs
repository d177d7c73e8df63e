// Compares what two builds of lblint report, problem for problem (rule, severity, message, range,
// fix, suggestions, related locations), over the corpus, the fixtures, the rule tests' snippets and
// small generated files, each also with CRLF line ends, for haproxy 2.6 and 3.4 and keepalived 2.2
// and 2.4. Used to check that a change to the rules' engine or indexes changes no finding.
// Usage: node scripts/compare-rules.mjs BEFORE/index.js AFTER/index.js [CORPUS_DIR]
// Prints the inputs that differ (with the first difference) and exits 1 if any does.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateHaproxy } from "./generate-haproxy.mjs";
import { generateKeepalived } from "./generate-keepalived.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [beforePath, afterPath, corpus = "/work/shared/corpus"] = process.argv.slice(2);
if (!beforePath || !afterPath) {
  console.error("usage: node scripts/compare-rules.mjs BEFORE/index.js AFTER/index.js [CORPUS_DIR]");
  process.exit(2);
}
const before = await import(pathToFileURL(beforePath).href);
const after = await import(pathToFileURL(afterPath).href);

function files(dir) {
  let out = [];
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries.sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(files(path));
    else out.push(path);
  }
  return out;
}

/** The rule tests' configurations: every template literal of a test file, markers removed. */
function snippets(path) {
  const source = readFileSync(path, "utf8");
  const found = [];
  for (const match of source.matchAll(/`((?:[^`\\]|\\.)*)`/gs)) {
    if (match[1].includes("${")) continue;
    let text;
    try {
      text = Function(`return \`${match[1]}\`;`)();
    } catch {
      continue;
    }
    found.push(text.replace(/[«»]/g, ""));
  }
  return found;
}

const inputs = [];
const add = (name, text, format) => {
  inputs.push({ name, text, format });
  if (text.includes("\n")) inputs.push({ name: `${name} (CRLF)`, text: text.replace(/\r?\n/g, "\r\n"), format });
};
const formatOf = (path, text) => before.formatFromPath?.(path) ?? before.formatFromContent(text);
for (const path of [...files(corpus), ...files(join(root, "fixtures"))]) {
  if (/\.(md|jsonl|json|txt|sh|yml|yaml)$/.test(path)) continue;
  const text = readFileSync(path, "utf8");
  let format = /keepalived/i.test(path) ? "keepalived" : /haproxy|\.cfg$/i.test(path) ? "haproxy" : undefined;
  format ??= before.formatFromContent(text);
  if (format !== "haproxy" && format !== "keepalived") continue;
  add(path, text, format);
}
for (const name of readdirSync(join(root, "test/rules")).sort()) {
  if (!name.endsWith(".test.ts")) continue;
  const formats = name.startsWith("HA") ? ["haproxy"] : name.startsWith("KA") ? ["keepalived"] : ["haproxy", "keepalived"];
  snippets(join(root, "test/rules", name)).forEach((text, i) => {
    for (const format of formats) add(`${name}#${i} ${format}`, text, format);
  });
}
for (const n of [3, 40, 300]) {
  add(`generated haproxy ${n}`, generateHaproxy({ backends: n, serversPerBackend: 10 }), "haproxy");
  add(`generated keepalived ${n}`, generateKeepalived({ instances: n, virtualServers: n, realServersPerVs: 4 }), "keepalived");
}

const TARGETS = { haproxy: ["2.6", "3.4"], keepalived: ["2.2", "2.4"] };
function run(lib, input, version) {
  const parsed = input.format === "haproxy" ? lib.parseHaproxy(input.text) : lib.parseKeepalived(input.text);
  const config = input.format === "haproxy" ? { haproxyVersion: version } : { keepalivedVersion: version };
  return lib.lint(parsed, config).map((p) => JSON.stringify(p));
}

let differing = 0;
let problems = 0;
let compared = 0;
for (const input of inputs) {
  for (const version of TARGETS[input.format]) {
    compared++;
    const a = run(before, input, version);
    const b = run(after, input, version);
    problems += a.length;
    if (a.length === b.length && a.every((p, i) => p === b[i])) continue;
    differing++;
    const i = a.findIndex((p, k) => p !== b[k]);
    console.log(`DIFF ${input.name} [${version}]: ${a.length} before, ${b.length} after`);
    console.log(`  before: ${a[i] ?? "(none)"}`.slice(0, 600));
    console.log(`  after:  ${b[i] ?? "(none)"}`.slice(0, 600));
  }
}
console.log(`${inputs.length} inputs, ${compared} runs, ${problems} problems before; ${differing} runs differ`);
process.exit(differing ? 1 : 0);
