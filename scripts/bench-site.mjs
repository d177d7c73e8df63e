// The site benchmark: writes sites of 50, 100 and 200 hosts (pairs of load balancers, each with
// keepalived.conf, haproxy.cfg, an ifcfg file and a sysctl file) under bench-out/sites/, then
// times loading and checking each through the built library, as `lblint SITE` does. Prints the
// figures; asserts nothing (speed depends on the machine).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const lblint = await import(pathToFileURL(join(root, "dist/index.js")).href);

function writeSite(dir, hosts) {
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < hosts; i++) {
    const pair = Math.floor(i / 2);
    const master = i % 2 === 0;
    const net = `10.${Math.floor(pair / 200)}.${pair % 200}`;
    const host = join(dir, `lb${i}`);
    for (const sub of ["etc/keepalived", "etc/haproxy", "etc/sysctl.d", "etc/sysconfig/network-scripts"]) mkdirSync(join(host, sub), { recursive: true });
    writeFileSync(join(host, "etc/keepalived/keepalived.conf"), `vrrp_script chk_haproxy {\n    script "/usr/bin/killall -0 haproxy"\n    interval 2\n    weight -60\n}\n\nvrrp_instance VI_${pair} {\n    state ${master ? "MASTER" : "BACKUP"}\n    interface eth0\n    virtual_router_id ${(pair % 250) + 1}\n    priority ${master ? 150 : 100}\n    virtual_ipaddress {\n        ${net}.100/24\n    }\n    track_script {\n        chk_haproxy\n    }\n}\n`);
    writeFileSync(join(host, "etc/haproxy/haproxy.cfg"), `global\n    maxconn 4000\n\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\nfrontend www\n    bind ${net}.100:80\n    default_backend web\n\nbackend web\n    server w1 ${net}.21:80 check\n    server w2 ${net}.22:80 check\n`);
    writeFileSync(join(host, "etc/sysctl.d/90-lb.conf"), "net.ipv4.ip_nonlocal_bind = 1\n");
    writeFileSync(join(host, "etc/sysconfig/network-scripts/ifcfg-eth0"), `DEVICE=eth0\nIPADDR=${net}.${master ? 11 : 12}\nPREFIX=24\n`);
  }
}

console.log("| hosts | files | load + check (ms) | findings |");
console.log("| --- | --- | --- | --- |");
for (const hosts of [50, 100, 200]) {
  const dir = join(root, "bench-out", "sites", `site-${hosts}`);
  writeSite(dir, hosts);
  const fs = new lblint.NodeFileSystem();
  const uri = lblint.pathToUri(dir);
  let best = Infinity;
  let findings = 0;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const site = await lblint.loadSite(fs, uri);
    const reports = lblint.lintSite(site, lblint.defaultConfig());
    best = Math.min(best, performance.now() - start);
    findings = reports.reduce((n, r) => n + r.problems.length, 0);
  }
  console.log(`| ${hosts} | ${hosts * 4} | ${best.toFixed(0)} | ${findings} |`);
}
