/**
 * Fuzz: random mutations of valid CSV, .npy, IDX, HDF5 (.csd) and YAML inputs never give anything
 * but a result or a typed error — exit 0, 2 or 3 (3: missing data), no stack trace, no "bug" note,
 * no hang, no NaN (null in JSON) where a number is promised.
 *
 * Deterministic by seed: case i of format F mutates with `createRng(SEED).derive(`${F}:${i}`)`, so a
 * failure names its seed and case and is replayed with
 *   CCH_FUZZ_SEED=<seed> CCH_FUZZ_CASE=<format>:<i> npx jest apps/cli/src/fuzz.test.ts
 * (CCH_FUZZ_CASES=<n> runs n cases per format instead of the defaults below, e.g. for a longer hunt.)
 * A failure prints the command, the mutations applied and, for small files, the mutated bytes in base64.
 *
 * CSV, .npy and IDX cases run in-process through `main(argv, io)`; a case that takes longer than
 * its timeout fails (asynchronous hangs by the race below, slow synchronous work by the clock — a
 * synchronous endless loop would stall the file, which jest's own timeout then reports). HDF5
 * cases run the built CLI in a child process each, killed after 10 s: a corrupt file can trap or
 * abort the wasm HDF5 instance, which must not take the test (or the next case) with it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { CchError, createRng, type Rng } from '@cch-lab/core';
import { testing as mnistTesting } from '@cch-lab/data-mnist-m';
import { EXPERIMENTS, parseYamlSource, resolveConfig } from '@cch-lab/pipeline';
import { createBufferIo } from './io.js';
import { main } from './main.js';
import { REPO_ROOT } from './paths.js';

const SEED = process.env.CCH_FUZZ_SEED ?? 'issue-14';
const ONLY = process.env.CCH_FUZZ_CASE; // e.g. 'csv:17'
/** CCH_FUZZ_VERBOSE=1: print every case (what was mutated, the exit code, stderr's start). */
const VERBOSE = process.env.CCH_FUZZ_VERBOSE === '1';
/** CCH_FUZZ_KEEP=1: keep the cases' folders (their path is printed) to rerun the command by hand. */
const KEEP = process.env.CCH_FUZZ_KEEP === '1';
const OVERRIDE = process.env.CCH_FUZZ_CASES === undefined ? undefined : Number(process.env.CCH_FUZZ_CASES);
/** Cases per format: the in-process ones take milliseconds each; an HDF5 case is a node process (≈ 1–3 s). */
const COUNTS = { csv: 80, npy: 60, idx: 60, hdf5: 16, yaml: 80 } as const;
type Format = keyof typeof COUNTS;
const TIMEOUT_MS = 5_000;
const HDF5_TIMEOUT_MS = 10_000;
/** HDF5 child processes at once (the machine may have two cores, shared with other test files). */
const HDF5_PARALLEL = 2;

function caseIndices(format: Format): number[] {
  if (ONLY !== undefined) {
    const [f, i] = ONLY.split(':');
    return f === format ? [Number(i)] : [];
  }
  return Array.from({ length: OVERRIDE ?? COUNTS[format] }, (_, i) => i);
}
const caseRng = (format: Format, i: number): Rng => createRng(SEED).derive(`${format}:${i}`);

// ---------------------------------------------------------------------------------------------
// Mutations. Each returns the new bytes and a description precise enough to redo it by hand.

interface Mutated {
  bytes: Buffer;
  what: string;
}
type Mutation = (b: Buffer, rng: Rng) => Mutated;

