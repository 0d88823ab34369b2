/**
 * `cch criterion --teacher FILE [--teacher FILE2 …] --student FILE --labels FILE` — the Cross-modal
 * Complementarity Hypothesis per teacher: I(H_t;H_s) vs I(H_s;Y), the margin, its interval and a
 * verdict, teachers ranked by margin.
 */
import path from 'node:path';
import type { InputReport } from '@cch-lab/data';
import type { CriterionResult } from '@cch-lab/estimators';
import type { Command } from 'commander';
import { printJson, type Io } from '../io.js';
import { globalBackend, selectBackend } from '../options/backend.js';
import { headerOption, idColumnOption } from '../options/definitions.js';
import type { InputFormatFlags } from '../options/index.js';
import { collect } from '../options/repeatable.js';

export interface CriterionCommandOptions extends InputFormatFlags {
  teacher: string[];
  student: string;
  labels: string;
  /** Estimator of I(H_t;H_s). Default 'ksg'. */
  estimator?: string;
  k?: number | string;
  seed?: number | string;
  subsamples?: number | string;
  /** commander's --keep-constant sets dropConstant to false. Default true. */
  dropConstant?: boolean;
  workers?: number | string;
  backend?: string;
}

/** `inputs`: what the readers decided about each file (teachers, student, labels). */
export type CriterionCommandResult = CriterionResult & { student: string; labels: string; seed: number | string; inputs: InputReport[] };

export function registerCriterion(program: Command, io: Io): void {
  program
    .command('criterion')
    .description('will KD from each teacher help the student? compares I(H_teacher;H_student) with I(H_student;Y) per teacher')
    .requiredOption('--teacher <file>', 'teacher representation, n × d_t (repeatable)', collect)
    .requiredOption('--student <file>', 'student representation, n × d_s')
    .requiredOption('--labels <file>', 'class labels, n rows')
    .option('--estimator <name>', 'estimator of I(H_t;H_s): ksg | ksg2 | gaussian | mine | infonce | lmi', 'ksg')
    .option('--k <n>', 'neighbours for the k-NN estimators', '3')
    .option('--seed <seed>', 'seed of the jitter and subsamples', '0')
    .option('--subsamples <n>', 'paired half-size subsamples for the margin interval', '20')
    .option('--keep-constant', 'fail on constant columns instead of dropping them (dead units are common)')
    .option('--workers <n>', 'k-NN worker threads (default: cores, at most 4)')
    .addOption(headerOption())
    .addOption(idColumnOption())
    .option('--json', 'print one JSON object on stdout')
    .addHelpText(
      'after',
      `
Verdicts: kd-helps (margin > 0), kd-hurts (margin < 0), inconclusive (the margin's interval
contains 0). The two sides come from different estimators (I(H_s;Y) from the mixed estimator) and
are biased differently: trust the ranking of teachers more than the sign of a small margin.

Examples:
  $ cch criterion --teacher text.npy --teacher audio.npy --student visual.npy --labels y.csv
  $ cch criterion --teacher t.csv --student s.csv --labels y.csv --estimator ksg2 --json`,
    )
    .action(async (options: Omit<CriterionCommandOptions, 'dropConstant'> & { keepConstant?: boolean; json?: boolean }, command: Command) => {
      const backend = globalBackend(command);
      const result = await runCriterion({ ...options, dropConstant: options.keepConstant !== true, backend }, io);
      if (options.json) printJson(io, result);
      else printCriterion(result, io);
    });
}

export async function runCriterion(options: CriterionCommandOptions, io: Io): Promise<CriterionCommandResult> {
  const { cchCriterion, checkK, checkPair, isNeuralEstimator, parseEstimatorName } = await import('@cch-lab/estimators');
  const { createRng } = await import('@cch-lab/core');
  const { attributeToFile, parseEngineWorkers, parseIntegerOption, parseSeed, readInputs } = await import('../options/index.js');
  const where = 'cch criterion';
  const estimator = parseEstimatorName(options.estimator ?? 'ksg');
  const k = parseIntegerOption(options.k ?? 3, '--k', { min: 1 }, where);
  const subsamples = parseIntegerOption(options.subsamples ?? 20, '--subsamples', { min: 2, max: 10_000 }, where);
  const workers = parseEngineWorkers(options.workers, where);
  const seed = parseSeed(options.seed ?? 0);
  const inputs = await readInputs([...options.teacher, options.student], options.labels, true, options, io, where);
  if (isNeuralEstimator(estimator)) await selectBackend(options.backend, io);
  const names = teacherNames(options.teacher);
  const labels = inputs.y as Int32Array;
  const studentFile = inputs.files[options.teacher.length];
  // cchCriterion feeds each file in several roles (the student is y against a teacher, x against
  // the labels), so its errors cannot say which file is at fault; check each file in one role first.
  const dropConstantColumns = options.dropConstant !== false;
  for (const [t, matrix] of inputs.matrices.entries()) {
    try {
      checkPair(matrix, labels, 'cch criterion', { dropConstantColumns });
    } catch (error) {
      throw attributeToFile(error, { x: inputs.files[t], labels: inputs.yFile });
    }
  }
  try {
    checkK(k, labels.length, 'cch criterion');
  } catch (error) {
    throw attributeToFile(error, { k: studentFile });
  }
  const result = await cchCriterion({
    teachers: names.map((name, t) => ({ name, representation: inputs.matrices[t] })),
    student: inputs.matrices[options.teacher.length],
    labels,
    estimator,
    k,
    rng: createRng(seed),
    subsamples,
    estimateOptions: { dropConstantColumns, engine: workers === undefined ? {} : { workers } },
    reporter: io.reporter,
  }).catch((error: unknown) => {
    // Left after the checks above: label problems only the mixed estimator sees (too few classes with two samples).
    throw attributeToFile(error, { labels: inputs.yFile });
  });
  return { ...result, student: studentFile, labels: inputs.yFile, seed, inputs: inputs.inputs };
}

/** File names without directories, or relative paths when two share a name. */
function teacherNames(files: string[]): string[] {
  const base = files.map((f) => path.basename(f));
  return base.map((b, i) => (base.indexOf(b) !== base.lastIndexOf(b) ? files[i] : b));
}

function printCriterion(r: CriterionCommandResult, io: Io): void {
  const level = Math.round(r.teachers[0].interval.level * 100);
  const lines = [
    `n = ${r.n}; I(H_s;Y) = ${r.teachers[0].i_student_label.toFixed(4)} nats (${r.estimators.studentLabel}); teachers ranked by margin (I(H_t;H_s) by ${r.estimators.teacherStudent}):`,
  ];
  for (const t of r.teachers) {
    lines.push(
      `  ${t.teacher}: I(H_t;H_s) ${t.i_teacher_student.toFixed(4)}, margin ${t.margin.toFixed(4)} [${level} %: ${t.interval.low.toFixed(4)}, ${t.interval.high.toFixed(4)}] → ${t.verdict}`,
    );
  }
  lines.push('  (the two sides come from different estimators and are biased differently; the ranking is the more robust reading)');
  io.stdout(`${lines.join('\n')}\n`);
}
