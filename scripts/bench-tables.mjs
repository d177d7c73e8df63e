// Child process of scripts/bench.mjs: what the keyword tables cost a fresh lblint run. It runs in a
// fresh node so that nothing is loaded or compiled yet, and reports JSON on stdout:
//   - tables: loading the keyword tables (evaluating the generated modules) and the first lookup
//     of each product, which builds the lookup indexes (from a bundle of server/src/facts only);
//   - lint: loading the lblint bundle, then the first and the second lint() of a 100-line
//     haproxy.cfg and keepalived.conf (the first one also compiles the rules and fills the indexes).
// Usage: node bench-tables.mjs <facts-bundle-url> <lblint-bundle-url> <haproxy.cfg> <keepalived.conf>
import { readFileSync } from "node:fs";

const [factsUrl, lblintUrl, haproxyFile, keepalivedFile] = process.argv.slice(2);
const time = (fn) => {
  const start = performance.now();
  const value = fn();
  return [performance.now() - start, value];
};

let start = performance.now();
const facts = await import(factsUrl);
const tablesLoadMs = performance.now() - start;
const [haproxyFirstMs] = time(() => facts.matchHaproxyKeyword(["server", "s1", "10.0.0.1:80"]));
const [haproxyNextMs] = time(() => facts.matchHaproxyKeyword(["option", "httpchk"]));
const [keepalivedFirstMs] = time(() => [facts.keepalivedKeyword("vrrp_instance", "priority"), facts.blocksAccepting("priority")]);
const [keepalivedNextMs] = time(() => facts.keepalivedKeyword("virtual_server", "lb_algo"));

start = performance.now();
const lblint = await import(lblintUrl);
const bundleLoadMs = performance.now() - start;
const lintTwice = (parse, file) => {
  const text = readFileSync(file, "utf8");
  const first = parse(text);
  const second = parse(text);
  return { first: time(() => lblint.lint(first))[0], second: time(() => lblint.lint(second))[0] };
};
const haproxyLint = lintTwice(lblint.parseHaproxy, haproxyFile);
const keepalivedLint = lintTwice(lblint.parseKeepalived, keepalivedFile);

process.stdout.write(
  JSON.stringify({ tablesLoadMs, haproxyFirstMs, haproxyNextMs, keepalivedFirstMs, keepalivedNextMs, bundleLoadMs, haproxyLint, keepalivedLint }) + "\n",
);
