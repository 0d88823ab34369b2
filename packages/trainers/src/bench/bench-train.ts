/**
 * `cch bench train`: seconds per training epoch (default 10 000 samples, batch 128, Adam 1e-3) of
 * the MLP 784-256-10 and the small CNN, on each available backend — this package's lean loop
 * against a naive Keras-style `model.fit` on the same data and backend, run in the same command.
 * The baseline uses tfjs's stock kernels (plus the replacement Conv2DBackpropFilter on wasm,
 * without which the CNN cannot train there), so the ratio is the whole speed-up of the package.
 * Rows predicted to exceed the time budget are extrapolated from a few timed steps and say so.
 */
import * as tf from '@tensorflow/tfjs';
import { BACKEND_NAMES, UnknownMethodError, chooseBackend, checkInteger, checkNumber, probeBackend, silentReporter, type BackendName, type Reporter, type Rng } from '@cch-lab/core';
import { fitLoop, type FitData } from '../fit/fit-loop.js';
import { resolveTrainOptions } from '../fit/train-options.js';
import { WASM_KERNEL_NAMES, registerWasmKernels, restoreWasmKernels } from '../kernels/register-wasm.js';
import { prepareTrainingBackend } from '../kernels/prepare-backend.js';
import { taskObjective } from '../losses/objective.js';
import { buildModel } from '../models/build-model.js';
import { BENCH_ARCHITECTURES, BENCH_MODELS, type BenchModel } from './bench-models.js';
import { timeEpoch, type EpochTiming } from './time-epoch.js';

export interface BenchTrainOptions {
  /** Backends to time. Default every one that loads, in core's order (node-gpu, node, wasm, cpu). */
  backends?: readonly string[];
  /** Default both: ['mlp', 'cnn']. */
  models?: readonly string[];
  /** Rows of random data. Default 10 000. */
  samples?: number;
  /** Default 128. */
  batchSize?: number;
  /** Whole epochs timed (after a warm-up step) when within budget. Default 1. */
  epochs?: number;
  /** Also time the Keras-style model.fit baseline. Default true. */
  baseline?: boolean;
  /** Longest one timing may take before it is extrapolated from a few steps, seconds. Default 90. */
  budgetSeconds?: number;
  /** The random data. */
  rng: Rng;
  reporter?: Reporter;
}

export interface BenchRow {
  model: BenchModel;
  backend: BackendName;
  /** Lean loop, seconds per epoch. */
  epoch_seconds: number;
  /** Keras-style model.fit on the same backend and data, seconds per epoch; null when not run. */
  baseline_seconds: number | null;
  /** baseline_seconds / epoch_seconds. */
  speedup: number | null;
  /** Which timings were extrapolated, or why the baseline is missing. */
  note?: string;
}

const BENCH_DEFAULTS = Object.freeze({ samples: 10_000, batchSize: 128, epochs: 1, baseline: true, budgetSeconds: 90 });
/** Classes of the random labels (the benchmark's dense10). */
const CLASSES = 10;
/** Stock kernels the baseline runs with on wasm: all of them (the filter gradient stays: the stock backend has none). */
const BASELINE_STOCK_KERNELS = WASM_KERNEL_NAMES.filter((name) => name !== 'Conv2DBackpropFilter');

/**
 * Runs the benchmark and returns one row per (model, backend). Restores the backend that was
 * active before. @throws UnknownMethodError for unknown model or backend names.
 */
