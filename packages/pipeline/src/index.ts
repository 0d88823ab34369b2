// @cch-lab/pipeline — the public surface. Re-exports only.

// The experiment contract
export { PROFILES, COLUMN_FORMATS } from './types.js';
export type {
  Profile,
  BaseConfig,
  Scalar,
  Row,
  Cell,
  CellContext,
  CellOutput,
  CellRecord,
  ColumnSpec,
  ColumnFormat,
  TableSpec,
  FigureSpec,
  ExperimentSummary,
  ExperimentDefinition,
  ResultsFile,
  RunAdjustment,
  Scorecard,
  ScorecardAgreement,
  ScorecardRegime,
} from './types.js';

// Configs
export { parseYamlSource, readYamlSource } from './config/yaml-source.js';
export type { YamlSource } from './config/yaml-source.js';
export { parseOverrides, deepMerge } from './config/overrides.js';
export { baseConfigShape, profileSchema, numberList } from './config/base-schema.js';
export { resolveConfig } from './config/resolve-config.js';
export type { ResolvedConfig, ExperimentRegistry, AnyExperiment } from './config/resolve-config.js';

// Running
export { runExperiment } from './run/run-experiment.js';
export type { RunOptions, RunOutcome } from './run/run-experiment.js';
export type { RunProgress } from './run/run-progress.js';
export { adjustmentLines } from './run/adjustments.js';
export { resultsDirName } from './run/results-dir.js';
export { acquireRunLock, readRunLockOwner, RUN_LOCK_FILE } from './run/run-lock.js';
export type { RunLock, RunLockOwner, AcquireRunLockOptions } from './run/run-lock.js';
export { isProcessAlive } from './run/process-alive.js';
export { cellKey } from './run/cell-cache.js';
export { codeVersion } from './run/code-version.js';

// Beyond one machine: cells as BullMQ jobs in Redis, `cch worker`, `cch queue`
export { parseQueueUrl, redactQueueUrl } from './queue/queue-url.js';
export type { QueueUrl } from './queue/queue-url.js';
export { CONNECT_TIMEOUT_MS, probeRedis } from './queue/redis-connection.js';
export { QUEUE_PREFIX, queueName } from './queue/queue-names.js';
export { KEEP_FINISHED_SECONDS } from './queue/queue-run-cells.js';
export type { QueueRunOptions } from './queue/queue-run-cells.js';
export { WORKER_DEFAULTS, startQueueWorker } from './queue/queue-worker.js';
export type { QueueWorkerHandle, QueueWorkerOptions } from './queue/queue-worker.js';
export { queueClean, queueStatus } from './queue/queue-admin.js';
export type { QueueSummary } from './queue/queue-admin.js';

// Figure spec builders (plain Vega-Lite JSON; the report renders them)
export { lineChart, scatterWithDiagonal, barChart } from './figures/helpers.js';
export type {
  VegaLiteSpec,
  IntervalFields,
  ChartOptions,
  LineChartOptions,
  ScatterWithDiagonalOptions,
  BarChartOptions,
} from './figures/helpers.js';
export { FIGURE_THEME, FIGURE_SIZE, PALETTE, VEGA_LITE_SCHEMA, fieldRef } from './figures/theme.js';

// The experiment toolkit: config sections, the sweeper, the distillation cell, aggregation and scoring
export { modelSection } from './toolkit/sections/model-section.js';
export type { ModelSection } from './toolkit/sections/model-section.js';
export { trainSection, trainOptionsOf } from './toolkit/sections/train-section.js';
export type { TrainSection } from './toolkit/sections/train-section.js';
export { kdSection, kdSettings, kdRules } from './toolkit/sections/kd-section.js';
export type { KdSection } from './toolkit/sections/kd-section.js';
export { ESTIMATOR_FAMILIES, ESTIMATOR_PAIRS, estimatorsSection, marginEstimators } from './toolkit/sections/estimators-section.js';
export type { EstimatorFamily, EstimatorsSection, MarginEstimator } from './toolkit/sections/estimators-section.js';
export { decisionSection } from './toolkit/sections/decision-section.js';
export type { DecisionSection } from './toolkit/sections/decision-section.js';
export { DATA_SOURCE_CHOICES, dataSourceShape, dataSection, wantsRealData, dataRules } from './toolkit/sections/data-section.js';
export { expandSweep, repeatAxis, sweepCells } from './toolkit/expand-sweep.js';
export type { SweepAxes, SweepPoint, ExpandSweepOptions } from './toolkit/expand-sweep.js';
export { runDistillationCell, effectiveK, softmaxRows } from './toolkit/distillation-cell.js';
export type { DistillationPair, DistillationCellOptions, DistillationCellResult } from './toolkit/distillation-cell.js';
export { modelMetrics, rowObserved, flattenDistillationRow } from './toolkit/distillation-row.js';
export type { DistillationRow, MarginEstimate, ModelMetrics } from './toolkit/distillation-row.js';
export { aggregateSettings, cchKey } from './toolkit/aggregate-settings.js';
export type { SettingSummary, AggregateOptions } from './toolkit/aggregate-settings.js';
export { AGREEMENT_INTERVAL_METHOD, clusteredAgreement, scoreCriteria } from './toolkit/score-criteria.js';
export type { ScoredSetting, ClusteredAgreement } from './toolkit/score-criteria.js';
export { scoreTeacherSelection, spearman } from './toolkit/teacher-selection.js';
export type { SelectionGroup, TeacherSelectionScore, TeacherSelectionOptions } from './toolkit/teacher-selection.js';

// The registered experiments
export { EXPERIMENTS } from './experiments/index.js';

// A tiny experiment that proves the run path in tests (not registered in EXPERIMENTS)
export * as testing from './testing/index.js';
