// Diagnostics on open and on change. Clients that can pull diagnostics (VS Code) ask for them per
// document; the others get them pushed. Either way a change is checked once: the service caches the
// problems of a configuration per state of the workspace, and queued changes are coalesced so a
// burst of keystrokes costs one check.
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
} from "vscode-languageserver/node.js";
import { configurationDiagnostics, toDiagnostics } from "../service/diagnostics.js";
import type { ConfigStatus } from "../service/language-service.js";
import { guarded, type ServerContext } from "./context.js";

/** Sent when the state the status bar shows changes: the config file is broken, or fine again. */
export const STATUS_NOTIFICATION = "lblint/status";
export interface StatusParams {
  readonly state: "ok" | "configError";
  readonly message?: string;
  readonly uri?: string;
}

/** How long a change waits before it is checked (see schedule()). */
const CHECK_DELAY_MS = 12;

export class DiagnosticsScheduler {
  private readonly pending = new Set<string>();
  private scheduled = false;
  /** Files this server published diagnostics for, per configuration root, to clear them later. */
  private readonly published = new Map<string, Set<string>>();
  private lastStatus = "";
  private lastErrors: readonly ConfigStatus[] = [];

  constructor(
    private readonly context: ServerContext,
    readonly pull: boolean,
  ) {}

  /** A document changed: check it soon (push), or tell a pulling client that others may have changed. */
  schedule(uri: string): void {
    if (this.pull) {
      // Another open file of the same configuration may now read differently (a renamed vrrp_script).
      if (this.context.clientCapabilities.workspace?.diagnostics?.refreshSupport && this.context.service.documents.size > 1) {
        this.pendingRefresh();
      }
      return;
    }
    this.pending.add(uri);
    if (this.scheduled) return;
    this.scheduled = true;
    // A short pause first: the messages of the same keystroke (more changes, the completion or
    // hover request an editor sends with it) are answered before the check, and a burst of
    // changes is checked once.
    setTimeout(() => void this.flush(), CHECK_DELAY_MS);
  }

  private refreshTimer: NodeJS.Timeout | undefined;
  private pendingRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.context.connection.languages.diagnostics.refresh(), 200);
  }

  private siteFiles = new Set<string>();

  /** The site findings in sysctl, firewall and network files, which no configuration holds. */
  publishSiteFiles(): void {
    const findings = this.context.service.siteFileFindings();
    for (const [uri, problems] of findings) this.context.connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(problems) });
    for (const uri of this.siteFiles) if (!findings.has(uri)) this.context.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.siteFiles = new Set(findings.keys());
  }

  /** Every open document may read differently now (a configuration found, settings changed). */
  refreshAll(): void {
    if (this.pull) {
      if (this.context.clientCapabilities.workspace?.diagnostics?.refreshSupport) this.context.connection.languages.diagnostics.refresh();
      return;
    }
    for (const uri of this.context.service.documents.keys()) this.schedule(uri);
  }

  closed(uri: string): void {
    this.pending.delete(uri);
    if (this.pull) return;
    // A closed file's own findings go; those of its configuration stay while the root is open.
    const root = this.context.service.rootOf(uri);
    if (root === uri || !this.context.service.document(root)) {
      for (const file of this.published.get(root) ?? [uri]) this.context.connection.sendDiagnostics({ uri: file, diagnostics: [] });
      this.published.delete(root);
    }
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const roots = new Set<string>();
    for (const uri of this.pending) if (this.context.service.document(uri)) roots.add(this.context.service.rootOf(uri));
    const uris = [...this.pending];
    this.pending.clear();
    for (const root of roots) {
      const uri = uris.find((candidate) => this.context.service.rootOf(candidate) === root) ?? root;
      try {
        await this.publish(uri);
      } catch (error) {
        this.context.log(`diagnostics for ${uri} failed: ${(error as Error)?.stack ?? String(error)}`);
      }
    }
  }

  private async publish(uri: string): Promise<void> {
    const service = this.context.service;
    const byUri = await configurationDiagnostics(service, uri);
    const root = service.rootOf(uri);
    const previous = this.published.get(root) ?? new Set<string>();
    for (const [file, diagnostics] of byUri) {
      const document = service.document(file);
      this.context.connection.sendDiagnostics({ uri: file, diagnostics, ...(document ? { version: document.version } : {}) });
      previous.delete(file);
    }
    for (const gone of previous) this.context.connection.sendDiagnostics({ uri: gone, diagnostics: [] });
    this.published.set(root, new Set(byUri.keys()));
    this.sendStatus();
  }

  /** The pull request handler: the document's diagnostics, computed once per state of the workspace. */
  register(): void {
    if (!this.pull) return;
    this.context.connection.languages.diagnostics.on(
      guarded(this.context, "diagnostics", async (params: DocumentDiagnosticParams): Promise<DocumentDiagnosticReport> => {
        const uri = params.textDocument.uri;
        if (!this.context.service.document(uri)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
        const byUri = await configurationDiagnostics(this.context.service, uri);
        this.sendStatus();
        return { kind: DocumentDiagnosticReportKind.Full, items: byUri.get(uri) ?? [] };
      }),
    );
  }

  /** Tells the client about a broken config file (once per change of state), with a diagnostic on the file. */
  private sendStatus(): void {
    const errors = [...this.context.service.configErrors.values()];
    const key = JSON.stringify(errors);
    if (key === this.lastStatus) return;
    // Config files that were broken and are not any more lose their diagnostic.
    for (const old of this.lastErrors) {
      if (!errors.some((error) => error.uri === old.uri) && old.uri.startsWith("file:")) this.context.connection.sendDiagnostics({ uri: old.uri, diagnostics: [] });
    }
    this.lastStatus = key;
    this.lastErrors = errors;
    for (const error of errors) {
      // The place the error names (a key, a JSON syntax error), else the file's start.
      const at = error.at ? { line: error.at.line - 1, character: error.at.column - 1 } : { line: 0, character: 0 };
      const diagnostic: Diagnostic = {
        range: { start: at, end: at },
        severity: DiagnosticSeverity.Error,
        source: "lblint",
        message: error.detail ?? error.message,
      };
      if (error.uri.startsWith("file:")) this.context.connection.sendDiagnostics({ uri: error.uri, diagnostics: [diagnostic] });
    }
    const first = errors[0];
    const params: StatusParams = first ? { state: "configError", message: first.message, uri: first.uri } : { state: "ok" };
    void this.context.connection.sendNotification(STATUS_NOTIFICATION, params);
  }
}
