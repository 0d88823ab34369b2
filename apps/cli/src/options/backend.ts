/** The global `--backend auto|node-gpu|node|wasm|cpu` (or CCH_BACKEND): read it, pick it, say which. */
import type { BackendInfo } from '@cch-lab/core';
import type { Command } from 'commander';
import type { Io } from '../io.js';

/** The global --backend as the subcommand `command` sees it (undefined when not given). */
export function globalBackend(command: Command): string | undefined {
  return command.optsWithGlobals<{ backend?: string }>().backend;
}

/** Picks the tensor backend from `--backend` / CCH_BACKEND and says which one on stderr. */
export async function selectBackend(requested: string | undefined, io: Io): Promise<BackendInfo> {
  const { chooseBackend } = await import('@cch-lab/core');
  const info = await chooseBackend({ requested, env: io.env });
  io.reporter.info(`backend: ${info.name} (${info.reason})`);
  return info;
}
