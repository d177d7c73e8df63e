// Word counts found by a sweep of value forms against haproxy 2.6.12 (docs/agreement.md, "Sweeps,
// second round"): each line is what `haproxy -c` refuses or accepts.
import { describe, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA003 argument-count: global and proxy keywords a second sweep measured", () => {
  it("refuses a word too many or too few where haproxy does", () => {
    expectHaproxy(
      "HA003",
      "global\n    set-dumpable «on»\n    profiling.tasks on «off»\n    «httpclient.ssl.verify»\n    «ssl-server-verify»\n    «tune.lua.maxmem»\n    tune.lua.maxmem 5 6\nbackend b\n    «retry-on»\n    server s 10.0.0.1:80\n",
    );
  });

  it("accepts the words haproxy ignores", () => {
    expectHaproxy(
      "HA003",
      "global\n    set-dumpable\n    mworker-max-reloads 5 6\nfrontend f\n    bind :80\n    declare capture request len 32 x\n    errorloc 503 x http://example.com/\n    errorloc302 503 x http://example.com/\n    email-alert level alert x\n    default_backend b\nbackend b\n    server s 10.0.0.1:80\n",
    );
  });

  it("stops at an empty word, as haproxy looks only at the first word past those it takes", () => {
    expectHaproxy("HA003", 'global\n    busy-polling ""\n    set-dumpable \'\'\n    maxconn 10 "" x\n    strict-limits «x»\n');
  });
});
