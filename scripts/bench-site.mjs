// The site benchmark: writes sites of 50, 100 and 200 hosts (pairs of load balancers, each with
// keepalived.conf with an LVS service, haproxy.cfg, an ifcfg file, a sysctl file and a firewalld
// zone) under bench-out/sites/, then times loading and checking each through the built library, as
// `lblint SITE` does. Prints the figures; asserts nothing (speed depends on the machine).
//
// How it measures: the code is warmed up first (the first site checked otherwise pays for the JIT
// compiling every parser and rule, which made 100 hosts look slower than 200), the heap is
// collected before each run, and each size is run several times: the median wall time, and the
// median CPU time of this process, which other processes on a shared machine disturb less.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

const root = fileURLToPath(new URL("../", import.meta.url));
const lblint = await import(pathToFileURL(join(root, "dist/index.js")).href);

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc");

function writeSite(dir, hosts) {
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < hosts; i++) {
    const pair = Math.floor(i / 2);
    const master = i % 2 === 0;
    const net = `10.${Math.floor(pair / 200)}.${pair % 200}`;
    const host = join(dir, `lb${i}`);
    for (const sub of ["etc/keepalived", "etc/haproxy", "etc/sysctl.d", "etc/sysconfig/network-scripts", "etc/firewalld/zones"]) mkdirSync(join(host, sub), { recursive: true });
    writeFileSync(
      join(host, "etc/keepalived/keepalived.conf"),
      `vrrp_script chk_haproxy {\n    script "/usr/bin/killall -0 haproxy"\n    interval 2\n    weight -60\n}\n\nvrrp_instance VI_${pair} {\n    state ${master ? "MASTER" : "BACKUP"}\n    interface eth0\n    virtual_router_id ${(pair % 250) + 1}\n    priority ${master ? 150 : 100}\n    virtual_ipaddress {\n        ${net}.100/24\n    }\n    track_script {\n        chk_haproxy\n    }\n}\n\nvirtual_server ${net}.100 25 {\n    lb_algo wlc\n    lb_kind DR\n    protocol TCP\n    real_server ${net}.31 25 {\n        TCP_CHECK {\n            connect_timeout 10\n        }\n    }\n    real_server ${net}.32 25 {\n        TCP_CHECK {\n            connect_timeout 10\n        }\n    }\n}\n`,
    );
    writeFileSync(join(host, "etc/haproxy/haproxy.cfg"), `global\n    maxconn 4000\n\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\nfrontend www\n    bind ${net}.100:80\n    default_backend web\n\nbackend web\n    server w1 ${net}.21:80 check\n    server w2 ${net}.22:80 check\n`);
    writeFileSync(join(host, "etc/sysctl.d/90-lb.conf"), "net.ipv4.ip_nonlocal_bind = 1\n");
    writeFileSync(join(host, "etc/sysconfig/network-scripts/ifcfg-eth0"), `DEVICE=eth0\nIPADDR=${net}.${master ? 11 : 12}\nPREFIX=24\n`);
    writeFileSync(join(host, "etc/firewalld/zones/public.xml"), `<?xml version="1.0" encoding="utf-8"?>\n<zone>\n  <service name="ssh"/>\n  <service name="http"/>\n  <service name="smtp"/>\n  <protocol value="vrrp"/>\n  <interface name="eth0"/>\n</zone>\n`);
  }
}

const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function run(uri) {
  const fs = new lblint.NodeFileSystem();
  gc();
  const wall = performance.now();
  const start = cpu();
  const site = await lblint.loadSite(fs, uri);
  const reports = lblint.lintSite(site, lblint.defaultConfig());
  return { wall: performance.now() - wall, cpu: cpu() - start, findings: reports.reduce((n, r) => n + r.problems.length, 0) };
}

const sizes = [50, 100, 200];
const uris = new Map();
for (const hosts of sizes) {
  const dir = join(root, "bench-out", "sites", `site-${hosts}`);
  writeSite(dir, hosts);
  uris.set(hosts, lblint.pathToUri(dir));
}
// Warm-up: compile the parsers and rules before anything is timed.
for (let i = 0; i < 3; i++) await run(uris.get(sizes[0]));

console.log("| hosts | files | load + check, median wall (ms) | median CPU (ms) | CPU per host (ms) | findings |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const hosts of sizes) {
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await run(uris.get(hosts)));
  const wall = median(runs.map((r) => r.wall));
  const time = median(runs.map((r) => r.cpu));
  console.log(`| ${hosts} | ${hosts * 5} | ${wall.toFixed(0)} | ${time.toFixed(0)} | ${(time / hosts).toFixed(2)} | ${runs[0].findings} |`);
}
