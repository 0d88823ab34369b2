import { chooseBackend, silentReporter } from '@cch-lab/core';
import { WASM_KERNEL_NAMES, registeredWasmKernels, restoreWasmKernels } from '@cch-lab/trainers';
import type { AnyExperiment } from '../config/resolve-config.js';
import { runCellWithOwnStream, type CellRequest } from './cell-request.js';

/** An experiment whose cell trains nothing and records which wasm kernels it ran with. */
function recordingExperiment(seen: string[][]): AnyExperiment {
  return {
    name: 'recording',
    runCell: async () => {
      seen.push(registeredWasmKernels());
      return { rows: [] };
    },
  } as unknown as AnyExperiment;
}

const request: CellRequest = { experiment: 'recording', cell: { id: 'c0' } as CellRequest['cell'], config: {}, seed: 1, backend: 'wasm' };

describe('pipeline/run/cell-request', () => {
  it('runs every cell on wasm with the trainers kernels, whether or not an earlier cell trained', async () => {
    await chooseBackend({ requested: 'wasm', env: {} });
    restoreWasmKernels();
    expect(registeredWasmKernels()).toEqual([]);
    const seen: string[][] = [];
    await runCellWithOwnStream(recordingExperiment(seen), request, silentReporter);
    expect(seen).toEqual([[...WASM_KERNEL_NAMES]]);
  });
});
