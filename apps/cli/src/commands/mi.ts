/**
 * `cch mi --x FILE --y FILE [--labels] --estimator NAME` — one mutual-information estimate between
 * two files of aligned rows (CSV or .npy), with an optional shuffle null and subsample interval.
 */
import type { InputReport } from '@cch-lab/data';
import type { Estimate, EstimatorName, NeuralOptions } from '@cch-lab/estimators';
import type { Command } from 'commander';
import { printJson, type Io } from '../io.js';
import { globalBackend, selectBackend } from '../options/backend.js';
import { headerOption, idColumnOption } from '../options/definitions.js';
import type { InputFormatFlags } from '../options/index.js';

export interface MiCommandOptions extends InputFormatFlags {
  x: string;
  y: string;
  /** Read y as class labels. */
  labels?: boolean;
  /** Default 'ksg' (the mixed estimator when --labels). */
  estimator?: string;
  k?: number | string;
  seed?: number | string;
  shuffles?: number | string;
  subsamples?: number | string;
  /** commander's --no-standardize sets this to false. Default true. */
  standardize?: boolean;
  dropConstant?: boolean;
  epochs?: number | string;
  latent?: number | string;
  workers?: number | string;
  backend?: string;
}

/** The JSON `cch mi --json` prints. */
export interface MiResult {
  estimator: EstimatorName;
  nats: number;
  bits: number;
  n: number;
  dims: [number, number];
  /** Neighbours per point; null for methods without one (gaussian, mine, infonce), so the key is always there. */
  k: number | null;
  standardized: boolean;
  seconds: number;
  seed: number | string;
  null?: Estimate['null'];
  interval?: Estimate['interval'];
  x: string;
  y: string;
  details?: Record<string, unknown>;
  /** What the readers decided about each file (header, id column, …), x then y. */
  inputs: InputReport[];
}

export function registerMi(program: Command, io: Io): void {
  program
    .command('mi')
    .description('estimate the mutual information I(X;Y) between two files of aligned rows (nats and bits)')
    .requiredOption('--x <file>', 'n × dx matrix: .csv/.tsv/.txt (header and id column optional) or .npy')
    .requiredOption('--y <file>', 'n × dy matrix, or class labels with --labels')
    .option('--labels', 'read --y as class labels (ksg/ksg2/mixed then run the mixed estimator; mine/infonce their discrete form)')
    .option('--estimator <name>', 'ksg | ksg2 | mixed | gaussian | mine | infonce | lmi', 'ksg')
    .option('--k <n>', 'neighbours for the k-NN estimators', '3')
    .option('--seed <seed>', 'seed of the jitter, shuffles, subsamples and network initialisation', '0')
    .option('--shuffles <n>', 'shuffle-null permutations (adds null: {mean, sd, p})', '0')
    .option('--subsamples <n>', 'half-size subsamples for an interval (adds interval: {low, high})', '0')
    .option('--no-standardize', 'do not z-score columns before the k-NN estimators')
    .option('--drop-constant', 'drop constant columns (recorded in details) instead of failing')
    .option('--epochs <n>', 'training epochs of mine / infonce / lmi (their defaults otherwise)')
    .option('--latent <n>', 'lmi: latent size per variable (default 8)')
    .option('--workers <n>', 'k-NN worker threads (default: cores, at most 4)')
    .addOption(headerOption())
    .addOption(idColumnOption())
    .option('--json', 'print one JSON object on stdout')
    .addHelpText(
      'after',
      `
Rows must be aligned: when both files have an id column they are matched by id, otherwise by
position. Values are in nats (bits = nats / ln 2).

Examples:
  $ cch mi --x teacher.csv --y student.csv --estimator ksg --shuffles 100
  $ cch mi --x student.npy --y labels.csv --labels --json`,
    )
    .action(async (options: MiCommandOptions & { json?: boolean }, command: Command) => {
      const backend = globalBackend(command);
      const result = await runMi({ ...options, backend }, io);
      if (options.json) printJson(io, result);
      else printMi(result, io);
    });
}

