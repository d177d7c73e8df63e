import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

// Measured on haproxy 2.6.12 (tenth mutation round's probes): "'profiling.tasks' expects either 'on',
// 'auto', or 'off' but got 'On'", "unsupported character 'x' in 'max-spread-checks' (wants an integer
// delay)", "invalid number 10m (error at 'm')", "'unsetenv' expects at least one variable name".
describe("HA004 global keywords read word by word", () => {
  it("reports profiling.tasks, max-spread-checks, tune.lua.maxmem and unsetenv values haproxy refuses", () => {
    const found = expectHaproxy(
      "HA004",
      "global\n    profiling.tasks «On»\n    max-spread-checks «1x»\n    tune.lua.maxmem «10m»\n    «unsetenv»\n    profiling.tasks auto\n    max-spread-checks 10s\n    tune.lua.maxmem -1\n    unsetenv A B\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'On' is not a profiling mode (on, auto, off); haproxy refuses the line",
      "'1x' is not a delay (a number with an optional unit: us, ms, s, m, h, d); haproxy refuses the line",
      "'10m' is not a whole number of megabytes (no unit); haproxy refuses the line",
      "'unsetenv' needs at least one variable name; haproxy refuses the line",
    ]);
  });
});
