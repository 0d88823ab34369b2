/**
 * Malformed TCGA folders, one defect at a time: each must fail with a typed error from
 * @cch-lab/core whose message names the file (and the line / column where there is one), and a
 * load that succeeds must not hand on a non-finite value. The loader's other tests cover the
 * layouts' good paths; this file is the checklist of issue 14 item 8.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { CchError, DataNotFoundError, InvalidInputError } from '@cch-lab/core';
import type { PairedDataset } from '@cch-lab/data';
import { loadTcga } from './load-tcga.js';
import { makeTempDir, removeDir, tinyCohort, writeMogcnFolder, writeMogonetFolder, writeText, writeXenaFolder } from './testing-fixtures/index.js';
import type { TcgaLayout } from './types.js';
import { verifyTcga } from './verify/verify-tcga.js';

let root: string;
let count = 0;
beforeAll(() => {
  root = makeTempDir();
});
afterAll(() => removeDir(root));

const source = tinyCohort();
const ids = source.meta.sampleIds as string[];

function folder(): string {
  count += 1;
  return path.join(root, String(count), 'brca');
}

function mogonet(): string {
  return writeMogonetFolder(folder(), source);
}

function mogcn(): string {
  return writeMogcnFolder(folder(), source);
}

function read(dir: string, name: string): string {
  return fs.readFileSync(path.join(dir, name), 'utf8');
}

interface Expected {
  /** The file the message must name (a basename inside the folder). */
  file: string;
  line?: number;
  column?: number;
  message?: RegExp;
  /** verifyTcga throws the same error (default), or reports the problem (single class, no shared samples). */
  verify?: 'throws' | 'reports';
}

/**
 * The InvalidInputError of loading `dir`: code EINVALID, `details.file` and the message's
 * `file:line:column` prefix as expected. verifyTcga reads the same files, so it must throw the same.
 */
function expectInvalid(dir: string, layout: TcgaLayout, expected: Expected): InvalidInputError {
  const e = thrown(() => loadTcga({ path: dir, layout }));
  expect(e).toBeInstanceOf(InvalidInputError);
  const error = e as InvalidInputError;
  const file = path.join(dir, expected.file);
  expect(error.code).toBe('EINVALID');
  expect(error.details.file).toBe(file);
  const where = [file, expected.line, expected.column].filter((p) => p !== undefined).join(':');
  expect(error.message).toContain(where);
  if (expected.line !== undefined) expect(error.details.line).toBe(expected.line);
  if (expected.column !== undefined) expect(error.details.column).toBe(expected.column);
  if (expected.message !== undefined) expect(error.message).toMatch(expected.message);
  if (expected.verify === 'reports') expect(verifyTcga({ path: dir, layout })).toMatchObject({ ok: false, problems: [expect.any(String)] });
  else expect(thrown(() => verifyTcga({ path: dir, layout }))).toMatchObject({ code: 'EINVALID', message: error.message });
  return error;
}

function thrown(fn: () => unknown): CchError {
  try {
    fn();
  } catch (error) {
    // Never a bare TypeError / RangeError: every failure of a load is one of ours.
    expect(error).toBeInstanceOf(CchError);
    return error as CchError;
  }
  throw new Error('expected a throw');
}

function expectFinite(ds: PairedDataset): void {
  for (const [name, x] of Object.entries(ds.modalities)) {
    const bad = x.data.findIndex((v) => !Number.isFinite(v));
    expect({ name, bad }).toEqual({ name, bad: -1 });
  }
}

/** Drops everything after the middle comma of the last line (no newline after it): a copy cut short. */
function cutLastRow(text: string): { text: string; line: number } {
  const lines = text.trimEnd().split('\n');
  const last = lines[lines.length - 1];
  const commas = [...last.matchAll(/,/g)].map((m) => m.index as number);
  lines[lines.length - 1] = last.slice(0, commas[Math.floor(commas.length / 2)] + 3);
  return { text: lines.join('\n'), line: lines.length };
}

