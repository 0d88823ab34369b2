/**
 * The experiment contract. An experiment is a typed config (validated by its own strict zod
 * schema), a list of cells the config expands to, a function that runs one cell, and a function
 * that summarises all cells into rows, tables and Vega-Lite figures. The pipeline does the rest:
 * YAML parsing with line numbers, profiles, `--set` overrides, per-cell seeds, the content-addressed
 * cell cache, atomic result files and progress.
 */
import type { ConfigIssue, Reporter, Rng } from '@cch-lab/core';
import type { DataSource } from '@cch-lab/data';
import type { z } from 'zod';

export const PROFILES = ['smoke', 'quick', 'paper'] as const;
/** smoke: the whole path in seconds (CI); quick: minutes, indicative; paper: the paper's sizes. */
export type Profile = (typeof PROFILES)[number];

/** Keys every experiment config has (resolved form). */
export interface BaseConfig {
  /** The registered experiment name. */
  experiment: string;
  /** A human title for the report; defaults to the experiment's. */
  title?: string;
  /** The active profile; its overrides from `profiles` are already merged in. */
  profile: Profile;
  /** Root seed; each cell's Rng is derived from (seed, cell id). */
  seed: number;
  /** Independent repeats per setting. */
  repeats: number;
}

export type Scalar = number | string | boolean | null;
/** One flat record: a line of results.csv, a row of a table, a datum of a figure. */
export type Row = Record<string, Scalar>;

/** One unit of work with a stable, human-readable id (e.g. `margin=0.2/lambda=0.5/rep=3`). */
export interface Cell<P = unknown> {
  id: string;
  /** Everything the cell depends on; hashed (with the experiment version) into its cache key. */
  params: P;
  /**
   * The key its random stream derives from; default the id. Cells that differ only in a level
   * whose draws the design shares (common random numbers, e.g. MFH's γ levels) give the same
   * stream. Set by expandSweep from its `streamAxes`.
   */
  stream?: string;
}

export interface CellContext {
  /** Derived from the config seed and the cell id only: independent of order and workers. */
  rng: Rng;
  reporter: Reporter;
  /** The tensor backend in use (`cpu`, `wasm`, …), for cells that train. */
  backend: string;
  /** A directory for generated data sets (`<reports>/.cache/data`), shared by every cell and run. */
  dataCacheDir?: string;
}

/** What one cell returns; JSON-serialisable (it is cached on disk). */
export interface CellOutput {
  rows: Row[];
  /** The data sources of the datasets this cell loaded (carried into tables, figures and results.json). */
  sources?: DataSource[];
  /**
   * Stored in results.json under `cellMeta[<cell id>]`: backend, estimator details, drops. Its
   * `adjustments` (string[]) are the automatic changes the cell made; the run lists them
   * (ResultsFile.adjustments, `cch run --json`) and summarises them on stderr.
   */
  meta?: Record<string, unknown>;
  /** Typed rows of the toolkit's distillation cell (the flat `rows` are their CSV form). */
  distillation?: unknown[];
}

/** How a table column prints its numbers. */
export const COLUMN_FORMATS = ['number', 'integer', 'percent', 'text'] as const;
export type ColumnFormat = (typeof COLUMN_FORMATS)[number];

export interface ColumnSpec {
  key: string;
  label: string;
  /** How to print numbers. Default 'number' with 3 significant digits. */
  format?: ColumnFormat;
  /** Digits after the point for 'number' / 'percent'. */
  digits?: number;
}

export interface TableSpec {
  id: string;
  title: string;
  caption?: string;
  /** Where the numbers came from; printed with the table. */
  sources: DataSource[];
  columns: ColumnSpec[];
  rows: Row[];
}

export interface FigureSpec {
  id: string;
  title: string;
  caption?: string;
  /** Where the numbers came from; printed with the figure. */
  sources: DataSource[];
  /** A Vega-Lite top-level spec with its data inline (`data: { values: [...] }`). */
  spec: Record<string, unknown>;
  /** Instead of a chart: a picture, inline (`data:image/png;base64,…`, so the report stays self-contained). */
  image?: { src: string; alt: string; width: number; height: number };
}

/** One criterion's agreement with the observed KD sign, as the scorecard shows it. */
export interface ScorecardAgreement {
  /** e.g. 'CCH (ksg)', 'exact risk', 'plug-in (linear probe)', 'naive: most accurate teacher'. */
  label: string;
  agree: number;
  /** Decisive settings the criterion made a prediction for. */
  decisive: number;
  /** Settings whose observed effect was inconclusive (left out of the rate). */
  inconclusive: number;
  /** Decisive settings where the criterion made no prediction (left out of the rate). */
  abstained: number;
  /** agree / decisive; null when nothing was decisive. */
  rate: number | null;
  /** 95 % interval of the rate ([0, 1] when nothing was decisive). */
  interval: [number, number];
}

/** The CCH's agreement within one regime of a breakdown (an n/p, a λ, a cohort, a σ). */
export interface ScorecardRegime {
  /** What varies, e.g. 'n/p', 'λ', 'cohort'. */
  factor: string;
  /** Its value here, printed, e.g. '0.5', 'brca'. */
  value: string;
  agreement: ScorecardAgreement;
}

