// A format string of a defaults section is parsed by haproxy in each proxy that uses it, not where
// it is written (server/src/rules/haproxy/format-readers.ts): a mistake in one that only backends
// inherit, or that a nearer defaults replaces, is never reported by haproxy, and lblint keeps quiet
// too. Each file was asked of haproxy 2.6.12, 3.0.11 and 3.2.26, which all gave the verdict written
// beside it (round13-cases.ts asks the installed daemons again).
import { describe, expect, it } from "vitest";
import { lintText } from "./harness.js";
import { round13Cases } from "./round13-cases.js";

const TIMEOUTS = "    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n";
const FRONTEND = "frontend f\n    bind :8080\n    default_backend b\n";

round13Cases("a defaults section's format strings, checked where haproxy parses them", [
  { line: "a named defaults only a backend uses", file: `defaults back\n    mode http\n${TIMEOUTS}    log-format "%[nosuchfetch]"\nbackend b from back\n    server s 127.0.0.1:80\n${FRONTEND.replace("frontend f", "frontend f from back").replace("default_backend b", "default_backend b\n    log-format \"%ci\"")}` },
  { line: "frontends that inherit a nearer defaults' log-format", file: `defaults base\n    mode http\n${TIMEOUTS}    log-format "%[nosuchfetch]"\ndefaults mid from base\n    log-format "%ci"\n${FRONTEND.replace("frontend f", "frontend f from mid")}backend b from base\n    server s 127.0.0.1:80\n` },
  { line: "an unclosed %[ only backends inherit", file: `defaults back\n    mode http\n${TIMEOUTS}    log-format-sd "%[src"\n    error-log-format "%[src"\nbackend b from back\n    server s 127.0.0.1:80\ndefaults\n    mode http\n${TIMEOUTS}${FRONTEND.replace("default_backend b", "http-request return status 200")}` },
  { line: "a frontend that inherits the log-format", file: `defaults\n    mode http\n${TIMEOUTS}    log-format "%[nosuchfetch]"\n${FRONTEND}backend b\n    server s 127.0.0.1:80\n`, refused: "HA060" },
  { line: "a listen that inherits the error-log-format", file: `defaults\n    mode http\n${TIMEOUTS}    error-log-format "%[src"\nlisten l\n    bind :8080\n    server s 127.0.0.1:80\n`, refused: "HA063" },
  { line: "a unique-id-format a backend inherits", file: `defaults back\n    mode http\n${TIMEOUTS}    unique-id-format "%[nosuchfetch]"\nbackend b from back\n    server s 127.0.0.1:80\ndefaults\n    mode http\n${TIMEOUTS}${FRONTEND}`, refused: "HA060" },
  { line: "a frontend of a chain whose nearer defaults says nothing", file: `defaults base\n    mode http\n${TIMEOUTS}    log-format "%ci %ZZ"\ndefaults mid from base\n    option forwardfor\n${FRONTEND.replace("frontend f", "frontend f from mid")}backend b from base\n    server s 127.0.0.1:80\n`, refused: "HA063" },
]);

describe("a defaults section no proxy inherits", () => {
  it("still has its format strings checked (it is most often one file of a split configuration)", () => {
    const errors = lintText("haproxy", `defaults\n    mode http\n${TIMEOUTS}    log-format "%[nosuchfetch]"\n    unique-id-format "%[src"\n`).filter((p) => p.severity === "error");
    expect(errors.map((p) => p.ruleId).sort()).toEqual(["HA060", "HA063"]);
  });
});
