// The state behind every editor feature: the open documents (parsed incrementally), the file system
// seen through them, the lblint.config.json of each file, and which configuration each file belongs
// to (a keepalived file included by another is checked as part of that one, as the CLI does).
// No transport here: the LSP layer and the tests drive it alike.
import { ConfigError, defaultConfig, findConfigFile, loadConfigFile, resolveConfig, type ResolvedConfig, type RuleSetting } from "../lint/config.js";
import { configForFile } from "../lint/config-overrides.js";
import { inTurns, lintLoadedSteps } from "../lint/lint.js";
import type { Problem } from "../lint/report.js";
import { detectFormat, formatFromPath, type Format } from "../workspace/detect.js";
import { OverlayFileSystem, type FileSystem } from "../workspace/fs.js";
import { pathToUri, uriToPath } from "../workspace/uri.js";
import { ServiceDocument, type ContentChange } from "./document.js";
import { findRoots } from "./discover.js";
import { findSites, siteFindings } from "./site.js";
import { SITE_FILE } from "../site/load.js";
import { haproxySetOf, loadSet } from "./haproxy-sets.js";
import { HaproxyLinter } from "./incremental-lint-haproxy.js";
import { TURN_MS } from "./incremental-lint.js";
import { explainSplit, type SplitHint } from "./split-hint.js";
import { splitConfigurationAction, type SplitAction } from "./split-action.js";
import { KeepalivedLinter } from "./incremental-lint-keepalived.js";
import type { KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import { loadProject, type Project } from "./project.js";
import { FileCache } from "./file-cache.js";
import type { HaproxyParseResult } from "../../../grammars/haproxy/parse.js";

/** What an editor's settings may set; a project's lblint.config.json is applied over them. */
export interface EditorSettings {
  /** A config file to use for every document instead of looking one up (a path or a file URI). */
  readonly configFile?: string;
  readonly haproxyVersion?: string;
  readonly keepalivedVersion?: string;
  readonly rules?: Readonly<Record<string, RuleSetting>>;
}

/** A configuration problem to show the user (the status bar, a diagnostic on the config file). */
export interface ConfigStatus {
  readonly uri: string;
  readonly message: string;
  /** The message without the file's name, for a diagnostic on the config file itself. */
  readonly detail?: string;
  /** Where in the config file, 1-based, when known. */
  readonly at?: { readonly line: number; readonly column: number };
}

/** A project and the lint results of it, computed once per state of its files. */
interface CachedProject {
  readonly stamp: number;
  readonly project: Promise<Project>;
  problems?: Promise<Map<string, Problem[]>>;
  /** For a haproxy file checked alone: the files that define its undefined names, and the findings that say so. */
  split?: { readonly hint: SplitHint; readonly problems: ReadonlySet<Problem> };
}

export class LanguageService {
  readonly documents = new Map<string, ServiceDocument>();
  readonly fs: FileSystem;
  private readonly overlays = new Map<string, string>();
  private settings: EditorSettings = {};
  private base: ResolvedConfig = defaultConfig();
  private readonly configs = new Map<string, Promise<{ config: ResolvedConfig; error?: ConfigStatus }>>();
  /** Included file → the root that includes it, learned from the configurations loaded so far. */
  private readonly owners = new Map<string, string>();
  private readonly projects = new Map<string, CachedProject>();
  /** Incremental checkers of open haproxy files: a keystroke re-checks only the proxies it touched. */
  private readonly linters = new Map<string, HaproxyLinter | KeepalivedLinter>();
  /** Bumped by every change that can alter a configuration: edits, opens, closes, files on disk. */
  private stamp = 0;
  readonly configErrors = new Map<string, ConfigStatus>();
  /** Configurations found in the workspace folders (keepalived.conf, haproxy.cfg). */
  private readonly workspaceRoots: string[] = [];
  /** Workspace folders that are sites, and the site rules' last findings there. */
  private sites: string[] = [];
  private site: { stamp: number; findings: Map<string, Problem[]>; daemonFiles: Set<string>; running: Promise<void> | undefined } = {
    stamp: -1,
    findings: new Map(),
    daemonFiles: new Set(),
    running: undefined,
  };
  /** Called when the site findings changed after a background check: the editor shows them again. */
  onSiteFindings: (() => void) | undefined;

  /** Files the editor does not hold, parsed once per state on disk. */
  readonly files: FileCache;
  /** The format of closed roots, judged once from their path and text. */
  private readonly closedFormats = new Map<string, Format>();

  constructor(disk: FileSystem) {
    this.fs = new OverlayFileSystem(this.overlays, disk);
    this.files = new FileCache(this.fs, (uri) => this.documents.get(uri));
  }

  /** Applies editor settings; a bad value is reported like a config file error and otherwise ignored. */
  configure(settings: EditorSettings): ConfigStatus | undefined {
    this.settings = settings;
    this.invalidate(true);
    const raw: Record<string, unknown> = {};
    if (settings.haproxyVersion) raw.haproxyVersion = settings.haproxyVersion;
    if (settings.keepalivedVersion) raw.keepalivedVersion = settings.keepalivedVersion;
    if (settings.rules && Object.keys(settings.rules).length > 0) raw.rules = settings.rules;
    try {
      this.base = resolveConfig(raw, "editor settings");
      return undefined;
    } catch (error) {
      this.base = defaultConfig();
      return { uri: "settings:lblint", message: (error as Error).message };
    }
  }

  open(uri: string, format: Format, text: string, version: number): ServiceDocument {
    const document = new ServiceDocument(uri, format, text, version);
    this.documents.set(uri, document);
    this.overlays.set(uri, text);
    this.invalidate(false);
    return document;
  }

  change(uri: string, changes: readonly ContentChange[], version: number): ServiceDocument | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    document.update(changes, version);
    this.overlays.set(uri, document.text);
    this.invalidate(false);
    return document;
  }

  close(uri: string): void {
    this.documents.delete(uri);
    this.linters.delete(uri);
    this.overlays.delete(uri);
    this.invalidate(false);
  }

  /** Files changed on disk (the editor's file watcher): config files are read again. */
  filesChanged(uris: readonly string[]): void {
    this.files.forget(uris);
    for (const uri of uris) this.closedFormats.delete(uri);
    this.invalidate(uris.some((uri) => /(^|\/)(lblint\.config\.json|\.lblintrc\.json)$/.test(uri)));
  }

  private invalidate(configs: boolean): void {
    this.stamp++;
    if (configs) {
      this.configs.clear();
      this.configErrors.clear();
    }
  }

  /** The settings that apply to a file: editor settings, then the nearest lblint.config.json over them. */
  async configFor(uri: string): Promise<{ config: ResolvedConfig; error?: ConfigStatus }> {
    const explicit = this.settings.configFile;
    const source = explicit ? (explicit.includes(":") && !/^[A-Za-z]:/.test(explicit) ? explicit : pathToUri(explicit)) : await findConfigFile(this.fs, uri).catch(() => undefined);
    const key = source ?? "";
    let found = this.configs.get(key);
    if (!found) {
      found = (source ? loadConfigFile(this.fs, source, this.base) : Promise.resolve(this.base)).then(
        (config) => ({ config }),
        (error: unknown) => {
          // A broken config file must not stop checking: fall back to the editor's settings and say so.
          const status: ConfigStatus =
            error instanceof ConfigError
              ? { uri: source!, message: error.message, detail: error.detail, ...(error.at ? { at: error.at } : {}) }
              : { uri: source!, message: String(error) };
          this.configErrors.set(source!, status);
          return { config: this.base, error: status };
        },
      );
      this.configs.set(key, found);
    }
    const { config, error } = await found;
    return { config: configForFile(config, uri), ...(error ? { error } : {}) };
  }

  /** The root of the configuration a file belongs to: the file that includes it, or itself. */
  rootOf(uri: string): string {
    return this.owners.get(uri) ?? uri;
  }

  /** The configuration a file belongs to, loaded at most once per state of the workspace. */
  async project(uri: string): Promise<Project> {
    const project = await this.cached(this.rootOf(uri)).project;
    // Loading may have found that the file belongs to another configuration (a haproxy set).
    return project.root === this.rootOf(uri) ? project : this.cached(this.rootOf(uri)).project;
  }

  private cached(root: string): CachedProject {
    const existing = this.projects.get(root);
    if (existing && existing.stamp === this.stamp) return existing;
    const entry: CachedProject = { stamp: this.stamp, project: this.load(root) };
    this.projects.set(root, entry);
    return entry;
  }

  private async load(root: string): Promise<Project> {
    const document = this.documents.get(root);
    const format = document?.format ?? (await this.formatOfClosed(root));
    const { config } = await this.configFor(root);
    const set = format === "haproxy" ? await haproxySetOf(this.fs, root, config) : undefined;
    if (set) {
      // A file of a haproxy set belongs to the set's first file, which holds the set's findings.
      for (const uri of set) {
        this.owners.set(uri, set[0]!);
        this.closedFormats.set(uri, "haproxy");
      }
      const loaded = await loadSet(set, this.files.source);
      return { root: set[0]!, format, loaded, config };
    }
    const loaded = await loadProject(this.fs, root, format, document?.parsed, this.files.source);
    for (const uri of loaded.files.keys()) if (uri !== root && !this.owners.has(uri)) this.owners.set(uri, root);
    // A file that no longer belongs to this root is its own configuration again.
    for (const [uri, owner] of this.owners) if (owner === root && !loaded.files.has(uri)) this.owners.delete(uri);
    return { root, format, loaded, config };
  }

  private async formatOfClosed(uri: string): Promise<Format> {
    const known = this.closedFormats.get(uri);
    if (known) return known;
    // A root that includes other files is a keepalived.conf (the files of a haproxy set are known above).
    let format: Format | undefined;
    for (const [included, owner] of this.owners) if (owner === uri && included !== uri) format = "keepalived";
    format ??= detectFormat(uriToPath(uri), await this.fs.readFile(uri).catch(() => "")) ?? "keepalived";
    this.closedFormats.set(uri, format);
    return format;
  }

  /**
   * Loads the keepalived configurations found under the workspace folders, so that the files they
   * include are known to belong to them. Returns the open documents whose configuration changed.
   */
  async discover(folders: readonly string[]): Promise<string[]> {
    this.sites = await findSites(this.fs, folders);
    const roots = await findRoots(this.fs, folders);
    this.workspaceRoots.push(...roots.filter((root) => !this.workspaceRoots.includes(root)));
    const before = new Map([...this.documents.keys()].map((uri) => [uri, this.rootOf(uri)]));
    for (const root of roots) if (formatFromPath(uriToPath(root)) === "keepalived") await this.project(root).catch(() => undefined);
    return [...before].filter(([uri, root]) => this.rootOf(uri) !== root).map(([uri]) => uri);
  }

  /** The configurations of a product in the workspace: those found by discover() and the open ones. */
  async projectsOf(format: Format): Promise<Project[]> {
    const roots = new Set<string>();
    for (const [uri, document] of this.documents) if (document.format === format) roots.add(this.rootOf(uri));
    for (const root of this.workspaceRoots) if (formatFromPath(uriToPath(root)) === format) roots.add(this.rootOf(root));
    const projects: Project[] = [];
    for (const root of roots) {
      const project = await this.project(root).catch(() => undefined);
      if (project && project.format === format) projects.push(project);
    }
    return projects;
  }

  /**
   * The problems of the configuration a file belongs to, per file: the same rules, config file and
   * suppressions as the CLI. Computed once per state of the workspace. `split` holds the findings
   * of a haproxy file checked alone that a nearby file explains (split-hint.ts).
   */
  async problems(uri: string): Promise<{ project: Project; problems: Map<string, Problem[]>; split?: ReadonlySet<Problem> }> {
    // Loading may find that the file belongs to another configuration (a haproxy set): then that
    // one's. Twice at most: two configurations that each say the file is the other's must not
    // send this round for ever.
    let entry = this.cached(this.rootOf(uri));
    let project = await entry.project;
    for (let retries = 2; project.root !== this.rootOf(uri) && retries > 0; retries--) {
      entry = this.cached(this.rootOf(uri));
      project = await entry.project;
    }
    entry.problems ??= this.lint(project, this.siteNow()).then((problems) => this.explainSplit(entry, project, problems));
    return { project, problems: await entry.problems, ...(entry.split ? { split: entry.split.problems } : {}) };
  }

  private async explainSplit(entry: CachedProject, project: Project, problems: Map<string, Problem[]>): Promise<Map<string, Problem[]>> {
    const explained = await explainSplit(this.fs, project, problems, this.files.source);
    if (explained.split) entry.split = explained.split;
    return explained.problems;
  }

  /** The quick fix that reads a split configuration as one (split-action.ts), for a file with a split hint. */
  async splitAction(uri: string, canCreateFiles: boolean): Promise<SplitAction | undefined> {
    await this.problems(uri);
    const entry = this.cached(this.rootOf(uri));
    if (!entry.split) return undefined;
    // The settings of the file asking: once they name the set, the file is read with it.
    const { config } = await this.configFor(uri);
    const source = config.source?.includes(":") ? config.source : undefined;
    return splitConfigurationAction(this.fs, entry.split.hint, source, canCreateFiles);
  }

  /**
   * The site findings as last computed; when the workspace changed since, a new check starts in the
   * background and onSiteFindings is called when it brings something new.
   */
  private siteNow(): ReadonlyMap<string, readonly Problem[]> | undefined {
    if (this.sites.length === 0) return undefined;
    if (this.site.stamp !== this.stamp && !this.site.running) {
      const stamp = this.stamp;
      this.site.running = this.siteFindingsWithFiles().then(
        ({ findings, daemonFiles }) => {
          const changed = JSON.stringify([...findings]) !== JSON.stringify([...this.site.findings]);
          this.site = { stamp, findings, daemonFiles, running: undefined };
          if (changed) {
            for (const entry of this.projects.values()) entry.problems = undefined;
            this.onSiteFindings?.();
          }
        },
        () => {
          this.site = { ...this.site, stamp, running: undefined };
        },
      );
    }
    return this.site.findings;
  }

  /** The site rules' findings now (waits for a fresh check). */
  async siteFindings(): Promise<Map<string, Problem[]>> {
    return (await this.siteFindingsWithFiles()).findings;
  }

  private siteFindingsWithFiles() {
    return siteFindings(this.fs, this.sites, async (site) => (await this.configFor(`${site}/${SITE_FILE}`)).config);
  }

  /** The last site findings in files that are no haproxy or keepalived configuration (sysctl, firewall, network files). */
  siteFileFindings(): Map<string, Problem[]> {
    const found = new Map<string, Problem[]>();
    for (const [uri, problems] of this.site.findings) if (!this.site.daemonFiles.has(uri)) found.set(uri, problems);
    return found;
  }

  /** Waits for the background site check, if one is running (for tests). */
  async siteSettled(): Promise<void> {
    while (this.site.running) await this.site.running;
  }

  private async lint(project: Project, extra: ReadonlyMap<string, readonly Problem[]> | undefined): Promise<Map<string, Problem[]>> {
    const root = project.loaded.files.get(project.root);
    // A file on its own, open in the editor, is checked incrementally (same findings as lintLoaded).
    const alone = project.loaded.files.size === 1 && project.loaded.includes.length === 0 && root && this.documents.has(project.root);
    if (alone && project.loaded.diagnostics.get(project.root)?.every((d) => d.code !== "binary-file")) {
      let linter = this.linters.get(project.root);
      if (!linter) {
        linter = project.format === "haproxy" ? new HaproxyLinter(project.root) : new KeepalivedLinter(project.root);
        this.linters.set(project.root, linter);
      }
      // In turns: the first check of a big file does not hold up the requests that come in meanwhile.
      const problems = await (linter instanceof HaproxyLinter
        ? linter.lintInTurns(root.parse as HaproxyParseResult, project.config, extra?.get(project.root))
        : (linter as KeepalivedLinter).lintInTurns(root.parse as KeepalivedParseResult, project.config, extra?.get(project.root)));
      return new Map([[project.root, problems]]);
    }
    // A configuration of several files is checked whole, in turns too.
    return inTurns(lintLoadedSteps(project.loaded, project.config, extra), TURN_MS);
  }

  /** The open document, or undefined. */
  document(uri: string): ServiceDocument | undefined {
    return this.documents.get(uri);
  }
}
