// --print-config FILE (the settings that apply to a file, as JSON) and --init (a starter
// lblint.config.json in the working directory, targeting the installed daemons when they answer).
import { spawnSync } from "node:child_process";
import { access, readdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { CONFIG_FILE_NAMES, DEFAULT_TARGETS } from "../lint/config.js";
import { RULES } from "../lint/registry.js";
import { HAPROXY_VERSIONS, KEEPALIVED_VERSIONS } from "../facts/types.js";
import { formatFromPath } from "../workspace/detect.js";
import type { FileSystem } from "../workspace/fs.js";
import { pathToUri, uriToPath } from "../workspace/uri.js";
import type { CliOptions } from "./args.js";
import { InputError } from "./errors.js";
import type { Io } from "./io.js";
import { ConfigResolver } from "./lint-files.js";
import { commandLineConfig } from "./options.js";

export async function printConfig(options: CliOptions, io: Io, fs: FileSystem): Promise<number> {
  const path = resolve(io.cwd, options.printConfig!);
  const adjust = commandLineConfig({ "haproxy-version": options.haproxyVersion, "keepalived-version": options.keepalivedVersion, rule: options.rules, "no-inline-config": options.noInlineConfig });
  const resolver = new ConfigResolver(fs, { configFile: options.config === undefined ? undefined : resolve(io.cwd, options.config), adjust });
  const config = await resolver.forFile(pathToUri(path));
  const language = options.language ?? formatFromPath(path);
  const rules: Record<string, unknown> = {};
  for (const rule of RULES) {
    if (language && rule.meta.product !== language) continue;
    const setting = config.rules.get(rule.meta.id);
    const severity = setting?.severity ?? rule.meta.severity;
    rules[rule.meta.id] = setting && Object.keys(setting.options).length > 0 ? [severity, setting.options] : severity;
  }
  const printed = {
    file: path,
    configFile: config.source === undefined ? null : uriToPath(config.source),
    language: language ?? null,
    haproxyVersion: config.targets.haproxy,
    keepalivedVersion: config.targets.keepalived,
    ignorePatterns: config.ignorePatterns,
    inlineConfig: config.inlineConfig,
    indent: config.indent ?? null,
    rules,
  };
  io.out(JSON.stringify(printed, null, 2) + "\n");
  return 0;
}

/** The minor release an installed daemon reports (`haproxy -v`, `keepalived -v`), if lblint knows it. */
function installedVersion(command: string, known: readonly string[]): string | undefined {
  const result = spawnSync(command, ["-v"], { encoding: "utf8", timeout: 3000 });
  if (result.error || result.status !== 0) return undefined;
  const minor = /(?:version|v)\s*(\d+\.\d+)/i.exec(`${result.stdout}${result.stderr}`)?.[1];
  return minor !== undefined && known.includes(minor) ? minor : undefined;
}

/**
 * A guess at how haproxy reads a split configuration kept in `dir`: the `*.d` subdirectories that
 * hold `.cfg` files (`conf.d/`, `haproxy.d/`), after `haproxy.cfg` when there is one, as packaged
 * haproxy services start it (`-f haproxy.cfg -f conf.d`). Undefined when there is nothing to join.
 */
async function splitHaproxyConfig(dir: string): Promise<string[] | undefined> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const parts: string[] = [];
  for (const entry of entries.filter((e) => e.isDirectory() && e.name.endsWith(".d")).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const inside = await readdir(join(dir, entry.name)).catch(() => [] as string[]);
    if (inside.some((name) => name.endsWith(".cfg") && !name.startsWith("."))) parts.push(entry.name);
  }
  if (parts.length === 0) return undefined;
  const main = entries.some((e) => e.isFile() && e.name === "haproxy.cfg");
  return main ? ["haproxy.cfg", ...parts] : parts;
}

export async function initConfig(_options: CliOptions, io: Io): Promise<number> {
  for (const name of CONFIG_FILE_NAMES) {
    const existing = join(io.cwd, name);
    if (await access(existing).then(() => true, () => false)) throw new InputError(`${existing} already exists; --init does not overwrite it`);
  }
  const haproxy = installedVersion("haproxy", HAPROXY_VERSIONS);
  const keepalived = installedVersion("keepalived", KEEPALIVED_VERSIONS);
  const split = await splitHaproxyConfig(io.cwd);
  // Where lblint is installed in the project, editors that read `$schema` check the file with it.
  const schema = "./node_modules/lblint/dist/lblint.config.schema.json";
  const local = await access(join(io.cwd, schema)).then(() => true, () => false);
  const starter = {
    ...(local ? { $schema: schema } : {}),
    haproxyVersion: haproxy ?? DEFAULT_TARGETS.haproxy,
    keepalivedVersion: keepalived ?? DEFAULT_TARGETS.keepalived,
    rules: {},
    ignorePatterns: [],
    ...(split ? { haproxyConfigs: [split] } : {}),
  };
  const path = join(io.cwd, CONFIG_FILE_NAMES[0]);
  try {
    await writeFile(path, JSON.stringify(starter, null, 2) + "\n", { flag: "wx" });
  } catch (error) {
    throw new InputError(`${path}: cannot write (${(error as { code?: string }).code ?? String(error)})`);
  }
  const found = [haproxy && `haproxy ${haproxy}`, keepalived && `keepalived ${keepalived}`].filter(Boolean);
  io.err(`lblint: wrote ${path}${found.length ? ` (targets ${found.join(" and ")}, as installed here)` : ""}\n`);
  if (split) io.err(`lblint: haproxyConfigs reads ${split.join(" + ")} as one haproxy configuration, as 'haproxy ${split.map((part) => `-f ${part}`).join(" ")}' would; change it if haproxy is started otherwise\n`);
  return 0;
}
