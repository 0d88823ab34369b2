/**
 * What travels through Redis for one cell, and the checks a worker makes before running it. A
 * job carries only the experiment's name, the cell, the resolved config, the seed, the backend,
 * the code version and the fingerprints of the data files the cell reads — never code, never
 * data. The worker validates the config with the experiment's own schema, fingerprints its own
 * copy of the data and recomputes the cache key; any difference fails the job with a message
 * saying what differs, instead of returning numbers the coordinator's machine would not produce.
 */
import { CchError, ConfigError, isCchError } from '@cch-lab/core';
import { fingerprintFiles } from '@cch-lab/data';
import { validateResolvedConfig, type ExperimentRegistry } from '../config/resolve-config.js';
import type { Cell, CellOutput } from '../types.js';
import { keyCell } from '../run/cell-keys.js';

/** The job format's version: a worker refuses a job of another shape. */
export const CELL_JOB_FORMAT = 1;

export interface CellJobData {
  format: number;
  experiment: string;
  /** The config file's name on the coordinator (for messages). */
  configFile: string;
  cell: Cell;
  config: Record<string, unknown>;
  seed: number;
  backend: string;
  codeVersion: string;
  /** The cell's cache key on the coordinator; the worker's own must equal it. */
  key: string;
  /** Fingerprints of the data files the cell reads, by path. */
  data?: Record<string, string>;
}

export interface CellJobResult {
  key: string;
  /** The cell's output in its JSON form (as the cell cache stores it). */
  output: CellOutput;
  seconds: number;
  /** 'host:pid' of the worker that ran it. */
  worker: string;
}

export interface CheckedCellJob {
  definition: ExperimentRegistry[string];
  config: Record<string, unknown>;
}

/**
 * @throws CchError with a message naming what differs between the coordinator and this worker:
 * the job format, the code, the backend, the experiment, the config, a data file, the key.
 */
export function checkCellJob(job: CellJobData, here: { codeVersion: string; backend: string; experiments: ExperimentRegistry }): CheckedCellJob {
  const cell = typeof job.cell?.id === 'string' ? job.cell.id : '(no cell id)';
  const refuse = (why: string): never => {
    throw new CchError('EINVALID', `cell ${cell}: ${why}`);
  };
  if (job.format !== CELL_JOB_FORMAT) refuse(`the job has format ${String(job.format)}, this worker reads format ${CELL_JOB_FORMAT}`);
  if (job.codeVersion !== here.codeVersion) refuse(`sent by code ${job.codeVersion}; this worker runs ${here.codeVersion}`);
  if (job.backend !== here.backend) refuse(`asks for backend ${job.backend}; this worker runs ${here.backend}`);
  const definition = here.experiments[job.experiment];
  if (definition === undefined) refuse(`unknown experiment '${job.experiment}'; this worker knows ${Object.keys(here.experiments).sort().join(', ')}`);
  const checked = validateResolvedConfig(definition, job.config);
  if (checked.config === undefined) {
    const error = new ConfigError(`${job.configFile} (as sent with the job)`, checked.issues);
    refuse(error.message);
  }
  const config = checked.config as unknown as Record<string, unknown>;
  if (definition.dataFiles !== undefined) {
    const files = definition.dataFiles(job.cell, config);
    let here_: Record<string, string>;
    try {
      here_ = fingerprintFiles(files);
    } catch (error) {
      refuse(`its data are not on this worker: ${isCchError(error) ? error.message : String(error)}`);
      throw error;
    }
    for (const [file, fingerprint] of Object.entries(job.data ?? {})) {
      if (here_[file] !== fingerprint) refuse(`the data file ${file} differs here (fingerprint ${here_[file] ?? 'missing'}, the coordinator's ${fingerprint}): give every worker the same data`);
    }
  }
  const key = keyCell(definition, config, job.cell, here.backend).key;
  if (key !== job.key) refuse(`this worker computes the cache key ${key}, the coordinator ${job.key}: the config does not read the same here, or the backend's numerics differ (oneDNN on one side only: TF_ENABLE_ONEDNN_OPTS)`);
  return { definition, config };
}