const pick = <T>(rng: Rng, list: readonly T[]): T => list[rng.int(list.length)];
const at = (rng: Rng, n: number): number => rng.int(Math.max(1, n));
const hex = (v: number) => `0x${v.toString(16).padStart(2, '0')}`;
const show = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}…(${s.length})` : s);

function flipByte(b: Buffer, rng: Rng, from = 0, to = b.length): Mutated {
  if (b.length === 0) return { bytes: b, what: 'flip: empty file' };
  from = Math.min(from, b.length - 1);
  const i = from + at(rng, Math.min(to, b.length) - from);
  const out = Buffer.from(b);
  out[i] = rng.int(256);
  return { bytes: out, what: `byte ${i}: ${hex(b[i])}→${hex(out[i])}` };
}
function flipBit(b: Buffer, rng: Rng, from = 0, to = b.length): Mutated {
  if (b.length === 0) return { bytes: b, what: 'bit flip: empty file' };
  from = Math.min(from, b.length - 1);
  const i = from + at(rng, Math.min(to, b.length) - from);
  const bit = rng.int(8);
  const out = Buffer.from(b);
  out[i] ^= 1 << bit;
  return { bytes: out, what: `bit ${bit} of byte ${i}: ${hex(b[i])}→${hex(out[i])}` };
}
function insertBytes(b: Buffer, rng: Rng): Mutated {
  const i = at(rng, b.length + 1);
  const extra = Buffer.from(Array.from({ length: 1 + rng.int(4) }, () => rng.int(256)));
  return { bytes: Buffer.concat([b.subarray(0, i), extra, b.subarray(i)]), what: `insert ${extra.toString('hex')} at ${i}` };
}
function deleteRange(b: Buffer, rng: Rng): Mutated {
  const i = at(rng, b.length);
  const n = 1 + rng.int(8);
  return { bytes: Buffer.concat([b.subarray(0, i), b.subarray(i + n)]), what: `delete ${n} bytes at ${i}` };
}
function truncate(b: Buffer, rng: Rng, from = 0): Mutated {
  from = Math.max(0, Math.min(from, b.length - 1));
  const i = from + at(rng, b.length - from);
  return { bytes: b.subarray(0, i), what: `truncate to ${i} of ${b.length} bytes` };
}
function duplicateRange(b: Buffer, rng: Rng): Mutated {
  const i = at(rng, b.length);
  const n = 1 + rng.int(16);
  return { bytes: Buffer.concat([b.subarray(0, i + n), b.subarray(i, i + n), b.subarray(i + n)]), what: `duplicate ${n} bytes at ${i}` };
}
function fillRange(b: Buffer, rng: Rng, from = 0, to = b.length): Mutated {
  if (b.length === 0) return { bytes: b, what: 'fill: empty file' };
  from = Math.min(from, b.length - 1);
  const i = from + at(rng, Math.min(to, b.length) - from);
  const n = 1 + rng.int(64);
  const value = pick(rng, [0x00, 0xff, rng.int(256)]);
  const out = Buffer.from(b);
  out.fill(value, i, Math.min(out.length, i + n));
  return { bytes: out, what: `fill ${n} bytes at ${i} with ${hex(value)}` };
}
const BYTE_MUTATIONS: Mutation[] = [flipByte, flipBit, insertBytes, deleteRange, truncate, duplicateRange, fillRange];

/** Cell tokens a reader must refuse or read as a finite number. */
const TOKENS = [
  'NaN', 'nan', '-nan', 'Inf', '-Inf', 'inf', 'Infinity', '-Infinity', '1e309', '-1e309', '1e308', '-1.7976931348623157e308',
  '4.9e-324', '1e-400', '0x1F', '1_000', '1,5', '', ' ', '"', '""', '"1"', "'", 'null', 'NA', '?', '١٢', '1e', '.', '-', '+1',
  '--1', '9'.repeat(400), `${'0'.repeat(50)}1`, '1e+', 'true', '\u00a0', '\u0000', ' 7', '7 ', '#', '1;2', '1\t2',
];

function lines(b: Buffer): string[] {
  return b.toString('latin1').split('\n');
}
const joinLines = (ls: string[]) => Buffer.from(ls.join('\n'), 'latin1');

const TEXT_MUTATIONS: Mutation[] = [
  function duplicateLine(b, rng) {
    const ls = lines(b);
    const i = at(rng, ls.length);
    ls.splice(i, 0, ls[i]);
    return { bytes: joinLines(ls), what: `duplicate line ${i + 1}` };
  },
  function deleteLine(b, rng) {
    const ls = lines(b);
    const i = at(rng, ls.length);
    ls.splice(i, 1);
    return { bytes: joinLines(ls), what: `delete line ${i + 1}` };
  },
  function swapLines(b, rng) {
    const ls = lines(b);
    const i = at(rng, ls.length);
    const j = at(rng, ls.length);
    [ls[i], ls[j]] = [ls[j], ls[i]];
    return { bytes: joinLines(ls), what: `swap lines ${i + 1} and ${j + 1}` };
  },
  function blankLine(b, rng) {
    const ls = lines(b);
    const i = at(rng, ls.length + 1);
    const blank = pick(rng, ['', ' ', '\t', ',', ',,']);
    ls.splice(i, 0, blank);
    return { bytes: joinLines(ls), what: `insert line ${show(blank)} before line ${i + 1}` };
  },
  function swapDelimiter(b, rng) {
    const to = pick(rng, [';', '\t', ' ', '|', ', ', ',,']);
    if (rng.uniform() < 0.5) return { bytes: Buffer.from(b.toString('latin1').replaceAll(',', to), 'latin1'), what: `every ',' → ${show(to)}` };
    const ls = lines(b);
    const i = at(rng, ls.length);
    ls[i] = ls[i].replaceAll(',', to);
    return { bytes: joinLines(ls), what: `',' → ${show(to)} on line ${i + 1}` };
  },
  function insertQuote(b, rng) {
    const i = at(rng, b.length + 1);
    const q = pick(rng, ['"', "'", '""', '"a,b"']);
    return { bytes: Buffer.concat([b.subarray(0, i), Buffer.from(q), b.subarray(i)]), what: `insert ${show(q)} at byte ${i}` };
  },
  function bom(b, rng) {
    const mark = pick(rng, [Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf])]);
    return { bytes: Buffer.concat([mark, b]), what: `prepend BOM ${mark.toString('hex')}` };
  },
  function lineEndings(b, rng) {
    const to = pick(rng, ['\r\n', '\r', '\n\n', '\r\r\n']);
    return { bytes: Buffer.from(b.toString('latin1').replaceAll('\n', to), 'latin1'), what: `line endings → ${show(to)}` };
  },
  function token(b, rng) {
    const ls = lines(b);
    const i = at(rng, ls.length);
    const fields = ls[i].split(',');
    const j = at(rng, fields.length);
    const t = pick(rng, TOKENS);
    fields[j] = t;
    ls[i] = fields.join(',');
    return { bytes: joinLines(ls), what: `line ${i + 1} field ${j + 1} → ${show(t)}` };
  },
  function emptyField(b, rng) {
    const ls = lines(b);
    const i = at(rng, ls.length);
    const fields = ls[i].split(',');
    const j = at(rng, fields.length);
    fields[j] = '';
    ls[i] = fields.join(',');
    return { bytes: joinLines(ls), what: `line ${i + 1} field ${j + 1} emptied` };
  },
  function extraColumn(b, rng) {
    const ls = lines(b);
    const t = pick(rng, ['1', '0.5', '', 'x', 'NaN', '1e309']);
    if (rng.uniform() < 0.5) {
      const i = at(rng, ls.length);
      ls[i] = `${ls[i]},${t}`;
      return { bytes: joinLines(ls), what: `append ${show(`,${t}`)} to line ${i + 1}` };
    }
    return { bytes: joinLines(ls.map((l) => (l === '' ? l : `${l},${t}`))), what: `append ${show(`,${t}`)} to every line` };
  },
  function hugeNumber(b, rng) {
    const ls = lines(b);
    const i = at(rng, ls.length);
    const fields = ls[i].split(',');
    const j = at(rng, fields.length);
    const t = pick(rng, ['1e300', '-1e300', '1e154', '123456789012345678901234567890', '5e-324', '1e-300']);
    fields[j] = t;
    ls[i] = fields.join(',');
    return { bytes: joinLines(ls), what: `line ${i + 1} field ${j + 1} → ${t}` };
  },
  function constantColumn(b, rng) {
    const ls = lines(b);
    const j = rng.int(3);
    return { bytes: joinLines(ls.map((l, i) => (i === 0 || l === '' ? l : l.split(',').map((f, k) => (k === j ? '1' : f)).join(',')))), what: `column ${j + 1} → 1 below the header` };
  },
  function keepLines(b, rng) {
    const ls = lines(b);
    const n = rng.int(6);
    return { bytes: joinLines(ls.slice(0, n)), what: `keep the first ${n} lines` };
  },
];

/** 1–3 mutations drawn from `pool` (text mutations weighted over byte mutations for text formats). */
function mutate(base: Buffer, rng: Rng, pool: readonly Mutation[]): Mutated {
  let bytes = base;
  const steps: string[] = [];
  const n = 1 + rng.int(3);
  for (let s = 0; s < n; s++) {
    const m = pick(rng, pool)(bytes, rng);
    bytes = m.bytes;
    steps.push(m.what);
  }
  return { bytes, what: steps.join('; ') };
}

// ---------------------------------------------------------------------------------------------
// Checks shared by every format.

interface Outcome {
  code: number | null;
  signal?: string | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

function problemsOf(o: Outcome, timeoutMs: number): string[] {
  const problems: string[] = [];
  if (o.timedOut) problems.push(`did not finish within ${timeoutMs} ms`);
  else if (o.ms > timeoutMs) problems.push(`took ${o.ms} ms (over ${timeoutMs} ms)`);
  if (o.code === null) problems.push(`killed by ${o.signal ?? 'a signal'}`);
  else if (![0, 2, 3].includes(o.code)) problems.push(`exit ${o.code}`);
  if (/^ {4}at /m.test(o.stderr)) problems.push('a stack trace on stderr');
  if (/unexpected error|looks like a bug/i.test(`${o.stderr}${o.stdout}`)) problems.push('an "unexpected error" / bug note');
  if (o.code === 0 && !/^\s*\{/.test(o.stdout)) problems.push('exit 0 without a JSON object on stdout');
  return problems;
}

/** Paths of every null in `value` (printJson writes NaN and ±Infinity as null), except under `allowed` keys. */
function nullsIn(value: unknown, allowed: ReadonlySet<string>, where = ''): string[] {
  if (value === null) return [where || '(root)'];
  if (Array.isArray(value)) return value.flatMap((v, i) => nullsIn(v, allowed, `${where}[${i}]`));
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => (allowed.has(k) ? [] : nullsIn(v, allowed, where ? `${where}.${k}` : k)));
  }
  return [];
}

function jsonProblems(stdout: string, check: (json: Record<string, unknown>) => string[]): string[] {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(stdout) as Record<string, unknown>;
  } catch {
    return ['exit 0 with stdout that is not one JSON object'];
  }
  return check(json);
}

const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

function report(format: Format, i: number, argv: readonly string[], mutated: string, file: string, bytes: Buffer | undefined, o: Outcome, problems: string[]): string {
  const small = bytes !== undefined && bytes.length <= 4096 ? `\n  mutated bytes (base64, ${bytes.length}): ${bytes.toString('base64')}` : '';
  return [
    `fuzz ${format} case ${i} (seed ${JSON.stringify(SEED)}; replay: CCH_FUZZ_SEED=${SEED} CCH_FUZZ_CASE=${format}:${i}): ${problems.join('; ')}`,
    `  command: cch ${argv.join(' ')}`,
    `  mutated ${file}: ${mutated}${small}`,
    `  exit ${o.code}${o.signal ? ` (${o.signal})` : ''} in ${o.ms} ms`,
    `  stderr: ${o.stderr.slice(0, 1500)}`,
    `  stdout: ${o.stdout.slice(0, 600)}`,
  ].join('\n');
}

async function runMain(argv: string[], cwd: string, timeoutMs = TIMEOUT_MS): Promise<Outcome> {
  const io = createBufferIo({ cwd, env: { CCH_BACKEND: 'cpu', CCH_QUIET: '1' } });
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  let code: number | 'timeout';
  try {
    code = await Promise.race([main(argv, io), timeout]);
  } finally {
    clearTimeout(timer);
  }
  return { code: code === 'timeout' ? null : code, signal: code === 'timeout' ? 'timeout' : null, stdout: io.out(), stderr: io.err(), ms: Date.now() - started, timedOut: code === 'timeout' };
}

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'cch-cli-fuzz-'));
});
afterAll(() => {
  if (KEEP) console.info(`fuzz: the cases' folders are kept in ${root}`);
  else rmSync(root, { recursive: true, force: true });
});
const removeCase = (dir: string) => KEEP || rmSync(dir, { recursive: true, force: true });

