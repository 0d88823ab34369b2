import * as tf from '@tensorflow/tfjs';
import { chooseBackend, parseBackendRequest, probeBackend } from './backend.js';
import { BackendError, UnknownMethodError } from './errors.js';

describe('core/backend', () => {
  it('activates an explicitly requested backend and says why', async () => {
    const info = await chooseBackend({ requested: 'cpu', env: {} });
    expect(info.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(info.requestedBy).toBe('option');
    expect(info.reason).toMatch(/requested by --backend/);
  });

  it('reads CCH_BACKEND when no option is given', async () => {
    const info = await chooseBackend({ env: { CCH_BACKEND: 'wasm' } });
    expect(info.name).toBe('wasm');
    expect(info.requestedBy).toBe('CCH_BACKEND');
    expect(tf.getBackend()).toBe('wasm');
  });

  it('falls back in order under auto and records every probe', async () => {
    const info = await chooseBackend({ env: {} });
    expect(info.requested).toBe('auto');
    expect(info.probes.map((p) => p.name)).toEqual(
      ['node-gpu', 'wasm', 'node', 'cpu'].slice(0, info.probes.length),
    );
    expect(info.probes[info.probes.length - 1].available).toBe(true);
    for (const p of info.probes.slice(0, -1)) expect(p.available).toBe(false);
  });

  it('fails clearly when a requested optional backend is not installed', async () => {
    const probe = await probeBackend('node-gpu');
    if (probe.available) return; // a machine with CUDA tfjs-node-gpu: nothing to check here
    await expect(chooseBackend({ requested: 'node-gpu', env: {} })).rejects.toThrow(BackendError);
    await expect(chooseBackend({ requested: 'node-gpu', env: {} })).rejects.toThrow(/not available/);
  });

  it('rejects unknown backend names, listing the valid ones', () => {
    expect(() => parseBackendRequest('gpu')).toThrow(UnknownMethodError);
    expect(() => parseBackendRequest('gpu')).toThrow(/auto, node-gpu, node, wasm, cpu/);
  });
});
