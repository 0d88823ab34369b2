import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InvalidInputError, UnknownMethodError, createRng } from '@cch-lab/core';
import { writeNpyAtomic } from '@cch-lab/data';
import { Command } from 'commander';
import { createBufferIo } from '../io.js';
import { registerMi, runMi } from './mi.js';

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** x (2 columns), y = x·0.8 + noise (2 columns), labels from x; with an id column in x and labels. */
function workspace(n = 400) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cch-cli-mi-'));
  tempDirs.push(dir);
  const rng = createRng('cli-mi');
  const x: number[][] = [];
  const y: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = [rng.normal(), rng.normal()];
    x.push(a);
    y.push(a.map((v) => 0.8 * v + 0.6 * rng.normal()));
  }
  writeFileSync(path.join(dir, 'x.csv'), `a,b\n${x.map((r) => r.join(',')).join('\n')}\n`);
  writeFileSync(path.join(dir, 'y.csv'), `${y.map((r) => r.join(',')).join('\n')}\n`);
  writeFileSync(path.join(dir, 'labels.csv'), `${x.map((r) => (r[0] > 0 ? 1 : 0)).join('\n')}\n`);
  // The same x with ids, and labels with ids in reverse order: rows must be matched by id.
  writeFileSync(path.join(dir, 'x-ids.csv'), `id,a,b\n${x.map((r, i) => `s${i},${r.join(',')}`).join('\n')}\n`);
  writeFileSync(path.join(dir, 'labels-ids.csv'), `id,label\n${x.map((r, i) => `s${i},${r[0] > 0 ? 1 : 0}`).reverse().join('\n')}\n`);
  writeFileSync(path.join(dir, 'short.csv'), `${y.slice(0, 10).map((r) => r.join(',')).join('\n')}\n`);
  // Bad inputs the readers accept and only the estimators reject: each message must still name its file.
  writeFileSync(path.join(dir, 'y-constant.csv'), `${y.map((r) => `${r[0]},7`).join('\n')}\n`);
  writeFileSync(path.join(dir, 'one-class.csv'), `${x.map(() => 'cat').join('\n')}\n`);
  const withNan = Float64Array.from(x.flat());
  withNan[2 * 5 + 1] = Number.NaN;
  writeNpyAtomic(path.join(dir, 'x-nan.npy'), withNan, [n, 2]);
  return dir;
}