/** Runs `one` for every case index and fails once, listing every failing case. */
async function fuzz(format: Format, one: (i: number) => Promise<string | undefined>, parallel = 1): Promise<void> {
  const indices = caseIndices(format);
  const failures: string[] = [];
  tally.clear();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < indices.length) {
        const i = indices[next++];
        const failure = await one(i);
        if (failure !== undefined) failures.push(failure);
      }
    }),
  );
  if (failures.length > 0) throw new Error(`${failures.length} of ${indices.length} ${format} cases failed:\n\n${failures.join('\n\n')}`);
  if (VERBOSE) console.info(`fuzz ${format}: outcomes ${JSON.stringify(Object.fromEntries(tally))}`);
  // The mutations must neither leave every file readable nor break every one: both outcomes occur.
  if (ONLY === undefined && indices.length >= 10) {
    expect([...tally.keys()]).toEqual(expect.arrayContaining(['0', format === 'yaml' ? 'ECONFIG' : '2']));
  }
}

/** Outcomes of the current format's cases (exit code, or the error code for YAML), counted. */
const tally = new Map<string, number>();
function count(outcome: string, line: () => string): void {
  tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
  if (VERBOSE) console.info(line());
}

// ---------------------------------------------------------------------------------------------
// CSV and .npy: cch mi / cch criterion.

