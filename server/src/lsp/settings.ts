// Editor settings (`lblint.*`): read from the client on start and whenever they change, from
// `initializationOptions.settings` for clients that cannot be asked.
import { DidChangeConfigurationNotification, type InitializeParams } from "vscode-languageserver/node.js";
import type { EditorSettings } from "../service/language-service.js";
import { guardedNotification, type ServerContext } from "./context.js";
import type { DiagnosticsScheduler } from "./diagnostics.js";

function clean(raw: unknown): EditorSettings {
  if (typeof raw !== "object" || raw === null) return {};
  const value = raw as Record<string, unknown>;
  const text = (key: string) => (typeof value[key] === "string" && (value[key] as string).trim() !== "" ? (value[key] as string).trim() : undefined);
  const rules = typeof value.rules === "object" && value.rules !== null && !Array.isArray(value.rules) ? (value.rules as EditorSettings["rules"]) : undefined;
  return {
    ...(text("configFile") ? { configFile: text("configFile") } : {}),
    ...(text("haproxyVersion") ? { haproxyVersion: text("haproxyVersion") } : {}),
    ...(text("keepalivedVersion") ? { keepalivedVersion: text("keepalivedVersion") } : {}),
    ...(rules ? { rules } : {}),
  };
}

export function registerSettings(context: ServerContext, diagnostics: DiagnosticsScheduler, init: InitializeParams): { afterInitialized(): Promise<void> } {
  const { connection, service } = context;
  const canAsk = () => context.clientCapabilities.workspace?.configuration === true;
  const apply = (settings: EditorSettings) => {
    const problem = service.configure(settings);
    if (problem) {
      context.log(problem.message);
      void connection.window.showWarningMessage(`lblint: ${problem.message}`);
    }
    // Every open document is checked again under the new settings.
    diagnostics.refreshAll();
  };
  const fetch = async () => {
    if (!canAsk()) return;
    const [settings] = (await connection.workspace.getConfiguration([{ section: "lblint" }])) as unknown[];
    apply(clean(settings));
  };
  const fromInit = (init.initializationOptions as { settings?: unknown } | undefined)?.settings;
  if (fromInit !== undefined) service.configure(clean(fromInit));

  connection.onDidChangeConfiguration(
    guardedNotification(context, "didChangeConfiguration", async ({ settings }: { settings: unknown }) => {
      if (canAsk()) await fetch();
      else apply(clean((settings as { lblint?: unknown } | undefined)?.lblint ?? settings));
    }),
  );
  return {
    async afterInitialized() {
      if (!canAsk()) return;
      if (context.clientCapabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: "lblint" }).catch(() => undefined);
      }
      await fetch().catch((error: unknown) => context.log(`reading settings failed: ${String(error)}`));
    },
  };
}
