// Reverse HTTP's `rhttp@` addresses and the bind option `nbconn` (experimental.ts), each file asked
// of haproxy 2.6.12 (which has neither), 3.0.11 and 3.2.26 (round13-cases.ts asks them again).
import { describe, expect, it } from "vitest";
import { lintText } from "./harness.js";
import { round13Cases } from "./round13-cases.js";

const EXPOSED = "global\n    expose-experimental-directives\n";
const fileWith = (exposed: boolean, bind: string, server: string) =>
  `${exposed ? EXPOSED : ""}defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\nfrontend f\n    ${bind}\n    default_backend b\nbackend b\n    ${server}\n`;
const cases = (list: readonly (readonly [boolean, string, string, string?])[]) =>
  list.map(([exposed, bind, server, refused]) => ({ line: `${exposed ? "exposed: " : ""}${bind} / ${server}`, file: fileWith(exposed, bind, server), since: "3.0" as const, ...(refused ? { refused } : {}) }));

round13Cases("reverse HTTP, experimental", cases([
  [true, "bind rhttp@b/s nbconn 2", "server s 127.0.0.1:80"],
  [true, "bind :8080", "server s rhttp@"],
  [false, "bind :8080 nbconn 2", "server s 127.0.0.1:80", "HA004"],
  [true, "bind :8080 nbconn 2", "server s 127.0.0.1:80", "HA004"],
  [false, "bind rhttp@b/s", "server s 127.0.0.1:80", "HA004"],
  [false, "bind :8080", "server s rhttp@", "HA004"],
]));

// A server address family haproxy does not know (yet) is read as a host name that cannot resolve:
// measured on 2.6.12, 3.0.11 and 3.2.26, "could not resolve address 'abcd@1.2.3.4'" (a warning under
// `-dr`), so lblint warns; a `quic4@` server is refused by 2.6.12 ("unsupported stream protocol for
// datagram family") and 3.2.26 ("QUIC protocol is unsupported on the backend side"), taken by 3.0.11.
describe("server address families", () => {
  const problems = (server: string, version: "2.6" | "3.0" | "3.2") =>
    lintText("haproxy", fileWith(false, "bind :8080", server), { haproxyVersion: version }).filter((p) => p.ruleId === "HA004").map((p) => `${p.severity} ${p.message}`);
  it("warns of a family the release does not know", () => {
    expect(problems("server s abcd@1.2.3.4:80", "3.2")).toEqual([expect.stringMatching(/^warning 'abcd@' is not an address family of haproxy 3.2/)]);
    expect(problems("server s mptcp@1.2.3.4:80", "3.0")).toEqual([expect.stringMatching(/^warning 'mptcp@' is not an address family of haproxy 3.0 \(it comes with haproxy 3.2\)/)]);
    expect(problems("server s mptcp@1.2.3.4:80", "3.2")).toEqual([]);
  });
  it("refuses a QUIC server where the release does", () => {
    expect(problems("server s quic4@127.0.0.1:443", "2.6")).toEqual([expect.stringMatching(/^error .*cannot connect over QUIC/)]);
    expect(problems("server s quic4@127.0.0.1:443", "3.0")).toEqual([]);
    expect(problems("server s quic4@127.0.0.1:443", "3.2")).toEqual([expect.stringMatching(/^error .*cannot connect over QUIC/)]);
  });
});
