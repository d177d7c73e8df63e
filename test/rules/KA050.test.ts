import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA050 script-missing", () => {
  it("accepts a vrrp_script with its script", () => {
    expectKeepalived("KA050", 'vrrp_script chk {\n  script "/usr/bin/pgrep haproxy"\n  interval 2\n}\n');
  });

  it("reports a vrrp_script without one, from its name to its closing brace (keepalived's line)", () => {
    const found = expectKeepalived("KA050", "vrrp_script «chk {\n  interval 2\n  weight -20\n}»\n");
    expect(found[0]!.message).toBe("vrrp_script 'chk' has no 'script' line; keepalived removes it, and the instances that track it go on without the check");
  });

  it("reports track processes and files without what they watch, and a MISC_CHECK without misc_path", () => {
    const found = expectKeepalived(
      "KA050",
      `vrrp_track_process «p {\n  weight 2\n}»\ntrack_file «f {\n  weight 2\n}»\nvrrp_track_process q {\n  process haproxy\n}\nvirtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    «MISC_CHECK {\n      misc_timeout 5\n    }»\n    MISC_CHECK {\n      misc_path /bin/true\n    }\n  }\n}\n`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "vrrp_track_process 'p' has no 'process' line; keepalived removes it, and the instances that track it go on without watching the process",
      "track_file 'f' has no 'file' line; keepalived removes it, and the instances that track it go on without reading the file",
      "this MISC_CHECK has no 'misc_path'; keepalived skips the check, so the real server is never taken out",
    ]);
  });

  it("counts a line without its value as none, as keepalived does (found by mutations: the last word dropped)", () => {
    const found = expectKeepalived(
      "KA050",
      `vrrp_script «chk {\n  script\n  interval 2\n}»\nvrrp_track_file «f {\n  file\n}»\nvirtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    «MISC_CHECK {\n      misc_path\n    }»\n  }\n}\n`,
    );
    expect(found).toHaveLength(3);
  });

  it("counts an empty script as none, and leaves an empty process or file to keepalived, which takes them (eleventh mutation round)", () => {
    // keepalived 2.2.7 -t: `script ""`, `script ''` and `script '' /bin/true` are "No script set for vrrp_script chk - removing";
    // `script ' /bin/true '`, `process ""` and `file ""` pass.
    const found = expectKeepalived(
      "KA050",
      `vrrp_script «chk {\n  script ""\n}»\nvrrp_script «chk2 {\n  script '' /bin/true\n  interval 2\n}»\nvrrp_script chk3 {\n  script " /bin/true "\n}\nvrrp_script chk4 {\n  script ' /bin/true '\n}\nvrrp_track_process p {\n  process ""\n}\ntrack_file f {\n  file ""\n}\n`,
    );
    expect(found).toHaveLength(2);
  });
});
