import { WASM_KERNEL_NAMES, registeredWasmKernels, restoreWasmKernels } from '@cch-lab/trainers';
import { createBufferIo } from '../io.js';
import { selectBackend } from './backend.js';

describe('cli/options/backend', () => {
  it('on wasm registers the trainers kernels (so cch mi runs a neural estimator on the same kernels as a sweep)', async () => {
    const io = createBufferIo({ env: {} });
    await selectBackend('wasm', io);
    restoreWasmKernels();
    await selectBackend('wasm', io);
    expect(registeredWasmKernels()).toEqual([...WASM_KERNEL_NAMES]);
  });

  it('leaves other backends alone', async () => {
    const io = createBufferIo({ env: {} });
    await selectBackend('wasm', io);
    restoreWasmKernels();
    const info = await selectBackend('cpu', io);
    expect(info.name).toBe('cpu');
    expect(registeredWasmKernels()).toEqual([]);
  });
});
