import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBufferIo } from '../io.js';
import { main } from '../main.js';
import { runDoctor } from './doctor.js';

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
});
