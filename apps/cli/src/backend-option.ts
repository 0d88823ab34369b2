/** Picks the tensor backend from `--backend` / CCH_BACKEND and says which one on stderr. */
import type { BackendInfo } from '@cch-lab/core';
import type { Io } from './io.js';

export async function selectBackend(requested: string | undefined, io: Io): Promise<BackendInfo> {
  const { chooseBackend } = await import('@cch-lab/core');
  const info = await chooseBackend({ requested, env: io.env });
  io.reporter.info(`backend: ${info.name} (${info.reason})`);
  return info;
}