export async function runMi(options: MiCommandOptions, io: Io): Promise<MiResult> {
  const { estimateMi, isNeuralEstimator, parseEstimatorName } = await import('@cch-lab/estimators');
  const { createRng } = await import('@cch-lab/core');
  const { attributeToFile, parseEngineWorkers, parseIntegerOption, parseSeed, parseSubsamples, readInputs } = await import('../options/index.js');
  const estimator = parseEstimatorName(options.estimator ?? 'ksg');
  const where = 'cch mi';
  const k = parseIntegerOption(options.k ?? 3, '--k', { min: 1 }, where);
  const shuffles = parseIntegerOption(options.shuffles ?? 0, '--shuffles', { min: 0, max: 100_000 }, where);
  const subsamples = parseSubsamples(options.subsamples ?? 0, where, { off: true });
  const seed = parseSeed(options.seed ?? 0);
  const neural: NeuralOptions = {};
  if (options.epochs !== undefined) neural.epochs = parseIntegerOption(options.epochs, '--epochs', { min: 1 }, where);
  if (options.latent !== undefined) neural.latentSize = parseIntegerOption(options.latent, '--latent', { min: 1, max: 512 }, where);
  const workers = parseEngineWorkers(options.workers, where);

  const inputs = await readInputs([options.x], options.y, options.labels === true, options, io, where);
  if (isNeuralEstimator(estimator)) await selectBackend(options.backend, io);
  // The estimators name the argument at fault (x, y, labels, k); the user needs the file.
  const inFiles = { x: inputs.files[0], k: inputs.files[0], y: inputs.yFile, labels: inputs.yFile };
  const estimate = await estimateMi(estimator, inputs.matrices[0], inputs.y, {
    k,
    rng: createRng(seed),
    shuffles,
    subsamples,
    standardize: options.standardize !== false,
    dropConstantColumns: options.dropConstant === true,
    neural,
    engine: workers === undefined ? {} : { workers },
    reporter: io.reporter,
  }).catch((error: unknown) => {
    throw attributeToFile(error, inFiles);
  });
  return {
    estimator: estimate.method,
    nats: estimate.nats,
    bits: estimate.bits,
    n: estimate.n,
    dims: estimate.dims,
    k: estimate.k ?? null,
    // Every method sets it today; the fallback keeps the key for one that might not.
    standardized: estimate.standardized ?? options.standardize !== false,
    seconds: estimate.seconds,
    seed,
    ...(estimate.null !== undefined ? { null: estimate.null } : {}),
    ...(estimate.interval !== undefined ? { interval: estimate.interval } : {}),
    x: inputs.files[0],
    y: inputs.yFile,
    details: { ...estimate.details, ...(inputs.alignedById ? { alignedById: true } : {}) },
    inputs: inputs.inputs,
  };
}

function printMi(r: MiResult, io: Io): void {
  const lines = [
    `I(X;Y) = ${r.nats.toFixed(4)} nats (${r.bits.toFixed(4)} bits) by ${r.estimator}, n = ${r.n}, dims ${r.dims[0]} × ${r.dims[1]}${r.k !== null ? `, k = ${r.k}` : ''}${r.standardized === false ? ', not standardised' : ''} (${r.seconds.toFixed(2)} s)`,
  ];
  if (r.null !== undefined) lines.push(`shuffle null (${r.null.shuffles}): mean ${r.null.mean.toFixed(4)}, sd ${r.null.sd.toFixed(4)}, p = ${r.null.p.toPrecision(3)}`);
  if (r.interval !== undefined) {
    lines.push(`${Math.round(r.interval.level * 100)} % subsample interval (${r.interval.reps} × ${r.interval.subsampleSize} rows): [${r.interval.low.toFixed(4)}, ${r.interval.high.toFixed(4)}] nats`);
  }
  const ceiling = r.details?.ceilingNats;
  if (r.estimator === 'infonce' && typeof ceiling === 'number') lines.push(`InfoNCE cannot exceed ln(batch) = ${ceiling.toFixed(3)} nats`);
  io.stdout(`${lines.join('\n')}\n`);
}
