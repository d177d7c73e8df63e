import { readFileSync } from "node:fs";
const { parseKeepalived, parseHaproxy } = await import("/work/main/dist/index.js");
const which = process.argv[2];
const k = readFileSync(which === "h" ? "/work/main/bench-out/haproxy-5000.cfg" : "/work/main/bench-out/keepalived-5000.conf", "utf8");
const fn = which === "h" ? parseHaproxy : parseKeepalived;
for (let i = 0; i < 4; i++) { const t = performance.now(); fn(k); console.log((performance.now() - t).toFixed(0)); }
