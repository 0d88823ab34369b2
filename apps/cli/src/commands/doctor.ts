/**
 * `cch doctor` — what this machine can run: Node, cores, memory, the tensor backend chosen and
 * why, which optional packages loaded, and which real data sets are present.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { BackendProbe } from '@cch-lab/core';
import type { Command } from 'commander';
import { printJson, type Io } from '../io.js';
import { globalBackend } from '../options/backend.js';
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
  native: NativeStatus;
  dataDir: string;
  datasets: { name: string; title: string; usedBy: string; present: boolean; layout?: string; path?: string; lookedFor: string[]; fetch: string }[];
  reportsDir: string;
}

/** Whether a native TensorFlow backend (tfjs-node-gpu / tfjs-node) loads, and how to get one. */
export interface NativeStatus {
  available: boolean;
  /** The package in use, or the one to install. */
  package: string;
  /** Set when scripts/setup-native.mjs linked the package: its cache and TensorFlow wheel. */
  linked?: NativeLink;
  /** Builds of tfjs-node that `npm run setup:native` keeps in its cache (folder names). */
  cachedBuilds: string[];
  /** The doctor's one line. */
  line: string;
}

/** `, oneDNN on|off (why)` as the load decided it; without the stderr helper, how to get it. */
function oneDnnNote(probe: BackendProbe): string {
  if (probe.oneDnn === undefined) return '';
  const why =
    probe.oneDnnBy === 'TF_ENABLE_ONEDNN_OPTS'
      ? 'TF_ENABLE_ONEDNN_OPTS'
      : probe.oneDnnBy === 'default (stderr helper present)'
        ? "the default with setup:native's stderr helper"
        : 'the default without the stderr helper; `npm run setup:native -- --link-only` builds it';
  return `, oneDNN ${probe.oneDnn ? 'on' : 'off'} (${why})`;
}

/** The marker scripts/setup-native.mjs writes into the package it links. */
export interface NativeLink {
  cache: string;
  tfVersion: string;
  wheel?: string;
}

/**
 * The doctor's native-backend line: whether tfjs-node(-gpu) loads and, when not, how to enable it
 * (npm run setup:native builds it from the TensorFlow wheel; --link-only relinks after npm ci).
 */
export function nativeBackendStatus(
  backends: readonly BackendProbe[],
  found: { linked?: NativeLink; cachedBuilds?: string[] } = {},
): NativeStatus {
  const gpu = backends.find((b) => b.name === 'node-gpu');
  const cpu = backends.find((b) => b.name === 'node');
  const cachedBuilds = found.cachedBuilds ?? [];
  const via = found.linked
    ? `, TensorFlow ${found.linked.tfVersion}${found.linked.wheel ? ` from ${found.linked.wheel}` : ''}, linked by npm run setup:native`
    : '';
  if (gpu?.available) {
    return { available: true, package: gpu.package, linked: found.linked, cachedBuilds, line: `native backend: available — ${gpu.package} (CUDA${via}${oneDnnNote(gpu)})` };
  }
  if (cpu?.available) {
    // auto takes wasm before it (core's AUTO_BACKEND_ORDER), so say how to use it.
    const use = '; auto takes wasm first (the same numbers on every machine; native\'s repeat per machine and thread count): --backend node or CCH_BACKEND=node uses it (faster for CNNs)';
    return { available: true, package: cpu.package, linked: found.linked, cachedBuilds, line: `native backend: available — ${cpu.package} (libtensorflow${via}${oneDnnNote(cpu)})${use}` };
  }
  const pkg = cpu?.package ?? '@tensorflow/tfjs-node';
  let line: string;
  if (cpu !== undefined && cpu.error !== undefined && cpu.error !== 'not installed') {
    line = `native backend: not available — ${pkg} is installed but does not load (${cpu.error}); rebuild it with \`npm run setup:native -- --force\``;
  } else if (cachedBuilds.some((b) => b.startsWith('tfjs-node-') && !b.startsWith('tfjs-node-gpu-'))) {
    line = `native backend: not available — ${pkg} is not installed, but a build is cached (${cachedBuilds.join(', ')}): relink it with \`npm run setup:native -- --link-only\` (seconds, no download)`;
  } else {
    line = `native backend: not available — ${pkg} is not installed; enable it with \`npm run setup:native\` (builds it once from the TensorFlow wheel pip can fetch; no libtensorflow download)`;
  }
  return { available: false, package: pkg, cachedBuilds, line };
}

/** The marker of a package linked by scripts/setup-native.mjs, if that is how it got there. */
function readNativeLink(pkg: string): NativeLink | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve(`${pkg}/package.json`);
    const marker = JSON.parse(readFileSync(path.join(path.dirname(manifest), '.cch-native.json'), 'utf8')) as NativeLink;
    return typeof marker.tfVersion === 'string' ? marker : undefined;
  } catch {
    return undefined;
  }
}

/** Folders of finished builds in setup-native's cache (CCH_NATIVE_CACHE or ${XDG_CACHE_HOME:-~/.cache}/cch-lab/native). */
export function nativeCacheBuilds(env: Record<string, string | undefined>): string[] {
  const root = env.CCH_NATIVE_CACHE
    ? path.resolve(env.CCH_NATIVE_CACHE)
    : path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'cch-lab', 'native');
  try {
    return readdirSync(root)
      .filter((d) => d.startsWith('tfjs-node') && existsSync(path.join(root, d, 'manifest.json')))
      .sort();
  } catch {
    return [];
  }
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
  const inUse = backends.find((b) => (b.name === 'node-gpu' || b.name === 'node') && b.available);
  const native = nativeBackendStatus(backends, {
    linked: inUse ? readNativeLink(inUse.package) : undefined,
    cachedBuilds: nativeCacheBuilds(io.env),
  });
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
    native,
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
  lines.push(r.native.line);
  lines.push(`data sets in ${r.dataDir}:`);
  for (const d of r.datasets) {
    lines.push(`  ${d.present ? 'ok ' : '-- '} ${d.title.padEnd(18)} ${d.present ? `${d.layout} layout: ${d.path}` : `missing (see ${d.fetch}); used by ${d.usedBy}`}`);
  }
  lines.push('  experiments without their real data run on the embedded or simulated stand-ins, labelled as such in every report');
  lines.push(`reports: ${r.reportsDir}`);
  io.stdout(`${lines.join('\n')}\n`);
}
