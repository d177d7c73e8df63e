import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const cli = join(import.meta.dirname, "..", "dist", "cli.js");

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [cli, "--format", "json", ...args], { encoding: "utf8", cwd, env: { ...process.env, NO_COLOR: "1" } });
  const ruleIds = (JSON.parse(result.stdout) as { messages: { ruleId: string }[] }[]).flatMap((file) => file.messages.map((m) => m.ruleId));
  return { code: result.status, ruleIds, stderr: result.stderr };
}

/** A directory `conf.d` under a fresh one, holding these files. */
function confD(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "lblint-split-"));
  mkdirSync(join(root, "conf.d"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, "conf.d", name), text);
  return root;
}

const DEFAULTS = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n";

describe("a haproxy configuration split over a directory", () => {
  const split = confD({
    "00-defaults.cfg": DEFAULTS,
    "10-frontend.cfg": "frontend www\n    bind :8080\n    use_backend api if { path_beg /api }\n    default_backend app\n",
    "20-backends.cfg": "backend app\n    server a 10.0.0.1:80\nbackend api\n    server b 10.0.0.2:80\n",
  });

  it("is linted file by file, with a note on stderr saying how to lint it as one configuration", () => {
    const result = run(split, "conf.d");
    expect(result.ruleIds.filter((id) => id === "HA010")).toHaveLength(2);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `lblint: note: 2 undefined-name errors in conf.d/ go away when its 3 .cfg files are read as one configuration (as 'haproxy -f conf.d/' reads them); if haproxy loads them that way, lint them with --haproxy-config conf.d/ or "haproxyConfigs" in lblint.config.json\n`,
    );
  });

  it("names the working directory ./, and the same holds for files given one by one", () => {
    const inside = join(split, "conf.d");
    const result = run(inside, "00-defaults.cfg", "10-frontend.cfg", "20-backends.cfg");
    expect(result.stderr).toContain("in ./ go away when its 3 .cfg files are read as one configuration (as 'haproxy -f ./' reads them)");
  });

  it("is clean, without the note, when linted as one configuration", () => {
    const result = run(split, "--haproxy-config", "conf.d");
    expect(result.ruleIds).not.toContain("HA010");
    expect(result.stderr).toBe("");
  });

  it("joins the haproxy.cfg of the directory above, as packaged services start haproxy", () => {
    const root = confD({ "app.cfg": "backend app\n    server a 10.0.0.1:80\n" });
    writeFileSync(join(root, "haproxy.cfg"), `${DEFAULTS}frontend www\n    bind :8080\n    default_backend app\n`);
    const result = run(root, ".");
    expect(result.ruleIds).toContain("HA010");
    expect(result.stderr).toBe(
      `lblint: note: 1 undefined-name error in haproxy.cfg and conf.d/ goes away when haproxy.cfg and the .cfg file of conf.d/ are read as one configuration (as 'haproxy -f haproxy.cfg -f conf.d/' reads them); if haproxy loads them that way, lint them with --haproxy-config haproxy.cfg --haproxy-config conf.d/ or "haproxyConfigs" in lblint.config.json\n`,
    );
    expect(run(root, "--haproxy-config", "haproxy.cfg", "--haproxy-config", "conf.d").ruleIds).not.toContain("HA010");
  });

  it("gets no note when reading the files together would not define the missing names", () => {
    const apart = confD({
      "a.cfg": `${DEFAULTS}frontend a\n    bind :8081\n    default_backend missing\n`,
      "b.cfg": `${DEFAULTS}frontend b\n    bind :8082\n    default_backend absent\n`,
    });
    const result = run(apart, "conf.d");
    expect(result.ruleIds.filter((id) => id === "HA010")).toHaveLength(2);
    expect(result.stderr).toBe("");
  });
});
