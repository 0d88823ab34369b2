/** The global `--backend auto|node-gpu|node|wasm|cpu` (or CCH_BACKEND): read it, pick it, say which. */
import type { BackendInfo } from '@cch-lab/core';
import type { Command } from 'commander';
import type { Io } from '../io.js';

/** The global --backend as the subcommand `command` sees it (undefined when not given). */
export function globalBackend(command: Command): string | undefined {
  return command.optsWithGlobals<{ backend?: string }>().backend;
}

/**
 * Picks the tensor backend from `--backend` / CCH_BACKEND, says which one on stderr, and makes it
 * ready: on wasm the trainers' kernels (registered here, not at the first training, so a neural
 * estimator in `cch mi` runs on the same kernels as in a sweep: the same numbers, 2.5× faster).
 */
export async function selectBackend(requested: string | undefined, io: Io): Promise<BackendInfo> {
  const { chooseBackend } = await import('@cch-lab/core');
  const info = await chooseBackend({ requested, env: io.env });
  io.reporter.info(`backend: ${info.name} (${info.reason})`);
  if (info.name === 'wasm') (await import('@cch-lab/trainers')).prepareTrainingBackend();
  return info;
}