/**
 * What an experiment found, in the form the index's scorecard reads: the paper's claim, the CCH's
 * agreement (and the other criteria's), teacher selection against the naive rule and chance, the
 * regimes where the CCH does worst, and one sentence of verdict — all generated from the numbers.
 */
export interface Scorecard {
  /** What the paper claims here: its reported effect and that the CCH agrees on all. */
  paperClaim: string;
  /** The CCH's agreement with the primary estimator. */
  cch: ScorecardAgreement;
  /** The other criteria scored the same way (other estimators, the exact risk, the plug-in). */
  others: ScorecardAgreement[];
  /** Is the margin's best teacher the best observed? Beside the naive rule and chance. */
  teacherSelection?: { cch: ScorecardAgreement; naive: ScorecardAgreement; chance: number | null };
  /** Breakdowns of the CCH's agreement, lowest rate first (only regimes with a decisive setting). */
  regimes: ScorecardRegime[];
  /** One sentence of verdict, from the numbers. */
  verdict: string;
}

export interface ExperimentSummary {
  /** Flat rows for results.csv (usually one per cell row). */
  rows: Row[];
  /** What the experiment found, for the index's scorecard and the top of its page. */
  scorecard?: Scorecard;
  /** Overall numbers (e.g. agreement rates with intervals), stored in results.json. */
  summary: Record<string, unknown>;
  tables: TableSpec[];
  figures: FigureSpec[];
  /** Every data source the experiment used. */
  sources: DataSource[];
  /** Short paragraphs for the report: what was measured, caveats, where a hypothesis failed. */
  notes?: string[];
}

export interface CellRecord<P = unknown> {
  cell: Cell<P>;
  output: CellOutput;
}

export interface ExperimentDefinition<C extends BaseConfig = BaseConfig, P = unknown> {
  name: string;
  title: string;
  /** One paragraph: what the experiment tests. */
  description: string;
  /** Bump when the logic changes: it is part of every cell's cache key. */
  version: number;
  /** Strict schema of the whole config (base keys + the experiment's), with defaults. */
  schema: z.ZodType<C>;
  /** Cross-field checks, run after the schema. */
  rules?: (config: C) => ConfigIssue[];
  /**
   * Checks that depend on the data a config reads (sizes, splits): run once after the data load
   * and before the first cell, so a run never fails at cell 37 for a reason known at cell 0. Each
   * issue names the config key to change.
   */
  preflight?: (config: C) => Promise<ConfigIssue[]> | ConfigIssue[];
  /**
   * The config values `runCell` reads, hashed into every cell's cache key (with its params, the
   * seed, backend and code). Default: the whole config but `title`, `profile` and `profiles`.
   * Return null when runCell reads nothing but the cell's params.
   */
  cellConfig?: (config: C) => unknown;
  /**
   * The data files a cell reads (absolute paths); their content fingerprint joins the cache key,
   * so changing one value in a file recomputes exactly the cells that read it.
   * @throws DataNotFoundError naming missing files (checked before any cell runs).
   */
  dataFiles?: (cell: Cell<P>, config: C) => string[];
  cells(config: C): Cell<P>[];
  runCell(cell: Cell<P>, config: C, context: CellContext): Promise<CellOutput>;
  summarize(records: CellRecord<P>[], config: C): ExperimentSummary;
}

/** One automatic adjustment and the cells that made it. */
export interface RunAdjustment {
  note: string;
  /** How many cells made it, and the first few of their ids. */
  cells: number;
  examples: string[];
}

/** What `reports/<config name>/results.json` holds; the report is rendered from this alone. */
export interface ResultsFile {
  experiment: string;
  title: string;
  description: string;
  profile: Profile;
  seed: number;
  /** The resolved config (after profile, `--set` and defaults). */
  config: Record<string, unknown>;
  /** The YAML file it came from, when there was one. */
  configFile?: string;
  /** The tensor backend and why it was chosen. */
  backend: { name: string; reason: string };
  /** How the run can be repeated: the command line, the git commit, the resolved config's hash. */
  environment?: { command?: string; gitCommit?: string | null; configHash?: string; platform?: string; cores?: number };
  versions: { cchLab: string; experiment: number; node: string; tfjs: string };
  /** Every data source behind the numbers. */
  sources: DataSource[];
  startedAt: string;
  finishedAt: string;
  seconds: number;
  /** How many cells the config expanded to, and how many came from the cache. */
  cellCounts: { total: number; cached: number; ran: number };
  /** Worker threads that ran the uncached cells (1: the main thread), or on a queue the worker processes; the numbers do not depend on it. */
  workers?: number;
  /** One flat record per result row (the same rows as results.csv). */
  cells: Row[];
  /**
   * Every automatic adjustment a cell made (a lowered or capped k, dropped rows, imputed values, a
   * margin that could not be estimated), once each with the cells that made it; from the cells'
   * `meta.adjustments`. Absent when there were none.
   */
  adjustments?: RunAdjustment[];
  /** Each cell's `meta`, by cell id (absent when no cell returned meta). */
  cellMeta?: Record<string, Record<string, unknown>>;
  /** sha256 (first 16 hex) of every data file the cells read, by path. */
  dataFingerprints?: Record<string, string>;
  summary: Record<string, unknown>;
  /** What the experiment found (absent for experiments that score no criterion). */
  scorecard?: Scorecard;
  tables: TableSpec[];
  figures: FigureSpec[];
  notes: string[];
}
