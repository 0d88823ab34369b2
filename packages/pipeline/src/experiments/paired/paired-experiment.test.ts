import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chooseBackend, createRng } from '@cch-lab/core';
import { readYamlSource } from '../../config/yaml-source.js';
import { resolveConfig } from '../../config/resolve-config.js';
import { EXPERIMENTS } from '../index.js';
import { removeTempDirs, repoConfig, resolveInline, runInTemp, tempDir } from '../testing-fixtures/experiment-fixtures.js';

beforeAll(async () => {
  await chooseBackend({ requested: 'wasm', env: {} });
});
afterAll(removeTempDirs);

/** Three classes; `strong` shows the class clearly, `weak` barely; files with ids in shuffled order. */
function writeStudy(dir: string): void {
  const rng = createRng('paired-files');
  const n = 150;
  const labels = Array.from({ length: n }, (_, i) => ['a', 'b', 'c'][i % 3]);
  const row = (i: number, d: number, s: number) => Array.from({ length: d }, (_, j) => (s * (i % 3 === j % 3 ? 1 : 0) + rng.normal()).toFixed(5));
  const csv = (d: number, s: number, order: number[]) => ['id,' + Array.from({ length: d }, (_, j) => `f${j}`).join(','), ...order.map((i) => `s${i},${row(i, d, s).join(',')}`)].join('\n') + '\n';
  const ids = Array.from({ length: n }, (_, i) => i);
  writeFileSync(path.join(dir, 'strong.csv'), csv(4, 2, ids));
  writeFileSync(path.join(dir, 'weak.csv'), csv(3, 0.5, [...ids].reverse()));
  writeFileSync(path.join(dir, 'labels.csv'), ['id,label', ...ids.map((i) => `s${i},${labels[i]}`)].join('\n') + '\n');
}

const config = (dir: string) =>
  [
    'experiment: paired',
    'repeats: 2',
    `data: { modalities: { strong: ${path.join(dir, 'strong.csv')}, weak: ${path.join(dir, 'weak.csv')} }, labels: ${path.join(dir, 'labels.csv')} }`,
    'model: { kind: mlp, hidden: [8] }',
    'train: { epochs: 5, optimizer: { learningRate: 0.01 } }',
    'estimators: { subsamples: 3 }',
    '',
  ].join('\n');

describe('pipeline/experiments/paired', () => {
  it('runs teacher → student → KD on a user’s own files, matched by id, labelled real', async () => {
    const dir = tempDir('cch-paired-');
    writeStudy(dir);
    const out = await runInTemp(resolveInline(config(dir)));
    const r = out.results;
    expect(r.sources).toEqual(['real']);
    expect(r.cells.map((c) => `${c.teacher}→${c.student}`)).toEqual(['strong→weak', 'weak→strong']);
    for (const f of ['teacher_accuracy', 'no_kd_accuracy', 'kd_accuracy', 'kd_effect', 'observed', 'margin', 'cch_prediction']) expect(r.cells[0]).toHaveProperty(f);
    expect(r.cells[0].teacher_accuracy as number).toBeGreaterThan(r.cells[1].teacher_accuracy as number);
    expect(Object.keys(r.dataFingerprints ?? {})).toHaveLength(3);
  }, 60_000);

  it('names the config key when a pair names no modality, and the file when one is missing', async () => {
    const dir = tempDir('cch-paired-bad-');
    writeStudy(dir);
    expect(() => resolveInline(`${config(dir)}pairs: [{ teacher: strong, student: nose }]\n`)).toThrow(/'nose' is not a modality/);
    const gone = path.join(dir, 'weak.csv');
    writeFileSync(gone, readFileSync(gone, 'utf8'));
    await expect(runInTemp(resolveInline(config(dir).replace('weak.csv', 'absent.csv')))).rejects.toMatchObject({ code: 'ENODATA' });
  });

  it('the example config is valid', () => {
    expect(resolveConfig(readYamlSource(repoConfig('paired.example')), [], EXPERIMENTS).definition.name).toBe('paired');
  });
});
