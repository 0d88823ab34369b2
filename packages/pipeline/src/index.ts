// @cch-lab/pipeline — the public surface. Re-exports only.

// The experiment contract
export { PROFILES } from './types.js';
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
  TableSpec,
  FigureSpec,
  ExperimentSummary,
  ExperimentDefinition,
  ResultsFile,
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
export { cellKey } from './run/cell-cache.js';
export { codeVersion } from './run/code-version.js';

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

// The registered experiments
export { EXPERIMENTS } from './experiments/index.js';

// A tiny experiment that proves the run path in tests (not registered in EXPERIMENTS)
export * as testing from './testing/index.js';
