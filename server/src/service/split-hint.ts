// The editor's side of a haproxy configuration split over several files (lint/split-configuration.ts
// says which files may be one). A user opening conf.d/backends.cfg alone sees "undefined backend"
// errors; where a sibling file (or the haproxy.cfg of the directory above) defines the name, the
// finding points at that definition, and a quick fix adds the files to `haproxyConfigs` in
// lblint.config.json, after which the editor reads them as one configuration, as the CLI does.
import type { RelatedLocation } from "../lint/rule.js";
import type { Problem } from "../lint/report.js";
import { byteOrder, isReferenceError, splitCandidates } from "../lint/split-configuration.js";
import type { FileSystem } from "../workspace/fs.js";
import type { FileSource } from "../workspace/loader.js";
import { basenameUri, dirnameUri, relativeUri, resolveUri } from "../workspace/uri.js";
import { loadSet } from "./haproxy-sets.js";
import { nameIndex } from "./names.js";
import type { Project } from "./project.js";

/** Subdirectories of a haproxy.cfg's directory looked into, at most (conf.d/, haproxy.d/…). */
const MAX_SUBDIRECTORIES = 32;

export interface SplitHint {
  /** What haproxy would be given, in order: the main file's URI, then the directory's (`-f haproxy.cfg -f conf.d/`). */
  readonly parts: readonly string[];
  /** The directory the parts are named from: the main file's, or the one above the directory. */
  readonly base: string;
  /** How haproxy would be started to read them so (`haproxy -f conf.d/`). */
  readonly command: string;
  /** The files read as one configuration, in haproxy's order. */
  readonly files: readonly string[];
  /** The file's undefined-name findings that a file of the set explains, with the definitions. */
  readonly explained: ReadonlyMap<Problem, readonly RelatedLocation[]>;
}

/** The `.cfg` files of a directory (URIs), in haproxy's order. */
async function cfgFiles(fs: FileSystem, directory: string): Promise<string[]> {
  const names = (await fs.readDirectory(directory).catch(() => [] as string[])).filter((name) => name.endsWith(".cfg") && !name.startsWith(".")).sort(byteOrder);
  const files: string[] = [];
  for (const name of names) {
    const uri = resolveUri(directory, name);
    if ((await fs.stat(uri))?.type === "file") files.push(uri);
  }
  return files;
}

/** The `.cfg` files of the directories a file may be read with: its own, the one above, and under a haproxy.cfg its subdirectories. */
async function nearbyFiles(fs: FileSystem, uri: string): Promise<Map<string, string[]>> {
  const directory = dirnameUri(uri);
  const byDirectory = new Map<string, string[]>([[directory, await cfgFiles(fs, directory)]]);
  const parent = dirnameUri(directory);
  if (parent !== directory && (await fs.stat(resolveUri(parent, "haproxy.cfg")))?.type === "file") byDirectory.set(parent, [resolveUri(parent, "haproxy.cfg")]);
  if (basenameUri(uri) === "haproxy.cfg") {
    const names = (await fs.readDirectory(directory).catch(() => [] as string[])).filter((name) => !name.startsWith(".")).sort(byteOrder);
    let looked = 0;
    for (const name of names) {
      const inside = resolveUri(directory, name);
      if (looked >= MAX_SUBDIRECTORIES || (await fs.stat(inside))?.type !== "directory") continue;
      looked++;
      const files = await cfgFiles(fs, inside);
      if (files.length > 0) byDirectory.set(inside, files);
    }
  }
  return byDirectory;
}

/** Where each undefined name of `uri` that another file of the set defines is defined. */
function definitionsElsewhere(project: Project, uri: string, problems: readonly Problem[], base: string, command: string): Map<Problem, RelatedLocation[]> {
  const index = nameIndex(project);
  const explained = new Map<Problem, RelatedLocation[]>();
  for (const problem of problems) {
    const start = problem.range.start.offset;
    const end = problem.range.end.offset;
    const named = index.inFile(uri).find((site) => !site.definition && site.start < Math.max(end, start + 1) && site.end >= start);
    if (!named) continue;
    const definitions = index.definitions(named.key).filter((site) => site.uri !== uri);
    if (definitions.length === 0) continue;
    explained.set(
      problem,
      definitions.map((site) => ({
        uri: site.uri,
        range: site.range,
        message: `${site.what} '${site.name}' is defined in ${relativeUri(base, site.uri)}, read with this file when haproxy is started with '${command}'`,
      })),
    );
  }
  return explained;
}

/**
 * For a haproxy file checked on its own: the set of files it may be read with that defines the most
 * of its undefined names, or undefined when none does.
 */
export async function findSplitHint(fs: FileSystem, project: Project, problems: readonly Problem[], source: FileSource): Promise<SplitHint | undefined> {
  const uri = project.root;
  if (project.format !== "haproxy" || project.loaded.files.size !== 1 || !uri.startsWith("file:") || !uri.endsWith(".cfg")) return undefined;
  const undefinedNames = problems.filter(isReferenceError);
  if (undefinedNames.length === 0) return undefined;
  const candidates = splitCandidates(await nearbyFiles(fs, uri), dirnameUri, (file) => basenameUri(file) === "haproxy.cfg").filter(
    (candidate) => candidate.main === uri || candidate.group.includes(uri),
  );
  let best: SplitHint | undefined;
  for (const { main, directory, group } of candidates) {
    const files = [...new Set([...(main ? [main] : []), ...group])];
    const parts = [...(main ? [main] : []), directory];
    const base = dirnameUri(main ?? directory);
    const command = `haproxy ${parts.map((part) => `-f ${part === main ? relativeUri(base, part) : `${relativeUri(base, part)}/`}`).join(" ")}`;
    const together: Project = { root: files[0]!, format: "haproxy", loaded: await loadSet(files, source), config: project.config };
    const explained = definitionsElsewhere(together, uri, undefinedNames, base, command);
    if (explained.size > (best?.explained.size ?? 0)) best = { parts, base, files, command, explained };
  }
  return best;
}

/**
 * The problems of a configuration, where it is a haproxy file checked alone whose undefined names a
 * nearby file defines: those findings point at the definitions, and `split` says which they are.
 */
export async function explainSplit(
  fs: FileSystem,
  project: Project,
  problems: Map<string, Problem[]>,
  source: FileSource,
): Promise<{ problems: Map<string, Problem[]>; split?: { hint: SplitHint; problems: ReadonlySet<Problem> } }> {
  const own = problems.get(project.root);
  if (!own) return { problems };
  const hint = await findSplitHint(fs, project, own, source).catch(() => undefined);
  if (!hint) return { problems };
  const marked = new Set<Problem>();
  const explained = own.map((problem) => {
    const related = hint.explained.get(problem);
    if (!related) return problem;
    const withRelated: Problem = { ...problem, related: [...(problem.related ?? []), ...related] };
    marked.add(withRelated);
    return withRelated;
  });
  return { problems: new Map(problems).set(project.root, explained), split: { hint, problems: marked } };
}
