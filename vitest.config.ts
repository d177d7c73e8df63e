import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    pool: "forks",
    // One test file per core, not vitest's default of one fewer: much of the suite waits on the daemons
    // and the CLI it starts, which leaves a core idle. On 2 cores: 334 s → 224 s for `vitest run`, all green.
    maxWorkers: availableParallelism(),
    // Test files share a worker's module cache: importing the server's few hundred modules anew for
    // each of ~350 files was about a third of the suite's time (import 162 s → 43 s on 2 cores). No
    // test changes process-wide state (cwd, environment, globals); keep it that way.
    isolate: false,
    setupFiles: ["./test/support/shared-state-guard.ts"],
    reporters: ["default", "./test/support/summary-reporter.ts"],
  },
});
