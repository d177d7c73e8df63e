import type { SpawnSyncReturns } from "node:child_process";

export function haproxyCheck(file: string, options?: { binary?: string; args?: string[]; timeout?: number; cwd?: string }): SpawnSyncReturns<string>;
