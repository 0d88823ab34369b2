/**
 * The SIMD training kernels run on the wasm backend's memory, and ship the bytes of the committed
 * kernels.wat. Their results are tested through the kernels that use them (relu, bias-add, sum,
 * max-pool-grad tests, against cpu); here: that they are what actually ran.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { useBackend } from '../../../testing-fixtures/backends.js';
import type { WasmBackend } from '../wasm-kernel-utils.js';
import { simdKernels } from './simd-kernels.js';

const packageDir = fileURLToPath(new URL('../../../../', import.meta.url));

describe('trainers/kernels/wasm/simd', () => {
  it('instantiates on the wasm backend memory and writes tfjs tensors in place', async () => {
    await useBackend('wasm');
    const backend = tf.backend() as unknown as WasmBackend;
    const kernels = simdKernels(backend);
    expect(kernels).toBeDefined();
    const dy = tf.tensor1d([1, 2, 3, 4, 5, 6, -7]);
    const y = tf.tensor1d([0.5, 0, -1, 2, Number.NaN, 3, 1]);
    const dx = tf.zeros([7]);
    kernels!.reluGrad(dy, y, dx);
    expect(Array.from(dx.dataSync())).toEqual([1, 0, 0, 4, 0, 6, -7]);
    tf.dispose([dy, y, dx]);
  });

  it('ships the bytes of the committed kernels.wat (scripts/build-wasm.mjs --check)', () => {
    const out = execFileSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { cwd: packageDir, encoding: 'utf8' });
    expect(out).toContain('up to date');
  });
});
