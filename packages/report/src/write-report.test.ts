import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataNotFoundError } from '@cch-lab/core';
import { resultsFixture } from './testing-fixtures/results-fixture.js';
import { writeExperimentReport, writeReportIndex } from './write-report.js';

describe('report/write-report', () => {
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cch-report-'));
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  function writeResults(name: string, text: string): void {
    fs.mkdirSync(path.join(root, name), { recursive: true });
    fs.writeFileSync(path.join(root, name, 'results.json'), text);
  }

  it('writes an experiment page to dir/index.html, leaving no temporary file', async () => {
    const dir = path.join(root, 'cch-gaussian');
    const { htmlPath, warnings } = await writeExperimentReport(dir, resultsFixture());
    expect(htmlPath).toBe(path.join(dir, 'index.html'));
    expect(warnings).toEqual([]);
    expect(fs.readFileSync(htmlPath, 'utf8')).toContain('<h1>CCH on the joint Gaussian model</h1>');
    expect(fs.readdirSync(dir)).toEqual(['index.html']);
  });

  it('indexes every readable results.json and warns about a corrupt one', async () => {
    writeResults('b-second', JSON.stringify(resultsFixture({ experiment: 'b-second', title: 'Second', sources: ['real'] })));
    writeResults('a-first', JSON.stringify(resultsFixture({ experiment: 'a-first', title: 'First' })));
    writeResults('c-corrupt', '{"experiment": "c-corrupt", "title": ');
    fs.mkdirSync(path.join(root, '.cache', 'x'), { recursive: true }); // the cell cache: not an experiment
    fs.mkdirSync(path.join(root, 'empty-dir'));

    const { htmlPath, entries, warnings } = await writeReportIndex(root);
    const html = fs.readFileSync(htmlPath, 'utf8');
    expect(htmlPath).toBe(path.join(root, 'index.html'));
    expect(entries.map((e) => e.href)).toEqual(['a-first/index.html', 'b-second/index.html']);
    expect(html).toContain('<a href="a-first/index.html">First</a>');
    expect(html).toContain('<a href="b-second/index.html">Second</a>');
    expect(html).not.toContain('c-corrupt/index.html');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(path.join(root, 'c-corrupt', 'results.json'));
  });

  it('skips, with a warning naming the key, a JSON file that is not a results file', async () => {
    writeResults('odd', JSON.stringify({ experiment: 'odd', title: 'Odd' }));
    const { entries, warnings } = await writeReportIndex(root);
    expect(entries).toEqual([]);
    expect(warnings[0]).toMatch(/odd.*results\.json.*sources: must be an array/);
  });

  it('says which directory is missing', async () => {
    await expect(writeReportIndex(path.join(root, 'nope'))).rejects.toThrow(DataNotFoundError);
  });
});
