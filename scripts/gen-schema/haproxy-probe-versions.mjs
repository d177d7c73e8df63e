// Development tool, not part of the generation: asks later haproxy releases which keywords and rule
// actions of lblint's tables they know, and writes what they said to reference/haproxy-probed-VERSION.json,
// which the generator reads (haproxy-later.mjs). The keyword dumps (`haproxy -dKall`) list only the
// keywords a release registers; keywords parsed by hard-coded code (`maxconn`, `option httplog`,
// `option forwarded`, most `acme` keywords) are missing from them, and only a release can say whether
// it knows one. Each keyword goes into a file of its own, in its first section, with no argument:
// an "unknown keyword" (or "unknown option", or an action list "… but got 'X'") means the release
// lacks it, a "not supported anymore" that it refuses it on purpose, anything else that it knows it.
//
//   node scripts/gen-schema/haproxy-probe-versions.mjs VERSION 'COMMAND' [TABLES_JSON]
//   e.g. node scripts/gen-schema/haproxy-probe-versions.mjs 3.2 haproxy32 dist/facts/haproxy.json
//
// COMMAND runs that release (a wrapper script around its binary); TABLES_JSON is the built tables
// (dist/facts/haproxy.json, made by `node scripts/build.mjs`).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [version, command, tablesPath = "dist/facts/haproxy.json"] = process.argv.slice(2);
if (!version || !command) {
  console.error("usage: haproxy-probe-versions.mjs VERSION COMMAND [TABLES_JSON]");
  process.exit(2);
}
const tables = JSON.parse(readFileSync(tablesPath, "utf8"));
const work = mkdtempSync(join(tmpdir(), "ha-probe-"));

const HEADERS = {
  global: "global",
  defaults: "defaults",
  frontend: "frontend fe",
  backend: "backend be",
  listen: "listen li",
  resolvers: "resolvers rs",
  peers: "peers pe",
  userlist: "userlist ul",
  mailers: "mailers ma",
  program: "program pr",
  "http-errors": "http-errors he",
  ring: "ring rg",
  "log-forward": "log-forward lf",
  cache: "cache ca",
  "fcgi-app": "fcgi-app fa",
  "crt-store": "crt-store",
  traces: "traces",
  acme: "acme ac",
  healthcheck: "healthcheck hc",
  "log-profile": "log-profile lp",
};
/** The section each kind of section is tried in first: proxies in a listen, which takes every proxy keyword. */
const ORDER = ["listen", "frontend", "backend", "defaults", "global"];

function run(text) {
  const file = join(work, "probe.cfg");
  writeFileSync(file, text);
  const out = spawnSync("sh", ["-c", `${command} -c -dr -f ${file} 2>&1`], { encoding: "utf8", cwd: work, timeout: 20000 });
  return out.stdout ?? "";
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "unknown", "refused" (a removal message) or "known", for one keyword or action line in a section. */
function verdict(output, name, word) {
  const alerts = output.split("\n").filter((line) => line.includes("[ALERT]") || line.includes("[WARNING]"));
  const about = alerts.filter((line) => line.includes(":3]") || line.includes(":3 ]") || line.includes("probe.cfg:3"));
  const first = escape(name.split(" ")[0]);
  const unknown = new RegExp(`unknown (?:keyword|option|[a-z]+ parameter) '(?:${escape(word)}|${first})'|got '${escape(word)}'`);
  if (about.some((line) => unknown.test(line))) return "unknown";
  if (about.some((line) => line.includes("[ALERT]") && /not supported any ?more|doesn't exist any ?more|no longer supported|has been removed/i.test(line))) return "refused";
  return "known";
}

const results = { version, binary: run("").match(/HAProxy version (\S+)/)?.[1] ?? spawnSync("sh", ["-c", `${command} -v`], { encoding: "utf8" }).stdout.split("\n")[0], keywords: {}, actions: {} };
for (const keyword of tables.keywords) {
  const section = ORDER.find((s) => keyword.sections.includes(s)) ?? keyword.sections[0];
  const header = HEADERS[section];
  if (!header) continue;
  const option = /^(no )?option (.+)$/.exec(keyword.name);
  const word = option ? option[2] : keyword.name.split(" ").at(-1);
  const text = `${section === "global" ? "" : "global\n"}${header}\n  ${keyword.name}\n`;
  // The probed line is line 3 with a global section before the probed section, line 2 in the global one.
  const fixed = section === "global" ? `global\n  # probe\n  ${keyword.name}\n` : text;
  results.keywords[keyword.name] = verdict(run(fixed), keyword.name, word);
}
const ACTION_HEADERS = { "http-request": "listen li", "http-response": "listen li", "http-after-response": "listen li", "tcp-request connection": "frontend fe", "tcp-request session": "frontend fe", "tcp-request content": "listen li", "tcp-response content": "backend be", "quic-initial": "frontend fe" };
for (const [ruleSet, actions] of Object.entries(tables.actions)) {
  results.actions[ruleSet] = {};
  for (const action of actions) {
    const text = `global\n${ACTION_HEADERS[ruleSet]}\n  ${ruleSet} ${action.name}\n`;
    results.actions[ruleSet][action.name] = verdict(run(text), `${ruleSet} ${action.name}`, action.name);
  }
}
const out = join(dirname(fileURLToPath(import.meta.url)), "reference", `haproxy-probed-${version}.json`);
writeFileSync(out, `${JSON.stringify(results, null, 1)}\n`);
const count = (map) => Object.values(map).reduce((n, v) => ((n[v] = (n[v] ?? 0) + 1), n), {});
console.log(out, results.binary, "keywords", count(results.keywords), "actions", count(Object.assign({}, ...Object.values(results.actions).map((m, i) => Object.fromEntries(Object.entries(m).map(([k, v]) => [`${i}${k}`, v]))))));
