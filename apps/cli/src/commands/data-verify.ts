/**
 * `cch data verify NAME --path DIR` — check a data folder and print what the loader would read
 * (for TCGA: samples per omics, the intersection, labels per class, what was dropped and why; for
 * CMU-MOSEI: videos and segments per modality, what alignment dropped and why, the label balance),
 * without training anything. Malformed files fail with the loader's own errors (file and line).
 */
import path from 'node:path';
import type { MnistVerifyReport } from '@cch-lab/data-mnist-m';
import type { MoseiLabelMode, MoseiLayout, MoseiVerifyReport } from '@cch-lab/data-mosei';
import type { TcgaLayout, TcgaVerifyReport } from '@cch-lab/data-tcga';
import type { Command } from 'commander';
import { printJson, type Io } from '../io.js';
import { collect } from '../options/repeatable.js';

/** The data sets `cch data verify` knows; each has a loader with a verify function. */
export const VERIFIABLE = ['tcga', 'mnist', 'mosei'] as const;
export type Verifiable = (typeof VERIFIABLE)[number];

export interface DataVerifyOptions {
  path: string;
  layout?: string;
  /** mosei: the label mode. */
  label?: string;
  cohort?: string;
  labelColumn?: string;
  labelsFile?: string;
  file?: string[];
  view?: string[];
}

export function registerDataVerify(data: Command, io: Io): void {
  data
    .command('verify')
    .argument('<name>', `the data set: ${VERIFIABLE.join(' | ')}`)
    .description('check a folder and print what the loader would read (counts, intersection, classes, drops) — nothing is trained')
    .requiredOption('--path <dir>', 'the folder holding the files')
    .option('--layout <layout>', 'tcga: mogonet | mogcn | xena; mosei: csd (the SDK’s .csd files) | arrays (word-aligned .npy or mosei_aligned.h5) — required for both')
    .option('--label <mode>', 'mosei: binary | binary-nonzero | seven-class | sentiment (default binary; binary-nonzero drops segments scored 0)')
    .option('--cohort <name>', 'tcga: the cohort (names Xena’s clinical file and default label column; default the folder name)')
    .option('--label-column <name>', 'tcga: the label column of the clinical / class table')
    .option('--labels-file <file>', 'tcga: the label table’s file name')
    .option('--file <omics=name>', 'tcga: a file name per omics, e.g. --file mrna=HiSeqV2 (repeatable)', collect, [])
    .option('--view <omics=k>', 'tcga mogonet: the view number of an omics, e.g. --view cnv=3 (repeatable)', collect, [])
    .option('--json', 'print one JSON object on stdout')
    .addHelpText('after', '\nExamples:\n  $ cch data verify mnist --path data/mnist      (any MNIST-layout IDX folder, plain or .gz)\n  $ cch data verify tcga --path data/tcga/brca --layout xena --label-column PAM50Call_RNAseq\n  $ cch data verify tcga --path data/tcga/kipan --layout mogonet --view cnv=2 --view rppa=3\n  $ cch data verify mosei --path data/mosei --layout csd       (the four CMU_MOSEI_*.csd files)\n  $ cch data verify mosei --path data/mosei --layout arrays --label seven-class   (train/ valid/ test/ *.npy, *.npy, or mosei_aligned.h5)\n')
    .action(async (name: string, options: DataVerifyOptions & { json?: boolean }) => {
      const report = await runDataVerify(name, options, io);
      if (!options.json) io.stdout(report.text.endsWith('\n') ? report.text : `${report.text}\n`);
      // A folder the loader would refuse is a failure (exit 3 for missing files, else 2); under --json the error is the one object.
      if (!report.ok) throw await verifyFailure(report);
      if (options.json) printJson(io, report);
    });
}

type VerifyReport = (TcgaVerifyReport & { dataset: 'tcga' }) | (MnistVerifyReport & { dataset: 'mnist' }) | (MoseiVerifyReport & { dataset: 'mosei' });

