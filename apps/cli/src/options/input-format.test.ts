import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InvalidInputError, UsageError, createRng } from '@cch-lab/core';
import { Command } from 'commander';
import { registerCriterion, runCriterion } from '../commands/criterion.js';
import { registerMi, runMi } from '../commands/mi.js';
import { createBufferIo } from '../io.js';
import { parseInputFormat } from './input-format.js';

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** Floats as pandas writes them (integral values with '.0'). */
const pandasFloat = (v: number) => (Number.isInteger(v) ? v.toFixed(1) : String(v));

/** x and y (y ≈ x) written the ways pandas writes frames, labels from x, n rows. */
function workspace(n = 120) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cch-cli-format-'));
  tempDirs.push(dir);
  const rng = createRng('cli-input-format');
  const x = Array.from({ length: n }, () => [rng.normal(), rng.normal()]);
  const y = x.map((r) => r.map((v) => 0.8 * v + 0.6 * rng.normal()));
  const labels = x.map((r) => (r[0] > 0 ? 1 : 0));
  const rows = (m: number[][]) => m.map((r) => r.map(pandasFloat).join(','));
  // df.to_csv('x.csv'): an index column under an empty corner cell.
  writeFileSync(path.join(dir, 'x.csv'), `${[',a,b', ...rows(x).map((r, i) => `${i},${r}`)].join('\n')}\n`);
  // pd.DataFrame(arr).to_csv('y.csv', index=False): numeric column names 0,1.
  writeFileSync(path.join(dir, 'y.csv'), `${['0,1', ...rows(y)].join('\n')}\n`);
  // pd.DataFrame(ints).to_csv('counts.csv', index=False): 0,1 above integers, which auto cannot tell from data.
  writeFileSync(path.join(dir, 'counts.csv'), `${['0,1', ...x.map((r) => `${Math.round(3 * r[0]) + 5},${Math.round(3 * r[1]) + 5}`)].join('\n')}\n`);
  writeFileSync(path.join(dir, 'labels.csv'), `${['label', ...labels].join('\n')}\n`);
  writeFileSync(path.join(dir, 'score.csv'), `${['score', ...x.map((r) => (r[0] / 2).toFixed(3))].join('\n')}\n`);
  writeFileSync(path.join(dir, 'x-key.csv'), `${['a,key,b', ...x.map((r, i) => `${pandasFloat(r[0])},k${i},${pandasFloat(r[1])}`)].join('\n')}\n`);
  writeFileSync(path.join(dir, 'y-key.csv'), `${['key,c,d', ...y.map((r, i) => `k${i},${rows([r])[0]}`).reverse()].join('\n')}\n`);
  return dir;
}

