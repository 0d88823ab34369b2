import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BackendProbe } from '@cch-lab/core';
import { createBufferIo } from '../io.js';
import { main } from '../main.js';
import { nativeBackendStatus, nativeCacheBuilds, runDoctor } from './doctor.js';

describe('cli/commands/doctor', () => {
  it('reports the backend, the probes and the optional packages', async () => {
    const io = createBufferIo({ env: { CCH_BACKEND: 'wasm' } });
    const r = await runDoctor({}, io);
    expect(r.backend).toMatchObject({ name: 'wasm', requested: 'wasm' });
    expect(r.backends.map((b) => b.name)).toEqual(['node-gpu', 'node', 'wasm', 'cpu']);
    expect(Object.keys(r.optionalPackages).sort()).toEqual(['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu']);
    expect(r.cores).toBeGreaterThan(0);
  });

  it('finds a data set by its marker file', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cch-data-'));
    mkdirSync(path.join(dataDir, 'mnist'));
    writeFileSync(path.join(dataDir, 'mnist', 'train-images-idx3-ubyte.gz'), '');
    const r = await runDoctor({ data: dataDir }, createBufferIo());
    const mnist = r.datasets.find((d) => d.name === 'mnist');
    expect(mnist).toMatchObject({ present: true, title: 'MNIST (IDX)', layout: 'idx' });
    expect(r.datasets.find((d) => d.name === 'mosei')?.present).toBe(false);
    mkdirSync(path.join(dataDir, 'tcga', 'lihc'), { recursive: true });
    writeFileSync(path.join(dataDir, 'tcga', 'lihc', 'HiSeqV2'), '');
    expect((await runDoctor({ data: dataDir }, createBufferIo())).datasets.find((d) => d.name === 'tcga-lihc')).toMatchObject({ present: true, layout: 'xena' });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints a human summary and a JSON object', async () => {
    const human = createBufferIo({ env: { CCH_BACKEND: 'cpu' } });
    expect(await main(['doctor'], human)).toBe(0);
    expect(human.out()).toMatch(/backend: cpu/);
    expect(human.out()).toMatch(/data sets in /);
    const json = createBufferIo({ env: { CCH_BACKEND: 'cpu' } });
    expect(await main(['doctor', '--json'], json)).toBe(0);
    expect(JSON.parse(json.out())).toHaveProperty('backend.name', 'cpu');
  });

  describe('the native-backend line', () => {
    const probe = (name: BackendProbe['name'], available: boolean, error?: string): BackendProbe => ({
      name,
      package: name === 'node-gpu' ? '@tensorflow/tfjs-node-gpu' : name === 'node' ? '@tensorflow/tfjs-node' : name,
      available,
      ...(error !== undefined ? { error } : {}),
    });
    const missing = [probe('node-gpu', false, 'not installed'), probe('node', false, 'not installed'), probe('wasm', true), probe('cpu', true)];

    it('says how to enable it when tfjs-node is not installed', () => {
      const s = nativeBackendStatus(missing);
      expect(s.available).toBe(false);
      expect(s.package).toBe('@tensorflow/tfjs-node');
      expect(s.line).toMatch(/^native backend: not available — @tensorflow\/tfjs-node is not installed; enable it with `npm run setup:native`/);
    });

    it('points at --link-only when a build is cached, and at --force when the package does not load', () => {
      expect(nativeBackendStatus(missing, { cachedBuilds: ['tfjs-node-4.22.0-tf-2.21.0'] }).line).toMatch(
        /a build is cached \(tfjs-node-4\.22\.0-tf-2\.21\.0\): relink it with `npm run setup:native -- --link-only`/,
      );
      // A cached GPU build does not help the CPU package.
      expect(nativeBackendStatus(missing, { cachedBuilds: ['tfjs-node-gpu-4.22.0-tf-2.21.0-cuda'] }).line).toMatch(/enable it with `npm run setup:native`/);
      const broken = [probe('node-gpu', false, 'not installed'), probe('node', false, 'libtensorflow_cc.so.2: cannot open shared object file')];
      expect(nativeBackendStatus(broken).line).toMatch(/is installed but does not load \(libtensorflow_cc\.so\.2: cannot open.*\); rebuild it with `npm run setup:native -- --force`/);
    });

    it('says it is available, and where it came from when setup:native linked it', () => {
      const ok = [probe('node-gpu', false, 'not installed'), probe('node', true), probe('wasm', true), probe('cpu', true)];
      const use = "; auto takes wasm first (the same numbers on every machine; native's repeat per machine and thread count): --backend node or CCH_BACKEND=node uses it (faster for CNNs)";
      expect(nativeBackendStatus(ok)).toMatchObject({ available: true, line: `native backend: available — @tensorflow/tfjs-node (libtensorflow)${use}` });
      const linked = { cache: '/c', tfVersion: '2.21.0', wheel: 'tensorflow_cpu-2.21.0-cp311-cp311-manylinux_2_27_x86_64.whl' };
      expect(nativeBackendStatus(ok, { linked }).line).toBe(
        `native backend: available — @tensorflow/tfjs-node (libtensorflow, TensorFlow 2.21.0 from tensorflow_cpu-2.21.0-cp311-cp311-manylinux_2_27_x86_64.whl, linked by npm run setup:native)${use}`,
      );
      expect(nativeBackendStatus([probe('node-gpu', true), probe('node', true)]).line).toBe('native backend: available — @tensorflow/tfjs-node-gpu (CUDA)');
    });

    it('lists finished builds in the cache (CCH_NATIVE_CACHE)', () => {
      const cache = mkdtempSync(path.join(os.tmpdir(), 'cch-native-'));
      mkdirSync(path.join(cache, 'tfjs-node-4.22.0-tf-2.21.0'));
      writeFileSync(path.join(cache, 'tfjs-node-4.22.0-tf-2.21.0', 'manifest.json'), '{}');
      mkdirSync(path.join(cache, 'tfjs-node-4.22.0-tf-2.20.0')); // unfinished: no manifest
      expect(nativeCacheBuilds({ CCH_NATIVE_CACHE: cache })).toEqual(['tfjs-node-4.22.0-tf-2.21.0']);
      expect(nativeCacheBuilds({ CCH_NATIVE_CACHE: path.join(cache, 'nothing-here') })).toEqual([]);
      rmSync(cache, { recursive: true, force: true });
    });

    it('is one line of the human summary and a field of the JSON', async () => {
      const json = createBufferIo({ env: { CCH_BACKEND: 'cpu' } });
      expect(await main(['doctor', '--json'], json)).toBe(0);
      const r = JSON.parse(json.out()) as { native: { available: boolean; line: string } };
      const human = createBufferIo({ env: { CCH_BACKEND: 'cpu' } });
      expect(await main(['doctor'], human)).toBe(0);
      expect(human.out().split('\n')).toContain(r.native.line);
      expect(r.native.line).toMatch(r.native.available ? /^native backend: available/ : /npm run setup:native/);
    });
  });
});