describe('cli/commands/mi', () => {
  it('estimates MI between two files with the fields of the JSON contract', async () => {
    const dir = workspace();
    const r = await runMi({ x: 'x.csv', y: 'y.csv', estimator: 'ksg', shuffles: 9, subsamples: 5, seed: 3 }, createBufferIo({ cwd: dir }));
    expect(r).toMatchObject({ estimator: 'ksg', n: 400, dims: [2, 2], k: 3, standardized: true, seed: 3 });
    // Truth 2 · ½ ln(1 / (1 − 0.64)) ≈ 1.02 nats.
    expect(r.nats).toBeGreaterThan(0.8);
    expect(r.bits).toBeCloseTo(r.nats / Math.LN2, 12);
    expect(r.null).toMatchObject({ shuffles: 9, p: 0.1 });
    expect(r.interval).toMatchObject({ method: 'subsample', reps: 5 });
    expect(r.seconds).toBeGreaterThanOrEqual(0);
  });

  it('reads labels, runs the mixed estimator, and matches rows by id', async () => {
    const dir = workspace();
    const io = createBufferIo({ cwd: dir });
    const plain = await runMi({ x: 'x.csv', y: 'labels.csv', labels: true }, io);
    expect(plain).toMatchObject({ estimator: 'mixed', dims: [2, 1] });
    expect(plain.nats).toBeGreaterThan(0.3); // labels are a function of x: truth ln 2 ≈ 0.69
    const byId = await runMi({ x: 'x-ids.csv', y: 'labels-ids.csv', labels: true }, io);
    expect(byId.details).toMatchObject({ alignedById: true });
    expect(byId.nats).toBe(plain.nats);
  });

  it('prints one JSON object with --json and a sentence without', async () => {
    const dir = workspace();
    const io = createBufferIo({ cwd: dir });
    const program = new Command().exitOverride();
    registerMi(program, io);
    await program.parseAsync(['mi', '--x', 'x.csv', '--y', 'y.csv', '--estimator', 'gaussian', '--no-standardize', '--json'], { from: 'user' });
    const json = JSON.parse(io.out());
    expect(json).toMatchObject({ estimator: 'gaussian', n: 400, dims: [2, 2] });
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['estimator', 'nats', 'bits', 'n', 'dims', 'seconds']));
    const human = createBufferIo({ cwd: dir });
    const p2 = new Command().exitOverride();
    registerMi(p2, human);
    await p2.parseAsync(['mi', '--x', 'x.csv', '--y', 'y.csv', '--k', '5'], { from: 'user' });
    expect(human.out()).toMatch(/^I\(X;Y\) = [\d.]+ nats \([\d.]+ bits\) by ksg, n = 400, dims 2 × 2, k = 5/);
  });

  it('fails with typed errors on bad input', async () => {
    const dir = workspace();
    const io = createBufferIo({ cwd: dir });
    await expect(runMi({ x: 'x.csv', y: 'short.csv' }, io)).rejects.toThrow(InvalidInputError);
    await expect(runMi({ x: 'x.csv', y: 'short.csv' }, io)).rejects.toThrow(/400 rows but short.csv has 10/);
    await expect(runMi({ x: 'x.csv', y: 'y.csv', estimator: 'kraskov' }, io)).rejects.toThrow(UnknownMethodError);
    await expect(runMi({ x: 'x.csv', y: 'y.csv', k: '400' }, io)).rejects.toThrow(/k = 400 needs at least/);
    await expect(runMi({ x: 'x.csv', y: 'y.csv', k: 'three' }, io)).rejects.toThrow(/--k/);
  });

  it('names the file in errors only the estimator can find (NaN in .npy, constant column, one class, k ≥ n)', async () => {
    const dir = workspace();
    const io = createBufferIo({ cwd: dir });
    const cases: [Parameters<typeof runMi>[0], string, RegExp][] = [
      [{ x: 'x-nan.npy', y: 'y.csv' }, 'x-nan.npy', /NaN at row 6, column 2/],
      [{ x: 'x.csv', y: 'y-constant.csv' }, 'y-constant.csv', /constant column/],
      [{ x: 'x.csv', y: 'y-constant.csv', estimator: 'gaussian' }, 'y-constant.csv', /constant column/],
      [{ x: 'x.csv', y: 'one-class.csv', labels: true }, 'one-class.csv', /one class/],
      [{ x: 'x.csv', y: 'y.csv', k: 400 }, 'x.csv', /k = 400 needs at least/],
    ];
    for (const [options, file, what] of cases) {
      const error = await runMi(options, io).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).details.file).toBe(path.join(dir, file));
      expect((error as Error).message.startsWith(`${path.join(dir, file)}: `)).toBe(true);
      expect((error as Error).message).toMatch(what);
    }
  });

  it('says how many rows are needed, and which class is too small for k, instead of a pivot or a silent cap', async () => {
    const dir = workspace();
    const io = createBufferIo({ cwd: dir });
    writeFileSync(path.join(dir, 'two-x.csv'), '1,2\n2,1\n');
    writeFileSync(path.join(dir, 'two-y.csv'), '1\n3\n');
    const few = await runMi({ x: 'two-x.csv', y: 'two-y.csv', estimator: 'gaussian' }, io).then(
      () => undefined,
      (e: unknown) => e as InvalidInputError,
    );
    expect(few).toBeInstanceOf(InvalidInputError);
    expect(few?.message).toMatch(/gaussian: 2 rows for 2 \+ 1 dimensions; needs at least 4 rows \(n ≥ dx \+ dy \+ 1\)/);
    expect(few?.message).not.toMatch(/pivot/);
    const labels = Array.from({ length: 400 }, (_, i) => (i < 3 ? 2 : i % 2));
    writeFileSync(path.join(dir, 'rare.csv'), `${labels.join('\n')}\n`);
    const small = await runMi({ x: 'x.csv', y: 'rare.csv', labels: true, k: 3 }, io).then(
      () => undefined,
      (e: unknown) => e as InvalidInputError,
    );
    expect(small).toBeInstanceOf(InvalidInputError);
    expect(small?.details.file).toBe(path.join(dir, 'rare.csv'));
    expect(small?.message).toMatch(/k = 3 needs at least k \+ 1 = 4 samples in every class .*class 2 has 3 samples/);
  });

  it('always prints k and standardized, and repeats itself exactly with the same seed', async () => {
    const dir = workspace();
    const io = createBufferIo({ cwd: dir });
    const gaussian = await runMi({ x: 'x.csv', y: 'y.csv', estimator: 'gaussian' }, io);
    expect(gaussian).toMatchObject({ k: null, standardized: true });
    expect(Object.keys(JSON.parse(JSON.stringify(gaussian)))).toEqual(expect.arrayContaining(['k', 'standardized']));
    const options = { x: 'x.csv', y: 'y.csv', estimator: 'ksg2', shuffles: 4, subsamples: 3, seed: 'repeat' };
    const drop = ({ seconds: _s, ...rest }: Awaited<ReturnType<typeof runMi>>) => rest;
    const first = await runMi(options, io);
    expect(drop(await runMi(options, io))).toEqual(drop(first));
    // The seed drives the permutations and subsamples (KSG itself hardly moves with 1e-10 jitter).
    expect((await runMi({ ...options, seed: 'other' }, io)).null?.mean).not.toBe(first.null?.mean);
  });
});
