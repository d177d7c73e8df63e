// What every LSP handler gets: the connection, the language service, what the client can do, and a
// guard that keeps one failing request from taking the server down.
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type ClientCapabilities, type Connection } from "vscode-languageserver/node.js";
import type { LanguageService } from "../service/language-service.js";

export interface ServerContext {
  readonly connection: Connection;
  readonly service: LanguageService;
  clientCapabilities: ClientCapabilities;
  /** Logs a failure in the server's output without stopping it. */
  log(message: string): void;
}

/** Thrown by handlers that notice their request was cancelled. */
export function cancelled(): ResponseError<never> {
  return new ResponseError<never>(LSPErrorCodes.RequestCancelled, "request cancelled");
}

/**
 * Wraps a request handler: a cancelled request gets the cancellation error, an exception becomes an
 * error response (logged with its stack), and the server goes on serving.
 */
export function guarded<P, R>(
  context: ServerContext,
  name: string,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<never>> {
  return async (params, token) => {
    if (token.isCancellationRequested) return cancelled();
    try {
      const result = await handler(params, token);
      return token.isCancellationRequested ? cancelled() : result;
    } catch (error) {
      if (error instanceof ResponseError) return error as ResponseError<never>;
      context.log(`${name} failed: ${(error as Error)?.stack ?? String(error)}`);
      return new ResponseError<never>(ErrorCodes.InternalError, `lblint: ${name} failed: ${(error as Error)?.message ?? String(error)}`);
    }
  };
}

/** Wraps a notification handler: an exception is logged, never thrown into the connection. */
export function guardedNotification<P>(context: ServerContext, name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    try {
      const result = handler(params);
      if (result instanceof Promise) result.catch((error: unknown) => context.log(`${name} failed: ${(error as Error)?.stack ?? String(error)}`));
    } catch (error) {
      context.log(`${name} failed: ${(error as Error)?.stack ?? String(error)}`);
    }
  };
}
