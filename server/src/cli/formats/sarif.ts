// SARIF 2.1.0, the format GitHub code scanning (and other dashboards) import: one run, the rules that
// were reported with their metadata, documentation and help links, and one result per problem with
// its location, related locations and fix. Columns are UTF-16 code units, as lblint counts them.
// Paths under the working directory are relative to %SRCROOT%, which is the working directory.
import { isAbsolute, relative } from "node:path";
import type { FileReport, Problem } from "../../lint/report.js";
import { findRules } from "../../lint/registry.js";
import type { Range } from "../../../../grammars/common/text.js";
import { pathToUri, uriToPath } from "../../workspace/uri.js";
import { ruleDocsUrl, rulePage, SYNTAX_DOCS_URL } from "../rules-info.js";
import type { FormatContext } from "./index.js";
import { fingerprints } from "./fingerprint.js";
import { relativePath } from "./shown.js";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;
const INFORMATION_URI = "https://www.npmjs.com/package/lblint";

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

function artifact(path: string, cwd: string): ArtifactLocation {
  if (!isAbsolute(path)) return { uri: encodeURI(path.split("\\").join("/")) };
  const rel = relative(cwd, path);
  if (rel !== "" && !rel.startsWith("..") && !isAbsolute(rel)) return { uri: encodeURI(rel.split("\\").join("/")).replace(/[?#]/g, encodeURIComponent), uriBaseId: "%SRCROOT%" };
  return { uri: pathToUri(path) };
}

function region(range: Range) {
  return { startLine: range.start.line + 1, startColumn: range.start.column + 1, endLine: range.end.line + 1, endColumn: range.end.column + 1 };
}

interface Descriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  helpUri: string;
  help?: { text: string; markdown: string };
  defaultConfiguration: { level: "error" | "warning" | "note" };
  properties: Record<string, unknown>;
}

function descriptor(ruleId: string): Descriptor {
  if (ruleId === "syntax") {
    return {
      id: "syntax",
      name: "syntax",
      shortDescription: { text: "The daemon reads the text differently from how it looks, or refuses it" },
      helpUri: SYNTAX_DOCS_URL,
      defaultConfiguration: { level: "error" },
      properties: { category: "syntax", tags: ["syntax"] },
    };
  }
  const rule = findRules(ruleId)[0];
  if (!rule) {
    return {
      id: ruleId,
      name: ruleId,
      shortDescription: { text: ruleId === "unused-suppression" ? "A suppression comment that suppresses nothing" : ruleId },
      helpUri: SYNTAX_DOCS_URL.replace("syntax.md", "configuration.md"),
      defaultConfiguration: { level: "warning" },
      properties: {},
    };
  }
  const { meta } = rule;
  const page = rulePage(meta.id);
  return {
    id: meta.id,
    name: meta.alias,
    shortDescription: { text: meta.description },
    helpUri: ruleDocsUrl(meta.id),
    ...(page ? { help: { text: meta.description, markdown: page } } : {}),
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { product: meta.product, category: meta.category, fixable: meta.fixable, native: meta.native, tags: [meta.product, meta.category] },
  };
}

export function formatSarif(reports: readonly FileReport[], context: FormatContext): string {
  const rules: Descriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const indexOf = (ruleId: string) => {
    let index = ruleIndex.get(ruleId);
    if (index === undefined) {
      index = rules.push(descriptor(ruleId)) - 1;
      ruleIndex.set(ruleId, index);
    }
    return index;
  };
  // GitHub code scanning follows an alert across commits by its fingerprints; this one does not change when lines move.
  const prints = fingerprints(reports, (report) => relativePath(report.path, context.cwd));
  const results = reports.flatMap((report) =>
    report.problems.map((problem) => ({
      ...result(problem, artifact(report.path, context.cwd), indexOf(problem.ruleId), context.cwd),
      partialFingerprints: { "lblintFingerprint/v1": prints.get(problem)! },
    })),
  );
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "lblint", version: context.version, semanticVersion: context.version, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { "%SRCROOT%": { uri: pathToUri(context.cwd.endsWith("/") ? context.cwd : `${context.cwd}/`) } },
        columnKind: "utf16CodeUnits",
        invocations: [{ executionSuccessful: true }],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}

function result(problem: Problem, location: ArtifactLocation, ruleIndex: number, cwd: string) {
  const ruleId = problem.ruleId;
  const text = problem.ruleId === "syntax" ? `${problem.message} (${problem.code})` : problem.message;
  return {
    ruleId,
    ruleIndex,
    level: LEVEL[problem.severity],
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(problem.range) } }],
    ...(problem.related?.length
      ? {
          relatedLocations: problem.related.map((related, id) => ({
            id,
            message: { text: related.message },
            physicalLocation: { artifactLocation: artifact(uriToPath(related.uri), cwd), region: region(related.range) },
          })),
        }
      : {}),
    ...(problem.fix
      ? {
          fixes: [
            {
              description: { text: problem.fix.description },
              artifactChanges: [
                {
                  artifactLocation: location,
                  replacements: problem.fix.edits.map((edit) => ({
                    deletedRegion: { charOffset: edit.start, charLength: edit.end - edit.start },
                    insertedContent: { text: edit.newText },
                  })),
                },
              ],
            },
          ],
        }
      : {}),
    properties: { code: problem.code },
  };
}
