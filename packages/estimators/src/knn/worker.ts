/**
 * The k-NN worker: runs one KnnJob per message and posts the result back. Loaded only from the
 * compiled dist (worker_threads cannot load TypeScript); see worker-pool.ts.
 */
import { parentPort } from 'node:worker_threads';
import { runKnnJob, type KnnJob, type KnnJobResult } from './knn-job.js';

interface Request {
  id: number;
  job: KnnJob;
}

parentPort?.on('message', (request: Request) => {
  try {
    const result: KnnJobResult = runKnnJob(request.job);
    const transfer =
      result.op === 'knn'
        ? [result.distances.buffer, result.indices.buffer]
        : result.op === 'count'
          ? [result.counts.buffer]
          : [result.countsX.buffer, result.countsY.buffer];
    parentPort?.postMessage({ id: request.id, result }, transfer as ArrayBuffer[]);
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});
