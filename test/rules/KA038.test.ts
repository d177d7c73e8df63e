import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA038 nested-one-line", () => {
  it("accepts nested blocks with one statement per segment", () => {
    expectKeepalived(
      "KA038",
      "virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    weight 1\n    TCP_CHECK { connect_timeout 3 }\n  }\n  real_server 10.0.0.3 80 { weight 1 }\n}\nvirtual_server group G {\n  real_server 10.0.0.2 80 {\n  }\n}\n",
    );
  });

  it("reports a checker written after the real server's weight on one line", () => {
    const found = expectKeepalived("KA038", "virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 { weight 1 «TCP_CHECK» { connect_timeout 3 } }\n  real_server 10.0.0.3 80 {\n    weight 1\n  }\n}\n");
    expect(found[0]!.message).toBe(
      "keepalived reads 'weight … TCP_CHECK' as one 'weight' statement: 'TCP_CHECK' opens no block, its '{' is ignored and its '}' closes 'real_server' instead; put 'TCP_CHECK {' on a line of its own",
    );
  });

  it("reports the same mistake spread over lines", () => {
    expectKeepalived("KA038", "vrrp_instance VI_1 {\n  priority 100 «virtual_ipaddress» {\n    10.0.0.1/24\n  }\n}\n");
  });
});
