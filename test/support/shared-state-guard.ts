// Test files share their worker's process (vitest.config.ts: isolate: false), so a file that leaves
// the working directory or the environment changed would change the files that run after it. This
// fails the file that does.
import { afterAll, beforeAll, expect } from "vitest";

let cwd = "";
let env = "";

beforeAll(() => {
  cwd = process.cwd();
  env = JSON.stringify(Object.entries(process.env).sort(([a], [b]) => (a < b ? -1 : 1)));
});

afterAll(() => {
  expect(process.cwd(), "the test file changed the working directory and left it so").toBe(cwd);
  expect(JSON.stringify(Object.entries(process.env).sort(([a], [b]) => (a < b ? -1 : 1))), "the test file changed process.env and left it so").toBe(env);
});