describe('data-tcga/bad-input: MOGONET folders', () => {
  it('a missing file is a DataNotFoundError naming it (exit 3)', () => {
    const dir = mogonet();
    fs.rmSync(path.join(dir, '3_featname.csv'));
    const e = thrown(() => loadTcga({ path: dir, layout: 'mogonet' }));
    expect(e).toBeInstanceOf(DataNotFoundError);
    expect(e.code).toBe('ENODATA');
    expect((e as DataNotFoundError).expectedPaths).toEqual([path.join(dir, '3_featname.csv')]);
    expect(e.message).toContain(path.join(dir, '3_featname.csv'));
  });

  it.each([
    ['1_tr.csv', /empty/],
    ['2_te.csv', /empty/],
    ['labels_tr.csv', /empty/],
    ['labels_te.csv', /empty/],
    ['3_featname.csv', /lists 0 feature names but .*3_tr\.csv has 8 columns/],
  ])('an empty %s names the file', (name, message) => {
    const dir = mogonet();
    writeText(dir, name, '');
    expectInvalid(dir, 'mogonet', { file: name, message });
  });

  it('a view cut short in its last row is a ragged row at that line', () => {
    const dir = mogonet();
    const cut = cutLastRow(read(dir, '2_tr.csv'));
    writeText(dir, '2_tr.csv', cut.text);
    expectInvalid(dir, 'mogonet', { file: '2_tr.csv', line: cut.line, message: /ragged row/ });
  });

  it('a ragged row in the middle names its line', () => {
    const dir = mogonet();
    const lines = read(dir, '1_te.csv').split('\n');
    lines[3] = `${lines[3]},0.5`;
    writeText(dir, '1_te.csv', lines.join('\n'));
    expectInvalid(dir, 'mogonet', { file: '1_te.csv', line: 4, message: /ragged row: 13 fields where the first data row has 12/ });
  });

  it.each([
    ['a word', 'high'],
    ['an infinity', 'Inf'],
    ['a number beyond float64', '1e999'],
    ['a decimal comma', '"1,5"'],
  ])('%s in a cell names line, column and the cell', (_, cell) => {
    const dir = mogonet();
    const lines = read(dir, '3_tr.csv').split('\n');
    const row = lines[5].split(',');
    row[2] = cell;
    lines[5] = row.join(',');
    writeText(dir, '3_tr.csv', lines.join('\n'));
    const e = expectInvalid(dir, 'mogonet', { file: '3_tr.csv', line: 6, column: 3 });
    expect(e.details.received).toBe(cell.replaceAll('"', ''));
  });

  it('NaN cells are missing: listed in meta.missing with a finite placeholder, never passed on as NaN', () => {
    const dir = mogonet();
    const lines = read(dir, '1_tr.csv').split('\n');
    const row = lines[1].split(',');
    row[4] = 'NaN';
    lines[1] = row.join(',');
    writeText(dir, '1_tr.csv', lines.join('\n'));
    const ds = loadTcga({ path: dir, layout: 'mogonet' });
    expectFinite(ds);
    expect((ds.meta.missing as Record<string, { cells: number[] }>).mrna.cells).toEqual([1 * 12 + 4]);
  });

  it('a label file with more or fewer lines than the view rows names both files', () => {
    const dir = mogonet();
    writeText(dir, 'labels_tr.csv', `${read(dir, 'labels_tr.csv')}1\n`);
    const e = expectInvalid(dir, 'mogonet', { file: 'labels_tr.csv', message: /holds \d+ labels but .*1_tr\.csv has \d+ rows/ });
    expect(e.message).toContain(path.join(dir, '1_tr.csv'));
  });

  it('a view with a row fewer than the other views is caught against the labels', () => {
    const dir = mogonet();
    writeText(dir, '2_te.csv', read(dir, '2_te.csv').trimEnd().split('\n').slice(0, -1).join('\n'));
    expectInvalid(dir, 'mogonet', { file: 'labels_te.csv', message: /2_te\.csv has \d+ rows/ });
  });

  it.each([
    ['a fraction', '2.5', /integer class/],
    ['a word', 'LumA', /integer class/],
    ['NaN', 'NaN', /integer class/],
    ['two fields', '1,2', /one label per line, found 2 fields/],
    ['a negative class', '-1', /class index ≥ 0/],
  ])('a label that is %s names file and line', (_, label, message) => {
    const dir = mogonet();
    const lines = read(dir, 'labels_te.csv').split('\n');
    lines[2] = label;
    writeText(dir, 'labels_te.csv', lines.join('\n'));
    expectInvalid(dir, 'mogonet', { file: 'labels_te.csv', line: 3, column: 1, message });
  });

  it('a test label of a class that no training row has names file and line', () => {
    const dir = mogonet();
    const lines = read(dir, 'labels_te.csv').split('\n');
    lines[1] = '7';
    writeText(dir, 'labels_te.csv', lines.join('\n'));
    expectInvalid(dir, 'mogonet', { file: 'labels_te.csv', line: 2, column: 1, message: /class 7 .* no row of .*labels_tr\.csv/ });
  });

  it('a single class is refused, naming the label file', () => {
    const dir = mogonet();
    for (const name of ['labels_tr.csv', 'labels_te.csv']) writeText(dir, name, read(dir, name).replace(/\d+/g, '3'));
    expectInvalid(dir, 'mogonet', { file: 'labels_tr.csv', message: /same class '3'/, verify: 'reports' });
  });

  it('a feature-name file or a test view that does not match the training view is named', () => {
    const dir = mogonet();
    writeText(dir, '1_featname.csv', read(dir, '1_featname.csv').split('\n').slice(1).join('\n'));
    expectInvalid(dir, 'mogonet', { file: '1_featname.csv', message: /lists 11 feature names but .*1_tr\.csv has 12 columns/ });

    const dir2 = mogonet();
    writeText(dir2, '3_te.csv', read(dir2, '3_te.csv').split('\n').map((l) => l.replace(/,[^,]*$/, '')).join('\n'));
    expectInvalid(dir2, 'mogonet', { file: '3_te.csv', message: /has 7 columns but .*3_tr\.csv has 8/ });
  });

  it('a header row written over a view is named, with a hint that fits MOGONET files', () => {
    const dir = mogonet();
    writeText(dir, '1_tr.csv', `${Array.from({ length: 12 }, (_, j) => `gene${j}`).join(',')}\n${read(dir, '1_tr.csv')}`);
    const e = expectInvalid(dir, 'mogonet', { file: '1_tr.csv', line: 1, column: 1, message: /non-numeric cell "gene0"/ });
    // MOGONET views have no header option to pass: the hint must not point to one.
    expect(e.hint).not.toMatch(/--header|header: true/);
    expect(e.hint).toMatch(/no header row/);
  });
});

