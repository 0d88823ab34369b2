import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InvalidInputError, createRng } from '@cch-lab/core';
import { writeNpyAtomic } from '@cch-lab/data';
import { Command } from 'commander';
import { createBufferIo } from '../io.js';
import { registerCriterion, runCriterion } from './criterion.js';

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A student that sees the label (class means ±1.5), a close teacher (student + small noise) and a noise teacher. */
function workspace(n = 500) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cch-cli-criterion-'));
  tempDirs.push(dir);
  const rng = createRng('cli-criterion');
  const labels: number[] = [];
  const student: number[][] = [];
  for (let i = 0; i < n; i++) {
    const y = rng.int(2);
    labels.push(y);
    student.push([rng.normal() + (y === 1 ? 1.5 : -1.5), rng.normal()]);
  }
  const close = student.map((r) => r.map((v) => v + 0.2 * rng.normal()));
  const noise = student.map(() => [rng.normal(), rng.normal(), 5]);
  const csv = (rows: number[][]) => `${rows.map((r) => r.join(',')).join('\n')}\n`;
  writeFileSync(path.join(dir, 'student.csv'), csv(student));
  writeFileSync(path.join(dir, 'close.csv'), csv(close));
  // A constant third column (a dead unit): dropped by default.
  writeFileSync(path.join(dir, 'noise.csv'), csv(noise));
  writeFileSync(path.join(dir, 'labels.csv'), `${labels.join('\n')}\n`);
  // Bad inputs the readers accept and only the estimators would reject.
  const nan = Float64Array.from(close.flat());
  nan[7] = Number.NaN;
  writeNpyAtomic(path.join(dir, 'teacher-nan.npy'), nan, [n, 2]);
  writeFileSync(path.join(dir, 'dead.csv'), csv(student.map(() => [1, 1])));
  writeFileSync(path.join(dir, 'one-class.csv'), `${labels.map(() => 4).join('\n')}\n`);
  // Two classes, but one of them has a single sample: after dropping it only one class is left.
  writeFileSync(path.join(dir, 'singleton.csv'), `${labels.map((_, i) => (i === 0 ? 1 : 0)).join('\n')}\n`);
  return dir;
}

describe('cli/commands/criterion', () => {
  it('ranks teachers by margin with a verdict each', async () => {
    const dir = workspace();
    const r = await runCriterion({ teacher: ['noise.csv', 'close.csv'], student: 'student.csv', labels: 'labels.csv', subsamples: 6 }, createBufferIo({ cwd: dir }));
    expect(r.teachers.map((t) => [t.teacher, t.verdict])).toEqual([
      ['close.csv', 'kd-helps'],
      ['noise.csv', 'kd-hurts'],
    ]);
    for (const t of r.teachers) {
      expect(Object.keys(t).sort()).toEqual(['i_student_label', 'i_teacher_student', 'interval', 'margin', 'teacher', 'verdict']);
    }
    expect(r.details.teacherStudent).toMatchObject({ 'noise.csv': { details: { droppedConstantColumns: { x: [2], y: [] } } } });
  });

  it('prints JSON with --json, a table without, and refuses constant columns with --keep-constant', async () => {
    const dir = workspace();
    const io = createBufferIo({ cwd: dir });
    const program = new Command().exitOverride();
    registerCriterion(program, io);
    await program.parseAsync(['criterion', '--teacher', 'close.csv', '--student', 'student.csv', '--labels', 'labels.csv', '--subsamples', '4', '--json'], { from: 'user' });
    expect(JSON.parse(io.out())).toMatchObject({ units: 'nats', n: 500, teachers: [{ teacher: 'close.csv', verdict: 'kd-helps' }] });
    const human = createBufferIo({ cwd: dir });
    const p2 = new Command().exitOverride();
    registerCriterion(p2, human);
    await p2.parseAsync(['criterion', '--teacher', 'close.csv', '--student', 'student.csv', '--labels', 'labels.csv', '--subsamples', '4'], { from: 'user' });
    expect(human.out()).toMatch(/close\.csv: I\(H_t;H_s\) [\d.]+, margin [\d.]+ .* → kd-helps/);
    await expect(
      runCriterion({ teacher: ['noise.csv'], student: 'student.csv', labels: 'labels.csv', subsamples: 2, dropConstant: false }, createBufferIo({ cwd: dir })),
    ).rejects.toThrow(/constant column/);
  });
});

describe('cli/commands/criterion bad input', () => {
  it('names the file at fault, whatever role the estimators give it', async () => {
    const dir = workspace(60);
    const io = createBufferIo({ cwd: dir });
    const base = { teacher: ['close.csv'], student: 'student.csv', labels: 'labels.csv', subsamples: 2 };
    const cases: [Parameters<typeof runCriterion>[0], string, RegExp][] = [
      [{ ...base, teacher: ['close.csv', 'teacher-nan.npy'] }, 'teacher-nan.npy', /NaN at row 4, column 2/],
      [{ ...base, student: 'dead.csv' }, 'dead.csv', /only constant columns/],
      [{ ...base, teacher: ['noise.csv'], dropConstant: false }, 'noise.csv', /constant column/],
      [{ ...base, labels: 'one-class.csv' }, 'one-class.csv', /one class/],
      [{ ...base, labels: 'singleton.csv' }, 'singleton.csv', /two or more samples/],
      [{ ...base, k: 60 }, 'student.csv', /k = 60 needs at least/],
    ];
    for (const [options, file, what] of cases) {
      const error = await runCriterion(options, io).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).details.file).toBe(path.join(dir, file));
      expect((error as Error).message).toMatch(what);
    }
  });

  it('repeats itself exactly with the same seed', async () => {
    const dir = workspace(200);
    const options = { teacher: ['close.csv', 'noise.csv'], student: 'student.csv', labels: 'labels.csv', subsamples: 4, seed: 9 };
    const first = await runCriterion(options, createBufferIo({ cwd: dir }));
    const again = await runCriterion(options, createBufferIo({ cwd: dir }));
    expect(again.teachers).toEqual(first.teachers);
  });
});

describe('cli/commands/criterion usage', () => {
  it('requires at least one --teacher', async () => {
    const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined });
    registerCriterion(program, createBufferIo());
    await expect(program.parseAsync(['criterion', '--student', 's.csv', '--labels', 'y.csv'], { from: 'user' })).rejects.toThrow(/--teacher/);
  });
});
