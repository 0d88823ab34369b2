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

// The registered experiments
export { EXPERIMENTS } from './experiments/index.js';