describe('data-tcga/bad-input: MoGCN and Xena folders', () => {
  it('a missing omics file is a DataNotFoundError naming it', () => {
    const dir = mogcn();
    fs.rmSync(path.join(dir, 'gistic_data.csv'));
    const e = thrown(() => loadTcga({ path: dir, layout: 'mogcn' }));
    expect(e).toBeInstanceOf(DataNotFoundError);
    expect((e as DataNotFoundError).expectedPaths).toEqual([path.join(dir, 'gistic_data.csv')]);
  });

  it.each([
    ['an empty omics file', 'fpkm_data.csv', '', /empty/],
    ['an omics file with a header only', 'rppa_data.csv', 'sample,a,b\n', /header row but no data rows/],
    ['an empty label table', 'sample_classes.csv', '', /empty/],
  ])('%s names the file', (_, name, content, message) => {
    const dir = mogcn();
    writeText(dir, name, content);
    expectInvalid(dir, 'mogcn', { file: name, message });
  });

  it('an omics file cut short in its last row is a ragged row at that line', () => {
    const dir = mogcn();
    const cut = cutLastRow(read(dir, 'fpkm_data.csv'));
    writeText(dir, 'fpkm_data.csv', cut.text);
    expectInvalid(dir, 'mogcn', { file: 'fpkm_data.csv', line: cut.line, message: /ragged row/ });
  });

  it('an empty sample id names file, line and column', () => {
    const dir = mogcn();
    const lines = read(dir, 'gistic_data.csv').split('\n');
    lines[3] = lines[3].replace(/^[^,]+/, '');
    writeText(dir, 'gistic_data.csv', lines.join('\n'));
    expectInvalid(dir, 'mogcn', { file: 'gistic_data.csv', line: 4, column: 1, message: /empty sample id/ });

    const dir2 = mogcn();
    const labels = read(dir2, 'sample_classes.csv').split('\n');
    labels[2] = labels[2].replace(/^[^,]+/, ' ');
    writeText(dir2, 'sample_classes.csv', labels.join('\n'));
    expectInvalid(dir2, 'mogcn', { file: 'sample_classes.csv', line: 3, column: 1, message: /empty sample id/ });
  });

  it('a sample listed twice in the label table names both lines', () => {
    const dir = mogcn();
    const lines = read(dir, 'sample_classes.csv').split('\n');
    lines[4] = lines[1];
    writeText(dir, 'sample_classes.csv', lines.join('\n'));
    expectInvalid(dir, 'mogcn', { file: 'sample_classes.csv', line: 5, column: 1, message: new RegExp(`duplicate sample id "${ids[0]}" \\(also at line 2\\)`) });
  });

  it('a ragged label table row names its line', () => {
    const dir = mogcn();
    const lines = read(dir, 'sample_classes.csv').split('\n');
    lines[6] = `${lines[6]},extra`;
    writeText(dir, 'sample_classes.csv', lines.join('\n'));
    expectInvalid(dir, 'mogcn', { file: 'sample_classes.csv', line: 7, message: /ragged row: 3 fields where the first row has 2/ });
  });

  it('samples missing from one omics are dropped and counted, and what is kept is finite', () => {
    const dir = writeMogcnFolder(folder(), source, { leaveOut: { rppa: [ids[3]] } });
    writeText(dir, 'fpkm_data.csv', read(dir, 'fpkm_data.csv').replace(/^(TCGA[^,]*,[^,]*),[^,]*/m, '$1,NA'));
    const ds = loadTcga({ path: dir, layout: 'mogcn' });
    expect(ds.labels.length).toBe(ids.length - 1);
    expect((ds.meta.drops as Record<string, { counts: Record<string, number> }>).mrna.counts.notInEveryOmics).toBe(1);
    expectFinite(ds);
  });

  it('a truncated .gz file is named, and the hint does not claim it is not gzip data', () => {
    const dir = folder();
    writeXenaFolder(dir, source, { edgeCases: false });
    const gz = zlib.gzipSync(fs.readFileSync(path.join(dir, 'RPPA')));
    fs.writeFileSync(path.join(dir, 'RPPA.gz'), gz.subarray(0, Math.floor(gz.length / 2)));
    fs.rmSync(path.join(dir, 'RPPA'));
    const e = expectInvalid(dir, 'xena', { file: 'RPPA.gz', message: /cannot gunzip/ });
    expect(e.hint).toMatch(/cut short/);
  });

  it('a Xena matrix cut short in its last row, or holding an infinity, names line and column', () => {
    const dir = folder();
    writeXenaFolder(dir, source, { edgeCases: false });
    const file = path.join(dir, 'HiSeqV2');
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    fs.writeFileSync(file, [...lines.slice(0, -1), lines[lines.length - 1].split('\t').slice(0, 5).join('\t')].join('\n'));
    expectInvalid(dir, 'xena', { file: 'HiSeqV2', line: lines.length, message: /ragged row/ });

    const row = lines[2].split('\t');
    row[3] = '-Infinity';
    fs.writeFileSync(file, [...lines.slice(0, 2), row.join('\t'), ...lines.slice(3)].join('\n'));
    expectInvalid(dir, 'xena', { file: 'HiSeqV2', line: 3, column: 4 });
  });

  it('an empty Xena clinical matrix names the file', () => {
    const dir = folder();
    writeXenaFolder(dir, source, { edgeCases: false });
    writeText(dir, 'BRCA_clinicalMatrix', '');
    expectInvalid(dir, 'xena', { file: 'BRCA_clinicalMatrix', message: /empty/ });
  });
});
