import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const V26 = { haproxyVersion: "2.6" } as const;
const PROXY = "frontend f\n    mode http\n    timeout client 5s\n    bind :8080\n    http-request return status 200\n";

describe("HA074 program-without-master-worker", () => {
  it("accepts a program section where the global section turns on master-worker mode, wherever it is", () => {
    expectHaproxy("HA074", `global\n    master-worker\n\n${PROXY}\nprogram api\n    command /usr/bin/dataplaneapi\n`, V26);
    expectHaproxy("HA074", `program api\n    command /usr/bin/dataplaneapi\n\nglobal\n    master-worker no-exit-on-failure\n\n${PROXY}`, V26);
    expectHaproxy("HA074", PROXY, V26);
  });

  it("warns on each program section when nothing turns master-worker mode on", () => {
    const found = expectHaproxy("HA074", `global\n    daemon\n\n${PROXY}\nprogram «api»\n    command /usr/bin/dataplaneapi\n\nprogram «mirror»\n    command /usr/bin/mirror\n`, V26);
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["warning", "program 'api' runs only in master-worker mode, which nothing in the configuration turns on: haproxy refuses it unless started with -W or -Ws (add 'master-worker' to the global section)"],
      ["warning", "program 'mirror' runs only in master-worker mode, which nothing in the configuration turns on: haproxy refuses it unless started with -W or -Ws (add 'master-worker' to the global section)"],
    ]);
  });

  it("leaves haproxy 3.4, which has no program section, to HA005", () => {
    expectHaproxy("HA074", `${PROXY}\nprogram api\n    command /usr/bin/dataplaneapi\n`, { haproxyVersion: "3.4" });
  });
});
