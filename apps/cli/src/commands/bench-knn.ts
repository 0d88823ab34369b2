/**
 * `cch bench knn` — times KSG-1 with the k-NN engine against an in-process naive brute force for
 * several sample sizes and joint dimensions, and prints seconds and ratios.
 */
import type { BenchKnnRow } from '@cch-lab/estimators';
import type { Command } from 'commander';
import { printJson, type Io } from '../io.js';
import { benchGroup } from './bench-group.js';

export interface BenchKnnCommandOptions {
  sizes?: string;
  dims?: string;
  workers?: number | string;
  baselineMax?: number | string;
  nullShuffles?: number | string;
  seed?: number | string;
}

export interface BenchKnnCommandResult {
  rows: BenchKnnRow[];
  workers: number | 'auto';
  /** What the issue measured with scipy's cKDTree KSG on this kind of machine, for comparison. */
  reference: { scipy_ckdtree_seconds: { n: number; dims: number; seconds: number }[] };
  note: string;
}

export function registerBenchKnn(program: Command, io: Io): void {
  const bench = benchGroup(program);
  bench
    .command('knn')
    .description('time KSG-1 with the k-NN engine against a naive O(n²) brute force KSG-1, same process, same data')
    .option('--sizes <list>', 'sample sizes, comma-separated', '1000,5000,10000')
    .option('--dims <list>', 'joint dimensions dx + dy, comma-separated', '2,16,40,200')
    .option('--workers <n>', 'worker threads for the engine (default: cores, at most 4)')
    .option('--baseline-max <n>', 'largest n the naive baseline runs on; above, it is timed on a subsample and scaled by (n/m)²', '5000')
    .option('--null-shuffles <n>', 'also time this many shuffle-null estimates per row and print seconds per 100 (0: none)', '0')
    .option('--seed <n>', 'seed of the benchmark data', '0')
    .option('--json', 'print one JSON object { rows: [...] } on stdout')
    .action(async (options: BenchKnnCommandOptions & { json?: boolean }) => {
      const result = await runBenchKnn(options, io);
      if (options.json) printJson(io, result);
      else printBench(result, io);
    });
}

export async function runBenchKnn(options: BenchKnnCommandOptions, io: Io): Promise<BenchKnnCommandResult> {
  const { benchKnn, closeKnnWorkers } = await import('@cch-lab/estimators');
  const { createRng } = await import('@cch-lab/core');
  const { parseEngineWorkers, parseIntegerOption } = await import('../options/index.js');
  const where = 'cch bench knn';
  const sizes = await parseList(options.sizes ?? '1000,5000,10000', '--sizes', 10);
  const dims = await parseList(options.dims ?? '2,16,40,200', '--dims', 2);
  const workers = parseEngineWorkers(options.workers, where);
  const baselineMaxN = parseIntegerOption(options.baselineMax ?? 5000, '--baseline-max', { min: 10 }, where);
  const nullShuffles = parseIntegerOption(options.nullShuffles ?? 0, '--null-shuffles', { min: 0, max: 10_000 }, where);
  const seed = parseIntegerOption(options.seed ?? 0, '--seed', { min: 0 }, where);
  try {
    const rows = await benchKnn({
      sizes,
      dims,
      rng: createRng(seed),
      baselineMaxN,
      nullShuffles,
      engine: workers === undefined ? {} : { workers },
      reporter: io.reporter,
    });
    return {
      rows,
      workers: workers ?? 'auto',
      reference: {
        scipy_ckdtree_seconds: [
          { n: 5000, dims: 40, seconds: 11 },
          { n: 5000, dims: 2, seconds: 0.03 },
        ],
      },
      note: 'timings are wall-clock on a possibly shared machine; ratios come from the same process and data',
    };
  } finally {
    await closeKnnWorkers();
  }
}

async function parseList(text: string, field: string, min: number): Promise<number[]> {
  const { parseIntegerOption } = await import('../options/index.js');
  return text.split(',').map((part) => parseIntegerOption(part, field, { min, max: 1_000_000 }, 'cch bench knn'));
}

function printBench(r: BenchKnnCommandResult, io: Io): void {
  const withNull = r.rows.some((row) => row.null_seconds_per_100 !== null);
  const lines = [`     n  dims   engine s   naive s    ratio  same${withNull ? '  null ×100 s' : ''}`];
  for (const row of r.rows) {
    const same = row.same_result === null ? '   -' : row.same_result ? ' yes' : '  NO';
    const nullCell = withNull ? `  ${row.null_seconds_per_100 === null ? '-'.padStart(11) : row.null_seconds_per_100.toFixed(1).padStart(11)}` : '';
    lines.push(
      `${String(row.n).padStart(6)}  ${String(row.dims).padStart(4)}  ${row.seconds.toFixed(3).padStart(9)}  ${row.baseline_seconds.toFixed(2).padStart(8)}${row.baseline_extrapolated ? '*' : ' '}  ${row.ratio.toFixed(1).padStart(6)}×  ${same}${nullCell}`,
    );
  }
  lines.push('engine s: KSG-1 (k-NN, then the marginal counts) in this process; same: bit-identical estimate to the naive baseline');
  if (withNull) lines.push(`null ×100 s: ${r.rows[0].null_shuffles} shuffle-null estimates (y rows permuted), timed and scaled to 100`);
  if (r.rows.some((row) => row.baseline_extrapolated)) lines.push(`* naive baseline timed on ${r.rows.find((row) => row.baseline_extrapolated)?.baseline_n} rows and scaled by (n/m)²`);
  lines.push('reference (scipy cKDTree KSG, this kind of machine): n = 5000 dims 40 ≈ 11 s; dims 2 ≈ 0.03 s');
  io.stdout(`${lines.join('\n')}\n`);
}
