// The fourteenth mutation round's HA062 lines (docs/agreement.md, "Fourteenth round, haproxy"): a TLS
// listener verifying client certificates against no CA, and a TLS version range with nothing in it, on
// a listener or a server (round13-cases.ts asks haproxy 2.6.12, 3.0.11 and 3.2.26 again). The
// listeners need a certificate haproxy can load: one is made here with openssl where it is installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { round13Cases } from "./round13-cases.js";

const dir = mkdtempSync(join(tmpdir(), "lblint-ha062-r14-"));
const CERT = join(dir, "site.pem");
const CA = join(dir, "ca.pem");
const made = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", join(dir, "key.pem"), "-out", CA, "-days", "3650", "-subj", "/CN=lblint"], { stdio: "ignore" });
if (made.status === 0) writeFileSync(CERT, readFileSync(CA, "utf8") + readFileSync(join(dir, "key.pem"), "utf8"));
writeFileSync(join(dir, "list.txt"), `${CERT}\n`);

const HEAD = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n";
const bind = (options: string) => ({ line: `bind :8443 ${options}`, file: `${HEAD}frontend f\n    bind :8443 ${options}\n    default_backend b\nbackend b\n    server s 127.0.0.1:80\n` });

round13Cases("the fourteenth mutation round's TLS listeners and servers", [
  { ...bind(`ssl crt ${CERT} verify required`), refused: "HA062" },
  { ...bind(`ssl crt ${CERT} verify optional`), refused: "HA062" },
  { ...bind(`ssl crt-list ${join(dir, "list.txt")} verify required`), refused: "HA062" },
  bind(`ssl crt ${CERT} verify none`),
  bind(`ssl crt ${CERT} ca-file ${CA} verify required`),
  bind(`verify required`),
  bind(`ssl crt ${CERT} verify required ca-verify-file ${CA}`),
  { ...bind(`ssl crt ${CERT} verify required crl-file ${CA}`), refused: "HA062" },
  { ...bind(`ssl crt ${CERT} ssl-min-ver TLSv1.3 ssl-max-ver TLSv1.2`), refused: "HA062" },
  { ...bind(`ssl crt ${CERT} ssl-max-ver TLSv1.0 ssl-min-ver TLSv1.1`), refused: "HA062" },
  bind(`ssl crt ${CERT} ssl-min-ver TLSv1.2 ssl-max-ver TLSv1.2`),
  bind(`ssl crt ${CERT} ssl-min-ver TLSv1.3 ssl-max-ver TLSv1.2 ssl-min-ver TLSv1.0`),
  bind(`ssl-min-ver TLSv1.3 ssl-max-ver TLSv1.2`),
  { line: "server s 127.0.0.1:443 ssl verify none ssl-min-ver TLSv1.3 ssl-max-ver TLSv1.2", refused: "HA062" },
  { line: "default-server ssl-min-ver TLSv1.3\n    server s 127.0.0.1:443 ssl verify none ssl-max-ver TLSv1.2", refused: "HA062" },
  { line: "server s 127.0.0.1:443 ssl verify none ssl-min-ver TLSv1.2 ssl-max-ver TLSv1.3" },
]);