const N = 40;
const xs = Array.from({ length: N }, (_, i) => [Math.sin(i * 0.7) + 0.01 * i, Math.cos(i * 1.3), ((i * 37) % 11) / 11]);
const ys = xs.map(([a, b], i) => [0.5 * a + b + 0.05 * Math.sin(i * 2.1)]);
const labels = xs.map(([a]) => (a > 0 ? 1 : 0));

function csvBase(withIds: boolean): Record<'x' | 'y' | 'labels', Buffer> {
  const id = (i: number) => (withIds ? `s${i},` : '');
  return {
    x: Buffer.from(`${withIds ? 'id,' : ''}a,b,c\n${xs.map((r, i) => `${id(i)}${r.join(',')}`).join('\n')}\n`),
    y: Buffer.from(`${withIds ? 'id,' : ''}t\n${ys.map((r, i) => `${id(i)}${r.join(',')}`).join('\n')}\n`),
    labels: Buffer.from(`${withIds ? 'id,' : ''}label\n${labels.map((l, i) => `${id(i)}${l}`).join('\n')}\n`),
  };
}

/** The argv of one of the three commands on files x, y, labels (with `ext`) in the current folder. */
function miArgv(command: number, ext: string): { argv: string[]; files: ('x' | 'y' | 'labels')[] } {
  const common = ['--json', '--workers', '1'];
  if (command === 0) return { argv: ['mi', '--x', `x${ext}`, '--y', `y${ext}`, ...common], files: ['x', 'y'] };
  if (command === 1) return { argv: ['mi', '--x', `x${ext}`, '--y', `labels${ext}`, '--labels', ...common], files: ['x', 'labels'] };
  return { argv: ['criterion', '--teacher', `x${ext}`, '--student', `y${ext}`, '--labels', `labels${ext}`, '--subsamples', '4', ...common], files: ['x', 'y', 'labels'] };
}

function resultProblems(command: number, json: Record<string, unknown>): string[] {
  const problems = nullsIn(json, new Set(['k', 'idColumn'])).map((p) => `null (a NaN or ±Infinity) at ${p}`);
  if (command < 2) {
    for (const key of ['nats', 'bits', 'n']) if (!finite(json[key])) problems.push(`${key} is ${JSON.stringify(json[key])}, not a finite number`);
  } else {
    const teachers = json.teachers as Record<string, unknown>[] | undefined;
    if (!Array.isArray(teachers) || teachers.length === 0) problems.push('no teachers in the criterion result');
    for (const t of teachers ?? []) for (const key of ['i_teacher_student', 'i_student_label', 'margin']) if (!finite(t[key])) problems.push(`teacher ${String(t.teacher)} ${key} is ${JSON.stringify(t[key])}`);
  }
  return problems;
}

async function runFileCase(format: 'csv' | 'npy', i: number, bases: Record<'x' | 'y' | 'labels', Buffer>, ext: string, command: number, mutation: (b: Buffer, rng: Rng) => Mutated, rng: Rng) {
  const dir = path.join(root, `${format}-${i}`);
  mkdirSync(dir, { recursive: true });
  const { argv, files } = miArgv(command, ext);
  const target = pick(rng, files);
  for (const [name, bytes] of Object.entries(bases)) writeFileSync(path.join(dir, `${name}${ext}`), bytes);
  const m = mutation(bases[target], rng);
  writeFileSync(path.join(dir, `${target}${ext}`), m.bytes);
  const o = await runMain(argv, dir);
  count(String(o.code), () => `${format}:${i} ${argv[0]} ${target}${ext}: ${m.what} → exit ${o.code}: ${o.stderr.split('\n').filter((l) => /error/.test(l)).join(' ').slice(0, 300)}`);
  const problems = problemsOf(o, TIMEOUT_MS);
  if (o.code === 0 && problems.length === 0) problems.push(...jsonProblems(o.stdout, (json) => resultProblems(command, json)));
  removeCase(dir);
  return problems.length === 0 ? undefined : report(format, i, argv, m.what, `${target}${ext}`, m.bytes, o, problems);
}