async function verifyFailure(report: VerifyReport): Promise<Error> {
  const { DataNotFoundError, InvalidInputError } = await import('@cch-lab/core');
  if (report.dataset === 'mnist') {
    const problems = report.problems.map((p) => `${p.file ?? report.path}${p.offset !== undefined ? ` at byte ${p.offset}` : ''}: ${p.message}`).join('; ');
    return new InvalidInputError(`not a readable MNIST IDX folder: ${problems}`, { details: { file: report.path } });
  }
  const message = `${report.path}: the loader would not read this folder: ${report.problems.join('; ')}`;
  const script = report.dataset === 'mosei' ? 'data-scripts/mosei/README.md' : 'data-scripts/tcga/README.md';
  if (report.missingFiles.length > 0) return new DataNotFoundError(message, report.missingFiles, { hint: `see ${script} for the layouts and how to fetch them` });
  return new InvalidInputError(message, { details: { file: report.path } });
}

export async function runDataVerify(name: string, options: DataVerifyOptions, io: Io): Promise<VerifyReport & { text: string }> {
  const { InvalidInputError, UsageError } = await import('@cch-lab/core');
  if (!(VERIFIABLE as readonly string[]).includes(name)) {
    throw new UsageError(`cch data verify: unknown data set '${name}'; expected one of: ${VERIFIABLE.join(', ')}`);
  }
  if (name === 'mnist') {
    const { verifyMnist, formatMnistVerify } = await import('@cch-lab/data-mnist-m');
    const report = verifyMnist({ path: path.resolve(io.cwd, options.path) });
    return { ...report, dataset: 'mnist', text: formatMnistVerify(report) };
  }
  if (name === 'mosei') {
    const { MOSEI_LAYOUTS, MOSEI_LABEL_MODES, verifyMosei, formatMoseiVerify } = await import('@cch-lab/data-mosei');
    if (options.layout === undefined || !(MOSEI_LAYOUTS as readonly string[]).includes(options.layout)) {
      const what = options.layout === undefined ? '--layout is required, one of' : '--layout must be one of';
      throw new UsageError(`cch data verify mosei: ${what}: ${MOSEI_LAYOUTS.join(', ')}`, { details: { field: '--layout', received: String(options.layout) } });
    }
    if (options.label !== undefined && !(MOSEI_LABEL_MODES as readonly string[]).includes(options.label)) {
      throw new UsageError(`cch data verify mosei: --label must be one of: ${MOSEI_LABEL_MODES.join(', ')}`, { details: { field: '--label', received: options.label } });
    }
    // Missing files come back as problems (exit 3 below); malformed files throw InvalidInputError naming the file (exit 2).
    const report = await verifyMosei({
      path: path.resolve(io.cwd, options.path),
      layout: options.layout as MoseiLayout,
      ...(options.label !== undefined ? { label: options.label as MoseiLabelMode } : {}),
    });
    return { ...report, dataset: 'mosei', text: formatMoseiVerify(report) };
  }
  const { TCGA_LAYOUTS, OMICS, verifyTcga, formatTcgaVerify } = await import('@cch-lab/data-tcga');
  if (options.layout === undefined || !(TCGA_LAYOUTS as readonly string[]).includes(options.layout)) {
    throw new UsageError(`cch data verify tcga: --layout must be one of ${TCGA_LAYOUTS.join(', ')}`, { details: { field: '--layout', received: String(options.layout) } });
  }
  const pairs = (list: string[] | undefined, flag: string) =>
    Object.fromEntries(
      (list ?? []).map((entry) => {
        const [omics, value] = entry.split('=', 2);
        if (!(OMICS as readonly string[]).includes(omics) || value === undefined || value === '') {
          throw new InvalidInputError(`${flag} takes <omics>=<value> with omics one of ${OMICS.join(', ')}`, { details: { field: flag, received: entry } });
        }
        return [omics, value];
      }),
    );
  const views = Object.fromEntries(Object.entries(pairs(options.view, '--view')).map(([o, v]) => [o, Number(v)]));
  const report = verifyTcga({
    path: path.resolve(io.cwd, options.path),
    layout: options.layout as TcgaLayout,
    ...(options.cohort !== undefined ? { cohort: options.cohort } : {}),
    ...(options.labelColumn !== undefined ? { labelColumn: options.labelColumn } : {}),
    ...(options.labelsFile !== undefined ? { labelsFile: options.labelsFile } : {}),
    ...(options.file !== undefined && options.file.length > 0 ? { files: pairs(options.file, '--file') } : {}),
    ...(Object.keys(views).length > 0 ? { views } : {}),
  });
  return { ...report, dataset: 'tcga', text: formatTcgaVerify(report) };
}
