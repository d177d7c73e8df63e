// The fifteenth mutation round's HA019 cases (docs/agreement.md, "Fifteenth round, haproxy"): haproxy looks
// up the mailers of `email-alert mailers NAME` only for a proxy with `email-alert from`, `mailers` and `to`
// (its own or its defaults'); without one of them it ignores the alerts with a warning, name and all, and
// an empty name of complete alerts is refused; 3.2 refuses an empty name at once (round13-cases.ts asks haproxy 2.6.12, 3.0.11 and 3.2.26 again).
import { round13Cases } from "./round13-cases.js";

const HEAD = (extra: string) => `defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n${extra}`;
const TAIL = "frontend f\n    bind :8080\n    default_backend b\n";
const complete = (mailers: string) => `    email-alert mailers ${mailers}\n    email-alert from haproxy@example.com\n    email-alert to ops@example.com\n`.replace("mailers \n", "mailers\n");

round13Cases("the fifteenth mutation round's email-alert mailers", [
  { line: "email-alert mailers nowhere" },
  { line: "email-alert mailers nowhere\n    email-alert from haproxy@example.com" },
  { line: "email-alert mailers\n    email-alert to ops@example.com", refused: "HA019", from: "3.2" },
  { line: "email-alert mailers nowhere, from and to", file: `${HEAD("")}backend b\n${complete("nowhere")}    server s 127.0.0.1:80\n${TAIL}`, refused: "HA019" },
  { line: "email-alert mailers (no name), from and to", file: `${HEAD("")}backend b\n${complete("")}    server s 127.0.0.1:80\n${TAIL}`, refused: "HA019" },
  { line: "defaults: mailers nowhere and from; backend: to", file: `${HEAD("    email-alert mailers nowhere\n    email-alert from haproxy@example.com\n")}backend b\n    email-alert to ops@example.com\n    server s 127.0.0.1:80\n${TAIL}`, refused: "HA019" },
  { line: "defaults: all three, backend and frontend heirs", file: `${HEAD(complete("nowhere"))}backend b\n    server s 127.0.0.1:80\n${TAIL}`, refused: "HA019" },
  { line: "mailers m defined, complete alerts", file: `mailers m\n    mailer smtp1 127.0.0.1:25\n${HEAD("")}backend b\n${complete("m")}    server s 127.0.0.1:80\n${TAIL}` },
]);
