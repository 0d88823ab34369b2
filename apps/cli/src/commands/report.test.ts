import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataNotFoundError, InvalidInputError } from '@cch-lab/core';
import { createBufferIo } from '../io.js';
import { runReport } from './report.js';

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** The smallest results.json a page can be rendered from. */
const USABLE = JSON.stringify({ experiment: 'good', title: 'Good', sources: ['simulated'], tables: [], figures: [] });

function reports(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cch-cli-report-'));
  tempDirs.push(root);
  for (const [dir, text] of Object.entries(files)) {
    mkdirSync(path.join(root, dir));
    writeFileSync(path.join(root, dir, 'results.json'), text);
  }
  return root;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('cli/commands/report', () => {
  it('rebuilds every page and the index', async () => {
    const root = reports({ good: USABLE });
    const io = createBufferIo();
    const result = await runReport({ reports: root }, io);
    expect(result.pages).toEqual([path.join(root, 'good', 'index.html')]);
    expect(readFileSync(result.index, 'utf8')).toContain('good/index.html');
    expect(io.err()).toBe('');
  });

  it('fails naming a truncated results.json, after writing the pages and the index it can', async () => {
    const root = reports({ good: USABLE, trunc: USABLE.slice(0, 30) });
    const io = createBufferIo();
    const error = await rejection(runReport({ reports: root }, io));
    const file = path.join(root, 'trunc', 'results.json');
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toMatch(new RegExp(`^${escape(file)}: not valid JSON \\(.+\\); wrote the other 1 experiment page and the index`));
    expect((error as InvalidInputError).details.file).toBe(file);
    expect((error as InvalidInputError).hint).toContain('cch run configs/trunc.yaml');
    expect(existsSync(path.join(root, 'good', 'index.html'))).toBe(true);
    expect(existsSync(path.join(root, 'index.html'))).toBe(true);
    // Named once, in the error: not again as the index's warning.
    expect(io.err()).not.toContain(file);
  });

  it('fails when every results.json is unusable, listing each with its reason', async () => {
    const root = reports({ empty: '', odd: '{"experiment": "odd"}' });
    const error = await rejection(runReport({ reports: root }, createBufferIo()));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toContain('2 results.json files are unusable:');
    expect(error.message).toContain(`${path.join(root, 'empty', 'results.json')}: not valid JSON`);
    expect(error.message).toContain(`${path.join(root, 'odd', 'results.json')}: not a usable results file (title: must be a non-empty string`);
    expect(error.message).toContain('wrote the other 0 experiment pages and the index');
    expect((error as InvalidInputError).details.files).toHaveLength(2);
  });

  it('names a results.json that is a directory', async () => {
    const root = reports({});
    mkdirSync(path.join(root, 'x', 'results.json'), { recursive: true });
    const error = await rejection(runReport({ reports: root }, createBufferIo()));
    expect(error.message).toContain(`${path.join(root, 'x', 'results.json')}: cannot be read (EISDIR)`);
  });

  it('reports a missing reports directory as missing data', async () => {
    await expect(runReport({ reports: path.join(os.tmpdir(), 'cch-no-such-reports') }, createBufferIo())).rejects.toThrow(DataNotFoundError);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
