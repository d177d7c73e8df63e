// Reference counts above named things, across the files of a configuration.
import { describe, expect, it } from "vitest";
import { LENS_LINE_LIMIT, lensTitle, referenceLenses } from "../../server/src/service/code-lens.js";
import { keepalived } from "./harness.js";

describe("reference lenses", () => {
  it("count the uses of a vrrp_script, a sync group member and a $VAR, included files too", async () => {
    const opened = await keepalived(
      `$VIP=10.0.0.10/24\ninclude scripts.conf\nvrrp_script chk_local {\n    script "/bin/true"\n}\nvrrp_sync_group G {\n    group {\n        VI_1\n    }\n}\nvrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 5\n    virtual_ipaddress {\n        $VIP\n    }\n    track_script {\n        chk_local\n        chk_shared\n    }\n}\n`,
      { files: { "file:///etc/keepalived/scripts.conf": 'vrrp_script chk_shared {\n    script "/bin/true"\n}\n' } },
    );
    const here = referenceLenses(opened.project, opened.uri).map(({ range, references }) => [range.start.line, references.map((r) => `${r.uri.split("/").pop()}:${r.range.start.line}`)]);
    expect(here).toEqual([
      [0, ["keepalived.conf:14"]],
      [2, ["keepalived.conf:17"]],
      [10, ["keepalived.conf:7"]],
    ]);
    const there = referenceLenses(opened.project, "file:///etc/keepalived/scripts.conf").map(({ references }) => references.map((r) => `${r.uri.split("/").pop()}:${r.range.start.line}`));
    expect(there).toEqual([["keepalived.conf:18"]]);
  });

  it("say how many", () => {
    expect([0, 1, 2].map(lensTitle)).toEqual(["no references", "1 reference", "2 references"]);
  });
});

describe("reference lenses on a large configuration", () => {
  it("are not made, as counting would read every word on every edit", async () => {
    const { haproxy } = await import("./harness.js");
    const backends = Array.from({ length: LENS_LINE_LIMIT / 2 }, (_, i) => `backend b${i}\n    server s 10.0.0.1:80\n`).join("");
    const small = await haproxy("backend b0\n    server s 10.0.0.1:80\n");
    const large = await haproxy(backends);
    expect(referenceLenses(small.project, small.uri)).toHaveLength(1);
    expect(referenceLenses(large.project, large.uri)).toEqual([]);
  });
});