export async function benchTrain(options: BenchTrainOptions): Promise<BenchRow[]> {
  const o = { ...BENCH_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as typeof BENCH_DEFAULTS & BenchTrainOptions;
  const reporter = options.reporter ?? silentReporter;
  const models = checkNames(o.models ?? BENCH_MODELS, BENCH_MODELS, 'benchmark model', 'models');
  checkInteger(o.samples, 'samples', { min: 1 });
  checkInteger(o.batchSize, 'batchSize', { min: 1 });
  checkInteger(o.epochs, 'epochs', { min: 1 });
  checkNumber(o.budgetSeconds, 'budgetSeconds', { min: 0 });
  const backends = o.backends === undefined ? await availableBackends() : checkNames(o.backends, BACKEND_NAMES, 'backend', 'backends');
  const previous = tf.getBackend() as string | undefined;
  const rows: BenchRow[] = [];
  try {
    for (const model of models) {
      const data = randomData(model, o.samples, options.rng.derive(model));
      for (const backend of backends) {
        await chooseBackend({ requested: backend, env: {} });
        prepareTrainingBackend();
        reporter.info(`bench train: ${BENCH_ARCHITECTURES[model].description} on ${backend}`);
        const lean = await timeLean(model, data, o, options.rng);
        const row: BenchRow = { model, backend, epoch_seconds: lean.seconds, baseline_seconds: null, speedup: null };
        const notes: string[] = [];
        if (lean.extrapolated) notes.push(`lean loop extrapolated from ${lean.stepsTimed} steps (over the ${o.budgetSeconds} s budget)`);
        if (o.baseline) {
          const base = await timeBaseline(model, data, o, backend);
          row.baseline_seconds = base.seconds;
          row.speedup = base.seconds / lean.seconds;
          if (base.extrapolated) notes.push(`baseline extrapolated from ${base.stepsTimed} steps (over the ${o.budgetSeconds} s budget)`);
        } else {
          notes.push('baseline not run');
        }
        if (notes.length > 0) row.note = notes.join('; ');
        reporter.info(formatRow(row));
        rows.push(row);
      }
    }
  } finally {
    // tf.getBackend() is undefined when nothing was active before the benchmark.
    if (previous !== undefined && tf.getBackend() !== previous) await tf.setBackend(previous);
  }
  return rows;
}

interface BenchData {
  x: Float32Array;
  labels: Int32Array;
  width: number;
}

function randomData(model: BenchModel, samples: number, rng: Rng): BenchData {
  const width = BENCH_ARCHITECTURES[model].inputWidth;
  const x = new Float32Array(samples * width);
  for (let i = 0; i < x.length; i++) x[i] = rng.uniform();
  const labels = Int32Array.from({ length: samples }, () => rng.int(CLASSES));
  return { x, labels, width };
}

function oneHot(labels: Int32Array, rows: number): tf.Tensor2D {
  const values = new Float32Array(rows * CLASSES);
  for (let r = 0; r < rows; r++) values[r * CLASSES + labels[r]] = 1;
  return tf.tensor2d(values, [rows, CLASSES]);
}

async function timeLean(model: BenchModel, data: BenchData, o: typeof BENCH_DEFAULTS, rng: Rng): Promise<EpochTiming> {
  const arch = BENCH_ARCHITECTURES[model];
  const net = buildModel(arch.spec, { inputWidth: arch.inputWidth, featureShape: arch.featureShape, outputUnits: CLASSES }, rng.derive('init'));
  const train = resolveTrainOptions({ epochs: 1, batchSize: o.batchSize, optimizer: { name: 'adam', learningRate: 1e-3 } });
  const objective = taskObjective('classification');
  const totalSteps = Math.ceil(o.samples / o.batchSize);
  const prepare = (steps: number) => {
    const rows = Math.min(o.samples, steps * o.batchSize);
    const fit: FitData = { x: tf.tensor2d(data.x.subarray(0, rows * data.width), [rows, data.width]), targets: [oneHot(data.labels, rows)] };
    return {
      run: async () => {
        await fitLoop(net, fit, undefined, objective, { train, rng: rng.derive('fit'), reporter: silentReporter, label: 'bench' });
      },
      dispose: () => tf.dispose([fit.x, ...fit.targets]),
    };
  };
  try {
    return await timeEpoch(prepare, totalSteps, o.epochs, o.budgetSeconds);
  } finally {
    net.dispose();
  }
}

async function timeBaseline(model: BenchModel, data: BenchData, o: typeof BENCH_DEFAULTS, backend: BackendName): Promise<EpochTiming> {
  const arch = BENCH_ARCHITECTURES[model];
  if (backend === 'wasm') restoreWasmKernels(BASELINE_STOCK_KERNELS);
  const keras = arch.keras();
  keras.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
  const totalSteps = Math.ceil(o.samples / o.batchSize);
  const prepare = (steps: number) => {
    const rows = Math.min(o.samples, steps * o.batchSize);
    const x = tf.tensor2d(data.x.subarray(0, rows * data.width), [rows, data.width]);
    const y = oneHot(data.labels, rows);
    return {
      run: async () => {
        await keras.fit(x, y, { batchSize: o.batchSize, epochs: 1, shuffle: true, verbose: 0 });
      },
      dispose: () => tf.dispose([x, y]),
    };
  };
  try {
    return await timeEpoch(prepare, totalSteps, o.epochs, o.budgetSeconds);
  } finally {
    keras.dispose();
    if (backend === 'wasm') registerWasmKernels();
  }
}

async function availableBackends(): Promise<BackendName[]> {
  const out: BackendName[] = [];
  for (const name of BACKEND_NAMES) if ((await probeBackend(name)).available) out.push(name);
  return out;
}

function checkNames<T extends string>(names: readonly string[], valid: readonly T[], kind: string, field: string): T[] {
  for (const name of names) {
    if (!(valid as readonly string[]).includes(name)) throw new UnknownMethodError(kind, name, valid, { details: { field } });
  }
  return names as T[];
}

/** One human line per row, e.g. `mlp  wasm  0.71 s/epoch  (model.fit 3.9 s, 5.5× faster)`. */
export function formatRow(row: BenchRow): string {
  const base = row.baseline_seconds === null ? '' : `  (model.fit ${row.baseline_seconds.toPrecision(3)} s, ${row.speedup!.toFixed(1)}× faster)`;
  return `${row.model.padEnd(4)} ${row.backend.padEnd(8)} ${row.epoch_seconds.toPrecision(3)} s/epoch${base}${row.note ? `  [${row.note}]` : ''}`;
}
