// Every rule has a docs page, a test file and examples that do what the page says: the bad example
// is reported by the rule, the good one is not, and where the daemon is installed, the "What the
// native checker does" section states its real exit code on the bad example.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ConfigFile } from "../../server/src/lint/config.js";
import { RULES } from "../../server/src/lint/registry.js";
import { lintText } from "./harness.js";

const root = join(import.meta.dirname, "..", "..");
const docsDir = join(root, "docs", "rules");

function section(page: string, heading: string): string | undefined {
  const start = page.indexOf(`\n## ${heading}\n`);
  if (start < 0) return undefined;
  const rest = page.slice(start + heading.length + 5);
  const end = rest.indexOf("\n## ");
  return end < 0 ? rest : rest.slice(0, end);
}

function example(page: string, heading: string, language: string): string | undefined {
  const body = section(page, heading);
  const match = body && new RegExp("```" + language + "\\n([\\s\\S]*?)```").exec(body);
  return match?.[1];
}

function installed(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
}

function nativeExit(language: "haproxy" | "keepalived", text: string): number | null {
  const dir = mkdtempSync(join(tmpdir(), "lblint-docs-"));
  const file = join(dir, language === "haproxy" ? "haproxy.cfg" : "keepalived.conf");
  writeFileSync(file, text);
  const args = language === "haproxy" ? ["-c", "-f", file] : ["-t", "-f", file];
  return spawnSync(language, args, { cwd: dir, encoding: "utf8", timeout: 20_000 }).status;
}

describe("rule documentation", () => {
  const pages = existsSync(docsDir) ? readdirSync(docsDir).filter((name) => name.endsWith(".md") && name !== "README.md") : [];

  it("has one page per rule and no page without a rule", () => {
    expect(pages.map((name) => name.slice(0, -3)).sort()).toEqual(RULES.map((rule) => rule.meta.id).sort());
  });

  it("gives every rule a stable, unique id and alias within its product", () => {
    const ids = RULES.map((rule) => rule.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.meta.id).toMatch(rule.meta.product === "haproxy" ? /^HA\d{3}$/ : /^KA\d{3}$/);
      expect(rule.meta.alias).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
    for (const product of ["haproxy", "keepalived"]) {
      const aliases = RULES.filter((rule) => rule.meta.product === product).map((rule) => rule.meta.alias);
      expect(new Set(aliases).size).toBe(aliases.length);
    }
  });

  for (const rule of RULES) {
    const { id, alias, product, description } = rule.meta;
    describe(`${id} ${alias}`, () => {
      const path = join(docsDir, `${id}.md`);
      const page = existsSync(path) ? readFileSync(path, "utf8") : "";

      it("has a page with its title, description and every section", () => {
        expect(page.startsWith(`# ${id} ${alias}\n\n${description}\n`)).toBe(true);
        for (const heading of ["What it catches", "Why it matters", "Bad", "Good", "What the native checker does", "Fix"]) {
          expect(section(page, heading), heading).toBeTruthy();
        }
        expect(page).toMatch(/Official documentation: \[/);
      });

      it("has a test file", () => {
        expect(existsSync(join(root, "test", "rules", `${id}.test.ts`))).toBe(true);
      });

      it("reports its bad example and not its good one", () => {
        const bad = example(page, "Bad", product);
        const good = example(page, "Good", product);
        expect(bad).toBeDefined();
        expect(good).toBeDefined();
        // A page may name the configuration its examples need: "Checked with `lblint.config.json`: `{…}`".
        const configText = /Checked with `lblint\.config\.json`: `(\{.*\})`/.exec(page)?.[1];
        const config = configText ? (JSON.parse(configText) as ConfigFile) : undefined;
        expect(lintText(product, bad!, config).filter((p) => p.ruleId === id).length).toBeGreaterThan(0);
        expect(lintText(product, good!, config).filter((p) => p.ruleId === id)).toEqual([]);
      });

      it.runIf(installed(product))("states what the native checker really does with the bad example", () => {
        const native = section(page, "What the native checker does")!;
        const command = product === "haproxy" ? "haproxy -c" : "keepalived -t";
        const stated = new RegExp("`" + command + "` exits (\\d+)").exec(native);
        expect(stated, `the section must say "\`${command}\` exits N"`).not.toBeNull();
        expect(nativeExit(product, example(page, "Bad", product)!)).toBe(Number(stated![1]));
      });
    });
  }
});
