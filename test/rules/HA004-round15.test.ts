// The fifteenth mutation round's HA004 cases (docs/agreement.md, "Fifteenth round, haproxy"): a `cookie`
// attribute with a ';' or a control character, and a proxy's `stats http-request` rules beside its `stats
// auth` or `stats realm` (round13-cases.ts asks haproxy 2.6.12, 3.0.11 and 3.2.26 again).
import { round13Cases } from "./round13-cases.js";

const HEAD = (mode: string, extra = "") => `defaults\n    mode ${mode}\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n${extra}`;
const TAIL = "backend b\n    server s 127.0.0.1:80\n";

round13Cases("the fifteenth mutation round's cookie attributes and stats rules", [
  { line: "cookie SERVERID insert attr a;b", refused: "HA004" },
  { line: "cookie SERVERID insert attr SameSite=Strict;Secure", refused: "HA004" },
  { line: "cookie SERVERID insert attr a\\x01", refused: "HA004" },
  { line: "cookie SERVERID insert attr SameSite=Strict attr Secure" },
  { line: 'cookie SERVERID insert attr "a b"' },
  { line: "stats auth admin:secret\n    stats http-request deny", refused: "HA004" },
  { line: "stats http-request allow if TRUE\n    stats realm Stats", refused: "HA004" },
  { line: "stats http-request deny (mode tcp)", file: `${HEAD("tcp")}frontend f\n    bind :8080\n    stats auth admin:secret\n    stats http-request deny\n    default_backend b\n${TAIL}`, refused: "HA004" },
  { line: "stats http-request deny, auth in defaults", file: `${HEAD("http", "    stats auth admin:secret\n")}frontend f\n    bind :8080\n    stats http-request deny\n    default_backend b\n${TAIL}` },
  { line: "stats http-request auth realm Stats" },
  { line: "stats auth admin:secret\n    stats enable" },
]);
