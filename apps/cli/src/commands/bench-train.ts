/**
 * `cch bench train [--json]` — seconds per training epoch of the MLP 784-256-10 and the small CNN
 * on each available tensor backend: the trainers package's lean loop against a naive Keras-style
 * model.fit on the same data and backend, timed in the same command.
 */
import type { BenchRow } from '@cch-lab/trainers';
import type { Command } from 'commander';
import { printJson, type Io } from '../io.js';
import { globalBackend } from '../options/backend.js';
import { benchGroup } from './bench-group.js';

export interface BenchTrainCommandOptions {
  /** Comma-separated backends; default the global --backend when it names one, else every one that loads. */
  backends?: string;
  /** Comma-separated models: mlp, cnn. Default both. */
  models?: string;
  /** Rows of random data. Default 10 000. */
  samples?: string | number;
  /** Default 128. */
  batchSize?: string | number;
  /** Timed epochs after the warm-up epoch. Default 1. */
  epochs?: string | number;
  /** Seconds one timing may take before it is extrapolated from a few steps. Default 90. */
  budget?: string | number;
  /** Time the model.fit baseline. Default true. */
  baseline?: boolean;
  /** The global --backend (or CCH_BACKEND through io.env). */
  backend?: string;
  /** Seed of the random data. Default 1. */
  seed?: string | number;
  /** Also time the PyTorch-CPU reference (scripts/bench-train-pytorch.py) with this Python (true: CCH_PYTHON or python3). */
  pytorch?: string | boolean;
}

/** A row with the PyTorch-CPU reference beside it, when it was timed. */
export type BenchTrainRow = BenchRow & { pytorch_seconds?: number | null; vs_pytorch?: number | null };

export function registerBenchTrain(program: Command, io: Io): void {
  const bench = benchGroup(program);
  bench
    .command('train')
    .description('seconds per training epoch (MLP 784-256-10 and a small CNN, 10 000 samples, batch 128, Adam) per backend, lean loop vs model.fit')
    .option('--backends <list>', 'comma-separated: node-gpu,node,wasm,cpu (default: --backend if given, else every one that loads)')
    .option('--models <list>', 'comma-separated: mlp,cnn', 'mlp,cnn')
    .option('--samples <n>', 'rows of random data', '10000')
    .option('--batch-size <n>', 'rows per step', '128')
    .option('--epochs <n>', 'timed epochs (after one untimed warm-up epoch; the median is reported)', '1')
    .option('--budget <seconds>', 'longest a timing may run before it is extrapolated from a few steps', '90')
    .option('--no-baseline', 'skip the model.fit baseline')
    .option('--seed <n>', 'seed of the random data', '1')
    .option('--pytorch [python]', 'also time the same networks in PyTorch on the CPU (scripts/bench-train-pytorch.py; needs torch) with this Python (default CCH_PYTHON or python3); adds the ratio to it')
    .option('--json', 'print one JSON object ({ rows: [{ model, backend, epoch_seconds, … }] }) on stdout')
    .addHelpText(
      'after',
      `
The baseline is tf.LayersModel.fit with tfjs's stock kernels (on wasm plus the Conv2DBackpropFilter
replacement, without which no CNN trains there). Rows over the budget (the cpu CNN: minutes per
epoch) are extrapolated from a few timed steps and say so.

Examples:
  $ cch bench train
  $ cch bench train --backends wasm --models cnn --json`,
    )
    .action(async (options: BenchTrainCommandOptions & { json?: boolean }, command: Command) => {
      const backend = globalBackend(command);
      const rows = await runBenchTrain({ ...options, backend }, io);
      if (options.json) printJson(io, { rows });
      else printBenchTrain(rows, options, io);
    });
}

