// Test helpers for packages that drive the pipeline (the CLI's tests); not for experiments.
export { tinyExperiment, tinyRunCounter } from './tiny-experiment.js';
export type { TinyConfig } from './tiny-experiment.js';

import type { ExperimentRegistry } from '../config/resolve-config.js';
import { tinyExperiment as tiny } from './tiny-experiment.js';
/** Test experiments the cell worker also knows (by name), so tests can run them on workers. */
export const WORKER_TEST_EXPERIMENTS: ExperimentRegistry = Object.freeze({ tiny });
export { startRedisServer, freePort, haveRedisServer, redisOnCi, redisInstallHint, redisServerPath } from './redis-server.js';
export type { RedisServer } from './redis-server.js';
