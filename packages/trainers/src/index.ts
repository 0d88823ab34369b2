// @cch-lab/trainers — the public surface. Re-exports only.

// One-call experiment unit: teacher → student → KD student(s), representations
export { REPRESENTATION_SPLITS, runDistillation } from './distill.js';
export type { DistillationOptions, DistillationResult, RunSummary, KdRunSummary, RepresentationSplit } from './distill.js';

// Training one model (teacher, student, KD student) and the trained model
export { train } from './train.js';
export type { TrainRunOptions, DistillFrom } from './train.js';
export { TrainedModel } from './trained-model.js';
export { taskLabels } from './task-labels.js';
export type { TaskLabels } from './task-labels.js';

// Models
export { MODEL_KINDS, ACTIVATIONS, resolveModelSpec } from './models/model-spec.js';
export type { ModelKind, Activation, ModelSpec, LinearSpec, MlpSpec, CnnSpec, ResolvedModelSpec } from './models/model-spec.js';
export { buildModel } from './models/build-model.js';
export { Network } from './models/network.js';
export type { NetworkShape } from './models/network-shape.js';
export { linear } from './models/linear.js';
export { mlp } from './models/mlp.js';
export { cnn } from './models/cnn.js';
export { LAYER_TYPES, INFERENCE } from './models/layers/layer.js';
export type { Layer, LayerType, ForwardContext } from './models/layers/layer.js';

// Fitting
export { fitLoop } from './fit/fit-loop.js';
export type { FitData, FitHistory, EpochRecord, FitLoopOptions } from './fit/fit-loop.js';
export { MONITORS, TRAIN_DEFAULTS, resolveTrainOptions } from './fit/train-options.js';
export type { TrainOptions, ResolvedTrainOptions, EarlyStoppingOptions, ClassWeightsOption, Monitor } from './fit/train-options.js';
export { classWeightVector } from './fit/class-weights.js';
export { forwardInBatches } from './fit/forward-in-batches.js';
export { OPTIMIZER_NAMES, createOptimizer, resolveOptimizerOptions } from './optimizers.js';
export type { Optimizer, OptimizerName, OptimizerOptions, ResolvedOptimizerOptions } from './optimizers.js';
export { SCHEDULE_NAMES, learningRateAt, resolveSchedule } from './schedules.js';
export type { ScheduleName, ScheduleOptions } from './schedules.js';

// Losses
export { crossEntropyPerSample } from './losses/cross-entropy.js';
export { squaredErrorPerSample } from './losses/mse.js';
export { weightedMean } from './losses/weighted-mean.js';
export { KD_FORMS, resolveKdOptions, teacherLogProbabilities, distillationPerSample, combineKd } from './losses/kd-loss.js';
export type { KdForm, KdOptions, ResolvedKdOptions } from './losses/kd-loss.js';
export { taskObjective } from './losses/objective.js';
export type { Objective } from './losses/objective.js';

// Representations and fusion
export { extractRepresentation, modelOutputs } from './representations.js';
export type { RepresentationOptions } from './representations.js';
export { earlyFusion, modalityMatrix, modalityList, modalityName, modalityFeatureShape } from './fusion.js';
export type { ModalitySelection } from './fusion.js';

// Metrics (pure TypeScript on typed arrays)
export { accuracy } from './metrics/accuracy.js';
export { weightedF1 } from './metrics/weighted-f1.js';
export { binaryRocAuc, macroRocAuc } from './metrics/roc-auc.js';
export { meanSquaredError } from './metrics/mean-squared-error.js';
export { meanAbsoluteError, pearsonR } from './metrics/regression-errors.js';
export { confusionMatrix, classCounts } from './metrics/confusion-matrix.js';
export type { ClassCounts } from './metrics/confusion-matrix.js';
export { classificationMetrics, regressionMetrics, argMaxRows } from './metrics/evaluate.js';
export type { Metrics, ClassificationMetrics, RegressionMetrics } from './metrics/evaluate.js';

// Backend kernels (explicit registration; nothing happens on import)
export { WASM_KERNEL_NAMES, registerWasmKernels, restoreWasmKernels, registeredWasmKernels } from './kernels/register-wasm.js';
export type { WasmKernelName } from './kernels/register-wasm.js';
export { prepareTrainingBackend } from './kernels/prepare-backend.js';

// Benchmark
export { BENCH_MODELS, BENCH_ARCHITECTURES } from './bench/bench-models.js';
export type { BenchModel, BenchArchitecture } from './bench/bench-models.js';
export { benchTrain, formatRow } from './bench/bench-train.js';
export type { BenchTrainOptions, BenchRow } from './bench/bench-train.js';
export { timeEpoch } from './bench/time-epoch.js';
export type { EpochTiming, PrepareSteps } from './bench/time-epoch.js';