describe('cli/options/input-format', () => {
  it('maps --header and --id-column to reader options, refusing other values', () => {
    expect(parseInputFormat({}, 'cch mi')).toEqual({ header: 'auto', idColumn: 'auto' });
    expect(parseInputFormat({ header: 'yes', idColumn: 'none' }, 'cch mi')).toEqual({ header: true, idColumn: false });
    expect(parseInputFormat({ header: 'NO', idColumn: 'sample' }, 'cch mi')).toEqual({ header: false, idColumn: 'sample' });
    expect(() => parseInputFormat({ header: 'true' }, 'cch mi')).toThrow(UsageError);
    expect(() => parseInputFormat({ header: 'maybe' }, 'cch mi')).toThrow(/cch mi: --header must be yes, no or auto, got maybe/);
    expect(() => parseInputFormat({ idColumn: ' ' }, 'cch mi')).toThrow(/--id-column needs a column name/);
  });

  it('cch mi reads pandas files with the right n and says on stderr what it detected, one line per file', async () => {
    const dir = workspace();
    const io = createBufferIo({ cwd: dir });
    const r = await runMi({ x: 'x.csv', y: 'y.csv', estimator: 'gaussian' }, io);
    expect(r).toMatchObject({ n: 120, dims: [2, 2] });
    const lines = io.err().trim().split('\n');
    expect(lines).toEqual([
      "x.csv: header yes (names ('a', 'b') above numbers), id column 'column 1' (unnamed first column holding 0…n−1: pandas' index), 120 rows × 2 columns",
      'y.csv: header yes (numeric column names 0…1, as pandas writes for a frame without column names), no id column, 120 rows × 2 columns',
    ]);
    expect(r.inputs.map((i) => i.detected)).toMatchObject([
      { header: 'yes', idColumn: 'column 1', rows: 120, columns: 2 },
      { header: 'yes', idColumn: null, headerReason: expect.stringMatching(/numeric column names/) },
    ]);
  });

  it('--header no / yes settle what auto refuses, and --json lists every decision', async () => {
    const dir = workspace();
    await expect(runMi({ x: 'counts.csv', y: 'y.csv', estimator: 'gaussian' }, createBufferIo({ cwd: dir }))).rejects.toThrow(
      /counts\.csv:1: cannot tell whether the first row \(0,1\) is a header or data/,
    );
    const io = createBufferIo({ cwd: dir });
    const program = new Command().exitOverride();
    registerMi(program, io);
    await program.parseAsync(['mi', '--x', 'counts.csv', '--y', 'y.csv', '--estimator', 'gaussian', '--header', 'yes', '--json'], { from: 'user' });
    const json = JSON.parse(io.out());
    expect(json.n).toBe(120);
    expect(json.inputs[0]).toMatchObject({ format: 'csv', rows: 120, decisions: ['header yes (as requested)', 'no id column (the first column holds numbers and is not named like an id)'] });
    expect(io.err()).toMatch(/^counts\.csv: header yes \(as requested\)/);
    // The flags apply to every file: --header no reads both first rows as data, and says so.
    const both = createBufferIo({ cwd: dir });
    expect((await runMi({ x: 'counts.csv', y: 'y.csv', estimator: 'gaussian', header: 'no' }, both)).n).toBe(121);
    expect(both.err().match(/header no \(as requested\)/g)).toHaveLength(2);
    // On a file with names the names are then cells, refused.
    const forced = await runMi({ x: 'x.csv', y: 'y.csv', estimator: 'gaussian', header: 'no' }, createBufferIo({ cwd: dir })).catch((e: unknown) => e);
    expect((forced as InvalidInputError).message).toMatch(/x\.csv:1:1: missing value ""/);
    expect((forced as InvalidInputError).hint).toMatch(/^the first row was read as data \(as requested\); if it names the columns pass header: true \(cch: --header yes\)/);
  });

  it('--id-column names the id column of every matrix file; none keeps it out', async () => {
    const dir = workspace();
    const io = createBufferIo({ cwd: dir });
    const r = await runMi({ x: 'x-key.csv', y: 'y-key.csv', estimator: 'gaussian', idColumn: 'key' }, io);
    expect(r).toMatchObject({ n: 120, dims: [2, 2], details: { alignedById: true } });
    const same = await runMi({ x: 'x.csv', y: 'y.csv', estimator: 'gaussian' }, createBufferIo({ cwd: dir }));
    expect(r.nats).toBeCloseTo(same.nats, 10);
    await expect(runMi({ x: 'x-key.csv', y: 'y-key.csv', estimator: 'gaussian', idColumn: 'none' }, createBufferIo({ cwd: dir }))).rejects.toThrow(/non-numeric cell "k0" in column 'key'/);
  });

  it('--labels refuses a continuous target, naming the file and line and suggesting to drop --labels', async () => {
    const dir = workspace();
    const error = await runMi({ x: 'x.csv', y: 'score.csv', labels: true }, createBufferIo({ cwd: dir })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).message).toMatch(/score\.csv:\d+:1: label "[-\d.]+" is a number but not an integer/);
    expect((error as InvalidInputError).hint).toMatch(/drop --labels/);
    const ok = await runMi({ x: 'x.csv', y: 'score.csv', estimator: 'gaussian' }, createBufferIo({ cwd: dir }));
    expect(ok.dims).toEqual([2, 1]);
  });

  it('cch criterion takes the flags and reports every file, labels included', async () => {
    const dir = workspace();
    const io = createBufferIo({ cwd: dir });
    const program = new Command().exitOverride();
    registerCriterion(program, io);
    await program.parseAsync(['criterion', '--teacher', 'y.csv', '--student', 'x.csv', '--labels', 'labels.csv', '--subsamples', '2', '--json'], { from: 'user' });
    const json = JSON.parse(io.out());
    expect(json.n).toBe(120);
    expect(json.inputs.map((i: { format: string }) => i.format)).toEqual(['csv', 'csv', 'labels']);
    const lines = io.err().trim().split('\n').filter((l) => /^\S+\.csv: /.test(l));
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^labels\.csv: labels, header yes \('label' names a label column\), no id column, 120 rows, 2 classes/);
    const r = await runCriterion({ teacher: ['y.csv'], student: 'x.csv', labels: 'labels.csv', subsamples: 2, header: 'auto', idColumn: 'auto' }, createBufferIo({ cwd: dir }));
    expect(r.inputs).toHaveLength(3);
  });
});
