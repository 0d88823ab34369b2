/**
 * The README's promise, for every command: bad input exits 2 (3 for missing data), and the message
 * names what was wrong and where (the flag, the file, the line), with no stack trace. Each row is
 * one bad invocation run through `main`, the way a person would type it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './paths.js';
import { createBufferIo } from './io.js';
import { main } from './main.js';

interface BadInvocation {
  /** What is wrong, for the test's name. */
  what: string;
  argv: string[];
  exit: 2 | 3;
  /** Each must appear in what the command printed (stderr, or the JSON error on stdout). */
  says: (string | RegExp)[];
}

/** "billion laughs": each level an anchored list of nine aliases of the one before. */
function aliasBomb(levels: number): string {
  const lines = ['experiment: synthetic', 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 0, previous = 'a'; i < levels; i++, previous = `l${i - 1}`) {
    lines.push(`l${i}: &l${i} [${Array.from({ length: 9 }, () => `*${previous}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

let dir: string;
let synthetic: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cch-cli-bad-input-'));
  synthetic = readFileSync(path.join(REPO_ROOT, 'configs', 'synthetic.yaml'), 'utf8');
  const rows = Array.from({ length: 40 }, (_, i) => [Math.sin(i), Math.cos(3 * i)]);
  writeFileSync(path.join(dir, 'x.csv'), `a,b\n${rows.map((r) => r.join(',')).join('\n')}\n`);
  writeFileSync(path.join(dir, 'y.csv'), `c\n${rows.map((r) => r[0] * 0.5 + r[1]).join('\n')}\n`);
  writeFileSync(path.join(dir, 'labels.csv'), `${rows.map((_, i) => i % 2).join('\n')}\n`);
  mkdirSync(path.join(dir, 'folder.csv'));
  mkdirSync(path.join(dir, 'configs', 'folder.yaml'), { recursive: true });
  writeFileSync(path.join(dir, 'configs', 'synthetic.yaml'), synthetic);
  writeFileSync(path.join(dir, 'bomb.yaml'), aliasBomb(8));
  // A typo in a profile that is not the one run (paper), with the line it is on.
  writeFileSync(path.join(dir, 'typo.yaml'), synthetic.replace('    repeats: 50', '    repeatz: 50'));
  mkdirSync(path.join(dir, 'reports', 'synthetic'), { recursive: true });
  writeFileSync(path.join(dir, 'reports', 'synthetic', 'results.json'), '{"experiment": "synthetic", "title": "Synth');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const typoLine = () => synthetic.split('\n').findIndex((l) => l === '    repeats: 50') + 1;

const cases: BadInvocation[] = [
  // Flags and commands
  { what: 'an unknown command', argv: ['frobnicate'], exit: 2, says: ["unknown command 'frobnicate'"] },
  { what: 'an unknown flag', argv: ['mi', '--x', 'x.csv', '--y', 'y.csv', '--frob'], exit: 2, says: ["unknown option '--frob'"] },
  { what: 'a missing required flag', argv: ['criterion', '--teacher', 'x.csv', '--student', 'y.csv'], exit: 2, says: ['--labels'] },
  { what: 'one subsample (a zero-width interval)', argv: ['mi', '--x', 'x.csv', '--y', 'y.csv', '--subsamples', '1'], exit: 2, says: ['--subsamples must be 0 (no interval) or a whole number from 2', 'zero-width interval'] },
  { what: 'a flag as the value of another', argv: ['mi', '--x', 'x.csv', '--y', 'y.csv', '--estimator', '--json'], exit: 2, says: ['--estimator needs a value; got the flag --json'] },
  { what: 'a flag as the value, before a required one', argv: ['mi', '--x', '--y', 'y.csv'], exit: 2, says: ['--x needs a value; got the flag --y'] },
  { what: 'an unknown estimator', argv: ['mi', '--x', 'x.csv', '--y', 'y.csv', '--estimator', 'ksq'], exit: 2, says: ["unknown estimator 'ksq'"] },
  { what: 'an unknown backend', argv: ['--backend', 'tpu', 'mi', '--x', 'x.csv', '--y', 'y.csv', '--estimator', 'mine'], exit: 2, says: ["unknown backend 'tpu'"] },
  // Numbers
  { what: 'a fractional --k', argv: ['mi', '--x', 'x.csv', '--y', 'y.csv', '--k', '2.5'], exit: 2, says: ['--k must be a whole number', 'got 2.5'] },
  { what: 'an exponent --k', argv: ['mi', '--x', 'x.csv', '--y', 'y.csv', '--k', '1e12'], exit: 2, says: ['--k must be a whole number', 'got 1e12'] },
  { what: 'a negative --shuffles', argv: ['mi', '--x', 'x.csv', '--y', 'y.csv', '--shuffles', '-3'], exit: 2, says: ['--shuffles must be a whole number from 0', 'got -3'] },
  { what: 'one subsample (criterion)', argv: ['criterion', '--teacher', 'x.csv', '--student', 'y.csv', '--labels', 'labels.csv', '--subsamples', '1'], exit: 2, says: ['--subsamples', 'got 1'] },
  { what: 'a bad --sizes', argv: ['bench', 'knn', '--sizes', '2.5'], exit: 2, says: ['--sizes must be a whole number', 'got 2.5'] },
  { what: 'a bad --workers', argv: ['run', 'configs/synthetic.yaml', '--workers', '0', '--reports', 'out'], exit: 2, says: ['--workers must be a whole number', "got '0'"] },
  // Files
  { what: 'a missing input file', argv: ['mi', '--x', 'missing.csv', '--y', 'y.csv'], exit: 3, says: ['missing.csv'] },
  { what: 'a directory as an input file', argv: ['mi', '--x', 'folder.csv', '--y', 'y.csv'], exit: 2, says: ['folder.csv'] },
  { what: 'a missing config', argv: ['run', 'missing.yaml'], exit: 3, says: ['config file not found', 'missing.yaml'] },
  { what: 'a directory as a config', argv: ['run', 'configs/folder.yaml'], exit: 2, says: [/folder\.yaml: \(root\): is a directory, not a YAML file/] },
  { what: 'a missing data folder', argv: ['data', 'verify', 'mosei', '--path', 'nowhere', '--layout', 'csd'], exit: 3, says: ['nowhere'] },
  { what: 'a missing reports directory', argv: ['report', '--reports', 'nowhere'], exit: 3, says: ['no reports directory', 'nowhere'] },
  { what: 'a truncated results.json', argv: ['report'], exit: 2, says: [/synthetic[/\\]results\.json: not valid JSON/] },
  // Configs
  { what: 'an alias-bomb config', argv: ['run', 'bomb.yaml'], exit: 2, says: [/bomb\.yaml:\d+: \(root\): YAML aliases expand too far/] },
  {
    what: 'a typo in a profile that is not run',
    argv: ['run', 'typo.yaml', '--set', 'profile=smoke'],
    exit: 2,
    says: [new RegExp(`typo\\.yaml:(\\d+): repeatz: \\(profile paper\\) unknown key 'repeatz' \\(did you mean 'repeats'\\?\\)`)],
  },
  { what: 'a bad value from --set', argv: ['run', 'configs/synthetic.yaml', '--set', 'repeats.x=1'], exit: 2, says: [/synthetic\.yaml: repeats: .*\(from --set repeats\.x=1\)/] },
  { what: 'a malformed --set', argv: ['run', 'configs/synthetic.yaml', '--set', 'seed'], exit: 2, says: ["--set expects key.path=value, received 'seed'"] },
  { what: 'an unknown --only', argv: ['reproduce', '--only', 'nope', '--configs', 'configs'], exit: 2, says: ['--only names no config: nope'] },
];

describe('cli: bad input exits 2 (3 for missing data), naming what and where', () => {
  it.each(cases.map((c) => [c.what, c] as const))('%s', async (_what, c) => {
    const io = createBufferIo({ cwd: dir, env: { CCH_BACKEND: 'cpu', CCH_QUIET: '1' } });
    const code = await main(c.argv, io);
    const printed = `${io.err()}${io.out()}`;
    for (const expected of c.says) expect(printed).toMatch(expected);
    expect(io.err()).not.toMatch(/^ {4}at /m);
    expect(printed).not.toMatch(/unexpected error|looks like a bug/);
    expect(code).toBe(c.exit);
  });

  it('puts the line of the profile typo in the message', async () => {
    const io = createBufferIo({ cwd: dir });
    expect(await main(['run', 'typo.yaml'], io)).toBe(2);
    expect(io.err()).toContain(`typo.yaml:${typoLine()}: repeatz: (profile paper)`);
  });

  it('answers --json with one JSON error object, and still no stack', async () => {
    const io = createBufferIo({ cwd: dir });
    expect(await main(['mi', '--x', 'x.csv', '--y', 'y.csv', '--k', '2.5', '--json'], io)).toBe(2);
    const { error } = JSON.parse(io.out()) as { error: { code: string; message: string } };
    expect(error.message).toMatch(/--k must be a whole number of at least 1, got 2\.5/);
    expect(io.err()).not.toMatch(/^ {4}at /m);
  });
});
