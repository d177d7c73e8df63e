import { describe, expect, it } from "vitest";
import { expectHaproxy, lintText } from "./harness.js";
import { applyEdits } from "../../grammars/common/edits.js";

const HEAD = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n";

describe("HA077 compression-filter-missing", () => {
  it("accepts compression without filters, with filter compression, beside the cache filter only, or in another proxy", () => {
    expectHaproxy("HA077", `${HEAD}frontend f\n    bind :80\n    compression algo gzip\n    default_backend b\nbackend b\n    server s 10.0.0.1:80\n`);
    expectHaproxy("HA077", `${HEAD}frontend f\n    bind :80\n    filter trace\n    filter compression\n    compression algo gzip\n    default_backend b\nbackend b\n    server s 10.0.0.1:80\n`);
    expectHaproxy("HA077", `${HEAD}listen l\n    bind :80\n    filter cache c\n    compression algo gzip\n    server s 10.0.0.1:80\ncache c\n    total-max-size 4\n`);
    expectHaproxy("HA077", `${HEAD}frontend f\n    bind :80\n    filter trace\n    default_backend b\nbackend b\n    compression algo gzip\n    server s 10.0.0.1:80\n`);
  });

  it("reports the first other filter of a proxy that compresses, its own way or its defaults'", () => {
    const found = expectHaproxy("HA077", `${HEAD}    compression algo gzip\nfrontend f\n    bind :80\n    filter cache c\n    filter «trace» name x\n    default_backend b\nbackend b\n    compression type text/html\n    filter «trace»\n    server s 10.0.0.1:80\ncache c\n    total-max-size 4\n`);
    expect(found.map((p) => p.message)).toEqual([
      "frontend 'f' compresses (as defaults says) and declares the 'trace' filter, but not 'filter compression': beside other filters haproxy adds no compression filter by itself and refuses the proxy",
      "backend 'b' compresses and declares the 'trace' filter, but not 'filter compression': beside other filters haproxy adds no compression filter by itself and refuses the proxy",
    ]);
    expect(found.map((p) => p.related?.[0]?.range.start.line)).toEqual([5, 12]);
  });

  it("adds filter compression after the last filter, indented as it is", () => {
    const text = `${HEAD}    compression algo gzip\nfrontend f\n\tbind :80\n\tfilter trace name x\n\tdefault_backend b\nbackend b\n    server s 10.0.0.1:80\n    filter trace`;
    const edits = lintText("haproxy", text).filter((p) => p.ruleId === "HA077").flatMap((p) => p.fix!.edits);
    const fixed = applyEdits(text, edits);
    expect(fixed).toBe(`${HEAD}    compression algo gzip\nfrontend f\n\tbind :80\n\tfilter trace name x\n\tfilter compression\n\tdefault_backend b\nbackend b\n    server s 10.0.0.1:80\n    filter trace\n    filter compression`);
  });
});