describe('fuzz: mutated inputs give a result or a typed error (exit 0, 2 or 3), never a crash', () => {
  it('the unmutated inputs are read (exit 0) by every command under test', async () => {
    for (const withIds of [false, true]) {
      const dir = path.join(root, `baseline-csv-${withIds}`);
      mkdirSync(dir, { recursive: true });
      for (const [name, bytes] of Object.entries(csvBase(withIds))) writeFileSync(path.join(dir, `${name}.csv`), bytes);
      for (const command of [0, 1, 2]) {
        const { argv } = miArgv(command, '.csv');
        const o = await runMain(argv, dir);
        expect(o.stderr).not.toMatch(/error|warning/i);
        expect(o.code).toBe(0);
        expect(jsonProblems(o.stdout, (json) => resultProblems(command, json))).toEqual([]);
      }
    }
    const dir = path.join(root, 'baseline-npy');
    mkdirSync(dir, { recursive: true });
    for (const [name, npy] of Object.entries(npyBases())) writeFileSync(path.join(dir, `${name}.npy`), npyFile(npy));
    for (const command of [0, 1, 2]) {
      const o = await runMain(miArgv(command, '.npy').argv, dir);
      expect(o.stderr).not.toMatch(/error|warning/i);
      expect(o.code).toBe(0);
      expect(jsonProblems(o.stdout, (json) => resultProblems(command, json))).toEqual([]);
    }
  });

  it('CSV: cch mi / cch mi --labels / cch criterion', async () => {
    await fuzz('csv', (i) => {
      const rng = caseRng('csv', i);
      const bases = csvBase(rng.uniform() < 0.3);
      const pool = [...TEXT_MUTATIONS, ...TEXT_MUTATIONS, ...BYTE_MUTATIONS];
      return runFileCase('csv', i, bases, pick(rng, ['.csv', '.csv', '.csv', '.txt']), rng.int(3), (b, r) => mutate(b, r, pool), rng);
    });
  });

  it('.npy: cch mi / cch mi --labels / cch criterion', async () => {
    await fuzz('npy', (i) => {
      const rng = caseRng('npy', i);
      const bases = npyBases();
      const command = rng.int(3);
      const { files } = miArgv(command, '.npy');
      // runFileCase picks the target with the same rng; the header mutation needs the parts, so it is chosen here.
      const header = rng.uniform() < 0.5;
      const bytes = Object.fromEntries(Object.entries(bases).map(([k, v]) => [k, npyFile(v)])) as Record<'x' | 'y' | 'labels', Buffer>;
      return runFileCase('npy', i, bytes, '.npy', command, (b, r) => {
        const target = (Object.keys(bytes) as ('x' | 'y' | 'labels')[]).find((k) => bytes[k] === b) ?? files[0];
        const steps: string[] = [];
        let out = b;
        if (header) {
          const h = mutateNpyHeader(bases[target], r);
          out = h.bytes;
          steps.push(h.what);
        }
        for (let s = 0, n = header ? r.int(2) : 1 + r.int(2); s < n; s++) {
          const m = pick(r, NPY_MUTATIONS)(out, r);
          out = m.bytes;
          steps.push(m.what);
        }
        return { bytes: out, what: steps.join('; ') };
      }, rng);
    });
  });

  it('IDX: cch data verify mnist', async () => {
    await fuzz('idx', async (i) => {
      const rng = caseRng('idx', i);
      const dir = path.join(root, `idx-${i}`);
      const gzip = rng.uniform() < 0.2;
      const folder = mnistTesting.writeIdxFolder(dir, { train: 12, test: 6, rows: 4, cols: 4, gzip });
      const file = pick(rng, folder.files);
      const plain = gzip ? zlib.gunzipSync(readFileSync(file)) : readFileSync(file);
      let what: string;
      let bytes: Buffer | undefined;
      if (rng.uniform() < 0.05) {
        unlinkSync(file);
        what = 'deleted';
      } else {
        const m = mutateIdx(plain, rng);
        // A gzip file: mutate the IDX inside (then recompress), or the compressed bytes themselves.
        const raw = gzip && rng.uniform() < 0.4;
        const mm = raw ? mutate(readFileSync(file), rng, BYTE_MUTATIONS) : m;
        bytes = raw ? mm.bytes : gzip ? zlib.gzipSync(m.bytes) : m.bytes;
        what = raw ? `gzip bytes: ${mm.what}` : m.what;
        writeFileSync(file, bytes);
      }
      const argv = ['data', 'verify', 'mnist', '--path', dir, '--json'];
      const o = await runMain(argv, dir);
      count(String(o.code), () => `idx:${i} ${path.basename(file)}: ${what} → exit ${o.code}: ${o.stdout.slice(0, 300).replace(/\s+/g, ' ')}`);
      const problems = problemsOf(o, TIMEOUT_MS);
      if (o.code === 0 && problems.length === 0) problems.push(...jsonProblems(o.stdout, (json) => nullsIn(json, new Set()).map((p) => `null at ${p}`)));
      removeCase(dir);
      return problems.length === 0 ? undefined : report('idx', i, argv, what, path.basename(file), bytes, o, problems);
    });
  });

  it('YAML: resolveConfig on mutated configs returns or throws a CchError (EINVALID / ECONFIG / EUSAGE)', async () => {
    const configs = ['synthetic', 'mosei'].map((name) => ({ name, text: Buffer.from(readFileSync(path.join(REPO_ROOT, 'configs', `${name}.yaml`), 'utf8'), 'utf8') }));
    for (const { text, name } of configs) expect(() => resolveConfig(parseYamlSource(text.toString('utf8'), `${name}.yaml`), ['profile=smoke'], EXPERIMENTS)).not.toThrow();
    await fuzz('yaml', async (i) => {
      const rng = caseRng('yaml', i);
      const { name, text } = pick(rng, configs);
      const m = mutate(text, rng, [...YAML_MUTATIONS, ...YAML_MUTATIONS, ...YAML_MUTATIONS, ...TEXT_MUTATIONS, flipByte, insertBytes, deleteRange, truncate]);
      const sets = rng.uniform() < 0.5 ? ['profile=smoke'] : [];
      const file = `${name}.yaml`;
      const started = Date.now();
      const problems: string[] = [];
      let outcome = 'resolved';
      try {
        resolveConfig(parseYamlSource(m.bytes.toString('utf8'), file), sets, EXPERIMENTS);
      } catch (error) {
        if (!(error instanceof CchError)) {
          problems.push(`threw ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error)}`);
        } else {
          outcome = `${error.code}: ${error.message}`;
          if (!['EINVALID', 'ECONFIG', 'EUSAGE'].includes(error.code)) problems.push(`a CchError with code ${error.code}`);
        }
      }
      const ms = Date.now() - started;
      count(outcome === 'resolved' ? '0' : outcome.split(':')[0], () => `yaml:${i} ${file}: ${m.what} → ${outcome.slice(0, 300)}`);
      if (ms > TIMEOUT_MS) problems.push(`took ${ms} ms`);
      if (problems.length === 0) return undefined;
      return report('yaml', i, [`(resolveConfig ${file} --set ${sets.join(' ') || '(none)'})`], m.what, file, m.bytes, { code: null, stdout: '', stderr: outcome, ms, timedOut: false }, problems);
    });
  });

  it('HDF5 (.csd): cch data verify mosei --layout csd, each case in a child process of the built CLI', async () => {
    if (!ensureBuilt()) return;
    const fixture = path.join(REPO_ROOT, 'packages', 'data-mosei', 'fixtures', 'sdk-h5py');
    const names = readdirSync(fixture).filter((f) => f.endsWith('.csd')).sort();
    const baseline = await runCli(['data', 'verify', 'mosei', '--path', fixture, '--layout', 'csd', '--json']);
    expect(baseline.stderr).not.toMatch(/error|HDF5-DIAG/i);
    expect(baseline.code).toBe(0);
    const diagnostics: number[] = [];
    await fuzz(
      'hdf5',
      async (i) => {
        const rng = caseRng('hdf5', i);
        const dir = path.join(root, `hdf5-${i}`);
        mkdirSync(dir, { recursive: true });
        for (const f of names) copyFileSync(path.join(fixture, f), path.join(dir, f));
        const name = pick(rng, names);
        const m = mutateHdf5(readFileSync(path.join(fixture, name)), rng);
        writeFileSync(path.join(dir, name), m.bytes);
        const argv = ['data', 'verify', 'mosei', '--path', dir, '--layout', 'csd', '--json'];
        const o = await runCli(argv);
        count(String(o.code), () => `hdf5:${i} ${name}: ${m.what} → exit ${o.code} in ${o.ms} ms: ${o.stderr.slice(0, 600)}`);
        if (/HDF5-DIAG/.test(o.stderr)) diagnostics.push(i);
        const problems = problemsOf(o, HDF5_TIMEOUT_MS);
        // HDF5 printed an error, yet the command succeeded: a failed read was ignored (garbage values taken as data).
        if (o.code === 0 && /HDF5-DIAG/.test(o.stderr)) problems.push('exit 0 although HDF5 reported an error on stderr (a failed read ignored?)');
        if (o.code === 0 && problems.length === 0) problems.push(...jsonProblems(o.stdout, (json) => nullsIn(json, new Set()).map((p) => `null at ${p}`)));
        removeCase(dir);
        return problems.length === 0 ? undefined : report('hdf5', i, argv, m.what, name, undefined, o, problems);
      },
      HDF5_PARALLEL,
    );
    // HDF5's own error stack (HDF5-DIAG) on stderr is noise, not a crash; listed for whoever hunts it down.
    if (diagnostics.length > 0) console.info(`fuzz hdf5: HDF5-DIAG output on stderr in cases ${diagnostics.join(', ')} (seed ${SEED})`);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// .npy files and their mutations.

interface NpyParts {
  descr: string;
  shape: string;
  fortran: boolean;
  data: Buffer;
}

function npyBases(): Record<'x' | 'y' | 'labels', NpyParts> {
  return {
    x: { descr: '<f8', shape: `(${N}, 3)`, fortran: false, data: Buffer.from(Float64Array.from(xs.flat()).buffer) },
    y: { descr: '<f4', shape: `(${N}, 1)`, fortran: false, data: Buffer.from(Float32Array.from(ys.flat()).buffer) },
    labels: { descr: '<i8', shape: `(${N},)`, fortran: false, data: Buffer.from(BigInt64Array.from(labels.map(BigInt)).buffer) },
  };
}

/** An .npy file (version 1) from its parts; `dict` replaces the header dictionary when given. */
function npyFile(p: NpyParts, dict?: string): Buffer {
  const text0 = dict ?? `{'descr': '${p.descr}', 'fortran_order': ${p.fortran ? 'True' : 'False'}, 'shape': ${p.shape}, }`;
  const total = Math.ceil((10 + text0.length + 1) / 64) * 64;
  const text = `${text0}${' '.repeat(total - 10 - text0.length - 1)}\n`;
  const head = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 0, 0]);
  head.writeUInt16LE(text.length, 8);
  return Buffer.concat([head, Buffer.from(text, 'latin1'), p.data]);
}

const DESCRS = ['<f8', '>f8', '<f4', '>f4', '<f2', '|b1', '<c16', '<U3', '|O', '<i8', '>i8', '<i4', '<u4', '<u8', '|u1', '|i1', 'f8', '<f16', "<f4'", '', '<V8', '[("a", "<f8")]'];
const SHAPES = ['(40, 3)', '(41, 3)', '(39, 3)', '(0, 3)', '(40,)', '(120,)', '()', '(3, 40)', '(40, 3, 1)', '(1, 40, 3)', '(-1, 3)', '(99999999999, 3)', '(40, 0)', '(1e3, 3)', '(40 3)', '[40, 3]', '(40, 3', '(4294967297, 3)', '(40, 1)', '(2, 20)', '(0,)'];

function mutateNpyHeader(p: NpyParts, rng: Rng): Mutated {
  const kind = rng.int(4);
  if (kind === 0) {
    const descr = pick(rng, DESCRS);
    return { bytes: npyFile({ ...p, descr }), what: `descr ${p.descr} → ${show(descr)}` };
  }
  if (kind === 1) {
    const shape = pick(rng, SHAPES);
    return { bytes: npyFile({ ...p, shape }), what: `shape ${p.shape} → ${show(shape)}` };
  }
  if (kind === 2) return { bytes: npyFile({ ...p, fortran: true }), what: 'fortran_order True' };
  const dict = pick(rng, [
    '{}',
    `{'descr': '${p.descr}', 'shape': ${p.shape}}`,
    `{'descr': '${p.descr}', 'fortran_order': False, 'shape': ${p.shape}, 'extra': 1}`,
    `{'descr': '${p.descr}', 'fortran_order': False, 'shape': ${p.shape}, 'shape': (1,)}`,
    `{"descr": "${p.descr}", "fortran_order": False, "shape": ${p.shape}}`,
    `{'descr': '${p.descr}' 'fortran_order': False, 'shape': ${p.shape}}`,
    `{'descr': '${p.descr}', 'fortran_order': 0, 'shape': ${p.shape}}`,
    `{'descr': '${p.descr}', 'fortran_order': False, 'shape': ${p.shape}`,
    `['${p.descr}', False, ${p.shape}]`,
    '',
    `{'descr': '${p.descr}', 'fortran_order': False, 'shape': (${'9'.repeat(30)}, 3)}`,
  ]);
  return { bytes: npyFile(p, dict), what: `header dict → ${show(dict)}` };
}

const NPY_MUTATIONS: Mutation[] = [
  (b, rng) => flipByte(b, rng, 0, 6), // magic
  (b, rng) => flipByte(b, rng, 6, 8), // version
  (b, rng) => flipByte(b, rng, 8, 10), // header length
  (b, rng) => flipByte(b, rng, 10, 128), // header text
  (b, rng) => flipBit(b, rng, 128), // data
  (b, rng) => truncate(b, rng, 128), // data cut short
  (b, rng) => truncate(b, rng),
  (b) => ({ bytes: Buffer.concat([b, Buffer.alloc(8)]), what: 'append 8 zero bytes' }),
  function nonFinite(b, rng) {
    // In a float64 file, the word at a random 8-byte offset of the data; in others, still a byte pattern.
    const out = Buffer.from(b);
    const words = Math.floor((out.length - 128) / 8);
    if (words <= 0) return { bytes: out, what: 'non-finite: no data' };
    const w = rng.int(words);
    const v = pick(rng, [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, 5e-324]);
    out.writeDoubleLE(v, 128 + 8 * w);
    return { bytes: out, what: `float64 ${v} written at byte ${128 + 8 * w}` };
  },
  function nonFinite32(b, rng) {
    const out = Buffer.from(b);
    const words = Math.floor((out.length - 128) / 4);
    if (words <= 0) return { bytes: out, what: 'non-finite: no data' };
    const w = rng.int(words);
    const v = pick(rng, [Number.NaN, Number.POSITIVE_INFINITY, 3.4e38]);
    out.writeFloatLE(v, 128 + 4 * w);
    return { bytes: out, what: `float32 ${v} written at byte ${128 + 4 * w}` };
  },
  insertBytes,
  deleteRange,
];

// ---------------------------------------------------------------------------------------------
// IDX mutations: the magic (0, 0, type, ndims), the big-endian dimensions, the data's length.

function mutateIdx(b: Buffer, rng: Rng): Mutated {
  const steps: string[] = [];
  let out: Buffer = Buffer.from(b);
  for (let s = 0, n = 1 + rng.int(2); s < n; s++) {
    const kind = rng.int(7);
    if (kind === 0) {
      const i = rng.int(4);
      const v = i === 2 ? pick(rng, [0x08, 0x09, 0x0b, 0x0c, 0x0d, 0x0e, 0x00, 0xff, rng.int(256)]) : i === 3 ? pick(rng, [0, 1, 2, 3, 4, 255]) : pick(rng, [1, 0xff, rng.int(256)]);
      steps.push(`magic byte ${i}: ${hex(out[i])}→${hex(v)}`);
      out[i] = v;
    } else if (kind === 1 && out.length >= 8) {
      const dims = Math.max(1, Math.min(out[3], Math.floor((out.length - 4) / 4)));
      const k = rng.int(dims);
      const old = out.readUInt32BE(4 + 4 * k);
      const v = pick(rng, [0, 1, Math.max(0, old - 1), old + 1, 2 * old, 0xffffffff, 0x7fffffff, 0x80000000, 65536, rng.nextUint32()]);
      out.writeUInt32BE(v >>> 0, 4 + 4 * k);
      steps.push(`dimension ${k}: ${old}→${v >>> 0}`);
    } else {
      const m = pick(rng, [truncate, truncate, duplicateRange, insertBytes, deleteRange, flipByte, fillRange])(out, rng);
      out = m.bytes;
      steps.push(m.what);
    }
  }
  return { bytes: out, what: steps.join('; ') };
}

// ---------------------------------------------------------------------------------------------
// HDF5: one .csd file's bytes — the superblock, the object headers and B-trees near the start,
// the middle, the end.

function mutateHdf5(b: Buffer, rng: Rng): Mutated {
  const steps: string[] = [];
  let out = b;
  for (let s = 0, n = 1 + rng.int(2); s < n; s++) {
    const region = pick(rng, [
      ['superblock', 0, 96],
      ['object headers', 96, 2048],
      ['metadata', 2048, 8192],
      ['middle', Math.floor(out.length / 4), Math.floor((3 * out.length) / 4)],
      ['anywhere', 0, out.length],
    ] as const);
    const [label, from, to] = region;
    const kind = rng.int(5);
    const m =
      kind === 0 ? flipByte(out, rng, from, to) : kind === 1 ? flipBit(out, rng, from, to) : kind === 2 ? fillRange(out, rng, from, to) : kind === 3 ? truncate(out, rng, Math.min(from, out.length - 1)) : mutate(out, rng, [flipByte, fillRange, flipBit]);
    out = m.bytes;
    steps.push(`${kind === 4 ? 'anywhere' : label}: ${m.what}`);
  }
  return { bytes: out, what: steps.join('; ') };
}

const bin = path.join(REPO_ROOT, 'apps', 'cli', 'bin', 'cch.js');

/** Builds the CLI as run.spawn.test.ts does; outside CI a failed build skips the HDF5 cases with a message. */
function ensureBuilt(): boolean {
  try {
    execFileSync('npx', ['tsc', '-b', 'apps/cli/tsconfig.build.json'], { cwd: REPO_ROOT, stdio: 'pipe' });
  } catch (error) {
    if (process.env.CI !== undefined || !existsSync(path.join(REPO_ROOT, 'apps', 'cli', 'dist', 'main.js'))) throw error;
    console.warn(`fuzz hdf5: skipped — the CLI did not build (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); run npm run build`);
    return false;
  }
  return true;
}

function runCli(argv: string[]): Promise<Outcome> {
  const env: NodeJS.ProcessEnv = { ...process.env, CCH_QUIET: '1', CCH_BACKEND: 'cpu' };
  delete env.NODE_OPTIONS; // jest's --experimental-vm-modules is not the CLI's
  const started = Date.now();
  const child = spawn(process.execPath, [bin, ...argv], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, HDF5_TIMEOUT_MS);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started, timedOut });
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// YAML mutations: the structure (indentation, anchors, tabs), keys and value types.

const YAML_MUTATIONS: Mutation[] = [
  function indent(b, rng) {
    const ls = lines(b);
    const i = at(rng, ls.length);
    const d = pick(rng, [' ', '  ', '    ', '-1', '-2', '\t']);
    ls[i] = d.startsWith('-') ? ls[i].slice(Number(d.slice(1))) : `${d}${ls[i]}`;
    return { bytes: joinLines(ls), what: `indent line ${i + 1} by ${show(d)}` };
  },
  function tab(b, rng) {
    const ls = lines(b);
    const i = at(rng, ls.length);
    ls[i] = ls[i].replace(/^ +/, '\t');
    return { bytes: joinLines(ls), what: `leading spaces of line ${i + 1} → a tab` };
  },
  function anchor(b, rng) {
    const ls = lines(b);
    const i = at(rng, ls.length);
    const j = at(rng, ls.length);
    ls[i] = ls[i].replace(/: /, ': &a ');
    ls[j] = ls[j].replace(/: .*$/, pick(rng, [': *a', ': *b', ': [*a, *a]', ': {<<: *a}']));
    return { bytes: joinLines(ls), what: `anchor &a on line ${i + 1}, alias on line ${j + 1}` };
  },
  function mergeKey(b, rng) {
    const ls = lines(b);
    const i = at(rng, ls.length);
    ls.splice(i, 0, pick(rng, ['<<: {seed: 1}', '<<: *a', '? [a, b]', '!!binary x', 'x: !!js/function f']));
    return { bytes: joinLines(ls), what: `insert a merge key / tag before line ${i + 1}` };
  },
  function unknownKey(b, rng) {
    const ls = lines(b);
    const i = at(rng, ls.length);
    const lead = /^ */.exec(ls[i])?.[0] ?? '';
    const key = pick(rng, ['frob', 'seeds', 'profile', 'experiment', '__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    ls.splice(i, 0, `${lead}${key}: ${pick(rng, ['1', 'x', '{}', '[]', 'null'])}`);
    return { bytes: joinLines(ls), what: `insert key ${show(key)} before line ${i + 1}` };
  },
  function wrongType(b, rng) {
    const ls = lines(b);
    const candidates = ls.map((l, i) => (/^\s*[A-Za-z]\w*: \S/.test(l) && !l.trimStart().startsWith('#') ? i : -1)).filter((i) => i >= 0);
    if (candidates.length === 0) return { bytes: b, what: 'wrong type: no key lines' };
    const i = pick(rng, candidates);
    const v = pick(rng, ['null', '~', '""', 'true', '-1', '0', '1.5', '1e400', '.nan', '-.inf', '[]', '{}', '[1, [2]]', 'x', "'7'", '0x10', '1_000', '2025-01-01', '9'.repeat(30)]);
    ls[i] = ls[i].replace(/: .*$/, `: ${v}`);
    return { bytes: joinLines(ls), what: `line ${i + 1} value → ${show(v)}` };
  },
  function listToScalar(b, rng) {
    const ls = lines(b);
    const i = ls.findIndex((l, k) => k >= at(rng, ls.length) && /\[.*\]/.test(l));
    if (i < 0) return { bytes: b, what: 'list: none after the chosen line' };
    ls[i] = ls[i].replace(/\[.*\]/, pick(rng, ['[]', '[x]', '[1, null]', '[.nan]', '1', '[1e400, -1e400]', '[1, 1, 1]']));
    return { bytes: joinLines(ls), what: `line ${i + 1}: the list changed to ${show(ls[i].trim())}` };
  },
  function documents(b, rng) {
    const ls = lines(b);
    const i = at(rng, ls.length);
    ls.splice(i, 0, pick(rng, ['---', '...', '%YAML 1.1', '%TAG ! tag:x,2000:']));
    return { bytes: joinLines(ls), what: `insert a document marker / directive before line ${i + 1}` };
  },
];
