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
import { lintSiteFiles } from "../site/harness.js";

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

/** A site rule's example: every fenced block tagged with a language and a path (`keepalived lb1/etc/keepalived/keepalived.conf`). */
function siteExample(page: string, heading: string): Record<string, string> | undefined {
  const body = section(page, heading);
  if (!body) return undefined;
  const files: Record<string, string> = {};
  for (const match of body.matchAll(/```\w+ (\S+)\n([\s\S]*?)```/g)) files[match[1]!] = match[2]!;
  return Object.keys(files).length > 0 ? files : undefined;
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
      expect(rule.meta.id).toMatch(rule.meta.product === "haproxy" ? /^HA\d{3}$/ : rule.meta.product === "keepalived" ? /^KA\d{3}$/ : /^[SX]\d{3}$/);
      expect(rule.meta.alias).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
    for (const product of ["haproxy", "keepalived", "site"]) {
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

      if (product === "site") {
        it("reports its bad example site and not its good one", async () => {
          const bad = siteExample(page, "Bad");
          const good = siteExample(page, "Good");
          expect(bad).toBeDefined();
          expect(good).toBeDefined();
          expect((await lintSiteFiles(bad!)).filter((p) => p.ruleId === id).length).toBeGreaterThan(0);
          expect((await lintSiteFiles(good!)).filter((p) => p.ruleId === id).map((p) => p.message)).toEqual([]);
        });

        it("says that no native checker looks across hosts", () => {
          expect(section(page, "What the native checker does")).toMatch(/no native checker looks across hosts/i);
        });
        return;
      }

      const single = product;
      it("reports its bad example and not its good one", () => {
        const bad = example(page, "Bad", single);
        const good = example(page, "Good", single);
        expect(bad).toBeDefined();
        expect(good).toBeDefined();
        // A page may name the configuration its examples need: "Checked with `lblint.config.json`: `{…}`".
        const configText = /Checked with `lblint\.config\.json`: `(\{.*\})`/.exec(page)?.[1];
        const config = configText ? (JSON.parse(configText) as ConfigFile) : undefined;
        expect(lintText(single, bad!, config).filter((p) => p.ruleId === id).length).toBeGreaterThan(0);
        expect(lintText(single, good!, config).filter((p) => p.ruleId === id)).toEqual([]);
      });

      it.runIf(installed(single))("states what the native checker really does with the bad example", () => {
        const native = section(page, "What the native checker does")!;
        const command = single === "haproxy" ? "haproxy -c" : "keepalived -t";
        const stated = new RegExp("`" + command + "` exits (\\d+)").exec(native);
        expect(stated, `the section must say "\`${command}\` exits N"`).not.toBeNull();
        expect(nativeExit(single, example(page, "Bad", single)!)).toBe(Number(stated![1]));
      });
    });
  }
});
