// HA004 on `stats socket` addresses, found on a real configuration (docs/agreement.md, second round).
import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA004 invalid-value: stats socket addresses", () => {
  it("reports a socket path that does not start with '/', which haproxy reads as an address", () => {
    const found = expectHaproxy(
      "HA004",
      `global
    stats socket «run/admin.sock» mode 600 level admin
    stats socket «127.0.0.1»
    stats socket «:70000»
    stats socket «admin.sock»
    stats socket /run/haproxy/admin.sock level admin
    stats socket unix@admin.sock
    stats socket ipv4@127.0.0.1:9999 level admin
    stats socket *:9999
    stats socket $ADMIN_SOCKET level admin
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "stats socket 'run/admin.sock' is read as an address without a port, as a socket path must start with '/'; haproxy refuses it (write 'unix@run/admin.sock' for a path relative to the working directory)",
      "stats socket address '127.0.0.1' has no port; haproxy refuses it (write '127.0.0.1:PORT')",
      "'70000' is not a port between 1 and 65535 in stats socket address ':70000'; haproxy refuses it",
      "stats socket 'admin.sock' is read as an address without a port, as a socket path must start with '/'; haproxy refuses it (write 'unix@admin.sock' for a path relative to the working directory)",
    ]);
  });
});
