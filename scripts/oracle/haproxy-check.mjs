// `haproxy -c` as the oracle scripts and tests ask it, without the start-up cost that tells nothing.
// On start-up haproxy (2.6 to 3.2) loads the whole system CA store for its HTTP client: on a small
// file that is about 85% of a check (callgrind: 200 of 232 M instructions in
// __ssl_store_load_locations_file on 2.6.12; 53 → 25 ms a run). A first file that turns the client's
// verification off skips it. Nothing else changes: the file checked keeps its name and line numbers,
// and a file that sets the HTTP client up itself is checked alone, as written.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

let prelude;

function preludeFile() {
  if (!prelude || !existsSync(prelude)) {
    prelude = join(mkdtempSync(join(tmpdir(), "lblint-haproxy-prelude-")), "no-httpclient-ca.cfg");
    writeFileSync(prelude, "global\n    httpclient.ssl.verify none\n");
  }
  return prelude;
}

/** Runs `BINARY -c [ARGS] -f FILE` (with the prelude first unless FILE mentions httpclient); spawnSync's result. */
export function haproxyCheck(file, { binary = "haproxy", args = [], timeout = 30_000, cwd } = {}) {
  let own = false;
  try {
    own = /httpclient/.test(readFileSync(cwd ? join(cwd, file) : file, "utf8"));
  } catch {
    own = true;
  }
  const files = own ? ["-f", file] : ["-f", preludeFile(), "-f", file];
  return spawnSync(binary, ["-c", ...args, ...files], { encoding: "utf8", timeout, ...(cwd ? { cwd } : {}) });
}