/** Runs the benchmark and returns its rows (one per model and backend). */
export async function runBenchTrain(options: BenchTrainCommandOptions, io: Io): Promise<BenchTrainRow[]> {
  const { UsageError, createRng, parseBackendRequest } = await import('@cch-lab/core');
  const toNumber = (value: string | number | undefined, flag: string): number | undefined => {
    if (value === undefined) return undefined;
    const n = typeof value === 'number' ? value : Number(value);
    // benchTrain checks the ranges; here only "is it a number at all", naming the flag.
    if (!Number.isFinite(n)) throw new UsageError(`${flag} must be a number (received ${String(value)})`, { details: { field: flag } });
    return n;
  };
  const { benchTrain } = await import('@cch-lab/trainers');
  const requested = options.backend ?? io.env.CCH_BACKEND;
  let backends = splitList(options.backends);
  if (backends === undefined && requested !== undefined && requested !== '' && parseBackendRequest(requested) !== 'auto') {
    backends = [parseBackendRequest(requested)];
  }
  const rows: BenchTrainRow[] = await benchTrain({
    backends,
    models: splitList(options.models),
    samples: toNumber(options.samples, '--samples'),
    batchSize: toNumber(options.batchSize, '--batch-size'),
    epochs: toNumber(options.epochs, '--epochs'),
    budgetSeconds: toNumber(options.budget, '--budget'),
    baseline: options.baseline !== false,
    rng: createRng(toNumber(options.seed, '--seed') ?? 1),
    reporter: io.reporter,
  });
  if (options.pytorch === undefined || options.pytorch === false) return rows;
  const python = typeof options.pytorch === 'string' ? options.pytorch : (io.env.CCH_PYTHON ?? 'python3');
  const reference = await pytorchReference(python, { samples: toNumber(options.samples, '--samples') ?? 10000, batchSize: toNumber(options.batchSize, '--batch-size') ?? 128, epochs: toNumber(options.epochs, '--epochs') ?? 1, models: [...new Set(rows.map((r) => r.model))] }, io);
  return rows.map((r) => {
    const seconds = reference?.get(r.model) ?? null;
    return { ...r, pytorch_seconds: seconds, vs_pytorch: seconds === null ? null : r.epoch_seconds / seconds };
  });
}

/**
 * Seconds per epoch of the same networks in PyTorch on the CPU, by model, timed now by
 * scripts/bench-train-pytorch.py; null (with a warning saying why) when Python or torch is missing.
 */
async function pytorchReference(python: string, o: { samples: number; batchSize: number; epochs: number; models: string[] }, io: Io): Promise<Map<string, number> | null> {
  const { spawnSync } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const script = fileURLToPath(new URL('../../../../scripts/bench-train-pytorch.py', import.meta.url));
  const args = [script, '--samples', String(o.samples), '--batch-size', String(o.batchSize), '--epochs', String(o.epochs), '--models', o.models.join(','), '--json'];
  io.reporter.info(`bench train: the PyTorch reference: ${python} ${args.join(' ')}`);
  const run = spawnSync(python, args, { encoding: 'utf8' });
  if (run.error !== undefined || run.status !== 0) {
    io.reporter.warn(`the PyTorch reference did not run (${run.error?.message ?? run.stderr.trim().split('\n').pop() ?? `exit ${run.status}`}); pass --pytorch PATH-TO-PYTHON with torch installed`);
    return null;
  }
  const parsed = JSON.parse(run.stdout) as { rows: { model: string; epoch_seconds: number; torch: string; threads: number }[] };
  for (const r of parsed.rows) io.reporter.info(`bench train: PyTorch ${r.torch} (${r.threads} threads) ${r.model}: ${r.epoch_seconds.toFixed(3)} s/epoch`);
  return new Map(parsed.rows.map((r) => [r.model, r.epoch_seconds]));
}

function printBenchTrain(rows: BenchTrainRow[], options: BenchTrainCommandOptions, io: Io): void {
  const withTorch = rows.some((r) => r.pytorch_seconds !== undefined);
  const header = ['model', 'backend', 'epoch s', 'model.fit s', 'speed-up', ...(withTorch ? ['PyTorch s', '× PyTorch'] : []), 'note'];
  const body = rows.map((r) => [
    r.model,
    r.backend,
    r.epoch_seconds.toPrecision(3),
    r.baseline_seconds === null ? '—' : r.baseline_seconds.toPrecision(3),
    r.speedup === null ? '—' : `${r.speedup.toFixed(1)}×`,
    ...(withTorch ? [r.pytorch_seconds == null ? '—' : r.pytorch_seconds.toPrecision(3), r.vs_pytorch == null ? '—' : `${r.vs_pytorch.toFixed(2)}×`] : []),
    r.note ?? '',
  ]);
  const widths = header.map((h, j) => Math.max(h.length, ...body.map((row) => row[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => c.padEnd(widths[j])).join('  ').trimEnd();
  const samples = options.samples ?? 10000;
  const batch = options.batchSize ?? 128;
  io.stdout(`${[line(header), ...body.map(line)].join('\n')}\n`);
  io.stdout(`per epoch of ${samples} random samples, batch ${batch}, Adam 1e-3; steady state (one warm-up epoch untimed)\n`);
}

function splitList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
