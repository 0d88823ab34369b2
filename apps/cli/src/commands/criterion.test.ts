import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRng } from '@cch-lab/core';
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

describe('cli/commands/criterion usage', () => {
  it('requires at least one --teacher', async () => {
    const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined });
    registerCriterion(program, createBufferIo());
    await expect(program.parseAsync(['criterion', '--student', 's.csv', '--labels', 'y.csv'], { from: 'user' })).rejects.toThrow(/--teacher/);
  });
});
