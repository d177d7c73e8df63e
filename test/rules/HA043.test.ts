import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectHaproxy, lintText } from "./harness.js";

describe("HA043 process-security", () => {
  it("accepts the usual hardened global section, and files without one", () => {
    expectHaproxy(
      "HA043",
      `global
    chroot /var/lib/haproxy
    user haproxy
    group haproxy
    no insecure-fork-wanted
`,
    );
    expectHaproxy("HA043", "global\n    chroot /var/lib/haproxy\n    uid 99\n    gid 99\n");
    expectHaproxy("HA043", "backend app\n    server a 10.0.0.1:80\n");
  });

  it("advises on a missing chroot and a missing user in one finding, once for several global sections", () => {
    const found = expectHaproxy("HA043", "«global»\n    log stdout local0\nglobal\n    maxconn 1000\n");
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      [
        "info",
        "no 'chroot': a compromised process can read the whole file system; no 'user' or 'uid': haproxy keeps the identity it was started with, root under most init systems",
      ],
    ]);
    expect(expectHaproxy("HA043", "«global»\n    user haproxy\n")[0]!.message).toBe("no 'chroot': a compromised process can read the whole file system");
  });

  it("warns about root and explains the insecure-* switches", () => {
    const found = expectHaproxy(
      "HA043",
      `global
    chroot /var/lib/haproxy
    user «root»
    uid «0»
    «insecure-fork-wanted»
    «insecure-setuid-wanted»
`,
    );
    expect(found.map((p) => p.severity)).toEqual(["warning", "warning", "info", "info"]);
    expect(found[0]!.message).toBe("'user root' keeps haproxy running as root after it has opened its sockets");
  });
});

describe("HA043 options", () => {
  it("drops the chroot and user advice when told to", () => {
    expectHaproxy("HA043", "global\n    log stdout local0\n", { rules: { HA043: ["warning", { chroot: false, user: false }] } });
    expectHaproxy("HA043", "«global»\n    log stdout local0\n", { rules: { "process-security": ["warning", { chroot: false }] } });
  });
});

describe("HA043 process-security: insecure-fork-wanted for external checks", () => {
  it("does not question insecure-fork-wanted when a proxy runs external checks, which need it", () => {
    const text = "global\n    chroot /var/empty\n    user haproxy\n    external-check\n    insecure-fork-wanted\n\nbackend b\n    option external-check\n    external-check command /bin/true\n    server s 10.0.0.1:80 check\n";
    expect(lintText("haproxy", text).filter((p) => p.ruleId === "HA043")).toEqual([]);
    expect(lintText("haproxy", text.replace("    option external-check\n", "")).filter((p) => p.ruleId === "HA043").length).toBe(1);
  });
});

describe("HA043 suggestions", () => {
  const suggested = (text: string) => {
    const found = lintText("haproxy", text).filter((p) => p.ruleId === "HA043");
    return found.flatMap((p) => p.suggestions ?? []).map((s) => [s.description, applyEdits(text, s.edits)]);
  };

  it("offers the packaged chroot and user after the global header, indented as its lines", () => {
    const text = "global\n\tlog stdout local0\n\tgroup haproxy\n";
    expect(suggested(text)).toEqual([
      ["add 'chroot /var/lib/haproxy'", "global\n\tchroot /var/lib/haproxy\n\tlog stdout local0\n\tgroup haproxy\n"],
      ["add 'user haproxy'", "global\n\tuser haproxy\n\tlog stdout local0\n\tgroup haproxy\n"],
    ]);
  });

  it("adds user and group together, in the file's line breaks, also to an empty global at the end of a file", () => {
    expect(suggested("global\r\n    chroot /x\r\n")).toEqual([["add 'user haproxy' and 'group haproxy'", "global\r\n    user haproxy\r\n    group haproxy\r\n    chroot /x\r\n"]]);
    expect(suggested("global")).toEqual([
      ["add 'chroot /var/lib/haproxy'", "global\n    chroot /var/lib/haproxy\n"],
      ["add 'user haproxy' and 'group haproxy'", "global\n    user haproxy\n    group haproxy\n"],
    ]);
  });
});
