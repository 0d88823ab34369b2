/**
 * The k-NN worker: runs one KnnJob per request and sends the result back, transferring its arrays.
 * Loaded only from the compiled dist (worker_threads cannot load TypeScript); see worker-pool.ts.
 */
import { serveWorkerRequests } from '@cch-lab/core';
import { runKnnJob, type KnnJob, type KnnJobResult } from './knn-job.js';

// The result arrays are fresh (never shared), so their buffers can be moved instead of copied.
serveWorkerRequests<KnnJob, KnnJobResult>(
  runKnnJob,
  (result) =>
    (result.op === 'knn'
      ? [result.distances.buffer, result.indices.buffer]
      : result.op === 'count'
        ? [result.counts.buffer]
        : [result.countsX.buffer, result.countsY.buffer]) as ArrayBuffer[],
);
