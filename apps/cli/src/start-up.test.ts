/**
 * `cch --help`, `cch <command> --help` and commander's usage errors load no package but commander:
 * every @cch-lab/* import (and @cch-lab/core's tfjs, about half a second) waits for an action, and
 * cli-progress for the first progress bar. Checked on the built CLI (`npm run build`) in child
 * processes whose module resolutions (importer and imported) a loader hook records; nothing is timed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const bin = path.join(repoRoot, 'apps', 'cli', 'bin', 'cch.js');
const dist = pathToFileURL(path.join(repoRoot, 'apps', 'cli', 'dist')).href + '/';

/** Command modules allowed to import packages at top level (none: every command loads them in its action). */
const STILL_EAGER: string[] = [];

/** What no start-up path may load: the workspace packages (by package name or by their real path), tfjs and cli-progress. */
function isPackage(url: string): boolean {
  return /\/node_modules\/(@cch-lab\/|@tensorflow\/|cli-progress\/)/.test(url) || url.startsWith(pathToFileURL(path.join(repoRoot, 'packages')).href + '/');
}

let dir: string;
let register: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cch-start-up-'));
  writeFileSync(
    path.join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.CCH_TEST_RESOLVED, JSON.stringify({ parent: context.parentURL ?? null, url: resolved.url }) + '\\n');
  return resolved;
}
`,
  );
  writeFileSync(path.join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
  register = pathToFileURL(path.join(dir, 'register.mjs')).href;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface StartUp {
  code: number | null;
  stderr: string;
  /** Every module resolution: the importing module's URL, the imported one's. */
  edges: { parent: string | null; url: string }[];
}

let runs = 0;
function cch(args: string[]): Promise<StartUp> {
  const log = path.join(dir, `resolved-${runs++}.jsonl`);
  writeFileSync(log, '');
  const env: NodeJS.ProcessEnv = { ...process.env, CCH_TEST_RESOLVED: log, CCH_QUIET: '1' };
  delete env.NODE_OPTIONS; // jest's --experimental-vm-modules is not the CLI's
  const child = spawn(process.execPath, ['--import', register, bin, ...args], { cwd: repoRoot, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const edges = readFileSync(log, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as StartUp['edges'][number]);
      resolve({ code, stderr, edges });
    });
  });
}

/** The import chains (bin → … → package) by which `from` reaches a package, not passing through `skip`. */
function packageChains(edges: StartUp['edges'], from: string, skip: readonly string[]): string[] {
  const children = new Map<string, string[]>();
  for (const e of edges) if (e.parent !== null) children.set(e.parent, [...(children.get(e.parent) ?? []), e.url]);
  const via = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  const chains: string[] = [];
  while (queue.length > 0) {
    const url = queue.shift() as string;
    if (isPackage(url)) {
      const chain = [];
      for (let u: string | null = url; u !== null; u = via.get(u) ?? null) chain.unshift(u.replace(dist, '').replace(pathToFileURL(repoRoot).href, ''));
      chains.push(chain.join(' → '));
      continue;
    }
    for (const next of children.get(url) ?? []) {
      if (via.has(next) || skip.some((s) => next === dist + s)) continue;
      via.set(next, url);
      queue.push(next);
    }
  }
  return chains;
}

const CASES: [args: string[], exitCode: number][] = [
  [['--help'], 0],
  [['run', '--help'], 0],
  [['mi', '--help'], 0],
  [['worker', '--help'], 0],
  [['--bogus'], 2],
  [['mi', '--bogus'], 2],
  [['frobnicate'], 2],
];

describe('cli start-up', () => {
  const start = pathToFileURL(bin).href;
  // Started together: each is one short child process.
  let started: Map<string, Promise<StartUp>>;
  beforeAll(() => {
    started = new Map(CASES.map(([args]) => [args.join(' '), cch(args)]));
  });

  it.each(CASES)('cch %j loads no package before an action', async (args, exitCode) => {
    const run = await (started.get(args.join(' ')) as Promise<StartUp>);
    // stderr shown only when the exit code is not the expected one
    expect({ code: run.code, stderr: run.code === exitCode ? '' : run.stderr }).toEqual({ code: exitCode, stderr: '' });
    expect(run.edges.some((e) => e.url === `${dist}main.js`)).toBe(true);
    expect(packageChains(run.edges, start, STILL_EAGER)).toEqual([]);
  });
});
