import { readFileSync } from "node:fs";
const { parseKeepalived, parseHaproxy } = await import("/work/main/dist/index.js");
const which = process.argv[2];
const text = readFileSync(which === "h" ? "/work/main/bench-out/haproxy-5000.cfg" : "/work/main/bench-out/keepalived-5000.conf", "utf8");
global.gc(); const before = process.memoryUsage().heapUsed;
const r = (which === "h" ? parseHaproxy : parseKeepalived)(text);
global.gc(); const after = process.memoryUsage().heapUsed;
console.log(which, "tree MiB", ((after - before) / 2 ** 20).toFixed(0), "maxRSS MiB", (process.resourceUsage().maxRSS / 1024).toFixed(0), r.diagnostics.length);
