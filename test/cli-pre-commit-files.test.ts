// The pre-commit hook's `files` pattern (.pre-commit-hooks.yaml) takes the names lblint recognises,
// templates of them included, and leaves other files alone. pre-commit reads it as a Python regular
// expression; this one means the same in JavaScript once its `(?i)` becomes the `i` flag.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatFromPath } from "../server/src/workspace/detect.js";

const hooks = readFileSync(join(import.meta.dirname, "..", ".pre-commit-hooks.yaml"), "utf8");
const source = /^ {2}files: \(\?i\)(.*)$/m.exec(hooks)![1]!;
const files = new RegExp(source, "i");

describe("the pre-commit hook's files pattern", () => {
  const taken = [
    "haproxy.cfg",
    "etc/haproxy/haproxy.cfg",
    "conf/haproxy-prod.cfg",
    "lb1.haproxy.cfg",
    "haproxy/conf.d/10-app.cfg",
    "keepalived.conf",
    "etc/keepalived/keepalived.conf",
    "keepalived/conf.d/vip.conf",
    "roles/lb/templates/haproxy.cfg.j2",
    "roles/lb/templates/keepalived.conf.j2",
    "templates/default/haproxy.cfg.erb",
    "haproxy.cfg.tmpl",
    "keepalived.conf.jinja2",
  ];
  const left = ["README.md", "nginx.conf", "haproxy.cfg.bak", "haproxy.md", "roles/lb/templates/nginx.conf.j2", "docs/haproxy.txt"];

  it("takes configurations and their templates, each a file lblint reads as its language", () => {
    for (const path of taken) {
      expect(files.test(path), path).toBe(true);
      expect(formatFromPath(path), path).toBeDefined();
    }
  });

  it("leaves other files alone", () => {
    for (const path of left) expect(files.test(path), path).toBe(false);
  });
});

describe("the formatting hook's files pattern", () => {
  const fmtSource = /- id: lblint-fmt\n(?:.*\n)*? {2}files: \(\?i\)(.*)$/m.exec(hooks)![1]!;
  const formatted = new RegExp(fmtSource, "i");

  it("takes the configurations the lint hook takes, but not templates, whose expressions formatting could not see into", () => {
    expect(fmtSource).not.toBe(source);
    for (const path of ["haproxy.cfg", "etc/haproxy/haproxy.cfg", "lb1.haproxy.cfg", "keepalived/conf.d/vip.conf"]) expect(formatted.test(path), path).toBe(true);
    for (const path of ["roles/lb/templates/haproxy.cfg.j2", "templates/default/haproxy.cfg.erb", "haproxy.cfg.tmpl", "README.md"]) expect(formatted.test(path), path).toBe(false);
  });
});
