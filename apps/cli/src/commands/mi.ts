/**
 * `cch mi --x FILE --y FILE [--labels] --estimator NAME` — one mutual-information estimate between
 * two files of aligned rows (CSV or .npy), with an optional shuffle null and subsample interval.
 */
import path from 'node:path';
import { InvalidInputError, Matrix, checkInteger, createRng } from '@cch-lab/core';
import type { Estimate, EstimatorName, NeuralOptions } from '@cch-lab/estimators';
import type { Command } from 'commander';
import { selectBackend } from '../backend-option.js';
import { printJson, type Io } from '../io.js';

export interface MiCommandOptions {
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
}

const NEURAL: readonly string[] = ['mine', 'infonce', 'lmi'];

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
      const backend = command.optsWithGlobals<{ backend?: string }>().backend;
      const result = await runMi({ ...options, backend }, io);
      if (options.json) printJson(io, result);
      else printMi(result, io);
    });
}

export async function runMi(options: MiCommandOptions, io: Io): Promise<MiResult> {
  const { estimateMi, parseEstimatorName } = await import('@cch-lab/estimators');
  const estimator = parseEstimatorName(options.estimator ?? 'ksg');
  const where = { where: 'cch mi' };
  const k = checkInteger(toInt(options.k ?? 3), '--k', { min: 1 }, where);
  const shuffles = checkInteger(toInt(options.shuffles ?? 0), '--shuffles', { min: 0, max: 100_000 }, where);
  const subsamples = checkInteger(toInt(options.subsamples ?? 0), '--subsamples', { min: 0, max: 10_000 }, where);
  const seed = parseSeed(options.seed ?? 0);
  const neural: NeuralOptions = {};
  if (options.epochs !== undefined) neural.epochs = checkInteger(toInt(options.epochs), '--epochs', { min: 1 }, where);
  if (options.latent !== undefined) neural.latentSize = checkInteger(toInt(options.latent), '--latent', { min: 1, max: 512 }, where);
  const workers = options.workers === undefined ? undefined : checkInteger(toInt(options.workers), '--workers', { min: 1, max: 256 }, where);

  const inputs = await readAligned([options.x], options.y, options.labels === true, io);
  if (NEURAL.includes(estimator)) await selectBackend(options.backend, io);
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
  };
}

/** Matrices (and y as a matrix or labels) read from files and put in the same row order. */
export interface AlignedInputs {
  matrices: Matrix[];
  y: Matrix | Int32Array;
  files: string[];
  yFile: string;
  /** True when rows were matched by id columns rather than by position. */
  alignedById: boolean;
}

/**
 * Reads matrix files and a y file (matrix or labels). When every file has ids, rows are matched by
 * id (in the first file's order); otherwise they must already be aligned by position.
 * @throws InvalidInputError / DataNotFoundError from the readers, and for mismatched row counts.
 */
export async function readAligned(files: string[], yFile: string, labels: boolean, io: Io): Promise<AlignedInputs> {
  const { readMatrixFile, readLabels, alignById } = await import('@cch-lab/data');
  const resolved = files.map((f) => path.resolve(io.cwd, f));
  const yPath = path.resolve(io.cwd, yFile);
  const read = resolved.map((f) => readMatrixFile(f));
  const yRead = labels ? readLabels(yPath) : readMatrixFile(yPath);
  const idLists = [...read.map((r) => r.ids), yRead.ids];
  let matrices = read.map((r) => r.matrix);
  let y: Matrix | Int32Array = 'labels' in yRead ? yRead.labels : yRead.matrix;
  const alignedById = idLists.every((ids) => ids !== undefined);
  if (alignedById) {
    const alignment = alignById([...resolved, yPath].map((name, t) => ({ name, ids: idLists[t] as string[] })));
    matrices = matrices.map((m, t) => m.selectRows(alignment.rows[t]));
    const rows = alignment.rows[resolved.length];
    y = y instanceof Int32Array ? Int32Array.from(rows, (i) => (y as Int32Array)[i]) : y.selectRows(rows);
  } else {
    const ny = y instanceof Int32Array ? y.length : y.rows;
    for (const [t, m] of matrices.entries()) {
      if (m.rows !== ny) {
        throw new InvalidInputError(`${path.basename(resolved[t])} has ${m.rows} rows but ${path.basename(yPath)} has ${ny}; rows must be aligned`, {
          details: { file: resolved[t], received: `${m.rows} rows` },
          hint: 'pass files with the same samples in the same order, or give every file an id column to match them',
        });
      }
    }
  }
  return { matrices, y, files: resolved, yFile: yPath, alignedById };
}

/**
 * The estimators check their inputs by argument (x, y, labels, k) and cannot know the files they
 * came from; this re-raises such an InvalidInputError with the file of that argument, so every
 * bad-input message names a file (the readers' own errors already do and pass unchanged).
 */
export function attributeToFile(error: unknown, files: Readonly<Record<string, string | undefined>>): unknown {
  if (!(error instanceof InvalidInputError) || error.details.file !== undefined) return error;
  const field = error.details.field;
  const file = field === undefined ? undefined : files[field];
  if (file === undefined) return error;
  // The message already carries the field and the value received; details.file adds the file in front.
  return new InvalidInputError(error.message, { hint: error.hint, cause: error, details: { file, argument: field } });
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

/** Commander passes option values as strings; integers are checked by the caller. */
export function toInt(value: number | string): number {
  return typeof value === 'number' ? value : /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
}

/** A seed: a non-negative integer or any other text (hashed by createRng). */
export function parseSeed(value: number | string): number | string {
  if (typeof value === 'number') return value;
  return /^\d+$/.test(value.trim()) ? Number(value) : value;
}
