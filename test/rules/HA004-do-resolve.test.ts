import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

// haproxy 2.6.12: "Can't parse 'do-resolve(txn.ip)'. Expects 'do-resolve(<varname>,<resolvers>[,<options>]) <expr>'"
// (tenth mutation round's probes); the options are ipv4 or ipv6.
describe("HA004 do-resolve", () => {
  it("reports a do-resolve without its resolvers, with an option it does not know, or with more words", () => {
    const found = expectHaproxy(
      "HA004",
      "resolvers dns\n    nameserver d 127.0.0.1:53\n\nfrontend f\n    bind :80\n    http-request «do-resolve(txn.ip)» hdr(host)\n    http-request «do-resolve(txn.ip,dns,ipv5)» hdr(host)\n    tcp-request content «do-resolve(txn.ip,dns,ipv4,x)» hdr(host)\n    http-request do-resolve(txn.ip,dns) hdr(host)\n    http-request do-resolve(txn.ip,dns,ipv6) hdr(host)\n",
    );
    expect(found[0]!.message).toBe("'do-resolve(txn.ip)' is not do-resolve(VARIABLE,RESOLVERS[,ipv4|ipv6]); haproxy refuses the line");
  });
});
