/**
 * `cch doctor` — what this machine can run: Node, cores, memory, the tensor backend chosen and
 * why, which optional packages loaded, and which real data sets are present.
 */
import os from 'node:os';
import path from 'node:path';
import type { BackendProbe } from '@cch-lab/core';
import type { Command } from 'commander';
import { printJson, type Io } from '../io.js';
import { globalBackend } from '../options/index.js';
import { resolveDataDir, resolveReportsDir } from '../paths.js';
import { cliVersion } from '../version.js';

export interface DoctorResult {
  cchLab: string;
  node: string;
  platform: string;
  cores: number;
  memoryGiB: number;
  backend: { name: string; reason: string; requested: string; tfjs: string } | { error: string };
  backends: BackendProbe[];
  optionalPackages: Record<string, boolean>;
  dataDir: string;
  datasets: { name: string; title: string; usedBy: string; present: boolean; layout?: string; path?: string; lookedFor: string[]; fetch: string }[];
  reportsDir: string;
}

export function registerDoctor(program: Command, io: Io): void {
  program
    .command('doctor')
    .description('check this machine: Node, cores, the tensor backend and why, optional packages, data sets present')
    .option('--data <dir>', 'where real data sets live (env CCH_DATA_DIR; default ./data)')
    .option('--json', 'print one JSON object on stdout')
    .action(async (options: { data?: string; json?: boolean }, command: Command) => {
      const backend = globalBackend(command);
      const result = await runDoctor({ data: options.data, backend }, io);
      if (options.json) printJson(io, result);
      else printDoctor(result, io);
    });
}

export async function runDoctor(options: { data?: string; backend?: string }, io: Io): Promise<DoctorResult> {
  const { chooseBackend, probeAllBackends } = await import('@cch-lab/core');
  let backend: DoctorResult['backend'];
  try {
    const info = await chooseBackend({ requested: options.backend, env: io.env });
    backend = { name: info.name, reason: info.reason, requested: info.requested, tfjs: info.tfjsVersion };
  } catch (error) {
    backend = { error: (error as Error).message };
  }
  const backends = await probeAllBackends();
  const optionalPackages = Object.fromEntries(
    backends.filter((b) => b.name === 'node' || b.name === 'node-gpu').map((b) => [b.package, b.available]),
  );
  const dataDir = resolveDataDir(options.data, io.env, io.cwd);
  // One catalog for the loaders and for this list (packages/data's DATASET_CATALOG).
  const { findDatasets } = await import('@cch-lab/data');
  const datasets = findDatasets(dataDir).map((d) => ({
    name: d.name,
    title: d.entry.title,
    usedBy: d.entry.usedBy,
    present: d.present,
    ...(d.layout !== undefined ? { layout: d.layout, path: d.path } : {}),
    lookedFor: d.lookedFor,
    fetch: d.entry.fetch,
  }));
  return {
    cchLab: cliVersion(),
    node: process.versions.node,
    platform: `${process.platform} ${process.arch}`,
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    backend,
    backends,
    optionalPackages,
    dataDir,
    datasets,
    reportsDir: resolveReportsDir(undefined, io.env, io.cwd),
  };
}

function printDoctor(r: DoctorResult, io: Io): void {
  const lines: string[] = [];
  lines.push(`cch-lab ${r.cchLab} on Node ${r.node} (${r.platform}), ${r.cores} cores, ${r.memoryGiB} GiB`);
  if ('error' in r.backend) lines.push(`backend: unavailable — ${r.backend.error}`);
  else lines.push(`backend: ${r.backend.name} — ${r.backend.reason} (tfjs ${r.backend.tfjs})`);
  for (const b of r.backends) {
    lines.push(`  ${b.available ? 'ok ' : '-- '} ${b.name.padEnd(9)} ${b.package}${b.available ? '' : `: ${b.error ?? 'unavailable'}`}`);
  }
  if (Object.values(r.optionalPackages).every((v) => !v)) {
    lines.push('  (on a machine with a network: `npm i @tensorflow/tfjs-node`, or `@tensorflow/tfjs-node-gpu` with CUDA, for faster training)');
  }
  lines.push(`data sets in ${r.dataDir}:`);
  for (const d of r.datasets) {
    lines.push(`  ${d.present ? 'ok ' : '-- '} ${d.title.padEnd(18)} ${d.present ? `${d.layout} layout: ${d.path}` : `missing (see ${d.fetch}); used by ${d.usedBy}`}`);
  }
  lines.push('  experiments without their real data run on the embedded or simulated stand-ins, labelled as such in every report');
  lines.push(`reports: ${r.reportsDir}`);
  io.stdout(`${lines.join('\n')}\n`);
}
